// table/: presence, captions, labels, headers, rows, blank cells, values, units, spare cells.
#include <boost/test/unit_test.hpp>

#include "lint/lint_fixture.hpp"

using namespace nianbao::test;

namespace {

std::string without_lines(const std::string& text, std::uint32_t from, std::uint32_t to) {
    std::string out = text;
    for (std::uint32_t n = from; n <= to; ++n) {
        out = with_line(out, n, "无");
    }
    return out;
}

} // namespace

BOOST_AUTO_TEST_SUITE(lint_rules_table)

BOOST_AUTO_TEST_CASE(finds_every_table_of_the_seeds) {
    for (const char* s : {"000", "001", "002", "003", "004"}) {
        BOOST_TEST_CONTEXT(s) {
            const auto f = lint_text(seed(s), "table");
            BOOST_TEST(of(f, "table/missing").empty());
            BOOST_TEST(of(f, "table/unknown").empty());
            BOOST_TEST(of(f, "table/missing-row").empty());
            BOOST_TEST(of(f, "table/row-width").empty());
        }
    }
}

BOOST_AUTO_TEST_CASE(reports_a_missing_table_at_its_section) {
    const auto f = of(lint_text(without_lines(seed("000"), 66, 69), "table"), "table/missing");
    BOOST_REQUIRE_EQUAL(f.size(), 1U);
    BOOST_TEST(f[0].line == 65U);
    BOOST_TEST(f[0].column == 1U);
}

BOOST_AUTO_TEST_CASE(reports_a_table_that_matches_nothing) {
    const auto f =
        of(lint_text(seed("000") + "\n甲乙丙 | 丁戊 |\n3 | 4 |\n", "table"), "table/unknown");
    BOOST_REQUIRE_EQUAL(f.size(), 1U);
    BOOST_TEST(f[0].line == 75U);
    BOOST_TEST(f[0].column == 1U);
}

BOOST_AUTO_TEST_CASE(reports_seed_003_caption_citing_article_26) {
    const auto f = of(lint_text(seed("003"), "table"), "table/caption");
    BOOST_REQUIRE_EQUAL(f.size(), 1U);
    BOOST_TEST(f[0].line == 48U);
    BOOST_TEST(f[0].column == 2U);
    BOOST_TEST(f[0].level == nianbao::source::severity::error);
    BOOST_TEST(f[0].message == "表格标题「第二十六条第（六）项」有误，应为「第二十条第（六）项」");
    BOOST_TEST(of(lint_text(seed("001"), "table"), "table/caption").empty());
}

BOOST_AUTO_TEST_CASE(reports_non_canonical_labels_of_seeds_000_and_003) {
    const auto f = of(lint_text(seed("000"), "table"), "table/non-canonical-label");
    BOOST_REQUIRE_EQUAL(f.size(), 4U);
    BOOST_TEST(f[0].message == "「商业机构」不是规范写法，应为「商业企业」");
    BOOST_TEST(f[0].line == 41U);
    BOOST_TEST(f[1].line == 46U);
    BOOST_TEST(f[1].column == 11U);
    const auto g = of(lint_text(seed("003"), "table"), "table/non-canonical-label");
    BOOST_REQUIRE_EQUAL(g.size(), 3U);
    BOOST_TEST(g[0].message == "「（三）不予以公开」不是规范写法，应为「（三）不予公开」");
    BOOST_TEST(g[0].line == 148U);
    BOOST_TEST(of(lint_text(seed("001"), "table"), "table/non-canonical-label").empty());
}

BOOST_AUTO_TEST_CASE(reports_seed_002_truncated_table_4_labels) {
    const auto f = of(lint_text(seed("002"), "table"), "table/damaged-header");
    BOOST_REQUIRE_EQUAL(f.size(), 11U);
    BOOST_TEST(f[0].message == "表头「结果」残缺，应为「结果纠正」（数值按位置对应）");
    BOOST_TEST(f[0].line == 52U);
    BOOST_TEST(f[0].column == 8U);
    BOOST_TEST(f[3].line == 53U);
    BOOST_TEST(f[3].column == 1U);
    BOOST_TEST(of(lint_text(seed("000"), "table"), "table/damaged-header").empty());
}

