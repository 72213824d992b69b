// Scanning lines for the text/ rules: half-width marks, stray and trailing blanks.
#include "lint/rules/text_scan.hpp"

#include <algorithm>
#include <array>
#include <cstring>

#include "lint/rules/text_bytes.hpp"

namespace nianbao::lint {

using namespace detail;

bool cjk_like(char32_t cp) {
    return (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0x3400 && cp <= 0x4DBF)
           || (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0x20000 && cp <= 0x2FFFF)
           || (cp >= 0x3001 && cp <= 0x303F) || (cp >= 0xFF01 && cp <= 0xFF60)
           || (cp >= 0x2018 && cp <= 0x201F) || cp == 0x2026 || cp == 0x2014;
}

namespace {

std::string_view full_of(char32_t cp) {
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
    default:
        return {};
    }
}

// The bytes of the half-width marks: ASCII, so each is a code point of its own in UTF-8.
constexpr std::array<unsigned char, 7> mark_bytes = {',', ':', ';', '?', '!', '(', ')'};

constexpr std::uint32_t none = 0xFFFFFFFF;

// A half-width mark between two code points that are Chinese or parentheses; whether a
// parenthesis counts as Chinese is known only once its pair is closed.
struct candidate {
    std::uint32_t at = 0;
    char32_t cp = 0;
    std::uint32_t paren_before = none; // offset of the parenthesis before, if that is what it is
    std::uint32_t paren_after = none;
};

// Empties a working list kept from line to line; one grown by an unusually long line gives its
// memory back.
template <class T>
void fresh(std::vector<T>& v) {
    if (v.capacity() > 4096) {
        std::vector<T>().swap(v);
    } else {
        v.clear();
    }
}

// Counts the Chinese code points of a line up to a position, moving forward only: a line is
// decoded at most once, and only as far as its last parenthesis.
class chinese_counter {
public:
    chinese_counter(std::string_view text, source::span line)
        : text_(text), end_(line.end), at_(line.begin) {}

    // Chinese code points from the line's start to `to`, a code point boundary at or after the
    // last position asked.
    std::uint64_t before(std::uint32_t to) {
        const auto* p = reinterpret_cast<const unsigned char*>(text_.data());
        while (at_ < to) {
            const unsigned char b = p[at_];
            if (b < 0x80) {
                ++at_;
            } else if (b >= 0xE5 && b <= 0xE9 && at_ + 2 < end_) {
                // U+5000-U+9FFF: Chinese, three bytes (valid UTF-8 is given).
                ++count_;
                at_ += 3;
            } else {
                const decoded d = decode_at(text_, at_, end_);
                count_ += cjk_like(d.cp) ? 1U : 0U;
                at_ += d.length;
            }
        }
        return count_;
    }

private:
    std::string_view text_;
    std::uint32_t end_;
    std::uint32_t at_;
    std::uint64_t count_ = 0;
};

} // namespace

std::vector<half_width_line> half_width_lines(std::string_view text) {
    std::vector<half_width_line> out;
    half_width_line found;
    // The mark bytes of one line at a time, found sixty-four bytes at a time over the whole text.
    std::vector<std::uint32_t> marks;
    source::span line;
    const auto scan_line = [&] {
        if (!marks.empty() && scan_half_width(text, line, marks, found)) {
            out.push_back(std::move(found));
        }
        marks.clear();
    };
    const auto* p = reinterpret_cast<const unsigned char*>(text.data());
    for_each_match(
        p, static_cast<std::uint32_t>(text.size()), 0, true,
        []([[maybe_unused]] const unsigned char* q) {
#if defined(__SSE2__)
            // `(` `)` and `:` `;` differ in their lowest bit only: five compares find all seven.
            const bytes16 v = load16(q);
            const bytes16 odd = _mm_or_si128(v, _mm_set1_epi8(1));
            return _mm_or_si128(_mm_or_si128(_mm_or_si128(equal(odd, ')'), equal(odd, ';')),
                                             _mm_or_si128(equal(v, ','), equal(v, '!'))),
                                equal(v, '?'));
#else
            return bytes16{};
#endif
        },
        [&](std::uint32_t i) {
            return std::find(mark_bytes.begin(), mark_bytes.end(), p[i]) != mark_bytes.end();
        },
        [&](std::uint32_t at) {
            if (marks.empty() || at >= line.end) {
                scan_line();
                line = line_around(text, at);
            }
            marks.push_back(at);
        });
    scan_line();
    return out;
}

