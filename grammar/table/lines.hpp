// The lines dialect: one cell per line, each ending in ` |`, rows not marked (seed 004).
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
// Rows are not marked in the text; lib/ast/table/lines.cpp infers the row width.
struct table : pegtl::plus<cell_line> {
    static constexpr node_kind kind = node_kind::table;
};

/// Registration descriptor. Three cell lines make a table: a single `… |` line is prose.
struct dialect {
    static constexpr std::string_view id = "lines";
    using detect = pegtl::rep<3, cell_line>;
    using table = lines::table;
};

} // namespace nianbao::grammar::lines
