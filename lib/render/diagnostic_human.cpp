// The human format of findings: a header line, then the source line with a caret under the span.
#include <algorithm>
#include <array>
#include <charconv>
#include <cstring>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include <fmt/format.h>

#include "render/diagnostic_writer.hpp"

namespace nianbao::render {

using namespace std::string_view_literals;

namespace {

// The offset of the first TAB or CR in `s` at or after `from`, or s.size(): sixteen bytes at a
// time, the last few by one load that ends where `s` ends.
std::size_t next_tab_or_cr(std::string_view s, std::size_t from) {
    std::size_t i = from;
#if defined(__SSE2__)
    if (s.size() >= 16) {
        const __m128i tab = _mm_set1_epi8('\t');
        const __m128i cr = _mm_set1_epi8('\r');
        const auto hits_at = [&](std::size_t at) {
            const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(s.data() + at));
            return static_cast<unsigned>(
                _mm_movemask_epi8(_mm_or_si128(_mm_cmpeq_epi8(v, tab), _mm_cmpeq_epi8(v, cr))));
        };
        for (; s.size() - i >= 16; i += 16) {
            if (const unsigned hits = hits_at(i); hits != 0) {
                return i + static_cast<std::size_t>(__builtin_ctz(hits));
            }
        }
        const std::size_t at = s.size() - 16;
        const unsigned hits = i < s.size() ? hits_at(at) >> (i - at) : 0U;
        return hits != 0 ? i + static_cast<std::size_t>(__builtin_ctz(hits)) : s.size();
    }
#endif
    for (; i < s.size(); ++i) {
        if (s[i] == '\t' || s[i] == '\r') {
            return i;
        }
    }
    return s.size();
}

// Appends `s` as a snippet shows a line: each TAB expanded to four spaces and each CR removed,
// the runs between them copied whole.
void append_expanded(std::string& out, std::string_view s) {
    std::size_t copied = 0;
    for (std::size_t i = next_tab_or_cr(s, 0); i < s.size(); i = next_tab_or_cr(s, copied)) {
        out.append(s.substr(copied, i - copied));
        if (s[i] == '\t') {
            out += "    "sv;
        }
        copied = i + 1;
    }
    out.append(s.substr(copied));
}

bool is_continuation(char c) {
    return (static_cast<unsigned char>(c) & 0xC0U) == 0x80U;
}

// Bytes among the eight at `p` that are not continuation bytes (10xxxxxx): bit 7 set and bit 6
// clear marks a continuation byte, and a multiply sums the marks.
int leads_in_8(const char* p) {
    constexpr std::uint64_t high_bits = 0x8080808080808080ULL;
    constexpr std::uint64_t low_bits = 0x0101010101010101ULL;
    std::uint64_t w = 0;
    std::memcpy(&w, p, sizeof w);
    const std::uint64_t marks = (w & ~(w << 1U) & high_bits) >> 7U;
    return 8 - static_cast<int>((marks * low_bits) >> 56U);
}

// Byte offset `n` code points before `at`: the n-th byte before it that is not a continuation
// byte, or 0. Eight bytes at a time while the n-th lies further.
std::size_t back_chars(std::string_view s, std::size_t at, int n) {
    if (at > s.size()) { // past the view (a span from a CRLF's LF): byte by byte, as ever
        while (at > 0 && n > 0) {
            --at;
            while (at > 0 && is_continuation(s[at])) {
                --at;
            }
            --n;
        }
        return at;
    }
    if (n <= 0) {
        return at;
    }
    std::size_t i = at; // bytes [1, i) are left to look at; reaching 0 ends the walk anyway
    for (int leads = 0; i >= 9 && (leads = leads_in_8(s.data() + i - 8)) < n; i -= 8) {
        n -= leads;
    }
    while (i > 1) {
        --i;
        if (!is_continuation(s[i]) && --n == 0) {
            return i;
        }
    }
    return 0;
}

// Byte offset `n` code points after `at`: the n-th byte after it that is not a continuation
// byte, or the end.
std::size_t forward_chars(std::string_view s, std::size_t at, int n) {
    if (at >= s.size() || n <= 0) {
        return at;
    }
    std::size_t i = at + 1; // bytes [i, size) are left to look at
    for (int leads = 0; s.size() - i >= 8 && (leads = leads_in_8(s.data() + i)) < n; i += 8) {
        n -= leads;
    }
    for (; i < s.size(); ++i) {
        if (!is_continuation(s[i]) && --n == 0) {
            return i;
        }
    }
    return s.size();
}

const char* colour_of(source::severity s) {
    switch (s) {
    case source::severity::error:
        return "\x1b[1;31m";
    case source::severity::warning:
        return "\x1b[1;33m";
    case source::severity::info:
        return "\x1b[1;36m";
    }
    return "";
}

// ":{line}:{column}: " after the file name, in one append.
void append_line_column(std::string& out, source::position p) {
    std::array<char, 24> field{}; // two numbers of ten digits at most, and four characters
    char* at = field.data();
    *at++ = ':';
    at = std::to_chars(at, at + 10, p.line).ptr;
    *at++ = ':';
    at = std::to_chars(at, at + 10, p.column).ptr;
    *at++ = ':';
    *at++ = ' ';
    out.append(field.data(), at);
}

// "{:>5} | " before line `number`, in one append; returns the width of the number's field.
std::size_t append_gutter(std::string& out, std::uint32_t number) {
    std::array<char, 16> field{}; // ten digits at most, then " | "
    std::array<char, 10> digits{};
    const auto end = std::to_chars(digits.data(), digits.data() + digits.size(), number).ptr;
    const auto count = static_cast<std::size_t>(end - digits.data());
    const std::size_t width = std::max<std::size_t>(5, count);
    std::memset(field.data(), ' ', width - count);
    std::memcpy(field.data() + width - count, digits.data(), count);
    std::memcpy(field.data() + width, " | ", 3);
    out.append(field.data(), width + 3);
    return width;
}

// Long lines (a whole paragraph) are shown as a window around the span: those over 120 columns.
// Measuring a huge line once per finding would be quadratic, so its byte length decides first,
// and the answer for the line asked last is kept: findings come in line order.
class window_test {
public:
    static constexpr std::size_t columns = 120;

