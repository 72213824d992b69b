# nianbao_options: warnings and sanitizers, linked PRIVATE by every nianbao target.
add_library(nianbao_options INTERFACE)
target_compile_features(nianbao_options INTERFACE cxx_std_20)
target_compile_options(nianbao_options INTERFACE
  -Wall -Wextra -Wpedantic -Wshadow -Wconversion -Wsign-conversion)
if(NIANBAO_WERROR)
  target_compile_options(nianbao_options INTERFACE -Werror)
endif()
if(NIANBAO_SANITIZE)
  target_compile_options(nianbao_options INTERFACE
    -fsanitize=${NIANBAO_SANITIZE} -fno-omit-frame-pointer -fno-sanitize-recover=all)
  target_link_options(nianbao_options INTERFACE -fsanitize=${NIANBAO_SANITIZE})
endif()
if(NIANBAO_FUZZ)
  # The libraries are instrumented for coverage; only fuzz executables link libFuzzer's main.
  target_compile_options(nianbao_options INTERFACE -fsanitize=fuzzer-no-link)
endif()
