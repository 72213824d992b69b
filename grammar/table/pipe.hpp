// The pipe dialect: one row per line, cells between `|`, every row ending in `|` (seeds 000, 002).
#pragma once

#include <string_view>

#include "grammar/table/common.hpp"

namespace nianbao::grammar::pipe {

namespace pegtl = tao::pegtl;

// 行政许可 | 14 | ||
// 第二十条第(一)项 | |||
struct bar : pegtl::one<'|'> {
    static constexpr node_kind kind = node_kind::sep;
};
struct cell : pegtl::star<common::cell_char> {
    static constexpr node_kind kind = node_kind::cell;
};
struct row_end : pegtl::seq<pegtl::opt<common::trailing_blanks>, common::line_end> {};
struct next_cell : pegtl::seq<pegtl::not_at<row_end>, cell, bar> {};
// A row has at least two bars: a line with a single trailing `|` is a `lines` cell.
struct row : pegtl::seq<cell, bar, pegtl::plus<next_cell>, row_end> {
    static constexpr node_kind kind = node_kind::row;
};
// 第二十条第（一）项 |
// Inside a table a row may hold one cell (a caption converted from a tab table); alone, such a
// line is a `lines` cell or prose.
struct single_cell_row : pegtl::seq<cell, bar, row_end> {
    static constexpr node_kind kind = node_kind::row;
};
struct any_row : pegtl::sor<row, single_cell_row> {};
// One pipe-ended line is not a table ("选项 A|选项 B|" in prose); two are, when one of the first
// two has two bars or more.
struct table : pegtl::seq<any_row, pegtl::plus<any_row>> {
    static constexpr node_kind kind = node_kind::table;
};

/// Registration descriptor (see table/dialects.hpp).
struct dialect {
    static constexpr std::string_view id = "pipe";
    using detect = pegtl::sor<pegtl::seq<row, any_row>, pegtl::seq<single_cell_row, row>>;
    using table = pipe::table;
};

} // namespace nianbao::grammar::pipe
