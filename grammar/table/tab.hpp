// The tab dialect: one cell per TAB-led line, continuation lines, a blank line ends a row
// (seeds 001, 003).
#pragma once

#include <string_view>

#include "grammar/table/common.hpp"

namespace nianbao::grammar::tab {

namespace pegtl = tao::pegtl;

// \t商业
// 企业
// \t<U+00A0>
struct lead : pegtl::one<'\t'> {
    static constexpr node_kind kind = node_kind::sep;
};
// A line without a leading TAB continues the cell above ("商业" / "企业", or vertical text one
// character a line), unless it is blank, the end, or a heading ("三、收到和处理…").
struct continuation
    : pegtl::seq<lexical::eol, pegtl::not_at<pegtl::one<'\t'>>, pegtl::not_at<lexical::blank_line>,
                 pegtl::not_at<common::heading_start>, pegtl::plus<lexical::line_char>> {};
struct cell : pegtl::seq<lexical::rest_of_line, pegtl::star<continuation>> {
    static constexpr node_kind kind = node_kind::cell;
};
struct cell_line : pegtl::seq<lead, cell, common::line_end> {};

// \t2020年，我镇坚持公开政府信息。
// Indented prose starts with a TAB too. No cell of the seeds ends a sentence, so a TAB-led line
// holding 。！？ does not start a row: TAB-indented paragraphs stay paragraphs, and a table ends
// before an indented note that follows it after a blank line.
struct sentence_line
    : pegtl::seq<lead, pegtl::star<pegtl::not_at<lexical::cjk_sentence_end>, lexical::line_char>,
                 lexical::cjk_sentence_end> {};
struct row_head : pegtl::seq<pegtl::not_at<sentence_line>, cell_line> {};
struct row : pegtl::seq<row_head, pegtl::star<cell_line>> {
    static constexpr node_kind kind = node_kind::row;
};
// Blank lines (without a leading TAB, which would be an empty cell) end a row.
struct row_sep : pegtl::plus<pegtl::not_at<pegtl::one<'\t'>>, lexical::blank_line> {
    static constexpr node_kind kind = node_kind::sep;
};
struct table : pegtl::seq<row, pegtl::star<row_sep, row>> {
    static constexpr node_kind kind = node_kind::table;
};

/// Registration descriptor. Indented prose also starts with a TAB, so a table needs two rows and
/// one of its first two rows needs two cells (a caption row may stand alone, as in seed 001).
struct dialect {
    static constexpr std::string_view id = "tab";
    using detect = pegtl::sor<pegtl::seq<row_head, pegtl::plus<cell_line>, row_sep, row_head>,
                              pegtl::seq<row_head, row_sep, row_head, cell_line>>;
    using table = tab::table;
};

} // namespace nianbao::grammar::tab
