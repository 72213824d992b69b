// The scans behind the text/ rules against plain readings of the same text, at every offset
// around the sixteen-byte blocks the fast paths read.
#include <boost/test/unit_test.hpp>
#include <unicode/utf8.h>

#include "lint/lint_fixture.hpp"
#include "lint/rules/text_bytes.hpp"
#include "lint/rules/text_scan.hpp"

using namespace nianbao::test;
namespace lint = nianbao::lint;
using nianbao::source::span;

namespace {

// Lines as a reader sees them: split at LF, a CR before the LF dropped, no line after a final LF.
std::vector<span> plain_lines(std::string_view text) {
    std::vector<span> out;
    std::uint32_t start = 0;
    while (start < text.size()) {
        const std::size_t nl = std::min(text.find('\n', start), text.size());
        auto end = static_cast<std::uint32_t>(nl);
        if (end > start && text[end - 1] == '\r') {
            --end;
        }
        out.push_back({start, end});
        start = static_cast<std::uint32_t>(nl) + 1;
    }
    return out;
}

// Where the blanks that end `line` begin, and how many there are, taken off one by one.
lint::trailing_blanks plain_trailing(std::string_view text, span line) {
    std::string_view s = text.substr(line.begin, line.size());
    std::size_t count = 0;
    for (bool more = true; more;) {
        more = false;
        for (const std::string_view blank : {" ", "\t", "\u00a0", "\u3000"}) {
            if (s.ends_with(blank)) {
                s.remove_suffix(blank.size());
                ++count;
                more = true;
                break;
            }
        }
    }
    return {line.begin + static_cast<std::uint32_t>(s.size()), count};
}

// Texts with `piece` at every offset from 0 to 40 of a line, after a line of Chinese and before
// a short line, with each line ending (and none, at the end of the text).
std::vector<std::string> around_blocks(const std::string& piece) {
    std::vector<std::string> out;
    for (const std::string ending : {"\n", "\r\n", ""}) {
        for (std::size_t pad = 0; pad <= 40; ++pad) {
            const std::string first = "中文\u3000的一行，较长 text 与其他\n";
            out.push_back(first + std::string(pad, 'a') + piece + ending);
            out.push_back(first + std::string(pad, 'a') + piece + ending + "x" + piece + "\n短\n");
            out.push_back(std::string(pad, '\n') + piece + ending);
        }
    }
    return out;
}

// The stray blank runs of `line` before `end`, read a byte at a time.
std::vector<lint::stray> plain_stray_runs(std::string_view text, span line, std::uint32_t end) {
    const auto blank_at = [&](std::uint32_t i) -> std::uint32_t {
        const std::string_view rest = text.substr(i, line.end - i);
        return rest.starts_with("\u00a0") ? 2 : rest.starts_with("\u3000") ? 3 : 0;
    };
    // Whether the code point starting at `at` is Chinese; every one in these tests has 1 or 3
    // bytes.
    const auto chinese = [&](std::uint32_t at) {
        const auto b = [&](std::uint32_t k) {
            return static_cast<unsigned char>(text[at + k]) & 0x3FU;
        };
        return static_cast<unsigned char>(text[at]) >= 0xE0
               && lint::cjk_like((b(0) & 0x0FU) << 12 | b(1) << 6 | b(2));
    };
    const auto start_before = [&](std::uint32_t at) {
        do {
            --at;
        } while ((static_cast<unsigned char>(text[at]) & 0xC0U) == 0x80U);
        return at;
    };
    std::vector<lint::stray> out;
    std::uint32_t i = line.begin;
    while (i < end && (text[i] == ' ' || blank_at(i) == 3)) {
        i += text[i] == ' ' ? 1U : 3U;
    }
    for (; i < end; ++i) {
        if (const std::uint32_t n = blank_at(i); n != 0) {
            std::uint32_t j = i;
            while (j < end && blank_at(j) != 0) {
                j += blank_at(j);
            }
            const bool before = i == line.begin || chinese(start_before(i));
            const bool after = j >= line.end || chinese(j);
            out.push_back({{i, j}, n == 2 ? "U+00A0" : "U+3000", before && after ? "" : " "});
            i = j - 1;
        }
    }
    return out;
}

} // namespace