bool scan_half_width(std::string_view text, source::span line,
                     std::span<const std::uint32_t> mark_offsets, half_width_line& out) {
    const auto* bytes = reinterpret_cast<const unsigned char*>(text.data());
    // Only the marks are visited, with the code points on either side: the marks are ASCII, so
    // each is a code point of its own in valid UTF-8.
    struct open_paren {
        std::uint32_t at;
        std::uint64_t chinese_before;
        bool chinese_right_before;
    };
    // Working lists kept from line to line (most lines with a mark are table rows and
    // sentences with a colon: allocating for each was a fifth of the rule's time).
    thread_local std::vector<open_paren> open;
    thread_local std::vector<std::pair<std::uint32_t, std::uint32_t>> pairs; // (open, close)
    thread_local std::vector<candidate> candidates;
    fresh(open);
    fresh(pairs);
    fresh(candidates);
    chinese_counter chinese(text, line);
    // The code points on either side are decoded only when the mark's kind needs them.
    for (const std::uint32_t at : mark_offsets) {
        const auto cur = static_cast<char32_t>(bytes[at]);
        const bool has_prev = at > line.begin;
        const std::uint32_t next_at = at + 1;
        const bool has_next = next_at < line.end;
        const auto next = [&] {
            return decode_at(text, next_at, line.end).cp;
        };
        if (cur == '(') {
            open.push_back({at, chinese.before(at),
                            has_prev && cjk_like(decode_before(text, line.begin, at))});
        } else if (cur == ')' && !open.empty()) {
            const open_paren o = open.back();
            open.pop_back();
            if (o.chinese_right_before || (has_next && cjk_like(next()))
                || chinese.before(at) > o.chinese_before) {
                pairs.emplace_back(o.at, at);
            }
        } else if (has_prev && has_next && !full_of(cur).empty()) {
            const char32_t prev = decode_before(text, line.begin, at);
            const bool prev_paren = prev == '(' || prev == ')';
            if (!prev_paren && !cjk_like(prev)) {
                continue;
            }
            const char32_t after = next();
            const bool next_paren = after == '(' || after == ')';
            if (next_paren || cjk_like(after)) {
                // The code point before a one-byte mark is a one-byte parenthesis when it is one.
                candidates.push_back(
                    {at, cur, prev_paren ? at - 1 : none, next_paren ? next_at : none});
            }
        }
    }
    thread_local std::vector<std::uint32_t> converted;
    fresh(converted);
    for (const auto& [o, c] : pairs) {
        converted.push_back(o);
        converted.push_back(c);
    }
    std::sort(converted.begin(), converted.end());
    const auto is_converted = [&](std::uint32_t offset) {
        return offset != none && std::binary_search(converted.begin(), converted.end(), offset);
    };
    // Every byte that changes with the mark it is, sorted as plain pairs so that the edits are
    // made in text order; and the first mark found: a pair from its `(` to its `)`.
    thread_local std::vector<std::pair<std::uint32_t, char32_t>> changed;
    fresh(changed);
    struct {
        std::uint32_t begin = none;
        std::uint32_t end = none;
        char32_t cp = 0; // 0 for a pair
    } first;
    for (const auto& [o, c] : pairs) {
        changed.emplace_back(o, U'(');
        changed.emplace_back(c, U')');
        if (o < first.begin) {
            first = {o, c + 1, 0};
        }
    }
    std::size_t marks = pairs.size();
    for (const auto& c : candidates) {
        const bool before = c.paren_before == none || is_converted(c.paren_before);
        const bool after = c.paren_after == none || is_converted(c.paren_after);
        if (before && after) {
            changed.emplace_back(c.at, c.cp);
            ++marks;
            if (c.at < first.begin) {
                first = {c.at, c.at + 1, c.cp};
            }
        }
    }
    if (marks == 0) {
        return false;
    }
    std::sort(changed.begin(), changed.end());
    out.marks = marks;
    out.first = {first.begin, first.end};
    out.half = first.cp == 0 ? "()" : std::string(1, static_cast<char>(first.cp));
    out.full = first.cp == 0 ? "（）" : std::string(full_of(first.cp));
    out.edits.clear();
    out.edits.reserve(changed.size());
    for (const auto& [at, cp] : changed) {
        const std::string_view full = cp == U'(' ? "（" : cp == U')' ? "）" : full_of(cp);
        out.edits.push_back(edit{source::span{at, at + 1}, std::string(full)});
    }
    return true;
}

std::uint32_t stray_blank_at(std::string_view s, std::size_t i) {
    if (s[i] == '\xC2' && i + 1 < s.size() && s[i + 1] == '\xA0') {
        return 2;
    }
    if (s[i] == '\xE3' && i + 2 < s.size() && s[i + 1] == '\x80' && s[i + 2] == '\x80') {
        return 3;
    }
    return 0;
}

