// Fuzz target: the lines dialect. Every input line is shaped into a lines table line, so the
// fuzzer spends its time inside that dialect's grammar and normaliser.
#include "fuzz_support.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    auto r = nianbao::source::decode(std::string_view(reinterpret_cast<const char*>(data), size),
                                     nianbao::source::encoding::automatic, "fuzz");
    auto* t = std::get_if<nianbao::source::text>(&r);
    if (t == nullptr) {
        return 0;
    }
    std::string shaped;
    std::size_t pos = 0;
    while (pos <= t->utf8.size()) {
        const auto nl = t->utf8.find('\n', pos);
        const std::string line =
            t->utf8.substr(pos, nl == std::string::npos ? std::string::npos : nl - pos);
        shaped += line + " |";
        shaped += '\n';
        if (nl == std::string::npos) {
            break;
        }
        pos = nl + 1;
    }
    nianbao::fuzz::check_text(std::move(shaped));
    return 0;
}