BOOST_AUTO_TEST_SUITE(lint_rules_text_scan)

BOOST_AUTO_TEST_CASE(finds_the_blanks_that_a_plain_search_finds) {
    // Bytes like the blanks' in other characters: C2 A9 (©), E4 80 80 (䀀), E3 80 81 (、).
    for (const std::string piece : {"\u00a0", "\u3000", "\u00a9\u00a0", "\u4000\u3000", "\u3001",
                                    "\u3000\u00a0\u3000", "\xC2", "\x80\x80"}) {
        for (std::size_t pad = 0; pad < 140; ++pad) {
            const std::string text = std::string(pad, 'a') + piece + "中" + piece;
            std::vector<std::uint32_t> expected;
            for (std::size_t i = 0; i < text.size(); ++i) {
                const std::string_view rest = std::string_view(text).substr(i);
                if (rest.starts_with("\u00a0") || rest.starts_with("\u3000")) {
                    expected.push_back(static_cast<std::uint32_t>(i));
                }
            }
            BOOST_TEST_CONTEXT(pad << " " << piece) {
                BOOST_TEST(lint::stray_blank_offsets(text) == expected);
            }
        }
    }
}

BOOST_AUTO_TEST_CASE(finds_the_stray_runs_that_a_plain_reading_finds) {
    for (const std::string piece :
         {"\u00a0", "\u3000", "中\u3000文", "中\u00a0\u3000文", "\u3000中", " \u3000中", "a\u00a0b",
          "中\u00a0", "\u3000\u3000\u00a0中\u3000", "，\u00a0，"}) {
        for (const std::string& text : around_blocks(piece)) {
            const std::vector<std::uint32_t> blanks = lint::stray_blank_offsets(text);
            for (const span line : plain_lines(text)) {
                const auto first = std::lower_bound(blanks.begin(), blanks.end(), line.begin);
                const auto last = std::lower_bound(first, blanks.end(), line.end);
                for (const std::uint32_t end : {line.end, plain_trailing(text, line).begin}) {
                    const auto found = lint::stray_runs(text, line, end, {first, last});
                    const auto expected = plain_stray_runs(text, line, end);
                    BOOST_TEST_CONTEXT(text << " line " << line.begin << " end " << end) {
                        BOOST_REQUIRE_EQUAL(found.size(), expected.size());
                        for (std::size_t i = 0; i < found.size(); ++i) {
                            BOOST_TEST(found[i].where.begin == expected[i].where.begin);
                            BOOST_TEST(found[i].where.end == expected[i].where.end);
                            BOOST_TEST(found[i].name == expected[i].name);
                            BOOST_TEST(found[i].replacement == expected[i].replacement);
                        }
                    }
                }
            }
        }
    }
}

BOOST_AUTO_TEST_CASE(finds_the_lines_ending_in_blanks_that_a_plain_reading_finds) {
    // The blanks, bytes that end a character the way a blank does (一 is E4 B8 80, ¡ is C2 A1,
    // 　 without its lead), and a CR on its own.
    for (const std::string piece : {" ", "\t", "\u00a0", "\u3000", "中 \u00a0\t\u3000", "一",
                                    "\u00a1", "\x80\x80", "\r", "a\r\r", " \r", "\u3000\u3000"}) {
        for (const std::string& text : around_blocks(piece)) {
            std::vector<lint::blank_end> expected;
            for (const span line : plain_lines(text)) {
                if (const auto t = plain_trailing(text, line); t.count > 0) {
                    expected.push_back({line, t});
                }
            }
            const auto found = lint::lines_ending_in_blanks(text);
            BOOST_TEST_CONTEXT(text) {
                BOOST_REQUIRE_EQUAL(found.size(), expected.size());
                for (std::size_t i = 0; i < found.size(); ++i) {
                    BOOST_TEST(found[i].line.begin == expected[i].line.begin);
                    BOOST_TEST(found[i].line.end == expected[i].line.end);
                    BOOST_TEST(found[i].blanks.begin == expected[i].blanks.begin);
                    BOOST_TEST(found[i].blanks.count == expected[i].blanks.count);
                }
            }
        }
    }
}

