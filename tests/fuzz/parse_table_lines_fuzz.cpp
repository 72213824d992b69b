// Fuzz target: the lines dialect. Every input line is shaped into a lines table line.
#include "fuzz_support.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    nianbao::fuzz::check_shaped(data, size, [](const std::string& line) { return line + " |"; });
    return 0;
}
