// lib/render/diagnostic_human.cpp: the human format, byte for byte as the straightforward
// version it replaced (kept here as the reference) writes it.
#include <algorithm>

#include <boost/test/unit_test.hpp>
#include <fmt/format.h>

#include "render/diagnostic_support.hpp"
#include "render/diagnostic_writer.hpp"

using namespace nianbao;
using test::finding;
using test::parse;

namespace {

// ---- the reference: the code before it was made faster -------------------------------------

std::string expand_tabs(std::string_view s) {
    std::string out;
    for (char c : s) {
        if (c == '\t') {
            out += "    ";
        } else if (c != '\r') {
            out += c;
        }
    }
    return out;
}

std::size_t back_chars(std::string_view s, std::size_t at, int n) {
    while (at > 0 && n > 0) {
        --at;
        while (at > 0 && (static_cast<unsigned char>(s[at]) & 0xC0U) == 0x80U) {
            --at;
        }
        --n;
    }
    return at;
}

std::size_t forward_chars(std::string_view s, std::size_t at, int n) {
    while (at < s.size() && n > 0) {
        ++at;
        while (at < s.size() && (static_cast<unsigned char>(s[at]) & 0xC0U) == 0x80U) {
            ++at;
        }
        --n;
    }
    return at;
}

const char* colour_of(source::severity s) {
    return s == source::severity::error     ? "\x1b[1;31m"
           : s == source::severity::warning ? "\x1b[1;33m"
                                            : "\x1b[1;36m";
}

std::string snippet(const ast::document& doc, const render::located_finding& l, bool colour) {
    const std::string_view line = doc.lines().line_text(l.begin.line);
    const auto line_start = static_cast<std::size_t>(line.data() - doc.text().data());
    std::size_t from = l.begin.offset - line_start;
    std::size_t to = std::min<std::size_t>(
        line.size(), l.end.line == l.begin.line ? l.end.offset - line_start : line.size());
    std::string shown;
    if (line.size() > 480 || (line.size() > 120 && source::display_width(line) > 120)) {
        to = std::min(to, forward_chars(line, from, 60));
        const std::size_t first = back_chars(line, from, 24);
        const std::size_t last = forward_chars(line, to, 24);
        shown = (first > 0 ? "…" : "") + std::string(line.substr(first, last - first))
                + (last < line.size() ? "…" : "");
        const std::size_t lead = first > 0 ? std::string_view("…").size() : 0;
        from = from - first + lead;
        to = to - first + lead;
    } else {
        shown = std::string(line);
    }
    const std::string_view view = shown;
    const std::size_t pad = source::display_width(expand_tabs(view.substr(0, from)));
    const std::size_t width =
        std::max<std::size_t>(1, source::display_width(expand_tabs(view.substr(from, to - from))));
    const std::string gutter = fmt::format("{:>5} | ", l.begin.line);
    std::string caret = std::string(pad, ' ') + "^" + std::string(width - 1, '~');
    if (colour) {
        caret = std::string(colour_of(l.finding.level)) + caret + "\x1b[0m";
    }
    return gutter + expand_tabs(view) + "\n" + std::string(gutter.size() - 2, ' ') + "| " + caret
           + "\n";
}

std::string reference_human(const ast::document& doc,
                            const std::vector<render::located_finding>& found, bool colour) {
    std::string out;
    for (const auto& l : found) {
        const std::string sev(source::name(l.finding.level));
        out += fmt::format("{}:{}:{}: {}{}{}: {} [{}]\n", l.file, l.begin.line, l.begin.column,
                           colour ? colour_of(l.finding.level) : "", sev, colour ? "\x1b[0m" : "",
                           l.message, l.finding.rule);
        out += snippet(doc, l, colour);
    }
    return out;
}

// write_human as the reference writes it, with colour and without.
void check_human(const ast::document& doc, const std::vector<render::located_finding>& found) {
    for (const bool colour : {false, true}) {
        const std::string got = render::write_human(doc, found, colour);
        const std::string want = reference_human(doc, found, colour);
        BOOST_TEST(got.size() == want.size());
        BOOST_TEST((got == want),
                   "first difference at byte "
                       << std::mismatch(got.begin(), got.end(), want.begin(), want.end()).first
                              - got.begin());
    }
}

// Lines at the edges of the snippet's fast paths: 120 columns and one more, reached by ASCII, Han
// or a TAB (which counts nothing raw and four shown); 480 bytes and one more; the first and last
// Han characters and their neighbours; a combining mark; ill-formed bytes before, at and after a
// span; a lone CR; TABs at every distance from a sixteen-byte boundary.
std::string edge_text() {
    const std::string han = "中";
    const auto times = [](const std::string& s, int n) {
        std::string out;
        for (int i = 0; i < n; ++i) {
            out += s;
        }
        return out;
    };
    std::string t;
    t += std::string(120, 'a') + "\n" + std::string(121, 'a') + "\n";
    t += std::string(120, 'a') + "\t\n" + std::string(119, 'a') + "\t\tb\n";
    t += times(han, 60) + "\n" + times(han, 60) + "a\n" + "a" + times(han, 60) + "\r\n";
    t += times(han, 59) + "e\xCC\x81" + "\n" + times(han, 61) + "\n";
    t += std::string(400, '\t') + std::string(80, 'b') + "\n";
    t += std::string(400, '\t') + std::string(81, 'b') + "\n";
    t += "\xE4\xB7\xBF\xE4\xB8\x80\xE9\xBF\xBF\xEA\x80\x80\xE3\x90\x80，…" + times(han, 50) + "\n";
    t += times(han, 50) + "\xFF" + times(han, 20) + "\n";
    t += times(han, 30) + "\xE4\xB8" + times(han, 40) + "\n";
    t += "\xC3" + times(han, 45) + "a\n";
    t += times("ab\tcd\r", 30) + "\n";
    for (std::size_t k = 0; k < 18; ++k) {
        t += std::string(k, 'x') + "\t" + times(han, 44) + std::string(17 - k, 'y') + "\n";
    }
    return t;
}

} // namespace

