// meta/: template detection, the year, and the publication deadline.
#include <boost/test/unit_test.hpp>

#include "lint/lint_fixture.hpp"

using namespace nianbao::test;

BOOST_AUTO_TEST_SUITE(lint_rules_meta)

BOOST_AUTO_TEST_CASE(accepts_the_seeds) {
    for (const char* s : {"000", "001", "002", "003", "004"}) {
        BOOST_TEST_CONTEXT(s) {
            BOOST_TEST(lint_text(seed(s), "meta").empty());
        }
    }
}

BOOST_AUTO_TEST_CASE(reports_a_report_without_template) {
    const auto f = lint_text("一、总体情况\n无\n", "meta");
    BOOST_REQUIRE_EQUAL(f.size(), 1U);
    BOOST_TEST(f[0].rule == "meta/no-template");
    BOOST_TEST(f[0].line == 1U);
}

BOOST_AUTO_TEST_CASE(reports_the_old_format_in_a_2021_report) {
    const auto f =
        lint_text(with_line(seed("001"), 1, "瓦庙镇2021年政府信息公开工作年度报告"), "meta");
    BOOST_REQUIRE_EQUAL(f.size(), 1U);
    BOOST_TEST(f[0].rule == "meta/template-year");
    BOOST_TEST(f[0].line == 1U);
    BOOST_TEST(f[0].column == 4U);
    BOOST_TEST(f[0].message == "报告年度为 2021 年，但所用模板 gov-2019 适用于 2019–2020 年");
}

BOOST_AUTO_TEST_CASE(reports_the_2021_format_in_a_2019_report) {
    const auto f = lint_text(with_line(seed("002"), 2, "2019年度，我局认真执行条例。"), "meta");
    BOOST_REQUIRE_EQUAL(f.size(), 1U);
    BOOST_TEST(f[0].message_id == "meta/template-year.open");
    BOOST_TEST(f[0].line == 2U);
    BOOST_TEST(f[0].column == 1U);
    BOOST_TEST(f[0].message == "报告年度为 2019 年，但所用模板 gov-2021 适用于 2021 年及以后");
}

BOOST_AUTO_TEST_CASE(reports_a_township_date_after_31_january) {
    const auto f = lint_text(with_line(seed("003"), 412, "2021年3月5日"), "meta");
    BOOST_REQUIRE_EQUAL(f.size(), 1U);
    BOOST_TEST(f[0].rule == "meta/late-publication");
    BOOST_TEST(f[0].line == 412U);
    BOOST_TEST(f[0].column == 1U);
    BOOST_TEST(f[0].message == "落款日期「2021年3月5日」晚于公布期限 2021年1月31日");
}

BOOST_AUTO_TEST_CASE(gives_a_county_government_until_31_march) {
    std::string text = with_line(seed("003"), 1, "丰城市人民政府2020年政府信息公开工作年度报告");
    text = with_line(text, 410, "丰城市人民政府");
    BOOST_TEST(lint_text(with_line(text, 412, "2021年3月5日"), "meta").empty());
    BOOST_TEST(lint_text(with_line(text, 412, "2021年4月1日"), "meta").size() == 1U);
}

BOOST_AUTO_TEST_SUITE_END()
