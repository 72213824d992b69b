// grammar/table/lines.hpp: one cell per line, each ending in ` |`, rows not marked.
#include <boost/test/unit_test.hpp>
#include <tao/pegtl/contrib/analyze.hpp>

#include "grammar/table/lines.hpp"
#include "support/grammar_check.hpp"
#include "support/grammar_stop.hpp"

using namespace nianbao::grammar::lines;
using nianbao::test::check_match;
using nianbao::test::expect;
using nianbao::test::stop_of;
using nianbao::test::stopped_at;

namespace {

std::size_t bytes(std::string_view s) {
    return s.size();
}

} // namespace

BOOST_AUTO_TEST_SUITE(grammar_table_lines)

BOOST_AUTO_TEST_CASE(analyzes_without_problems) {
    BOOST_TEST(pegtl::analyze<table>(-1) == 0U);
    BOOST_TEST(pegtl::analyze<dialect::detect>(-1) == 0U);
}

//=== cell lines ===//

BOOST_AUTO_TEST_CASE(accepts_cell_ending_in_bar) {
    BOOST_TEST(
        check_match<cell_line>("统 计 指 标 |\n单位 |\n", expect::success, bytes("单位 |\n")));
    BOOST_TEST(check_match<cell_line>(
        "(一)主动公开政府信息数 (不同渠道和方式公开相同信息计1条) |\n", expect::success, 0));
}

BOOST_AUTO_TEST_CASE(accepts_lone_bar_as_empty_cell) {
    // Seed 004: "一、主动公开情况 |" / "— |" / "|".
    BOOST_TEST(check_match<cell_line>("|\n条 |\n", expect::success, bytes("条 |\n")));
}

BOOST_AUTO_TEST_CASE(accepts_blanks_after_bar) {
    BOOST_TEST(check_match<cell_line>("条 | \u3000\t\n7 |\n", expect::success, bytes("7 |\n")));
}

BOOST_AUTO_TEST_CASE(accepts_crlf_and_last_line_without_line_end) {
    BOOST_TEST(check_match<cell_line>("人次 |\r\n30 |", expect::success, bytes("30 |")));
    BOOST_TEST(check_match<cell_line>("30 |", expect::success, 0));
}

BOOST_AUTO_TEST_CASE(accepts_lone_cr_inside_a_cell) {
    BOOST_TEST(check_match<cell_line>("人\r次 |\n", expect::success, 0));
}

BOOST_AUTO_TEST_CASE(rejects_pipe_row_as_cell_line) {
    // "a | b |" has text after its first bar: a pipe row, not a lines cell.
    BOOST_TEST(stop_of<cell_line>("自然人 | 总计 |\n") == stopped_at(1, 7));
}

BOOST_AUTO_TEST_CASE(rejects_line_without_bar) {
    BOOST_TEST(stop_of<cell_line>("政府信息公开情况统计表\n") == stopped_at(1, 12));
}

BOOST_AUTO_TEST_CASE(rejects_text_after_the_bar) {
    BOOST_TEST(stop_of<cell_line>("统计数 | 件\n") == stopped_at(1, 7));
}

//=== tables ===//

BOOST_AUTO_TEST_CASE(accepts_cells_and_stops_at_other_line) {
    const std::string_view text =
        "一、主动公开情况 |\n— |\n|\n（一）主动公开政府信息数 |\n条 |\n7 |\n附件3\n";
    BOOST_TEST(check_match<table>(text, expect::success, bytes("附件3\n")));
}

BOOST_AUTO_TEST_CASE(accepts_table_without_final_line_end) {
    BOOST_TEST(check_match<table>("(三)接受培训人员数 |\n人次 |\n30 |", expect::success, 0));
}

BOOST_AUTO_TEST_CASE(detects_table_from_three_cell_lines) {
    BOOST_TEST(check_match<dialect::detect>("统 计 指 标 |\n单位 |\n统计数 |\n一、主动公开情况 |\n",
                                            expect::success, bytes("一、主动公开情况 |\n")));
}

BOOST_AUTO_TEST_CASE(rejects_fewer_than_three_cell_lines_as_table) {
    // One or two "… |" lines are prose; the detector stops at the third line's text.
    BOOST_TEST(stop_of<dialect::detect>("条 |\n7 |\n无。\n") == stopped_at(3, 3));
    BOOST_TEST(stop_of<dialect::detect>("备注 |\n") == stopped_at(2, 1));
}

//=== rows ended by `||` ===//

BOOST_AUTO_TEST_CASE(accepts_rows_ended_by_double_bar) {
    const std::string_view rows = "第二十条第（一）项 |\n||\n信息内容 |\n本年新制作数量 |\n||\n";
    const std::string text = std::string(rows) + "二、主动公开\n";
    BOOST_TEST(check_match<table>(text, expect::success, bytes("二、主动公开\n")));
    // The detector needs the first row, its mark and one more cell.
    BOOST_TEST(check_match<dialect::detect>(
        text, expect::success, text.size() - bytes("第二十条第（一）项 |\n||\n信息内容 |\n")));
}

BOOST_AUTO_TEST_CASE(stops_marked_table_before_a_row_without_its_mark) {
    // Once rows are marked, cells after the last `||` are not part of the table.
    BOOST_TEST(
        check_match<table>("a |\nb |\n||\nc |\nd |\n", expect::success, bytes("c |\nd |\n")));
}

BOOST_AUTO_TEST_CASE(rejects_single_marked_row_as_table) {
    BOOST_TEST(stop_of<dialect::detect>("备注 |\n||\n无。\n") == stopped_at(3, 3));
}

BOOST_AUTO_TEST_SUITE_END()
