// Fuzz target: the template language — syntax, statements, extends and check validation.
#include "fuzz_support.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    auto r = nianbao::source::decode(std::string_view(reinterpret_cast<const char*>(data), size),
                                     nianbao::source::encoding::automatic, "fuzz");
    auto* t = std::get_if<nianbao::source::text>(&r);
    if (t == nullptr) {
        return 0;
    }
    // Also as a derived template of the built-ins, so `extends` and `amend` paths run.
    const auto set = nianbao::model::load_template_sources(
        {{"base.tpl", std::string(nianbao::model::builtin_template_files()[1].second)},
         {"fuzz.tpl", t->utf8}});
    for (const auto& p : set.problems) {
        if (p.diag.id.empty()) {
            nianbao::fuzz::fail("problem without id");
        }
    }
    return 0;
}