    /// Whether `line` (numbered `number`) is windowed; `head` measures its bytes [0, to).
    bool operator()(std::string_view line, std::uint32_t number, std::size_t to,
                    const source::text_width& head) {
        if (number != number_) {
            number_ = number;
            windowed_ = line.size() > 480 || (line.size() > columns && wider(line, to, head));
        }
        return windowed_;
    }

private:
    // Well-formed pieces add up, so the rest is counted on from `head`.
    static bool wider(std::string_view line, std::size_t to, const source::text_width& head) {
        if (!head.well_formed) {
            return source::display_width(line, columns) > columns;
        }
        return head.width > columns
               || head.width + source::display_width(line.substr(to), columns - head.width)
                      > columns;
    }

    std::uint32_t number_ = 0; // none yet (lines count from 1)
    bool windowed_ = false;
};

// What a snippet shows: the line, or a window of it, and the columns before and under the span.
struct snippet_text {
    std::string_view shown;
    std::string window; // the window's text, if any
    std::size_t pad = 0;
    std::size_t width = 1;
};

// The snippet of a finding's first line, whose bytes [from, to) the span covers.
void place_caret(snippet_text& s, std::string_view line, std::uint32_t number, std::size_t from,
                 std::size_t to, window_test& windowed) {
    // The columns before the span and under it, measured once: they place the caret, and the
    // window test counts on from them. A line over 480 bytes is windowed unmeasured.
    source::text_width before{0, 0, false};
    source::text_width inside{0, 0, false};
    if (line.size() <= 480) {
        before = source::measure_width(line.substr(0, from));
        inside = source::measure_width(line.substr(from, to - from));
    }
    const source::text_width head{before.width + inside.width, 0,
                                  before.well_formed && inside.well_formed};
    if (!windowed(line, number, to, head)) {
        s.shown = line;
        s.pad =
            before.well_formed ? before.expanded() : source::expanded_width(line.substr(0, from));
        s.width = std::max<std::size_t>(
            1, inside.well_formed ? inside.expanded()
                                  : source::expanded_width(line.substr(from, to - from)));
        return;
    }
    // A window of 24 characters on each side, and a long span by its first 60 characters.
    to = std::min(to, forward_chars(line, from, 60));
    const std::size_t first = back_chars(line, from, 24);
    const std::size_t last = forward_chars(line, to, 24);
    const std::string_view ellipsis = "…";
    s.window.reserve(last - first + 2 * ellipsis.size());
    s.window += first > 0 ? ellipsis : ""sv;
    s.window += line.substr(first, last - first);
    s.window += last < line.size() ? ellipsis : ""sv;
    const std::size_t lead = first > 0 ? ellipsis.size() : 0;
    from = from - first + lead;
    to = to - first + lead;
    s.shown = s.window;
    s.pad = source::expanded_width(s.shown.substr(0, from));
    s.width = std::max<std::size_t>(1, source::expanded_width(s.shown.substr(from, to - from)));
}

// The source line and a caret line under the span's part on its first line.
void append_snippet(std::string& out, const ast::document& doc, const located_finding& l,
                    bool colour, window_test& windowed) {
    const std::string_view line = doc.lines().line_text(l.begin.line);
    // The line is a view into the document's text, so its offset is its distance from the start.
    const auto line_start = static_cast<std::size_t>(line.data() - doc.text().data());
    // A span that starts on the line's CR or LF is shown at the end of the line.
    const std::size_t from = std::min<std::size_t>(l.begin.offset - line_start, line.size());
    const std::size_t to =
        std::max(from, std::min<std::size_t>(line.size(), l.end.line == l.begin.line
                                                              ? l.end.offset - line_start
                                                              : line.size()));
    snippet_text s;
    place_caret(s, line, l.begin.line, from, to, windowed);
    // "{:>5} | " before the line; under it, blanks as wide and "| " before the caret.
    const std::size_t number_width = append_gutter(out, l.begin.line);
    append_expanded(out, s.shown);
    out += '\n';
    if (colour) {
        out.append(number_width + 1, ' ');
        out += "| "sv;
        out += colour_of(l.finding.level);
        out.append(s.pad, ' ');
        out += '^';
        out.append(s.width - 1, '~');
        out += "\x1b[0m\n"sv;
        return;
    }
    // Without colour the caret line is blanks with four marks: written as one run, then marked.
    const std::size_t at = out.size();
    const std::size_t caret = number_width + 3 + s.pad;
    out.append(caret + s.width + 1, ' ');
    char* marks = out.data() + at;
    marks[number_width + 1] = '|';
    marks[caret] = '^';
    std::memset(marks + caret + 1, '~', s.width - 1);
    marks[caret + s.width] = '\n';
}

} // namespace

