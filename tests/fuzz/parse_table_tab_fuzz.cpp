// Fuzz target: the tab dialect. Every input line is shaped into a tab table line.
#include "fuzz_support.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    nianbao::fuzz::check_shaped(data, size, [](const std::string& line) { return "\t" + line; });
    return 0;
}
