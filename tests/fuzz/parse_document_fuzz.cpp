// Fuzz target: decoding and parsing whole documents.
#include "fuzz_support.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    nianbao::fuzz::check_bytes(data, size);
    return 0;
}
