// Code-point scanning for the text/ rules: lines, half-width marks, stray and trailing blanks.
#include "lint/rules/text_scan.hpp"

#include <algorithm>

#include <unicode/utf8.h>

namespace nianbao::lint {

std::vector<source::span> split_lines(std::string_view text) {
    std::vector<source::span> out;
    std::size_t start = 0;
    while (start <= text.size()) {
        std::size_t nl = text.find('\n', start);
        const bool last = nl == std::string_view::npos;
        std::size_t end = last ? text.size() : nl;
        if (end > start && text[end - 1] == '\r') {
            --end;
        }
        if (!(last && start == text.size())) {
            out.push_back({static_cast<std::uint32_t>(start), static_cast<std::uint32_t>(end)});
        }
        if (last) {
            break;
        }
        start = nl + 1;
    }
    return out;
}

std::vector<code_point> decode_line(std::string_view text, source::span where) {
    // The text is valid UTF-8 (decoding guarantees it); ICU's U8_NEXT reads one code point.
    std::vector<code_point> out;
    const auto* p = reinterpret_cast<const std::uint8_t*>(text.data());
    const auto end = static_cast<std::int32_t>(where.end);
    for (auto i = static_cast<std::int32_t>(where.begin); i < end;) {
        const std::int32_t start = i;
        UChar32 c = 0;
        U8_NEXT(p, i, end, c);
        out.push_back({c < 0 ? U'\uFFFD' : static_cast<char32_t>(c),
                       static_cast<std::uint32_t>(start), static_cast<std::uint32_t>(i - start)});
    }
    return out;
}

bool cjk_like(char32_t cp) {
    return (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0x3400 && cp <= 0x4DBF)
           || (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0x20000 && cp <= 0x2FFFF)
           || (cp >= 0x3001 && cp <= 0x303F) || (cp >= 0xFF01 && cp <= 0xFF60)
           || (cp >= 0x2018 && cp <= 0x201F) || cp == 0x2026 || cp == 0x2014;
}

namespace {

std::string full_of(char32_t cp) {
    switch (cp) {
    case ',':
        return "，";
    case ':':
        return "：";
    case ';':
        return "；";
    case '?':
        return "？";
    case '!':
        return "！";
    case '(':
        return "（";
    case ')':
        return "）";
    default:
        return {};
    }
}

// Parenthesis pairs that belong to Chinese text: Chinese inside, or Chinese right outside.
std::vector<bool> converted_parens(const std::vector<code_point>& c,
                                   std::vector<std::pair<std::size_t, std::size_t>>& pairs) {
    std::vector<bool> out(c.size(), false);
    // Chinese characters before each index, so that "any inside?" costs O(1) even for deeply
    // nested parentheses.
    std::vector<std::size_t> before_count(c.size() + 1, 0);
    for (std::size_t i = 0; i < c.size(); ++i) {
        before_count[i + 1] = before_count[i] + (cjk_like(c[i].cp) ? 1U : 0U);
    }
    std::vector<std::size_t> open;
    for (std::size_t i = 0; i < c.size(); ++i) {
        if (c[i].cp == '(') {
            open.push_back(i);
        } else if (c[i].cp == ')' && !open.empty()) {
            const std::size_t o = open.back();
            open.pop_back();
            const bool inside = before_count[i] > before_count[o];
            const bool before = o > 0 && cjk_like(c[o - 1].cp);
            const bool after = i + 1 < c.size() && cjk_like(c[i + 1].cp);
            if (inside || before || after) {
                out[o] = out[i] = true;
                pairs.emplace_back(o, i);
            }
        }
    }
    return out;
}

} // namespace

std::vector<mark> half_width_marks(const std::vector<code_point>& c) {
    std::vector<std::pair<std::size_t, std::size_t>> pairs;
    const auto parens = converted_parens(c, pairs);
    std::vector<mark> out;
    for (const auto& [o, cl] : pairs) {
        mark m{{c[o].offset, c[cl].offset + 1}, "()", "（）", {}};
        m.edits = {{{c[o].offset, c[o].offset + 1}, "（"},
                   {{c[cl].offset, c[cl].offset + 1}, "）"}};
        out.push_back(std::move(m));
    }
    const auto chinese = [&](std::size_t i) {
        return cjk_like(c[i].cp) || parens[i];
    };
    for (std::size_t i = 1; i + 1 < c.size(); ++i) {
        const std::string full = full_of(c[i].cp);
        if (full.empty() || c[i].cp == '(' || c[i].cp == ')' || !chinese(i - 1)
            || !chinese(i + 1)) {
            continue;
        }
        const source::span at{c[i].offset, c[i].offset + 1};
        out.push_back({at, std::string(1, static_cast<char>(c[i].cp)), full, {{at, full}}});
    }
    std::sort(out.begin(), out.end(),
              [](const mark& a, const mark& b) { return a.where.begin < b.where.begin; });
    return out;
}

std::vector<stray> stray_runs(const std::vector<code_point>& c, std::size_t end) {
    std::vector<stray> out;
    std::size_t i = 0;
    // A leading run of U+3000 (and spaces) is the paragraph indent.
    while (i < end && (c[i].cp == 0x3000 || c[i].cp == ' ')) {
        ++i;
    }
    for (; i < end; ++i) {
        if (c[i].cp != 0xA0 && c[i].cp != 0x3000) {
            continue;
        }
        std::size_t j = i;
        while (j < end && (c[j].cp == 0xA0 || c[j].cp == 0x3000)) {
            ++j;
        }
        const bool before = i == 0 || cjk_like(c[i - 1].cp);
        const bool after = j >= c.size() || cjk_like(c[j].cp);
        stray s;
        s.where = {c[i].offset, c[j - 1].offset + c[j - 1].length};
        s.name = c[i].cp == 0xA0 ? "U+00A0" : "U+3000";
        s.replacement = before && after ? "" : " ";
        out.push_back(std::move(s));
        i = j - 1;
    }
    return out;
}

std::size_t trailing_start(const std::vector<code_point>& c) {
    std::size_t t = c.size();
    while (t > 0
           && (c[t - 1].cp == ' ' || c[t - 1].cp == '\t' || c[t - 1].cp == 0xA0
               || c[t - 1].cp == 0x3000)) {
        --t;
    }
    return t;
}

std::vector<source::span> table_spans(const ast::document& doc) {
    std::vector<source::span> out;
    for (ast::node_id i = 0; i < doc.nodes().size(); ++i) {
        if (doc[i].kind == ast::node_kind::table) {
            out.push_back(doc[i].span);
        }
    }
    return out;
}

bool in_table(const std::vector<source::span>& tables, std::uint32_t offset) {
    return std::any_of(tables.begin(), tables.end(),
                       [&](const source::span& s) { return offset >= s.begin && offset < s.end; });
}

} // namespace nianbao::lint
