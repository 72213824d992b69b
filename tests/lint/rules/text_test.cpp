// text/: half-width punctuation between Chinese, stray blanks, trailing blanks — with fixes.
#include <boost/test/unit_test.hpp>

#include "lint/lint_fixture.hpp"
#include "lint/rules/text_scan.hpp"

using namespace nianbao::test;

BOOST_AUTO_TEST_SUITE(lint_rules_text)

BOOST_AUTO_TEST_CASE(accepts_full_width_and_ascii_contexts) {
    BOOST_TEST(lint_text("我们，他们。\n电话:0631\n1,234 and (a)\n", "text").empty());
}

BOOST_AUTO_TEST_CASE(reports_half_width_comma_between_chinese) {
    const auto f = lint_text("我们,他们\n", "text");
    BOOST_REQUIRE_EQUAL(f.size(), 1U);
    BOOST_TEST(f[0].rule == "text/half-width-punct");
    BOOST_TEST(f[0].line == 1U);
    BOOST_TEST(f[0].column == 3U);
    BOOST_TEST(f[0].fixable);
}

BOOST_AUTO_TEST_CASE(reports_parentheses_as_a_pair) {
    const auto f = lint_text("(一)概述\n见网站(www.gov.cn)查阅\n", "text");
    BOOST_REQUIRE_EQUAL(f.size(), 2U);
    BOOST_TEST(f[0].line == 1U);
    BOOST_TEST(f[0].column == 1U);
    BOOST_TEST(f[1].line == 2U);
    BOOST_TEST(f[1].column == 4U);
}

BOOST_AUTO_TEST_CASE(reports_stray_blanks_but_not_an_indent) {
    BOOST_TEST(lint_text("\u3000\u3000我们\n", "text").empty());
    const auto f = lint_text("我们\u00a0他们\n", "text");
    BOOST_REQUIRE_EQUAL(f.size(), 1U);
    BOOST_TEST(f[0].rule == "text/stray-space");
    BOOST_TEST(f[0].column == 3U);
}

BOOST_AUTO_TEST_CASE(reports_blank_only_cells_once_per_table) {
    const auto f = of(lint_text(seed("001"), "text"), "text/stray-space");
    BOOST_REQUIRE_EQUAL(f.size(), 2U); // table 3 and table 4
    BOOST_TEST(f[0].message_id == "text/stray-space.cells");
    BOOST_TEST(f[0].line == 107U);
    BOOST_TEST(f[0].column == 2U);
}

BOOST_AUTO_TEST_CASE(finds_a_blank_cell_in_every_place_of_a_table) {
    // The cells holding a blank are looked up among the table's nodes; put one in every place,
    // with a second one after it, written with spaces around or as two blanks.
    for (const std::string blank : {"\u3000", " \u3000 ", "\u00a0\u3000"}) {
        for (std::size_t at = 0; at < 9; ++at) {
            std::string text = "一、表\n|项目|数量|说明|\n";
            for (std::size_t cell = 0; cell < 9; ++cell) {
                text += "|" + (cell == at || cell == 8 - at / 2 ? blank : std::string("甲"));
                text += cell % 3 == 2 ? "|\n" : "";
            }
            const auto f = lint_text(text, "text");
            const std::size_t first = std::min(at, 8 - at / 2);
            BOOST_TEST_CONTEXT(blank.size() << " " << at) {
                BOOST_REQUIRE_EQUAL(f.size(), 1U);
                BOOST_TEST(f[0].message_id == "text/stray-space.cells");
                BOOST_TEST(f[0].line == 3U + first / 3);
                BOOST_TEST(f[0].column == 2U + 2 * (first % 3) + (blank[0] == ' ' ? 1U : 0U));
                const std::string count = at == 8 - at / 2 ? "1" : "2";
                BOOST_TEST(f[0].message.find("本表 " + count + " 个") != std::string::npos);
            }
        }
    }
}

BOOST_AUTO_TEST_CASE(reports_trailing_blanks_outside_tables) {
    const auto f = lint_text("我们  \n他们\n", "text");
    BOOST_REQUIRE_EQUAL(f.size(), 1U);
    BOOST_TEST(f[0].rule == "text/trailing-space");
    BOOST_TEST(f[0].column == 3U);
    BOOST_TEST(f[0].level == nianbao::source::severity::info);
}