std::string write_human(const ast::document& doc, std::span<const located_finding> found,
                        bool colour) {
    std::string out;
    out.reserve(found.size() * 384); // a finding takes about a header and two short lines
    window_test windowed;
    for (const auto& l : found) {
        // "{file}:{line}:{column}: {severity}: {message} [{rule}]", the severity in colour.
        out += l.file;
        append_line_column(out, l.begin);
        if (colour) {
            out += colour_of(l.finding.level);
        }
        out += source::name(l.finding.level);
        if (colour) {
            out += "\x1b[0m"sv;
        }
        out += ": "sv;
        out += l.message;
        out += " ["sv;
        out += l.finding.rule;
        out += "]\n"sv;
        append_snippet(out, doc, l, colour, windowed);
    }
    return out;
}

std::string write_summary(const tally& t, source::lang lang, bool colour) {
    std::string s =
        lang == source::lang::zh
            ? fmt::format("共 {} 个错误、{} 个警告、{} 个提示（{} 个文件）", t.errors, t.warnings,
                          t.infos, t.files)
            : fmt::format("{} error{}, {} warning{}, {} info{} in {} file{}", t.errors,
                          t.errors == 1 ? "" : "s", t.warnings, t.warnings == 1 ? "" : "s", t.infos,
                          t.infos == 1 ? "" : "s", t.files, t.files == 1 ? "" : "s");
    if (t.fixable > 0) {
        s += lang == source::lang::zh ? fmt::format("；{} 个可用 --fix 自动修复", t.fixable)
                                      : fmt::format("; {} fixable with --fix", t.fixable);
    }
    if (colour) {
        s = "\x1b[1m" + s + "\x1b[0m";
    }
    return s + "\n";
}

} // namespace nianbao::render
