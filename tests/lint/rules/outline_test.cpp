// outline/: sections, order, titles, numbering, the intro's part count and the fee statement.
#include <boost/test/unit_test.hpp>

#include "lint/lint_fixture.hpp"
#include "lint/rules/outline_support.hpp"

using namespace nianbao::test;

namespace {

// A 2019-format outline with every part; `swap` puts 三 before 二.
std::string outline(bool swap = false, bool empty_six = false) {
    std::string two = "二、主动公开政府信息情况\n无\n";
    std::string three = "三、收到和处理政府信息公开申请情况\n无\n";
    return "一、总体情况\n无\n" + (swap ? three + two : two + three)
           + "四、政府信息公开行政复议、行政诉讼情况\n无\n五、存在的主要问题及改进情况\n无\n"
             "六、其他需要报告的事项\n"
           + (empty_six ? "" : "无\n");
}

} // namespace

BOOST_AUTO_TEST_SUITE(lint_rules_outline)

BOOST_AUTO_TEST_CASE(accepts_the_six_parts_in_order) {
    const auto f = lint_text(outline(), "outline", "gov-2019");
    BOOST_TEST(f.empty());
}

BOOST_AUTO_TEST_CASE(reports_a_missing_part_where_it_belongs) {
    const auto f =
        of(lint_text(with_line(seed("000"), 65, "四、"), "outline"), "outline/missing-section");
    BOOST_REQUIRE_EQUAL(f.size(), 1U);
    BOOST_TEST(f[0].line == 70U); // at 五、, the part that follows
    BOOST_TEST(f[0].column == 3U);
    BOOST_TEST(f[0].message == "缺少第 4 部分「政府信息公开行政复议、行政诉讼情况」");
}

BOOST_AUTO_TEST_CASE(reports_parts_out_of_order) {
    const auto f = lint_text(outline(true), "outline", "gov-2019");
    const auto order = of(f, "outline/section-order");
    BOOST_REQUIRE_EQUAL(order.size(), 1U);
    BOOST_TEST(order[0].line == 3U); // 三 stands before 二
    BOOST_TEST(order[0].column == 3U);
    BOOST_TEST(order[0].message
               == "「收到和处理政府信息公开申请情况」应在「主动公开政府信息情况」之后");
    const auto numbers = of(f, "outline/numbering");
    BOOST_REQUIRE_EQUAL(numbers.size(), 3U);
    BOOST_TEST(numbers[0].line == 3U);
    BOOST_TEST(numbers[0].message == "编号应为「二、」，而不是「三、」");
}

BOOST_AUTO_TEST_CASE(reports_variant_titles_of_seed_000) {
    const auto f = of(lint_text(seed("000"), "outline"), "outline/non-canonical-title");
    BOOST_REQUIRE_EQUAL(f.size(), 2U);
    BOOST_TEST(f[0].line == 2U);
    BOOST_TEST(f[0].column == 3U);
    BOOST_TEST(f[1].line == 19U);
    BOOST_TEST(of(lint_text(seed("001"), "outline"), "outline/non-canonical-title").empty());
}

BOOST_AUTO_TEST_CASE(reports_an_empty_part) {
    const auto f =
        of(lint_text(outline(false, true), "outline", "gov-2019"), "outline/empty-section");
    BOOST_REQUIRE_EQUAL(f.size(), 1U);
    BOOST_TEST(f[0].line == 11U);
    BOOST_TEST(f[0].column == 3U);
}

BOOST_AUTO_TEST_CASE(reports_repeated_and_restarted_numbers) {
    const auto f = lint_text("一、甲\n无\n一、乙\n无\n二、丙\n（一）丁\n（三）戊\n", "outline");
    const auto repeat = of(f, "outline/numbering");
    BOOST_REQUIRE_EQUAL(repeat.size(), 2U);
    BOOST_TEST(repeat[0].message_id == "outline/numbering.repeat");
    BOOST_TEST(repeat[0].line == 3U);
    BOOST_TEST(repeat[0].column == 1U);
    BOOST_TEST(repeat[1].message == "编号应为「（二）」，而不是「（三）」");
    BOOST_TEST(repeat[1].line == 7U);
    const auto restart = of(lint_text("一、甲\n二、乙\n一、丙\n", "outline"), "outline/numbering");
    BOOST_REQUIRE_EQUAL(restart.size(), 1U);
    BOOST_TEST(restart[0].message_id == "outline/numbering.restart");
}