BOOST_AUTO_TEST_CASE(finds_the_tables_of_every_corpus_report) {
    std::vector<std::string> texts = {"一、表\n|a|b|\n|1|2|\n\n|c|d|\n|3|4|\n说明\n|e|f|\n|5|6|\n",
                                      "|a|b|\n|1|2|\n|c\td|\n"};
    for (const auto& path : corpus_files()) {
        auto loaded = nianbao::source::load(path, {});
        if (std::holds_alternative<nianbao::source::text>(loaded)) {
            texts.push_back(std::get<nianbao::source::text>(std::move(loaded)).utf8);
        }
    }
    std::size_t tables = 0;
    for (const auto& text : texts) {
        const auto doc = nianbao::ast::parse(nianbao::source::text{"t.txt", text, "UTF-8", ""});
        std::vector<span> expected;
        for (const auto& n : doc.nodes()) {
            if (n.kind == nianbao::ast::node_kind::table) {
                expected.push_back(n.span);
            }
        }
        const auto found = lint::table_spans(doc);
        tables += found.size();
        BOOST_TEST_CONTEXT(text.substr(0, 40)) {
            BOOST_REQUIRE_EQUAL(found.size(), expected.size());
            for (std::size_t i = 0; i < found.size(); ++i) {
                BOOST_TEST(found[i].begin == expected[i].begin);
                BOOST_TEST(found[i].end == expected[i].end);
            }
        }
    }
    BOOST_TEST(tables > 20U);
}

BOOST_AUTO_TEST_CASE(finds_the_lines_with_marks_that_a_plain_reading_finds) {
    for (const std::string piece : {"中,文", "(中)", "中:文;字", "a,b(c)", "中!(文)?中", "(", "字)",
                                    "中,", ",文", "（一）,中"}) {
        for (const std::string& text : around_blocks(piece)) {
            std::vector<lint::half_width_line> expected;
            for (const span line : plain_lines(text)) {
                std::vector<std::uint32_t> marks;
                for (std::uint32_t i = line.begin; i < line.end; ++i) {
                    if (std::string_view(",:;?!()").find(text[i]) != std::string_view::npos) {
                        marks.push_back(i);
                    }
                }
                lint::half_width_line found;
                if (!marks.empty() && lint::scan_half_width(text, line, marks, found)) {
                    expected.push_back(found);
                }
            }
            const auto found = lint::half_width_lines(text);
            BOOST_TEST_CONTEXT(text) {
                BOOST_REQUIRE_EQUAL(found.size(), expected.size());
                for (std::size_t i = 0; i < found.size(); ++i) {
                    BOOST_TEST(found[i].marks == expected[i].marks);
                    BOOST_TEST(found[i].first.begin == expected[i].first.begin);
                    BOOST_TEST(found[i].half == expected[i].half);
                    BOOST_REQUIRE_EQUAL(found[i].edits.size(), expected[i].edits.size());
                    for (std::size_t e = 0; e < found[i].edits.size(); ++e) {
                        BOOST_TEST(found[i].edits[e].where.begin
                                   == expected[i].edits[e].where.begin);
                        BOOST_TEST(found[i].edits[e].replacement
                                   == expected[i].edits[e].replacement);
                    }
                }
            }
        }
    }
}

