// Helpers for the lint tests: lint a text or a seed, pick findings, locate them.
#pragma once

#include <ostream>
#include <string>
#include <vector>

#include "ast/tree.hpp"
#include "lint/lint.hpp"
#include "model/binding.hpp"
#include "support/corpus.hpp"

namespace nianbao::source {

/// Lets Boost.Test print severities in failed assertions.
inline std::ostream& operator<<(std::ostream& o, severity s) {
    return o << name(s);
}

} // namespace nianbao::source

namespace nianbao::test {

/// A finding with its 1-based position, for assertions.
struct found {
    std::string rule;
    std::string message_id;
    source::severity level;
    std::uint32_t line;
    std::uint32_t column;
    std::string message; ///< zh
    bool fixable;
};

/// The built-in templates, loaded once.
inline const model::template_set& templates() {
    static const model::template_set set = model::load_templates({});
    return set;
}

/// Lints `text` (bound to `tpl`, or the detected template) with the rules in `select`.
inline std::vector<found> lint_text(const std::string& text, const std::string& select = "",
                                    const std::string& tpl = "") {
    ast::document doc = ast::parse(source::text{"t.txt", text, "UTF-8", ""});
    const auto m = model::bind(doc, templates(), tpl.empty() ? nullptr : templates().find(tpl));
    lint::options opts;
    if (!select.empty()) {
        opts.select.push_back(select);
    }
    std::vector<found> out;
    for (const auto& f : lint::run(doc, m, opts)) {
        const auto p = doc.lines().locate(f.where.begin);
        out.push_back({f.rule, f.message_id, f.level, p.line, p.column,
                       source::format_message(f.message_id, source::lang::zh, f.args),
                       f.fix.has_value()});
    }
    return out;
}

/// The text of the seed whose file name starts with `prefix` ("003").
inline std::string seed(const std::string& prefix) {
    for (const auto& f : corpus_files()) {
        if (f.find("/reports/" + prefix) != std::string::npos) {
            return read_file(f);
        }
    }
    return {};
}

/// `text` with the `n`-th line (1-based) replaced.
inline std::string with_line(const std::string& text, std::uint32_t n, const std::string& line) {
    std::string out;
    std::uint32_t k = 1;
    std::size_t start = 0;
    while (start <= text.size()) {
        const auto nl = text.find('\n', start);
        const auto end = nl == std::string::npos ? text.size() : nl;
        out += k == n ? line : text.substr(start, end - start);
        if (nl == std::string::npos) {
            break;
        }
        out += '\n';
        start = nl + 1;
        ++k;
    }
    return out;
}

/// Findings of one rule.
inline std::vector<found> of(const std::vector<found>& all, const std::string& rule) {
    std::vector<found> out;
    for (const auto& f : all) {
        if (f.rule == rule) {
            out.push_back(f);
        }
    }
    return out;
}

} // namespace nianbao::test