BOOST_AUTO_TEST_CASE(reports_seed_004_listing_seven_of_eight_parts) {
    const auto f = of(lint_text(seed("004"), "outline"), "outline/intro-parts");
    BOOST_REQUIRE_EQUAL(f.size(), 1U);
    BOOST_TEST(f[0].message == "引言称报告由「八部分」组成，却列出了 7 个部分");
    BOOST_TEST(f[0].line == 1U);
    BOOST_TEST(f[0].column == 186U);
}

BOOST_AUTO_TEST_CASE(accepts_seed_003_intro_and_reports_a_wrong_count) {
    const std::string text = seed("003");
    BOOST_TEST(of(lint_text(text, "outline"), "outline/intro-parts").empty());
    const auto pos = text.find("六个部分");
    const std::string changed = text.substr(0, pos) + "五" + text.substr(pos + 3);
    const auto f = of(lint_text(changed, "outline"), "outline/intro-parts");
    BOOST_REQUIRE_EQUAL(f.size(), 2U);
    BOOST_TEST(f[0].message == "引言称报告由「五个部分」组成，但正文有 6 个一级标题");
    BOOST_TEST(f[0].line == 4U);
    BOOST_TEST(f[0].column == 151U);
}

BOOST_AUTO_TEST_CASE(asks_a_2021_report_for_its_fee_statement) {
    const auto f = of(lint_text(seed("002"), "outline"), "outline/fee-statement");
    BOOST_REQUIRE_EQUAL(f.size(), 1U);
    BOOST_TEST(f[0].line == 58U);
    BOOST_TEST(f[0].column == 3U);
    const auto fixed = with_line(seed("002"), 59, "本年度未收取信息处理费。");
    BOOST_TEST(of(lint_text(fixed, "outline"), "outline/fee-statement").empty());
    BOOST_TEST(of(lint_text(seed("003"), "outline"), "outline/fee-statement").empty());
}

BOOST_AUTO_TEST_CASE(writes_chinese_numerals_of_any_size) {
    using nianbao::lint::cjk_numeral;
    BOOST_TEST(cjk_numeral(0) == "〇");
    BOOST_TEST(cjk_numeral(7) == "七");
    BOOST_TEST(cjk_numeral(10) == "十");
    BOOST_TEST(cjk_numeral(14) == "十四");
    BOOST_TEST(cjk_numeral(20) == "二十");
    BOOST_TEST(cjk_numeral(99) == "九十九");
    BOOST_TEST(cjk_numeral(100) == "一百");
    BOOST_TEST(cjk_numeral(101) == "一百零一");
    BOOST_TEST(cjk_numeral(110) == "一百一十");
    BOOST_TEST(cjk_numeral(1001) == "一千零一");
    BOOST_TEST(cjk_numeral(1010) == "一千零一十");
    BOOST_TEST(cjk_numeral(9999) == "九千九百九十九");
    // Past what an outline counts: figures (these indexed past the digit table before).
    BOOST_TEST(cjk_numeral(10000) == "10000");
    BOOST_TEST(cjk_numeral(33333) == "33333");
    BOOST_TEST(cjk_numeral(-1) == "-1");
}

BOOST_AUTO_TEST_CASE(suggests_the_next_number_after_a_huge_one) {
    // "（十十…十）" reads as 10 a 十, so the heading after it is numbered far past 99 (a fuzz
    // finding: the suggestion indexed past the table of digits).
    for (const auto& [count, next] :
         {std::pair<int, std::string>{120, "（一千二百零一）"}, {1000, "（10001）"}}) {
        std::string tens;
        for (int i = 0; i < count; ++i) {
            tens += "十";
        }
        const std::string text = "一、总体情况\n（" + tens + "）甲\n（二）乙\n";
        const auto f = of(lint_text(text, "outline"), "outline/numbering");
        BOOST_TEST_CONTEXT(count) {
            BOOST_REQUIRE(!f.empty());
            BOOST_TEST(f.back().message.find(next) != std::string::npos);
        }
    }
}

BOOST_AUTO_TEST_SUITE_END()