namespace {

// `text` after every fix of the text/ rules.
std::string fixed(const std::string& text) {
    nianbao::ast::document doc =
        nianbao::ast::parse(nianbao::source::text{"t.txt", text, "UTF-8", ""});
    const auto m = nianbao::model::bind(doc, templates());
    nianbao::lint::options opts;
    opts.select.push_back("text");
    return nianbao::lint::apply_fixes(text, nianbao::lint::run(doc, m, opts));
}

} // namespace

BOOST_AUTO_TEST_CASE(reports_the_other_blanks_of_a_line_with_a_blank_cell) {
    // Row 3 holds a blank cell (reported with the table) and a blank inside "a b"; row 4 holds
    // a blank inside "中 文" before a blank cell.
    const auto f =
        lint_text("一、表\n|项目|数量|说明|\n|\u3000|1|a\u00a0b|\n|中\u00a0文|\u00a0|2|\n\n"
                  "我们\u3000他们\n",
                  "text");
    BOOST_REQUIRE_EQUAL(f.size(), 4U);
    BOOST_TEST(f[0].message_id == "text/stray-space.cells");
    BOOST_TEST(f[0].message.find("2 个空单元格") != std::string::npos);
    BOOST_TEST((f[1].line == 3U && f[1].column == 7U));
    BOOST_TEST((f[2].line == 4U && f[2].column == 3U));
    BOOST_TEST((f[3].line == 6U && f[3].column == 3U));
    BOOST_TEST(fixed("一、表\n|项目|数量|说明|\n|\u3000|1|a\u00a0b|\n|中\u00a0文|\u00a0|2|\n")
               == "一、表\n|项目|数量|说明|\n||1|a b|\n|中文||2|\n");
}

BOOST_AUTO_TEST_CASE(a_mark_beside_a_parenthesis_counts_once_the_pair_is_known) {
    // The comma stands between 中 and a "(" whose pair (around Chinese) is converted.
    const auto f = lint_text("中,(文)\n", "text");
    BOOST_REQUIRE_EQUAL(f.size(), 1U);
    BOOST_TEST(f[0].message_id == "text/half-width-punct.line");
    BOOST_TEST(f[0].column == 2U);
    BOOST_TEST(f[0].message.find("本行共 2 处") != std::string::npos);
    BOOST_TEST(fixed("中,(文)\n") == "中，（文）\n");
    // "(a)" holds no Chinese and has none right outside after the comma: nothing to convert.
    BOOST_TEST(lint_text("中,(a)1\n", "text").empty());
    // Nested pairs: the outer pair holds Chinese; the inner one neither holds nor touches any.
    BOOST_TEST(fixed("见(附件 (a) 说明)\n") == "见（附件 (a) 说明）\n");
    BOOST_TEST(fixed("见(附件(a)说明)\n") == "见（附件（a）说明）\n");
}

BOOST_AUTO_TEST_CASE(a_pair_around_chinese_of_every_encoded_length) {
    // Only what is inside decides here (ASCII on both sides): Han of three bytes read quickly
    // (U+6211) or decoded (U+4E3D, lead byte E4), of four bytes (U+20000) and CJK punctuation
    // count; U+4DC0 (a hexagram, lead byte E4), é and ASCII do not.
    for (const char* inside : {"我", "丽", "\U00020000", "、"}) {
        BOOST_TEST_CONTEXT(inside) {
            BOOST_TEST(fixed(std::string("a(") + inside + ")b\n")
                       == std::string("a（") + inside + "）b\n");
        }
    }
    for (const char* inside : {"\u4DC0", "é", "x"}) {
        BOOST_TEST_CONTEXT(inside) {
            BOOST_TEST(lint_text(std::string("a(") + inside + ")b\n", "text").empty());
        }
    }
    // Chinese earlier in the line does not count for what is inside; right after the ")" does.
    BOOST_TEST(lint_text("我a(x)b\n", "text").empty());
    BOOST_TEST(fixed("我a(x)我\n") == "我a（x）我\n");
}

