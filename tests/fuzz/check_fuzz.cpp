// Fuzz target: `check` on arbitrary bytes — binding, every rule, their fixes and the diagnostic
// writers. Findings and fix edits stay inside the text, applying the fixes keeps it UTF-8, and
// the human format written in slices is the whole.
#include <algorithm>
#include <span>
#include <string>

#include "fuzz_support.hpp"
#include "lint/lint.hpp"
#include "render/diagnostic_writer.hpp"
#include "source/text.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace nianbao;
    const auto parsed = fuzz::parse_bytes(data, size);
    if (!parsed) {
        return 0;
    }
    const ast::document& doc = *parsed;
    const auto model = model::bind(doc, fuzz::templates());
    auto found = lint::run(doc, model);
    const std::size_t n = doc.text().size();
    for (const auto& f : found) {
        if (f.where.begin > f.where.end || f.where.end > n) {
            fuzz::fail("a finding outside the text");
        }
        if (f.fix) {
            for (const auto& e : f.fix->edits) {
                if (e.where.begin > e.where.end || e.where.end > n) {
                    fuzz::fail("a fix edit outside the text");
                }
            }
        }
    }
    const std::string fixed = lint::apply_fixes(doc.text(), found);
    if (source::first_invalid_utf8(fixed) != std::string_view::npos) {
        fuzz::fail("the fixes broke UTF-8");
    }
    const auto located = render::locate("fuzz", doc, std::move(found), source::lang::en);
    // The human format is written a slice of findings at a time when a report is
    // checked alone: the slices must add up to the whole.
    const std::string human = render::write_human(doc, located, false);
    const std::span<const render::located_finding> all(located);
    const std::size_t step = 1 + size % 3;
    std::string sliced;
    for (std::size_t from = 0; from < all.size(); from += step) {
        sliced +=
            render::write_human(doc, all.subspan(from, std::min(step, all.size() - from)), false);
    }
    if (sliced != human) {
        fuzz::fail("the human format written in slices differs from the whole");
    }
    (void)render::write_json(located);
    return 0;
}
