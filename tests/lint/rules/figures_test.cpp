// figures/: the template's equations, with the values in the message, at the left-hand cell.
#include <boost/test/unit_test.hpp>

#include "lint/lint_fixture.hpp"

using namespace nianbao::test;

BOOST_AUTO_TEST_SUITE(lint_rules_figures)

BOOST_AUTO_TEST_CASE(finds_nothing_in_consistent_tables) {
    for (const char* s : {"000", "001", "002"}) {
        BOOST_TEST_CONTEXT(s) {
            BOOST_TEST(lint_text(seed(s), "figures").empty());
        }
    }
}

BOOST_AUTO_TEST_CASE(reports_seed_003_total_against_its_result_rows) {
    const auto f = of(lint_text(seed("003"), "figures"), "figures/equation");
    BOOST_REQUIRE_EQUAL(f.size(), 2U);
    BOOST_TEST(f[0].line == 342U);
    BOOST_TEST(f[0].column == 2U);
    BOOST_TEST(f[0].message.starts_with("（七）总计 自然人 = 1，但各项办理结果之和 = 0"));
    BOOST_TEST(f[1].line == 348U);
    BOOST_TEST(f[1].message.starts_with("（七）总计 总计 = 1，但"));
}

BOOST_AUTO_TEST_CASE(reports_seed_004_channel_above_the_unique_count) {
    const auto f = lint_text(seed("004"), "figures");
    BOOST_REQUIRE_EQUAL(f.size(), 1U);
    BOOST_TEST(f[0].rule == "figures/plausibility");
    BOOST_TEST(f[0].level == nianbao::source::severity::warning);
    BOOST_TEST(f[0].line == 74U);
    BOOST_TEST(f[0].column == 1U);
    BOOST_TEST(f[0].message.starts_with("2.政府网站公开政府信息数 = 33，超过了"));
}

BOOST_AUTO_TEST_CASE(reports_an_informational_check) {
    const auto f = lint_text(with_line(seed("004"), 143, "2 |"), "figures");
    const auto hint = of(f, "figures/hint");
    BOOST_REQUIRE_EQUAL(hint.size(), 1U);
    BOOST_TEST(hint[0].line == 143U);
    BOOST_TEST(hint[0].level == nianbao::source::severity::info);
    BOOST_TEST(of(f, "figures/equation").size() == 1U); // c3 ≠ c3_1 + … + c3_8
}

BOOST_AUTO_TEST_CASE(counts_blank_cells_as_zero_but_skips_a_blank_total) {
    // Seed 001: blank applicant cells, totals written: consistent.
    BOOST_TEST(lint_text(seed("001"), "figures").empty());
    // A blank total is not compared (it is reported as an empty cell instead).
    const auto blank_total = with_line(
        seed("000"), 42, "一、本年新收政府信息公开申请数量 | 0 | 0 | 0 | 0 | 0 | 2 |  | ||");
    const auto f = lint_text(blank_total, "figures");
    BOOST_TEST(of(f, "figures/equation").size() == 1U); // the column balance of 其他 only
}

BOOST_AUTO_TEST_CASE(reports_a_negative_balance_as_plausibility) {
    const auto f = lint_text(with_line(seed("000"), 26, "行政许可 | 0 | -2 | 0 |"), "figures");
    BOOST_REQUIRE_EQUAL(f.size(), 1U);
    BOOST_TEST(f[0].rule == "figures/plausibility");
    BOOST_TEST(f[0].line == 26U);
    BOOST_TEST(f[0].column == 8U);
    BOOST_TEST(
        f[0].message.starts_with("行政许可 上一年项目数量 + 行政许可 本年增/减 = -2，少于0"));
}

BOOST_AUTO_TEST_SUITE_END()
