// The scans behind the text/ rules against plain readings of the same text, at every offset
// around the sixteen-byte blocks the fast paths read.
#include <boost/test/unit_test.hpp>

#include "lint/lint_fixture.hpp"
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

BOOST_AUTO_TEST_SUITE_END()