std::vector<std::uint32_t> stray_blank_offsets(std::string_view text) {
    // The lead byte E3 alone would stop at every CJK punctuation mark (E3 80 xx).
    std::vector<std::uint32_t> out;
    for_each_match(
        reinterpret_cast<const unsigned char*>(text.data()),
        static_cast<std::uint32_t>(text.size()), 2, false,
        []([[maybe_unused]] const unsigned char* q) {
#if defined(__SSE2__)
            // C2 is rare in Chinese text, and so is 80 80 but in U+3000 (E3 80 80).
            const bytes16 nbsp = equal(load16(q), 0xC2);
            const bytes16 ideographic =
                _mm_and_si128(equal(load16(q + 1), 0x80), equal(load16(q + 2), 0x80));
            return _mm_or_si128(nbsp, ideographic);
#else
            return bytes16{};
#endif
        },
        [&](std::uint32_t i) { return stray_blank_at(text, i) != 0; },
        [&](std::uint32_t i) { out.push_back(i); });
    return out;
}

std::vector<stray> stray_runs(std::string_view text, source::span line, std::uint32_t end,
                              std::span<const std::uint32_t> blanks) {
    std::vector<stray> out;
    const std::string_view within = text.substr(0, line.end);
    std::uint32_t i = line.begin;
    // A leading run of U+3000 (and spaces) is the paragraph indent.
    while (i < end) {
        if (text[i] == ' ') {
            ++i;
        } else if (stray_blank_at(within, i) == 3) {
            i += 3;
        } else {
            break;
        }
    }
    // Only the blanks are visited: a run is the blanks that follow one another.
    auto next = std::lower_bound(blanks.begin(), blanks.end(), i);
    while (next != blanks.end() && *next < end) {
        const std::uint32_t run_begin = *next;
        const std::uint32_t n = stray_blank_at(within, run_begin);
        // A run of both kinds; it is named after its first.
        std::uint32_t j = run_begin;
        for (; next != blanks.end() && *next == j && j < end; ++next) {
            j += stray_blank_at(within, j);
        }
        const bool before =
            run_begin == line.begin || cjk_like(decode_before(text, line.begin, run_begin));
        const bool after = j >= line.end || cjk_like(decode_at(text, j, line.end).cp);
        out.push_back({{run_begin, j}, n == 2 ? "U+00A0" : "U+3000", before && after ? "" : " "});
    }
    return out;
}

trailing_blanks trailing_of(std::string_view text, source::span line) {
    trailing_blanks t{line.end, 0};
    for (std::uint32_t n = 0; (n = blank_ending_at(text, line.begin, t.begin)) != 0; ++t.count) {
        t.begin -= n;
    }
    return t;
}

source::span line_around(std::string_view text, std::uint32_t at) {
    const auto* before = static_cast<const char*>(memrchr(text.data(), '\n', at));
    const auto start =
        before == nullptr ? 0U : static_cast<std::uint32_t>(before - text.data()) + 1;
    const auto* after =
        static_cast<const char*>(std::memchr(text.data() + at, '\n', text.size() - at));
    const auto nl = after == nullptr ? static_cast<std::uint32_t>(text.size())
                                     : static_cast<std::uint32_t>(after - text.data());
    std::uint32_t end = nl;
    if (end > start && text[end - 1] == '\r') {
        --end;
    }
    return {start, end};
}

std::vector<blank_end> lines_ending_in_blanks(std::string_view text) {
    // Most lines end in a byte that ends no blank and is no CR: one look at it is enough.
    static constexpr auto worth_a_look = [] {
        std::array<bool, 256> t{};
        t[' '] = t['\t'] = t[0xA0] = t[0x80] = t['\r'] = true;
        return t;
    }();
    std::vector<blank_end> out;
    std::uint32_t start = 0;
    const auto line_ends_at = [&](std::uint32_t nl) {
        if (nl > start && worth_a_look[static_cast<unsigned char>(text[nl - 1])]) {
            const std::uint32_t end = text[nl - 1] == '\r' ? nl - 1 : nl;
            const source::span line{start, end};
            if (const trailing_blanks t = trailing_of(text, line); t.count > 0) {
                out.push_back({line, t});
            }
        }
        start = nl + 1;
    };
    const auto* p = reinterpret_cast<const unsigned char*>(text.data());
    for_each_match(
        p, static_cast<std::uint32_t>(text.size()), 0, true,
        []([[maybe_unused]] const unsigned char* q) {
#if defined(__SSE2__)
            return equal(load16(q), '\n');
#else
            return bytes16{};
#endif
        },
        [&](std::uint32_t i) { return p[i] == '\n'; }, line_ends_at);
    if (start < text.size()) {
        line_ends_at(static_cast<std::uint32_t>(text.size()));
    }
    return out;
}

std::vector<source::span> table_spans(const ast::document& doc) {
    std::vector<source::span> out;
    // Tables hold rows and cells, never another table: their subtrees are skipped.
    for (ast::node_id i = 0; i < doc.nodes().size();) {
        if (doc[i].kind == ast::node_kind::table) {
            out.push_back(doc[i].span);
            i = std::max(i + 1, doc[i].subtree_end);
        } else {
            ++i;
        }
    }
    return out;
}

} // namespace nianbao::lint