BOOST_AUTO_TEST_SUITE(render_diagnostic_human)

BOOST_AUTO_TEST_CASE(writes_several_findings_on_a_line_as_before) {
    // Every span from each byte of the text (characters split included) of a few lengths, several
    // on each line: the same start, nested, to the line's end and past it. A line's window is
    // decided at its first finding: the shortest span first, the longest, then one that splits a
    // character.
    const std::string text = edge_text();
    const auto doc = parse(text);
    const auto size = static_cast<std::uint32_t>(text.size());
    for (const auto& lengths : {std::vector<std::uint32_t>{0, 1, 2, 3, 7, 150, 400},
                                std::vector<std::uint32_t>{400, 150, 7, 3, 2, 1, 0},
                                std::vector<std::uint32_t>{7, 0, 1, 2, 3, 150, 400}}) {
        std::vector<lint::finding> findings;
        for (std::uint32_t b = 0; b <= size; ++b) {
            if (b > 0 && text[b] == '\n' && text[b - 1] == '\r') {
                continue; // the reference throws here (shows_a_span_on_a_line_ending_at_the_end…)
            }
            for (const std::uint32_t len : lengths) {
                auto f = finding(b, std::min(size, b + len));
                f.level = static_cast<source::severity>((b + len) % 3);
                findings.push_back(std::move(f));
            }
        }
        check_human(doc, render::locate("t.txt", doc, std::move(findings), source::lang::en));
    }
}

