// grammar/table/pipe.hpp: one row per line, cells between `|`, padding cells at the end.
#include <boost/test/unit_test.hpp>
#include <tao/pegtl/contrib/analyze.hpp>

#include "grammar/table/pipe.hpp"
#include "support/grammar_check.hpp"
#include "support/grammar_stop.hpp"

using namespace nianbao::grammar::pipe;
using nianbao::test::check_match;
using nianbao::test::expect;
using nianbao::test::stop_of;
using nianbao::test::stopped_at;

namespace {

std::size_t bytes(std::string_view s) {
    return s.size();
}

// A row of exactly N cells: proves how a line splits without building a tree.
template <int N>
struct row_of : pegtl::seq<cell, bar, row_of<N - 1>> {};
template <>
struct row_of<0> : row_end {};

} // namespace

BOOST_AUTO_TEST_SUITE(grammar_table_pipe)

BOOST_AUTO_TEST_CASE(analyzes_without_problems) {
    BOOST_TEST(pegtl::analyze<table>(-1) == 0U);
    BOOST_TEST(pegtl::analyze<dialect::detect>(-1) == 0U);
}

//=== rows ===//

BOOST_AUTO_TEST_CASE(accepts_row_of_label_and_figures) {
    BOOST_TEST(check_match<row>("规章 | 0 | 0 | 0 |\n", expect::success, 0));
    BOOST_TEST(check_match<row_of<4>>("规章 | 0 | 0 | 0 |\n", expect::success, 0));
}

BOOST_AUTO_TEST_CASE(accepts_padded_merged_cell) {
    // 行政许可 | 14 | || (seed 002): a merged cell appears once, padding cells follow.
    BOOST_TEST(check_match<row>("行政许可 | 14 | ||\n", expect::success, 0));
    BOOST_TEST(check_match<row_of<4>>("行政许可 | 14 | ||\n", expect::success, 0));
    BOOST_TEST(check_match<row_of<4>>("第二十条第(一)项 | |||\n", expect::success, 0));
}

BOOST_AUTO_TEST_CASE(accepts_blanks_after_last_bar) {
    BOOST_TEST(check_match<row>("行政许可 | 14 | || \t\u3000\n", expect::success, 0));
    BOOST_TEST(check_match<row_of<4>>("行政许可 | 14 | || \u00A0\n", expect::success, 0));
}

BOOST_AUTO_TEST_CASE(accepts_row_with_crlf_or_at_end_of_file) {
    BOOST_TEST(check_match<row>("规章 | 0 |\r\n规范性文件 | 3 |", expect::success,
                                bytes("规范性文件 | 3 |")));
    BOOST_TEST(check_match<row>("0 | 0 | 0 |", expect::success, 0));
}

BOOST_AUTO_TEST_CASE(accepts_blank_and_nbsp_cells) {
    BOOST_TEST(check_match<row_of<3>>("| \u00A0 | \u3000 |\n", expect::success, 0));
}

BOOST_AUTO_TEST_CASE(accepts_lone_cr_inside_a_cell) {
    // A lone CR is text (grammar/lexical.hpp), in a cell as anywhere else.
    BOOST_TEST(check_match<row_of<3>>("行政\r许可 | 14 | |\n", expect::success, 0));
}

BOOST_AUTO_TEST_CASE(rejects_single_bar_line_as_row) {
    // "合计 |" is a `lines` cell; a pipe row needs a second bar.
    BOOST_TEST(stop_of<row>("合计 |\n") == stopped_at(1, 5));
    BOOST_TEST(stop_of<row>("|\n") == stopped_at(1, 2));
}

BOOST_AUTO_TEST_CASE(rejects_row_without_trailing_bar) {
    BOOST_TEST(stop_of<row>("规章 | 0 | 0\n") == stopped_at(1, 11));
    BOOST_TEST(stop_of<row>("本年度公开渠道为网站|微信|公示栏。\n") == stopped_at(1, 19));
}

BOOST_AUTO_TEST_CASE(rejects_text_after_last_bar) {
    BOOST_TEST(stop_of<row>("行政许可 | 14 |备注\n") == stopped_at(1, 14));
}

//=== tables ===//

BOOST_AUTO_TEST_CASE(accepts_consecutive_rows_and_stops_at_other_line) {
    const std::string_view text = "信息内容 | 本年处理决定数量 | ||\n"
                                  "行政许可 | 14 | ||\n"
                                  "三、收到和处理政府信息公开申请情况\n";
    BOOST_TEST(
        check_match<table>(text, expect::success, bytes("三、收到和处理政府信息公开申请情况\n")));
    BOOST_TEST(check_match<dialect::detect>(text, expect::success,
                                            bytes("三、收到和处理政府信息公开申请情况\n")));
}

BOOST_AUTO_TEST_CASE(accepts_rows_of_different_widths) {
    // Seed 000's table 3: header rows are padded to 10 cells, data rows have 8 or 10.
    BOOST_TEST(check_match<table>("自然人 | 法人或其他组织 | 总计 | |||||||\n"
                                  "四、结转下年度继续办理 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |\n",
                                  expect::success, 0));
}

BOOST_AUTO_TEST_CASE(accepts_single_cell_rows_inside_a_table) {
    // A caption row of one cell, as a tab table's caption becomes in pipe.
    const std::string_view text = "第二十条第（一）项 |\n"
                                  "信息内容 | 本年新制作数量 |\n"
                                  "第二十条第（五）项 |\n"
                                  "行政许可 | 0 |\n"
                                  "三、收到和处理政府信息公开申请情况\n";
    BOOST_TEST(
        check_match<table>(text, expect::success, bytes("三、收到和处理政府信息公开申请情况\n")));
    BOOST_TEST(check_match<dialect::detect>(text, expect::success,
                                            text.size()
                                                - bytes("第二十条第（一）项 |\n"
                                                        "信息内容 | 本年新制作数量 |\n")));
}

BOOST_AUTO_TEST_CASE(rejects_two_single_cell_lines_as_table) {
    // Two "… |" lines are `lines` cells or prose, not a pipe table.
    BOOST_TEST(stop_of<dialect::detect>("备注 |\n合计 |\n") == stopped_at(2, 5));
}

BOOST_AUTO_TEST_CASE(rejects_lone_row_as_table) {
    // One pipe-ended line may be prose ("选项 A|选项 B|"); the table stops at line 2's text.
    BOOST_TEST(stop_of<table>("行政许可 | 14 | ||\n本年度无。\n") == stopped_at(2, 6));
    BOOST_TEST(stop_of<dialect::detect>("选项 A|选项 B|\n") == stopped_at(2, 1));
}

BOOST_AUTO_TEST_SUITE_END()
