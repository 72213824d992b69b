// Reading values out of the tree: normalised cell text, heading parts, rows and cells.
#include "ast/text.hpp"

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstring>

#include "ast/table/dialect_support.hpp"
#include "ast/tree.hpp"

namespace nianbao::ast {

namespace {

// `s` without the blanks (space, TAB, CR, U+00A0, U+3000) at its ends.
std::string_view trim(std::string_view s) {
    // The bytes a blank starts with (bit 1) and those it ends with (bit 2): one look at a byte
    // tells that no blank is there, which is what most ends of cells show.
    static constexpr auto ends = [] {
        std::array<std::uint8_t, 256> t{};
        t[' '] = t['\t'] = t['\r'] = 3;
        t[0xC2] = t[0xE3] = 1; // first bytes of U+00A0 and U+3000
        t[0xA0] = t[0x80] = 2; // their last bytes
        return t;
    }();
    const auto* b = reinterpret_cast<const unsigned char*>(s.data());
    const auto* e = b + s.size();
    while (b < e && (ends[b[0]] & 1U) != 0) {
        if (b[0] < 0x80) {
            ++b;
        } else if (b[0] == 0xC2 && e - b >= 2 && b[1] == 0xA0) {
            b += 2;
        } else if (b[0] == 0xE3 && e - b >= 3 && b[1] == 0x80 && b[2] == 0x80) {
            b += 3;
        } else {
            break;
        }
    }
    // Trailing blanks: U+00A0 ends in A0, U+3000 in 80; step back over whole characters.
    while (e > b && (ends[e[-1]] & 2U) != 0) {
        if (e[-1] < 0x80) {
            --e;
        } else if (e[-1] == 0xA0 && e - b >= 2 && e[-2] == 0xC2) {
            e -= 2;
        } else if (e[-1] == 0x80 && e - b >= 3 && e[-2] == 0x80 && e[-3] == 0xE3) {
            e -= 3;
        } else {
            break;
        }
    }
    return {reinterpret_cast<const char*>(b), static_cast<std::size_t>(e - b)};
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

// Sets `markup` if `raw` holds '<' or '&' and `lines` if it holds '\n' or '\r'. All four are
// below 0x40, and CJK text has no such byte: eight bytes at a time are skipped when none of
// theirs is ((x - 0x40…40) & ~x & 0x80…80 is non-zero exactly when some byte of x is below 0x40).
void scan_cell(std::string_view raw, bool& markup, bool& lines) {
    static constexpr auto classes = [] {
        std::array<std::uint8_t, 256> t{};
        t['<'] = t['&'] = 1;
        t['\n'] = t['\r'] = 2;
        return t;
    }();
    constexpr std::uint64_t ones = 0x0101010101010101ULL;
    constexpr std::uint64_t highs = 0x8080808080808080ULL;
    const auto* p = reinterpret_cast<const unsigned char*>(raw.data());
    const std::size_t n = raw.size();
    unsigned found = 0;
    std::size_t i = 0;
    for (; i + 8 <= n; i += 8) {
        std::uint64_t w = 0;
        std::memcpy(&w, p + i, 8);
        if (((w - ones * 0x40) & ~w & highs) != 0) {
            for (std::size_t k = 0; k < 8; ++k) {
                found |= classes[p[i + k]];
            }
        }
    }
    for (; i < n; ++i) {
        found |= classes[p[i]];
    }
    markup = (found & 1U) != 0;
    lines = (found & 2U) != 0;
}

} // namespace

std::string_view normalise_cell(std::string_view raw, std::string& storage) {
    // One look at each byte decides: most cells are one line without markup and only need
    // their blanks trimmed.
    bool markup = false;
    bool lines = false;
    scan_cell(raw, markup, lines);
    if (markup) {
        storage = join_cell_lines(decode_cell_markup(raw));
        return storage;
    }
    if (!lines) {
        return trim(raw);
    }
    storage = join_cell_lines(raw);
    return storage;
}

std::string normalise_cell(std::string_view raw) {
    std::string storage;
    const std::string_view text = normalise_cell(raw, storage);
    if (!text.empty() && text.data() == storage.data()) {
        return storage;
    }
    return std::string(text);
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

namespace {

// The children of `parent` of kind `k`, in one allocation.
std::vector<node_id> children_of_kind(const document& doc, node_id parent, node_kind k) {
    std::size_t n = 0;
    for (node_id c : doc.children(parent)) {
        n += doc[c].kind == k ? 1U : 0U;
    }
    std::vector<node_id> out;
    out.reserve(n);
    for (node_id c : doc.children(parent)) {
        if (doc[c].kind == k) {
            out.push_back(c);
        }
    }
    return out;
}

} // namespace

std::vector<node_id> row_cells(const document& doc, node_id row) {
    return children_of_kind(doc, row, node_kind::cell);
}

std::vector<node_id> table_rows(const document& doc, node_id table) {
    return children_of_kind(doc, table, node_kind::row);
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