BOOST_AUTO_TEST_CASE(puts_a_caret_under_each_finding_of_a_line) {
    const auto doc = parse("x\tab中文，d\n");
    std::vector<lint::finding> findings = {finding(0, 1), finding(2, 2), finding(2, 10),
                                           finding(4, 10), finding(13, 14)};
    findings.back().level = source::severity::error;
    const auto found = render::locate("t.txt", doc, std::move(findings), source::lang::en);
    BOOST_TEST(render::write_human(doc, found, false)
               == "t.txt:1:1: warning: cannot open file: x [text/half-width-punct]\n"
                  "    1 | x    ab中文，d\n"
                  "      | ^\n"
                  "t.txt:1:3: warning: cannot open file: x [text/half-width-punct]\n"
                  "    1 | x    ab中文，d\n"
                  "      |      ^\n"
                  "t.txt:1:3: warning: cannot open file: x [text/half-width-punct]\n"
                  "    1 | x    ab中文，d\n"
                  "      |      ^~~~~~\n"
                  "t.txt:1:5: warning: cannot open file: x [text/half-width-punct]\n"
                  "    1 | x    ab中文，d\n"
                  "      |        ^~~~\n"
                  "t.txt:1:8: error: cannot open file: x [text/half-width-punct]\n"
                  "    1 | x    ab中文，d\n"
                  "      |              ^\n");
}

BOOST_AUTO_TEST_CASE(writes_human_snippets_as_before) {
    const std::string text = test::tricky_text();
    const auto doc = parse(text);
    const auto size = static_cast<std::uint32_t>(text.size());
    // Spans starting at every code point boundary of the text, of a few lengths: zero-width,
    // one character, long (past 60 characters), and across lines.
    std::vector<lint::finding> findings;
    for (std::uint32_t b = 0; b <= size; ++b) {
        if (b < size && (static_cast<unsigned char>(text[b]) & 0xC0U) == 0x80U) {
            continue;
        }
        if (b > 0 && text[b] == '\n' && text[b - 1] == '\r') {
            continue; // the old code threw here: see shows_a_span_on_a_line_ending_at_the_end…
        }
        for (const std::uint32_t len : {0U, 1U, 3U, 200U, 5000U}) {
            const std::uint32_t e = std::min(size, b + len);
            if (e == size || (static_cast<unsigned char>(text[e]) & 0xC0U) != 0x80U) {
                auto f = finding(b, e);
                f.level = static_cast<source::severity>(b % 3);
                findings.push_back(std::move(f));
            }
        }
    }
    check_human(doc, render::locate("t.txt", doc, std::move(findings), source::lang::zh));
}

BOOST_AUTO_TEST_CASE(shows_a_span_on_a_line_ending_at_the_end_of_its_line) {
    // A span that starts on the LF of a CRLF, or on its CR, starts past the line shown (which
    // ends before the CR): the old code threw std::out_of_range; the caret now stands after the
    // line's last character.
    const auto doc = parse("ab\r\ncd\n");
    for (const std::uint32_t at : {2U, 3U}) {
        const auto found = render::locate("t.txt", doc, {finding(at, at)}, source::lang::en);
        const std::string out = render::write_human(doc, found, false);
        BOOST_TEST_CONTEXT(at) {
            BOOST_TEST(out.substr(out.find('\n') + 1) == "    1 | ab\n      |   ^\n");
        }
    }
    BOOST_CHECK_THROW(
        reference_human(doc, render::locate("t.txt", doc, {finding(3, 3)}, source::lang::en),
                        false),
        std::out_of_range);
}

BOOST_AUTO_TEST_CASE(writes_wide_line_numbers_and_ill_formed_lines_as_before) {
    // Line 100 000 has a six-digit gutter. In the ill-formed line, removing the CR joins
    // E4 B8 AD into 中; a lone lead byte and a stray continuation byte count nothing.
    std::string text(100000, '\n');
    text += "a\xE4\r\xB8\xAD\tb\xC3 c\x80 d";
    const auto doc = parse(text);
    const auto last = static_cast<std::uint32_t>(text.size());
    std::vector<lint::finding> findings;
    for (std::uint32_t b = last - 16; b <= last; ++b) {
        findings.push_back(finding(b, std::min(last, b + 4)));
    }
    findings.push_back(finding(99998, 99999));
    std::sort(findings.begin(), findings.end(),
              [](const auto& a, const auto& b) { return a.where.begin < b.where.begin; });
    const auto found = render::locate("t.txt", doc, std::move(findings), source::lang::en);
    BOOST_TEST(render::write_human(doc, found, false) == reference_human(doc, found, false));
}

BOOST_AUTO_TEST_SUITE_END()