BOOST_AUTO_TEST_CASE(reports_the_first_of_several_marks_and_fixes_them_in_text_order) {
    const std::string text = "见(附件),中:文(一)和(二);结束,好\n(甲)乙,(丙)\n";
    const auto found = lint::half_width_lines(text);
    BOOST_REQUIRE_EQUAL(found.size(), 2U);
    BOOST_TEST(found[0].marks == 7U);
    BOOST_TEST(found[0].half == "()");
    BOOST_TEST(found[0].full == "（）");
    BOOST_TEST(found[0].first.begin == 3U);
    BOOST_TEST(found[0].first.end == 11U);
    BOOST_TEST(found[1].marks == 3U);
    std::string fixed;
    std::uint32_t at = 0;
    for (const auto& line : found) {
        for (const auto& e : line.edits) {
            BOOST_REQUIRE(e.where.begin >= at);
            fixed += text.substr(at, e.where.begin - at) + e.replacement;
            at = e.where.end;
        }
    }
    fixed += text.substr(at);
    BOOST_TEST(fixed == "见（附件），中：文（一）和（二）；结束，好\n（甲）乙，（丙）\n");
}

BOOST_AUTO_TEST_CASE(decodes_every_code_point_as_icu_does) {
    // The fast paths read ASCII and three-byte code points; ICU reads the rest, malformed bytes
    // included. Each code point sits between two ASCII letters, and alone.
    const auto check = [](const std::string& s, std::uint32_t at, std::uint32_t after) {
        const auto* p = reinterpret_cast<const std::uint8_t*>(s.data());
        auto j = static_cast<std::int32_t>(at);
        UChar32 next = 0;
        U8_NEXT(p, j, static_cast<std::int32_t>(s.size()), next);
        const auto d = lint::detail::decode_at(s, at, static_cast<std::uint32_t>(s.size()));
        const auto icu = [](UChar32 c) {
            return c < 0 ? 0xFFFDU : static_cast<std::uint32_t>(c);
        };
        BOOST_TEST(static_cast<std::uint32_t>(d.cp) == icu(next));
        BOOST_TEST(d.length == static_cast<std::uint32_t>(j) - at);
        auto k = static_cast<std::int32_t>(after);
        UChar32 prev = 0;
        U8_PREV(p, 0, k, prev);
        BOOST_TEST(static_cast<std::uint32_t>(lint::detail::decode_before(s, 0, after))
                   == icu(prev));
    };
    // Every code point of one to three bytes, and every seventh of four.
    for (std::uint32_t cp = 0; cp <= 0x10FFFF; cp += cp < 0x10000 ? 1 : 7) {
        if (cp >= 0xD800 && cp <= 0xDFFF) {
            continue; // surrogates
        }
        const auto byte = [](std::uint32_t b) {
            return static_cast<char>(b);
        };
        const std::string one =
            cp < 0x80      ? std::string{byte(cp)}
            : cp < 0x800   ? std::string{byte(0xC0 | cp >> 6), byte(0x80 | (cp & 0x3F))}
            : cp < 0x10000 ? std::string{byte(0xE0 | cp >> 12), byte(0x80 | (cp >> 6 & 0x3F)),
                                         byte(0x80 | (cp & 0x3F))}
                           : std::string{byte(0xF0 | cp >> 18), byte(0x80 | (cp >> 12 & 0x3F)),
                                         byte(0x80 | (cp >> 6 & 0x3F)), byte(0x80 | (cp & 0x3F))};
        const auto n = static_cast<std::uint32_t>(one.size());
        BOOST_TEST_CONTEXT(cp) {
            check("a" + one + "b", 1, 1 + n);
            check(one, 0, n);
        }
    }
    for (const std::string bad :
         {"\xE4\xB8", "\xED\xA0\x80", "\xE0\x80\x80", "\xE4\x41\x80", "\xE4\xB8\x41",
          "\x80\x80\x80", "\xF0\xA0\x80", "\xC2", "\xEF\xBF\xBF", "\xE1\x80\x80"}) {
        BOOST_TEST_CONTEXT(bad.size()) {
            for (std::uint32_t at = 0; at < bad.size(); ++at) {
                check(bad, at, at + 1);
            }
            check(bad, 0, static_cast<std::uint32_t>(bad.size()));
        }
    }
}

BOOST_AUTO_TEST_SUITE_END()
