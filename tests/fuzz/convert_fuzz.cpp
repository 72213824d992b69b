// Fuzz target: `convert` — every table in every text layout and back keeps the words and figures.
#include "fuzz_support.hpp"
#include "render/convert.hpp"
#include "render/table_dialect.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace nianbao;
    const auto parsed = fuzz::parse_bytes(data, size);
    if (!parsed) {
        return 0;
    }
    const ast::document& doc = *parsed;
    const std::string formatted = render::format_document(doc);
    if (!render::compare_layout(doc, formatted).empty()) {
        return 0; // fmt would refuse this input; convert's contract starts from a formatted text
    }
    const ast::document base = ast::parse(source::text{"fuzz", formatted, "UTF-8", ""});
    for (const char* id : {"pipe", "tab", "lines"}) {
        const render::text_dialect& d = *render::find_text_dialect(id);
        if (render::first_unwritable_table(base, d) != 0) {
            continue; // a table this layout cannot hold: convert refuses it, naming the table
        }
        const std::string converted = render::convert_tables(base, d);
        if (!render::compare_layout(base, converted).empty()) {
            fuzz::fail("convert lost or changed a word or figure");
        }
    }
    return 0;
}
