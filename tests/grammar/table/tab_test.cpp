// grammar/table/tab.hpp: a cell per TAB-led line, continuation lines, blank lines between rows.
#include <boost/test/unit_test.hpp>
#include <tao/pegtl/contrib/analyze.hpp>

#include "grammar/table/tab.hpp"
#include "support/grammar_check.hpp"
#include "support/grammar_stop.hpp"

using namespace nianbao::grammar::tab;
using nianbao::test::check_match;
using nianbao::test::expect;
using nianbao::test::stop_of;
using nianbao::test::stopped_at;

namespace {

std::size_t bytes(std::string_view s) {
    return s.size();
}

} // namespace

BOOST_AUTO_TEST_SUITE(grammar_table_tab)

BOOST_AUTO_TEST_CASE(analyzes_without_problems) {
    BOOST_TEST(pegtl::analyze<table>(-1) == 0U);
    BOOST_TEST(pegtl::analyze<dialect::detect>(-1) == 0U);
}

//=== cells ===//

BOOST_AUTO_TEST_CASE(accepts_tab_led_cell_line) {
    BOOST_TEST(check_match<cell_line>("\t规章\n\t0\n", expect::success, bytes("\t0\n")));
    BOOST_TEST(check_match<cell_line>("\t1190.1万元", expect::success, 0));
}

BOOST_AUTO_TEST_CASE(accepts_empty_and_nbsp_cells) {
    // "\t<U+00A0>" is an empty applicant cell in seed 001.
    BOOST_TEST(check_match<cell_line>("\t\u00A0\n\t0\n", expect::success, bytes("\t0\n")));
    BOOST_TEST(check_match<cell_line>("\t\n\t\n", expect::success, bytes("\t\n")));
}

BOOST_AUTO_TEST_CASE(joins_continuation_lines_into_the_cell) {
    // "\t商业" / "企业" in seed 001 is one cell.
    BOOST_TEST(check_match<cell_line>("\t商业\n企业\n\t科研\n机构\n", expect::success,
                                      bytes("\t科研\n机构\n")));
    BOOST_TEST(check_match<cell_line>("\t社会\r\n公益\r\n组织\r\n\t其他\r\n", expect::success,
                                      bytes("\t其他\r\n")));
}

BOOST_AUTO_TEST_CASE(joins_vertical_text_one_character_per_line) {
    BOOST_TEST(check_match<cell_line>("\t三\n、\n本\n年\n度\n\t（一）予以公开\n", expect::success,
                                      bytes("\t（一）予以公开\n")));
    BOOST_TEST(check_match<cell_line>("\t（三）不予\n以公\n开\n\t1、属于国家秘密\n",
                                      expect::success, bytes("\t1、属于国家秘密\n")));
}

BOOST_AUTO_TEST_CASE(ends_cell_at_blank_line) {
    BOOST_TEST(check_match<cell_line>("\t商业\n\n企业\n", expect::success, bytes("\n企业\n")));
    BOOST_TEST(check_match<cell_line>("\t商业\n\u3000\u00A0\n企业\n", expect::success,
                                      bytes("\u3000\u00A0\n企业\n")));
}

BOOST_AUTO_TEST_CASE(ends_cell_at_heading_line) {
    BOOST_TEST(check_match<cell_line>("\t0\n三、收到和处理政府信息公开申请情况\n", expect::success,
                                      bytes("三、收到和处理政府信息公开申请情况\n")));
    BOOST_TEST(check_match<cell_line>("\t0\n（二）改进措施\n", expect::success,
                                      bytes("（二）改进措施\n")));
    BOOST_TEST(check_match<cell_line>("\t0\n\u3000\u3000五、存在的主要问题\n", expect::success,
                                      bytes("\u3000\u3000五、存在的主要问题\n")));
    BOOST_TEST(check_match<cell_line>("\t0\n附件2\n", expect::success, bytes("附件2\n")));
}

BOOST_AUTO_TEST_CASE(rejects_line_without_leading_tab_as_cell) {
    BOOST_TEST(stop_of<cell_line>("规章\n") == stopped_at(1, 1));
    BOOST_TEST(stop_of<cell_line>("    规章\n") == stopped_at(1, 1));
}

//=== rows and tables ===//

BOOST_AUTO_TEST_CASE(ends_row_at_blank_line) {
    BOOST_TEST(check_match<row>("\t规章\n\t0\n\t0\n\n\t规范性文件\n", expect::success,
                                bytes("\n\t规范性文件\n")));
}

BOOST_AUTO_TEST_CASE(rejects_tab_led_blank_line_as_row_separator) {
    // "\t" alone is an empty cell (a vertically merged one in seed 001), not a row break.
    BOOST_TEST(stop_of<row_sep>("\t\n\t规章\n") == stopped_at(1, 1));
    BOOST_TEST(check_match<row>("\t\n\t（二）部分公开\n\n", expect::success, bytes("\n")));
}

BOOST_AUTO_TEST_CASE(accepts_table_and_leaves_trailing_blank_lines) {
    const std::string_view text =
        "\t行政复议\n\t行政诉讼\n\n\t结果\n维持\n\t总\n计\n\n\n五、存在的主要问题\n";
    BOOST_TEST(check_match<table>(text, expect::success, bytes("\n\n五、存在的主要问题\n")));
    // The detector stops after the first cell of the second row.
    BOOST_TEST(check_match<dialect::detect>(text, expect::success,
                                            bytes("\t总\n计\n\n\n五、存在的主要问题\n")));
}

BOOST_AUTO_TEST_CASE(accepts_crlf_table) {
    BOOST_TEST(
        check_match<table>("\t信息内容\r\n\t规章\r\n\r\n\t规章\r\n\t0\r\n", expect::success, 0));
}

BOOST_AUTO_TEST_CASE(accepts_caption_row_before_a_wide_row) {
    // Seed 001: "\t第二十条第（一）项" stands alone, then the header row.
    BOOST_TEST(check_match<dialect::detect>(
        "\t第二十条第（一）项\n\n\t信息内容\n\t本年新制作数量\n", expect::success, 0));
}

BOOST_AUTO_TEST_CASE(rejects_two_single_cell_rows_as_table) {
    // Two indented one-line paragraphs: the second "row" needs a second cell at line 4.
    BOOST_TEST(stop_of<dialect::detect>("\t第一段\n\n\t第二段\n") == stopped_at(4, 1));
    BOOST_TEST(stop_of<dialect::detect>("\t信息内容\n\t规章\n") == stopped_at(3, 1));
}

BOOST_AUTO_TEST_CASE(rejects_indented_sentences_as_table) {
    // Indented prose: each line ends in 。, which no cell of a detected table's first rows does.
    BOOST_TEST(stop_of<dialect::detect>("\t2020年，我镇坚持公开。\n\t1.主动公开情况。共110条。\n\n"
                                        "\t2.依申请公开情况。无。\n")
               == stopped_at(1, 1));
}

BOOST_AUTO_TEST_SUITE_END()
