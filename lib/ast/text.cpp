// Reading values out of the tree: normalised cell text, heading parts, rows and cells.
#include <algorithm>

#include "ast/table/dialect_support.hpp"
#include "ast/tree.hpp"

namespace nianbao::ast {

namespace {

// Length of the blank (space, TAB, U+00A0, U+3000) starting at `s[i]`, or 0.
std::size_t blank_at(std::string_view s, std::size_t i) {
    if (s[i] == ' ' || s[i] == '\t' || s[i] == '\r') {
        return 1;
    }
    if (s.substr(i, 2) == "\xC2\xA0") {
        return 2;
    }
    if (s.substr(i, 3) == "\xE3\x80\x80") {
        return 3;
    }
    return 0;
}

std::string_view trim(std::string_view s) {
    std::size_t b = 0;
    while (b < s.size()) {
        const std::size_t n = blank_at(s, b);
        if (n == 0) {
            break;
        }
        b += n;
    }
    s.remove_prefix(b);
    // Trailing blanks: U+00A0 ends in A0, U+3000 in 80; step back over whole characters.
    while (!s.empty()) {
        const std::size_t n = s.size();
        if (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\r') {
            s.remove_suffix(1);
        } else if (n >= 2 && s.substr(n - 2) == "\xC2\xA0") {
            s.remove_suffix(2);
        } else if (n >= 3 && s.substr(n - 3) == "\xE3\x80\x80") {
            s.remove_suffix(3);
        } else {
            break;
        }
    }
    return s;
}

bool ascii_alnum(char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

} // namespace

// Cells written by nianbao (docs/convert.md) mark a line break inside a pipe or lines cell as
// `<br>`, a bar as `&#124;`, and 。！？ on the first line of a tab row (which would read as
// indented prose) as `&#12290;` `&#65281;` `&#65311;`; in every layout they read as what they
// stand for.
std::string decode_cell_markup(std::string_view raw) {
    static constexpr std::pair<std::string_view, std::string_view> marks[] = {
        {"<br>", "\n"},  {"<br/>", "\n"},    {"<br />", "\n"},   {"<BR>", "\n"},
        {"&#124;", "|"}, {"&#12290;", "。"}, {"&#65281;", "！"}, {"&#65311;", "？"}};
    std::string out;
    out.reserve(raw.size());
    for (std::size_t i = 0; i < raw.size();) {
        const std::string_view rest = raw.substr(i);
        const auto* m = rest[0] != '<' && rest[0] != '&'
                            ? std::end(marks)
                            : std::find_if(std::begin(marks), std::end(marks), [&](const auto& t) {
                                  return rest.starts_with(t.first);
                              });
        if (m != std::end(marks)) {
            out += m->second;
            i += m->first.size();
        } else {
            out += raw[i++];
        }
    }
    return out;
}

namespace {

std::string join_cell_lines(std::string_view raw) {
    std::string out;
    out.reserve(raw.size());
    std::size_t pos = 0;
    while (pos <= raw.size()) {
        // A lone CR breaks a line like LF ("行政\r许可" from a CR-only editor joins to 行政许可);
        // in CRLF the CR ends an empty piece, which is skipped.
        std::size_t nl = pos;
        while (nl < raw.size() && raw[nl] != '\r' && raw[nl] != '\n') {
            ++nl;
        }
        if (nl >= raw.size()) {
            nl = std::string_view::npos;
        }
        const std::string_view line =
            trim(raw.substr(pos, nl == std::string_view::npos ? std::string_view::npos : nl - pos));
        if (!line.empty()) {
            // "LED\nscreen" keeps a space; "商业\n企业" joins to 商业企业.
            if (!out.empty() && ascii_alnum(out.back()) && ascii_alnum(line.front())) {
                out += ' ';
            }
            out.append(line);
        }
        if (nl == std::string_view::npos) {
            break;
        }
        pos = nl + 1;
    }
    return out;
}

} // namespace

std::string normalise_cell(std::string_view raw) {
    // One look at each byte decides: most cells are one line without markup and only need
    // their blanks trimmed.
    bool markup = false;
    bool lines = false;
    for (const char c : raw) {
        markup |= c == '<' || c == '&';
        lines |= c == '\n' || c == '\r';
    }
    if (markup) {
        return join_cell_lines(decode_cell_markup(raw));
    }
    if (!lines) {
        return std::string(trim(raw));
    }
    return join_cell_lines(raw);
}

std::string cell_text(const document& doc, node_id cell) {
    return normalise_cell(doc.raw(cell));
}

source::span content_span(const document& doc, node_id cell) {
    const std::string_view raw = doc.raw(cell);
    const std::string_view t = trim(raw);
    if (t.empty()) {
        return doc[cell].span;
    }
    const auto begin = doc[cell].span.begin + static_cast<std::uint32_t>(t.data() - raw.data());
    return {begin, begin + static_cast<std::uint32_t>(t.size())};
}

std::string_view heading_marker(const document& doc, node_id heading) {
    for (node_id c : doc.children(heading)) {
        if (doc[c].kind == node_kind::marker) {
            return doc.raw(c);
        }
    }
    return {};
}

std::string heading_title(const document& doc, node_id heading) {
    for (node_id c : doc.children(heading)) {
        if (doc[c].kind == node_kind::heading_text) {
            return std::string(trim(doc.raw(c)));
        }
    }
    return {};
}

node_id section_heading(const document& /*doc*/, node_id section) {
    return section + 1;
}

std::string_view line_content(const document& doc, node_id id) {
    std::string_view s = doc.raw(id);
    if (s.ends_with('\n')) {
        s.remove_suffix(1);
        if (s.ends_with('\r')) {
            s.remove_suffix(1);
        }
    }
    return s;
}

std::vector<node_id> row_cells(const document& doc, node_id row) {
    std::vector<node_id> cells;
    for (node_id c : doc.children(row)) {
        if (doc[c].kind == node_kind::cell) {
            cells.push_back(c);
        }
    }
    return cells;
}

std::vector<node_id> table_rows(const document& doc, node_id table) {
    std::vector<node_id> rows;
    for (node_id c : doc.children(table)) {
        if (doc[c].kind == node_kind::row) {
            rows.push_back(c);
        }
    }
    return rows;
}

namespace table {

bool looks_empty(std::string_view text) {
    const std::string_view t = trim(text);
    return t.empty() || t == "-" || t == "—" || t == "/" || t == "／" || t == "－" || t == "——"
           || t == "&nbsp;";
}

bool looks_numeric(std::string_view text) {
    std::string_view t = trim(text);
    if (t.starts_with('+') || t.starts_with('-')) {
        t.remove_prefix(1);
    }
    std::size_t digits = 0;
    std::size_t i = 0;
    while (i < t.size() && ((t[i] >= '0' && t[i] <= '9') || t[i] == '.' || t[i] == ',')) {
        digits += (t[i] >= '0' && t[i] <= '9') ? 1U : 0U;
        ++i;
    }
    if (digits == 0) {
        return false;
    }
    // A unit may follow the figure: 万元, 元, 件, 条, 个, 人, 次, 篇, %.
    static constexpr std::string_view units[] = {"",   "万元", "元", "件", "条", "个",
                                                 "人", "人次", "次", "篇", "%",  "项"};
    const std::string_view rest = trim(t.substr(i));
    return std::find(std::begin(units), std::end(units), rest) != std::end(units);
}

} // namespace table

} // namespace nianbao::ast
