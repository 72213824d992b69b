// Fixing with a safety net: a fix that changes how the report parses or binds is reverted.
#include "lint/fixer.hpp"

#include <fmt/format.h>

namespace nianbao::lint {

std::string structure_signature(const ast::document& doc, const model::report_model& model) {
    std::string out;
    for (const auto& n : doc.nodes()) {
        if (!grammar::is_trivia(n.kind)) {
            out += fmt::format("{}:{}:{} ", static_cast<int>(n.kind), n.level, n.dialect);
        }
    }
    out += fmt::format("|d{}|", doc.diagnostics().size());
    for (const auto& t : model.tables) {
        out += t.def->key + "{";
        for (const auto& r : t.rows) {
            out += r.def->key + ":" + std::string(model::name(r.how)) + "[";
            for (const auto& c : r.cells) {
                out += c.empty ? "_" : c.invalid ? "!" : c.number + c.unit;
                out += ",";
            }
            out += "]";
        }
        out += "}";
    }
    return out;
}

namespace {

struct parsed {
    ast::document doc;
    model::report_model model;
};

parsed parse_bind(const source::text& input, std::string utf8, const model::template_set& set,
                  const model::template_def* forced) {
    source::text t = input;
    t.utf8 = std::move(utf8);
    ast::document doc = ast::parse(std::move(t));
    model::report_model m = model::bind(doc, set, forced);
    return {std::move(doc), std::move(m)};
}

} // namespace

fix_outcome fix_report(const source::text& input, const model::template_set& set,
                       const model::template_def* forced, const options& opts) {
    fix_outcome out;
    out.utf8 = input.utf8;
    const auto original = parse_bind(input, input.utf8, set, forced);
    const std::string want = structure_signature(original.doc, original.model);
    for (int pass = 0; pass < 4; ++pass) {
        const auto current = parse_bind(input, out.utf8, set, forced);
        std::vector<finding> fixable;
        for (auto& f : run(current.doc, current.model, opts)) {
            if (f.fix) {
                fixable.push_back(std::move(f));
            }
        }
        if (fixable.empty()) {
            break;
        }
        const auto same = [&](const std::string& text) {
            const auto p = parse_bind(input, text, set, forced);
            return structure_signature(p.doc, p.model) == want;
        };
        std::size_t used = 0;
        std::string next = apply_fixes(out.utf8, fixable, &used);
        if (!same(next)) {
            // Find the culprits: keep each fix only if the text with it still has the shape.
            std::vector<finding> kept;
            for (auto& f : fixable) {
                kept.push_back(f);
                if (!same(apply_fixes(out.utf8, kept))) {
                    kept.pop_back();
                    ++out.reverted;
                }
            }
            next = apply_fixes(out.utf8, kept, &used);
        }
        if (next == out.utf8) {
            break;
        }
        out.applied += used;
        out.utf8 = std::move(next);
    }
    return out;
}

} // namespace nianbao::lint
