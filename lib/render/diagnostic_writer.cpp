// Diagnostic printers. Every format reports line and column in code points (DESIGN contract).
#include "render/diagnostic_writer.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <cstring>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "render/json_writer.hpp"

namespace nianbao::render {

using namespace std::string_view_literals;

std::vector<located_finding> locate(const std::string& file, const ast::document& doc,
                                    std::vector<lint::finding> findings, source::lang lang) {
    const source::line_index& lines = doc.lines();
    std::vector<located_finding> out;
    out.reserve(findings.size());
    // Each position is counted on from an earlier one: findings come sorted by their start, and
    // a span's end and its edits mostly lie shortly after it, so a paragraph of 100 000 findings
    // costs linear time. An offset on another line is looked up (a binary search).
    source::position last; // offset 0: line 1, column 1
    for (auto& f : findings) {
        located_finding& l = out.emplace_back();
        l.file = file;
        l.begin = lines.locate(f.where.begin, last);
        l.end = lines.locate(f.where.end, l.begin);
        l.message = source::format_message(f.message_id, lang, f.args);
        if (f.fix) {
            l.edits.reserve(f.fix->edits.size());
            source::position at = l.begin;
            for (const auto& e : f.fix->edits) {
                const source::position begin = lines.locate(e.where.begin, at);
                l.edits.push_back({begin, lines.locate(e.where.end, begin), e.replacement});
                at = begin;
            }
        }
        l.finding = std::move(f);
        last = l.begin;
    }
    return out;
}

namespace {

// Appends `s` with each TAB expanded to four spaces and each CR removed, as a snippet shows a
// line. Eight bytes at a time are tested for either (a zero byte after XOR, found by the borrow
// trick), so a run without them is copied whole.
void append_expanded(std::string& out, std::string_view s) {
    constexpr std::uint64_t low_bits = 0x0101010101010101ULL;
    constexpr std::uint64_t high_bits = 0x8080808080808080ULL;
    const auto has_zero = [](std::uint64_t w) {
        return ((w - low_bits) & ~w & high_bits) != 0;
    };
    std::size_t copied = 0;
    std::size_t i = 0;
    while (i < s.size()) {
        if (s.size() - i >= 8) {
            std::uint64_t w = 0;
            std::memcpy(&w, s.data() + i, sizeof w);
            if (!has_zero(w ^ (low_bits * '\t')) && !has_zero(w ^ (low_bits * '\r'))) {
                i += 8;
                continue;
            }
        }
        if (s[i] == '\t' || s[i] == '\r') {
            out.append(s.substr(copied, i - copied));
            if (s[i] == '\t') {
                out += "    "sv;
            }
            copied = i + 1;
        }
        ++i;
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

// Appends `n` copies of `c` (a blank or a tilde) from a ready run, not a character at a time.
void append_run(std::string& out, char c, std::size_t n) {
    static constexpr std::string_view blanks = "                                ";
    static constexpr std::string_view tildes = "~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~";
    const std::string_view run = c == ' ' ? blanks : tildes;
    for (; n > run.size(); n -= run.size()) {
        out += run;
    }
    out.append(run.substr(0, n));
}

void append_number(std::string& out, std::uint32_t n) {
    std::array<char, 10> digits{};
    const auto end = std::to_chars(digits.data(), digits.data() + digits.size(), n).ptr;
    out.append(digits.data(), end);
}

// Long lines (a whole paragraph) are shown as a window around the span. Measuring a huge line
// once per finding would be quadratic, so its byte length decides first, and the answer for the
// line asked last is kept: findings come in line order.
class window_test {
public:
    bool operator()(std::string_view text, std::uint32_t line) {
        if (line != line_) {
            line_ = line;
            windowed_ =
                text.size() > 480 || (text.size() > 120 && source::display_width(text, 120) > 120);
        }
        return windowed_;
    }

private:
    std::uint32_t line_ = 0; // none yet (lines count from 1)
    bool windowed_ = false;
};

// The source line and a caret line under the span's part on its first line.
void append_snippet(std::string& out, const ast::document& doc, const located_finding& l,
                    bool colour, window_test& windowed) {
    const std::string_view line = doc.lines().line_text(l.begin.line);
    // The line is a view into the document's text, so its offset is its distance from the start.
    const auto line_start = static_cast<std::size_t>(line.data() - doc.text().data());
    // A span that starts on the line's CR or LF is shown at the end of the line.
    std::size_t from = std::min<std::size_t>(l.begin.offset - line_start, line.size());
    std::size_t to =
        std::max(from, std::min<std::size_t>(line.size(), l.end.line == l.begin.line
                                                              ? l.end.offset - line_start
                                                              : line.size()));
    // A long line is shown as a window of 24 characters on each side, and a long span by its
    // first 60 characters.
    std::string_view shown = line;
    std::string window;
    if (windowed(line, l.begin.line)) {
        to = std::min(to, forward_chars(line, from, 60));
        const std::size_t first = back_chars(line, from, 24);
        const std::size_t last = forward_chars(line, to, 24);
        const std::string_view ellipsis = "…";
        window.reserve(last - first + 2 * ellipsis.size());
        window += first > 0 ? ellipsis : ""sv;
        window += line.substr(first, last - first);
        window += last < line.size() ? ellipsis : ""sv;
        const std::size_t lead = first > 0 ? ellipsis.size() : 0;
        from = from - first + lead;
        to = to - first + lead;
        shown = window;
    }
    const std::size_t pad = source::expanded_width(shown.substr(0, from));
    const std::size_t width =
        std::max<std::size_t>(1, source::expanded_width(shown.substr(from, to - from)));
    // "{:>5} | " before the line; under it, blanks as wide and "| " before the caret.
    std::array<char, 10> digits{};
    const auto digits_end =
        std::to_chars(digits.data(), digits.data() + digits.size(), l.begin.line).ptr;
    const auto digit_count = static_cast<std::size_t>(digits_end - digits.data());
    const std::size_t number_width = std::max<std::size_t>(5, digit_count);
    append_run(out, ' ', number_width - digit_count);
    out.append(digits.data(), digits_end);
    out += " | "sv;
    append_expanded(out, shown);
    out += '\n';
    append_run(out, ' ', number_width + 1);
    out += "| "sv;
    if (colour) {
        out += colour_of(l.finding.level);
    }
    append_run(out, ' ', pad);
    out += '^';
    append_run(out, '~', width - 1);
    if (colour) {
        out += "\x1b[0m"sv;
    }
    out += '\n';
}

} // namespace

std::string write_human(const ast::document& doc, const std::vector<located_finding>& found,
                        bool colour) {
    std::string out;
    out.reserve(found.size() * 384); // a finding takes about a header and two short lines
    window_test windowed;
    for (const auto& l : found) {
        // "{file}:{line}:{column}: {severity}: {message} [{rule}]", the severity in colour.
        out += l.file;
        out += ':';
        append_number(out, l.begin.line);
        out += ':';
        append_number(out, l.begin.column);
        out += ": "sv;
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

void tally::add(const std::vector<located_finding>& found) {
    ++files;
    for (const auto& l : found) {
        switch (l.finding.level) {
        case source::severity::error:
            ++errors;
            break;
        case source::severity::warning:
            ++warnings;
            break;
        case source::severity::info:
            ++infos;
            break;
        }
        fixable += l.finding.fix ? 1U : 0U;
    }
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

namespace {

// The four position members of a diagnostic (after its message's comma) or of an edit (first in
// it), each a ready `,\n`, indent and key: one append a member.
struct position_keys {
    std::string_view line;
    std::string_view column;
    std::string_view end_line;
    std::string_view end_column;
};
constexpr position_keys item_keys{",\n      \"line\": ", ",\n      \"column\": ",
                                  ",\n      \"end_line\": ", ",\n      \"end_column\": "};
constexpr position_keys edit_keys{
    "\n            \"line\": ", ",\n            \"column\": ", ",\n            \"end_line\": ",
    ",\n            \"end_column\": "};

void append_position(std::string& out, const position_keys& keys, source::position begin,
                     source::position end) {
    out += keys.line;
    append_number(out, begin.line);
    out += keys.column;
    append_number(out, begin.column);
    out += keys.end_line;
    append_number(out, end.line);
    out += keys.end_column;
    append_number(out, end.column);
}

// One diagnostic as nlohmann's dump(2) writes the object (its keys in this order), indented by
// four more, as it sits in the "diagnostics" array.
void append_json_item(std::string& out, const located_finding& l) {
    out += "{\n      \"file\": "sv;
    append_json_string(out, l.file);
    out += ",\n      \"rule\": "sv;
    append_json_string(out, l.finding.rule);
    out += ",\n      \"severity\": "sv;
    append_json_string(out, source::name(l.finding.level));
    append_position(out, item_keys, l.begin, l.end);
    out += ",\n      \"message\": "sv;
    append_json_string(out, l.message);
    if (!l.edits.empty()) {
        out += ",\n      \"fix\": {\n        \"edits\": ["sv;
        for (std::size_t i = 0; i < l.edits.size(); ++i) {
            out += i == 0 ? "\n          {"sv : ",\n          {"sv;
            append_position(out, edit_keys, l.edits[i].begin, l.edits[i].end);
            out += ",\n            \"replacement\": "sv;
            append_json_string(out, l.edits[i].replacement);
            out += "\n          }"sv;
        }
        out += "\n        ]\n      }"sv;
    }
    out += "\n    }"sv;
}

} // namespace

// Written as nlohmann's dump(2) would write the whole document: items indented by four.
std::string json_begin() {
    return "{\n  \"version\": 1,\n  \"diagnostics\": [";
}

std::string json_items(std::span<const located_finding> found, std::size_t& written) {
    std::string out;
    for (const auto& l : found) {
        out += written++ == 0 ? "\n    "sv : ",\n    "sv;
        append_json_item(out, l);
    }
    return out;
}

std::string json_end(std::size_t written) {
    return written == 0 ? "]\n}\n" : "\n  ]\n}\n";
}

std::string write_json(const std::vector<located_finding>& found) {
    std::size_t written = 0;
    std::string out = json_begin();
    out += json_items(found, written);
    out += json_end(written);
    return out;
}

} // namespace nianbao::render
