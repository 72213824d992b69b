// grammar/lexical.hpp: blanks, line ends, digits and the ordinal markers of headings.
#include <boost/test/unit_test.hpp>
#include <tao/pegtl/contrib/analyze.hpp>

#include "grammar/lexical.hpp"
#include "support/grammar_check.hpp"
#include "support/grammar_stop.hpp"

using namespace nianbao::grammar::lexical;
using nianbao::test::check_match;
using nianbao::test::expect;
using nianbao::test::stop_of;
using nianbao::test::stopped_at;

namespace {

std::size_t bytes(std::string_view s) {
    return s.size();
}

} // namespace

BOOST_AUTO_TEST_SUITE(grammar_lexical)

BOOST_AUTO_TEST_CASE(analyzes_without_problems) {
    BOOST_TEST(pegtl::analyze<ordinal_marker>(-1) == 0U);
    BOOST_TEST(pegtl::analyze<appendix_marker>(-1) == 0U);
    BOOST_TEST(pegtl::analyze<blank_line>(-1) == 0U);
    BOOST_TEST(pegtl::analyze<rest_of_line>(-1) == 0U);
}

//=== ordinal markers ===//

BOOST_AUTO_TEST_CASE(accepts_chinese_numeral_with_dun_hao) {
    BOOST_TEST(check_match<ordinal_marker>("一、总体情况", expect::success, bytes("总体情况")));
    BOOST_TEST(check_match<ordinal_marker>("十一、其他", expect::success, bytes("其他")));
    BOOST_TEST(check_match<ordinal_marker>("三．回应", expect::success, bytes("回应")));
}

BOOST_AUTO_TEST_CASE(accepts_full_and_half_width_parenthesised_numerals) {
    BOOST_TEST(check_match<ordinal_marker>("（一）概述", expect::success, bytes("概述")));
    BOOST_TEST(check_match<ordinal_marker>("(一)概述", expect::success, bytes("概述")));
    BOOST_TEST(check_match<ordinal_marker>("（十二）其他", expect::success, bytes("其他")));
    // Copied text mixes the two widths inside one marker: "(一）".
    BOOST_TEST(check_match<ordinal_marker>("(一）概述", expect::success, bytes("概述")));
}

BOOST_AUTO_TEST_CASE(accepts_arabic_numbers_with_dot_or_dun_hao) {
    BOOST_TEST(check_match<ordinal_marker>("1.完善制度", expect::success, bytes("完善制度")));
    BOOST_TEST(check_match<ordinal_marker>("1、需要", expect::success, bytes("需要")));
    BOOST_TEST(check_match<ordinal_marker>("12.其他", expect::success, bytes("其他")));
    BOOST_TEST(check_match<ordinal_marker>("１．全角", expect::success, bytes("全角")));
}

BOOST_AUTO_TEST_CASE(accepts_parenthesised_arabic_numbers) {
    BOOST_TEST(check_match<ordinal_marker>("（1）细则", expect::success, bytes("细则")));
    BOOST_TEST(check_match<ordinal_marker>("(1)细则", expect::success, bytes("细则")));
    BOOST_TEST(check_match<ordinal_marker>("（１０）细则", expect::success, bytes("细则")));
}

BOOST_AUTO_TEST_CASE(accepts_appendix_marker_with_number_and_colon) {
    BOOST_TEST(check_match<appendix_marker>("附件2", expect::success, 0));
    BOOST_TEST(check_match<appendix_marker>("附件：统计表", expect::success, bytes("统计表")));
    BOOST_TEST(check_match<appendix_marker>("附件2:统计表", expect::success, bytes("统计表")));
}

BOOST_AUTO_TEST_CASE(keeps_appendix_out_of_the_ordinal_markers) {
    // 附件 starts its own heading rule (level 1), never an ordinal one.
    BOOST_TEST(stop_of<ordinal_marker>("附件2") == stopped_at(1, 1));
}

BOOST_AUTO_TEST_CASE(rejects_decimal_number_as_marker) {
    // "1.5万元" is an amount: the dot is followed by a digit, so the marker stops after "1.".
    BOOST_TEST(stop_of<ordinal_marker>("1.5万元") == stopped_at(1, 3));
    BOOST_TEST(stop_of<ordinal_marker>("１．５万元") == stopped_at(1, 3));
    BOOST_TEST(stop_of<ordinal_marker>("2020、2021年") == stopped_at(1, 6));
}

BOOST_AUTO_TEST_CASE(rejects_year_and_numeral_words) {
    BOOST_TEST(stop_of<ordinal_marker>("2020年，我镇") == stopped_at(1, 5));
    BOOST_TEST(stop_of<ordinal_marker>("一是加强管理") == stopped_at(1, 2));
    BOOST_TEST(stop_of<ordinal_marker>("二〇二一年") == stopped_at(1, 5));
}

