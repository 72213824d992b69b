// Fuzz target: the pipe dialect. Every input line is shaped into a pipe table line.
#include "fuzz_support.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    nianbao::fuzz::check_shaped(data, size,
                                [](const std::string& line) { return line + " | " + line + " |"; });
    return 0;
}
