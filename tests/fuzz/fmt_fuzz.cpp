// Fuzz target: `fmt` — the canonical layout is idempotent and keeps every word and figure.
#include "fuzz_support.hpp"
#include "render/convert.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace nianbao;
    const auto parsed = fuzz::parse_bytes(data, size);
    if (!parsed) {
        return 0;
    }
    const ast::document& doc = *parsed;
    std::string once = render::format_document(doc);
    if (!render::compare_layout(doc, once).empty()) {
        // fmt refuses to write such a result (checked in cmd_fmt); nothing more to check here.
        return 0;
    }
    const ast::document formatted = ast::parse(source::text{"fuzz", once, "UTF-8", ""});
    if (render::format_document(formatted) != once) {
        fuzz::fail("fmt is not idempotent");
    }
    return 0;
}
