// text/: half-width punctuation between Chinese, stray blanks, trailing blanks — with fixes.
#include <boost/test/unit_test.hpp>

#include "lint/lint_fixture.hpp"

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

BOOST_AUTO_TEST_CASE(reports_trailing_blanks_outside_tables) {
    const auto f = lint_text("我们  \n他们\n", "text");
    BOOST_REQUIRE_EQUAL(f.size(), 1U);
    BOOST_TEST(f[0].rule == "text/trailing-space");
    BOOST_TEST(f[0].column == 3U);
    BOOST_TEST(f[0].level == nianbao::source::severity::info);
}

BOOST_AUTO_TEST_SUITE_END()