BOOST_AUTO_TEST_CASE(finds_a_mark_at_every_position_of_a_line) {
    // Lines are searched sixteen bytes at a time: put the comma at every byte offset up to 40.
    for (std::size_t pad = 0; pad < 40; ++pad) {
        const std::string line = std::string(pad, 'a') + "中,文 and more text after it\n";
        const auto f = lint_text(line, "text");
        BOOST_TEST_CONTEXT(pad) {
            BOOST_REQUIRE_EQUAL(f.size(), 1U);
            BOOST_TEST(f[0].column == pad + 2U);
        }
    }
}

BOOST_AUTO_TEST_CASE(finds_a_mark_in_a_short_line_after_a_long_one) {
    // A line shorter than sixteen bytes is searched in the sixteen bytes that end it, which
    // reach back into the line before: what lies there must not count.
    for (std::size_t pad = 0; pad < 12; ++pad) {
        const std::string text =
            "中,文 before the short line\n" + std::string(pad, 'a') + "中,文\nx\n";
        const auto f = lint_text(text, "text");
        BOOST_TEST_CONTEXT(pad) {
            BOOST_REQUIRE_EQUAL(f.size(), 2U);
            BOOST_TEST(f[1].line == 2U);
            BOOST_TEST(f[1].column == pad + 2U);
        }
    }
    // The same with nothing to find in the short line: the mark of the line before is not seen.
    BOOST_TEST(lint_text("a long first line with 中,文 in it\nshort\n", "text").size() == 1U);
}

BOOST_AUTO_TEST_CASE(finds_invisible_blanks_at_every_alignment) {
    // The scan reads sixty-four bytes at a time: put each blank at every offset of two blocks and
    // at the very end of the text, and compare with a byte-by-byte search.
    for (const std::string blank : {"\u00a0", "\u3000"}) {
        for (std::size_t pad = 0; pad < 140; ++pad) {
            const std::string text = std::string(pad, 'a') + blank + "bc" + blank;
            std::vector<std::uint32_t> expected;
            for (std::size_t at = text.find(blank); at != std::string::npos;
                 at = text.find(blank, at + 1)) {
                expected.push_back(static_cast<std::uint32_t>(at));
            }
            BOOST_TEST_CONTEXT(blank.size() << " bytes after " << pad) {
                BOOST_TEST(nianbao::lint::stray_blank_offsets(text) == expected);
            }
        }
    }
    // Lead bytes that start something else are no blank: U+00A9 (C2 A9), U+3001 (E3 80 81).
    BOOST_TEST(nianbao::lint::stray_blank_offsets("\u00a9\u3001\u3000").size() == 1U);
    BOOST_TEST(nianbao::lint::stray_blank_offsets("\u3001\u3001\u3001\u00a0")
               == std::vector<std::uint32_t>{9});
}

BOOST_AUTO_TEST_CASE(an_unclosed_parenthesis_is_left_alone) {
    BOOST_TEST(lint_text("((中文\n", "text").empty());
    BOOST_TEST(fixed("中文)(\n") == "中文)(\n");
}

BOOST_AUTO_TEST_CASE(stray_and_trailing_blanks_of_both_kinds) {
    // U+3000 then U+00A0 inside a line is one run, named after its first; between Chinese it
    // is removed.
    const auto f = lint_text("我们\u3000\u00a0他们\n", "text");
    BOOST_REQUIRE_EQUAL(f.size(), 1U);
    BOOST_TEST(f[0].message.find("U+3000") != std::string::npos);
    BOOST_TEST(fixed("我们\u3000\u00a0他们\n") == "我们他们\n");
    // Next to ASCII it becomes a space.
    BOOST_TEST(fixed("2020\u00a0年\n") == "2020 年\n");
    // Trailing blanks of every kind are counted as characters and removed; the stray-blank
    // rule leaves them to the trailing rule.
    const auto t = lint_text("我们 \u00a0\t\u3000\r\n", "text");
    BOOST_REQUIRE_EQUAL(t.size(), 1U);
    BOOST_TEST(t[0].rule == "text/trailing-space");
    BOOST_TEST(t[0].message.find("4") != std::string::npos);
    BOOST_TEST(fixed("我们 \u00a0\t\u3000\r\n") == "我们\r\n");
}

BOOST_AUTO_TEST_SUITE_END()
