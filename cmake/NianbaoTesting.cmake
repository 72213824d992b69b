# nianbao_add_test_dir(<dir> LABEL <label> LIBS <targets...> SOURCES <files...>)
#
# Builds one Boost.Test executable per tests/ sub-directory (nianbao_tests_<dir>) from an
# explicit source list, checks that list against the files on disk (a new test file that is not
# listed fails the configure step), and registers one CTest test per Boost suite. A suite is
# named after its file's path below tests/: tests/grammar/table/pipe_test.cpp → grammar_table_pipe.
find_package(Boost 1.74 REQUIRED COMPONENTS unit_test_framework)

# Test sources are compiled for build speed: -Og halves the time Boost.Test's macros take at -O2
# and keeps the code debuggable. The library and the program under test keep the build type's
# optimisation. Empty: the build type's flags for the tests too.
set(NIANBAO_TEST_OPTIMIZE "-Og" CACHE STRING "Optimisation flag for the test sources")

function(nianbao_add_test_dir dir)
  cmake_parse_arguments(ARG "" "LABEL" "LIBS;SOURCES" ${ARGN})
  string(REPLACE "/" "_" target_suffix "${dir}")
  set(target nianbao_tests_${target_suffix})

  # PEGTL's list-vs-glob check: every *_test.cpp on disk must be listed.
  file(GLOB_RECURSE on_disk RELATIVE ${CMAKE_CURRENT_SOURCE_DIR}/${dir}
       ${CMAKE_CURRENT_SOURCE_DIR}/${dir}/*_test.cpp)
  foreach(f IN LISTS on_disk)
    if(NOT f IN_LIST ARG_SOURCES)
      message(FATAL_ERROR "tests/${dir}/${f} exists but is not listed in tests/CMakeLists.txt")
    endif()
  endforeach()

  set(files ${CMAKE_CURRENT_SOURCE_DIR}/support/test_main.cpp)
  foreach(f IN LISTS ARG_SOURCES)
    list(APPEND files ${CMAKE_CURRENT_SOURCE_DIR}/${dir}/${f})
  endforeach()
  add_executable(${target} ${files})
  target_link_libraries(${target} PRIVATE ${ARG_LIBS} nianbao_options Boost::unit_test_framework)
  target_include_directories(${target} PRIVATE ${CMAKE_CURRENT_SOURCE_DIR})
  if(NIANBAO_TEST_OPTIMIZE)
    target_compile_options(${target} PRIVATE ${NIANBAO_TEST_OPTIMIZE})
  endif()
  target_compile_definitions(${target} PRIVATE
    BOOST_TEST_DYN_LINK
    NIANBAO_SOURCE_DIR="${PROJECT_SOURCE_DIR}"
    NIANBAO_CLI_PATH="$<TARGET_FILE:nianbao_cli>")
  add_dependencies(${target} nianbao_cli)

  foreach(f IN LISTS ARG_SOURCES)
    string(REGEX REPLACE "_test\\.cpp$" "" stem "${dir}/${f}")
    string(REPLACE "/" "_" suite "${stem}")
    add_test(NAME ${suite} COMMAND ${target} --run_test=${suite} --color_output=no)
    # A hang is a failure: no suite may run for more than five minutes.
    set_tests_properties(${suite} PROPERTIES LABELS "${ARG_LABEL}" TIMEOUT 300
                         ENVIRONMENT "NIANBAO_SOURCE_DIR=${PROJECT_SOURCE_DIR}")
  endforeach()
endfunction()
