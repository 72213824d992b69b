// The parts of the HTML page around the report: escaping, the notes beside blocks, the summary.
#include <algorithm>

#include <fmt/format.h>

#include "render/detail/html_parts.hpp"

namespace nianbao::render::detail {

namespace {

struct words {
    std::string_view summary, count, severity[3], line, whole;
};

const words& words_for(source::lang lang) {
    static const words zh{"检查结果",
                          "共 {} 处：{} 个错误，{} 个警告，{} 个提示",
                          {"提示", "警告", "错误"},
                          "第 {} 行第 {} 列",
                          "全文"};
    static const words en{"Findings",
                          "{} findings: {} errors, {} warnings, {} notes",
                          {"info", "warning", "error"},
                          "line {}, column {}",
                          "whole report"};
    return lang == source::lang::en ? en : zh;
}

std::string_view severity_word(const words& w, source::severity s) {
    return w.severity[static_cast<int>(s)];
}

} // namespace

std::string escape_html(std::string_view s) {
    std::string out;
    out.reserve(s.size() + s.size() / 8);
    for (char c : s) {
        switch (c) {
        case '&':
            out += "&amp;";
            break;
        case '<':
            out += "&lt;";
            break;
        case '>':
            out += "&gt;";
            break;
        case '"':
            out += "&quot;";
            break;
        default:
            out += c;
        }
    }
    return out;
}

std::string write_notes(const std::vector<html_diagnostic>& all, std::vector<std::size_t> ids,
                        source::lang lang) {
    if (ids.empty()) {
        return {};
    }
    const words& w = words_for(lang);
    std::sort(ids.begin(), ids.end());
    std::string out = "<div class=\"notes\">";
    for (std::size_t d : ids) {
        const auto& diag = all[d];
        out += fmt::format(R"(<p class="note {0}" id="d{1}"><span class="n">{1}</span>)"
                           R"(<span class="sev {0}">{2}</span>{3}<code>{4}</code></p>)",
                           source::name(diag.level), d + 1, severity_word(w, diag.level),
                           escape_html(diag.message), escape_html(diag.rule));
    }
    return out + "</div>\n";
}

std::string write_summary(const ast::document& doc, const std::vector<html_diagnostic>& all,
                          const std::vector<std::size_t>& whole, source::lang lang) {
    if (all.empty()) {
        return {};
    }
    const words& w = words_for(lang);
    std::size_t count[3] = {0, 0, 0};
    for (const auto& d : all) {
        ++count[static_cast<int>(d.level)];
    }
    std::string out = fmt::format("<section class=\"summary\"><h2>{}</h2><p>", w.summary);
    out += fmt::format(fmt::runtime(w.count), all.size(), count[2], count[1], count[0]);
    out += "</p><ol>";
    for (std::size_t d = 0; d < all.size(); ++d) {
        // A finding on no node has no note; its summary entry is what the number links to.
        const bool on_report = std::find(whole.begin(), whole.end(), d) != whole.end();
        const auto pos = doc.lines().locate(all[d].where.begin);
        const std::string where = on_report
                                      ? std::string(w.whole)
                                      : fmt::format(fmt::runtime(w.line), pos.line, pos.column);
        out += fmt::format(R"(<li class="{0}"{5}><a href="#d{1}">{2}</a> <span class="sev {0}">)"
                           R"({3}</span>{4}<code>{6}</code></li>)",
                           source::name(all[d].level), d + 1, where, severity_word(w, all[d].level),
                           escape_html(all[d].message),
                           on_report ? fmt::format(" id=\"d{}\"", d + 1) : "",
                           escape_html(all[d].rule));
    }
    return out + "</ol></section>\n";
}

} // namespace nianbao::render::detail