BOOST_AUTO_TEST_CASE(rejects_unclosed_or_empty_parentheses) {
    BOOST_TEST(stop_of<ordinal_marker>("（一概述") == stopped_at(1, 3));
    BOOST_TEST(stop_of<ordinal_marker>("（）概述") == stopped_at(1, 2));
    BOOST_TEST(stop_of<ordinal_marker>("（注）说明") == stopped_at(1, 2));
}

//=== blanks and line ends ===//

BOOST_AUTO_TEST_CASE(accepts_every_kind_of_blank) {
    BOOST_TEST(check_match<blank>(" ", expect::success, 0));
    BOOST_TEST(check_match<blank>("\t", expect::success, 0));
    BOOST_TEST(check_match<blank>("\u00A0", expect::success, 0));
    BOOST_TEST(check_match<blank>("\u3000", expect::success, 0));
    BOOST_TEST(check_match<nbsp>("\u00A0", expect::success, 0));
    BOOST_TEST(check_match<ideographic_space>("\u3000", expect::success, 0));
}

BOOST_AUTO_TEST_CASE(rejects_visible_characters_and_line_ends_as_blanks) {
    BOOST_TEST(stop_of<blank>("一") == stopped_at(1, 1));
    BOOST_TEST(stop_of<blank>("\n") == stopped_at(1, 1));
    BOOST_TEST(stop_of<blank>("\r") == stopped_at(1, 1));
}

BOOST_AUTO_TEST_CASE(accepts_blank_lines_of_mixed_blanks) {
    BOOST_TEST(check_match<blank_line>("\n一、", expect::success, bytes("一、")));
    BOOST_TEST(check_match<blank_line>(" \t\u00A0\u3000\r\n一、", expect::success, bytes("一、")));
    // The last line of a file may lack its line ending.
    BOOST_TEST(check_match<blank_line>("\u3000\u3000", expect::success, 0));
}

BOOST_AUTO_TEST_CASE(rejects_line_with_text_as_blank_line) {
    BOOST_TEST(stop_of<blank_line>("\u3000\u3000无。\n") == stopped_at(1, 3));
    BOOST_TEST(stop_of<blank_line>("") == stopped_at(1, 1));
}

BOOST_AUTO_TEST_CASE(accepts_crlf_as_one_line_end) {
    BOOST_TEST(check_match<eol>("\r\n一", expect::success, bytes("一")));
    BOOST_TEST(check_match<eol>("\n\r\n", expect::success, 2));
}

BOOST_AUTO_TEST_CASE(rejects_lone_cr_as_line_end) {
    // A lone CR is ordinary text: it neither ends nor breaks a line.
    BOOST_TEST(stop_of<eol>("\r一、") == stopped_at(1, 1));
    BOOST_TEST(check_match<line_char>("\r一", expect::success, bytes("一")));
}

BOOST_AUTO_TEST_CASE(reads_rest_of_line_through_lone_cr_up_to_crlf) {
    BOOST_TEST(check_match<rest_of_line>("总体\r情况\r\n二、", expect::success, bytes("\r\n二、")));
    BOOST_TEST(check_match<rest_of_line>("总体情况\n", expect::success, 1));
    BOOST_TEST(check_match<rest_of_line>("总体情况", expect::success, 0));
}

BOOST_AUTO_TEST_CASE(rejects_cr_of_crlf_as_line_char) {
    // The CR is read, then refused at the LF that makes it a line end.
    BOOST_TEST(stop_of<line_char>("\r\n") == stopped_at(1, 2));
}

//=== digits and punctuation ===//

BOOST_AUTO_TEST_CASE(accepts_half_and_full_width_digits) {
    BOOST_TEST(check_match<digit>("7条", expect::success, bytes("条")));
    BOOST_TEST(check_match<digit>("７条", expect::success, bytes("条")));
    BOOST_TEST(check_match<cjk_numeral>("〇", expect::success, 0));
}

BOOST_AUTO_TEST_CASE(accepts_half_and_full_width_punctuation) {
    BOOST_TEST(check_match<open_paren>("(", expect::success, 0));
    BOOST_TEST(check_match<open_paren>("（", expect::success, 0));
    BOOST_TEST(check_match<close_paren>("）", expect::success, 0));
    BOOST_TEST(check_match<colon>(":", expect::success, 0));
    BOOST_TEST(check_match<colon>("：", expect::success, 0));
    BOOST_TEST(check_match<sentence_end>("。", expect::success, 0));
    BOOST_TEST(check_match<sentence_end>(";", expect::success, 0));
    BOOST_TEST(check_match<clause_tail>("，", expect::success, 0));
}

BOOST_AUTO_TEST_CASE(rejects_comma_as_sentence_end) {
    BOOST_TEST(stop_of<sentence_end>("，") == stopped_at(1, 1));
    BOOST_TEST(stop_of<clause_tail>("。") == stopped_at(1, 1));
}

BOOST_AUTO_TEST_SUITE_END()