BOOST_AUTO_TEST_CASE(reports_a_renamed_row_as_missing_and_extra) {
    const auto f = lint_text(
        with_line(seed("000"), 60, "4.无正当理由 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | ||"), "table");
    const auto missing = of(f, "table/missing-row");
    BOOST_REQUIRE_EQUAL(missing.size(), 1U);
    BOOST_TEST(missing[0].line == 39U);
    const auto extra = of(f, "table/extra-row");
    BOOST_REQUIRE_EQUAL(extra.size(), 1U);
    BOOST_TEST(extra[0].line == 60U);
    BOOST_TEST(extra[0].column == 1U);
}

BOOST_AUTO_TEST_CASE(reports_a_short_row) {
    const auto f =
        of(lint_text(with_line(seed("000"), 26, "行政许可 | 0 | 0 |"), "table"), "table/row-width");
    BOOST_REQUIRE_EQUAL(f.size(), 1U);
    BOOST_TEST(f[0].line == 26U);
    BOOST_TEST(f[0].column == 1U);
}

BOOST_AUTO_TEST_CASE(reports_seed_001_blank_cells_as_runs) {
    const auto f = of(lint_text(seed("001"), "table"), "table/empty-cell");
    BOOST_REQUIRE_EQUAL(f.size(), 26U);
    BOOST_TEST(f[0].line == 107U);
    BOOST_TEST(f[0].column == 2U);
    BOOST_TEST(f[0].level == nianbao::source::severity::info);
    const auto one =
        of(lint_text(with_line(seed("000"), 22, "规章 | 0 |  | 0 |"), "table"), "table/empty-cell");
    BOOST_REQUIRE_EQUAL(one.size(), 1U);
    BOOST_TEST(one[0].message == "行「规章」的「本年新公开数量」为空，按 0 计");
    BOOST_TEST(of(lint_text(seed("000"), "table"), "table/empty-cell").empty());
}

BOOST_AUTO_TEST_CASE(reports_text_and_negative_counts) {
    const auto text = of(lint_text(with_line(seed("000"), 22, "规章 | 无 | 0 | 0 |"), "table"),
                         "table/non-numeric");
    BOOST_REQUIRE_EQUAL(text.size(), 1U);
    BOOST_TEST(text[0].line == 22U);
    BOOST_TEST(text[0].column == 6U);
    const auto neg =
        of(lint_text(with_line(seed("000"), 22, "规章 | -1 | 0 | 0 |"), "table"), "table/negative");
    BOOST_REQUIRE_EQUAL(neg.size(), 1U);
    BOOST_TEST(neg[0].column == 6U);
    BOOST_TEST(neg[0].level == nianbao::source::severity::error);
    // 本年增/减 is signed.
    BOOST_TEST(of(lint_text(with_line(seed("000"), 26, "行政许可 | 3 | -2 | 0 |"), "table"),
                  "table/negative")
                   .empty());
}

BOOST_AUTO_TEST_CASE(reports_units) {
    const auto wrong =
        of(lint_text(with_line(seed("002"), 20, "行政事业性收费 | 5元 | ||"), "table"),
           "table/unit-mismatch");
    BOOST_REQUIRE_EQUAL(wrong.size(), 1U);
    BOOST_TEST(wrong[0].line == 20U);
    BOOST_TEST(wrong[0].column == 11U);
    const auto bare =
        of(lint_text(with_line(seed("001"), 79, "\t1190.1"), "table"), "table/unit-missing");
    BOOST_REQUIRE_EQUAL(bare.size(), 1U);
    BOOST_TEST(bare[0].line == 79U);
    BOOST_TEST(bare[0].column == 2U);
    BOOST_TEST(of(lint_text(seed("001"), "table"), "table/unit-missing").empty());
}

BOOST_AUTO_TEST_CASE(reports_spare_cells_of_the_t2_grid) {
    const auto f = of(lint_text(seed("000"), "table"), "table/spare-cells");
    BOOST_REQUIRE_EQUAL(f.size(), 2U);
    BOOST_TEST(f[0].line == 34U);
    BOOST_TEST(f[0].column == 19U);
    BOOST_TEST(of(lint_text(seed("002"), "table"), "table/spare-cells").empty());
}

BOOST_AUTO_TEST_SUITE_END()
