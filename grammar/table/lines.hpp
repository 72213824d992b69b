// The lines dialect: one cell per line, each ending in ` |`, rows not marked (seed 004) or
// ended by a `||` line.
#pragma once

#include <string_view>

#include "grammar/table/common.hpp"

namespace nianbao::grammar::lines {

namespace pegtl = tao::pegtl;

// 统 计 指 标 |
// 条 |
// |
struct cell : pegtl::star<common::cell_char> {
    static constexpr node_kind kind = node_kind::cell;
};
struct cell_end : pegtl::seq<pegtl::one<'|'>, pegtl::star<lexical::blank>> {
    static constexpr node_kind kind = node_kind::sep;
};
struct cell_line : pegtl::seq<cell, cell_end, common::line_end> {};

// 规章 |
// 0 |
// ||
// Rows are not marked in copied text; lib/ast/table/lines.cpp infers the row width. A line
// holding only `||` ends a row explicitly: nianbao writes it for tables whose rows differ in
// width (docs/convert.md), and then every row of the table ends with one.
struct row_end : pegtl::seq<pegtl::two<'|'>, pegtl::star<lexical::blank>> {
    static constexpr node_kind kind = node_kind::sep;
};
struct row_end_line : pegtl::seq<row_end, common::line_end> {};
struct marked_row : pegtl::seq<pegtl::plus<cell_line>, row_end_line> {
    static constexpr node_kind kind = node_kind::row;
};
struct marked_start : pegtl::seq<pegtl::plus<cell_line>, row_end_line> {};
struct table : pegtl::sor<pegtl::seq<pegtl::at<marked_start>, pegtl::plus<marked_row>>,
                          pegtl::plus<cell_line>> {
    static constexpr node_kind kind = node_kind::table;
};

/// Registration descriptor. Three cell lines make a table: a single `… |` line is prose. With
/// row marks, two rows do ("第二十条第（一）项 |" / "||" / "信息内容 |" …).
struct dialect {
    static constexpr std::string_view id = "lines";
    using detect = pegtl::sor<pegtl::rep<3, cell_line>, pegtl::seq<marked_start, cell_line>>;
    using table = lines::table;
};

} // namespace nianbao::grammar::lines
