// Pieces shared by the document and every table dialect: tagged line ends and separators.
#pragma once

#include "grammar/lexical.hpp"
#include "grammar/node_kind.hpp"

namespace nianbao::grammar::common {

namespace pegtl = tao::pegtl;

/// A line ending as a trivia leaf; at the end of the input the line may have none.
struct end_of_line : lexical::eol {
    static constexpr node_kind kind = node_kind::eol;
};
struct line_end : pegtl::sor<end_of_line, pegtl::eof> {};

/// Blanks after the last separator of a row (`行政许可 | 14 | || ␠`) are trivia.
struct trailing_blanks : pegtl::plus<lexical::blank> {
    static constexpr node_kind kind = node_kind::sep;
};

/// A character of a pipe or lines cell: anything on the line but `|`. A lone CR is text here
/// as everywhere (lexical.hpp): "行政\r许可 | 14 | ||" is a row of three cells.
struct cell_char : pegtl::sor<pegtl::not_one<'|', '\r', '\n'>, lexical::lone_cr> {};

/// A heading-shaped line: a Chinese ordinal and at least one non-blank character after it, or an
/// appendix line ("附件2"), either one possibly indented ("　　三、收到和处理…").
/// Tab cells use it to tell a following heading from a continuation line.
struct ordinal_heading_start
    : pegtl::seq<pegtl::sor<lexical::cn_dun_marker, lexical::cn_paren_marker>,
                 pegtl::star<lexical::blank>, pegtl::not_at<lexical::eol>,
                 pegtl::not_at<pegtl::eof>> {};
struct appendix_start
    : pegtl::seq<TAO_PEGTL_STRING("附件"),
                 pegtl::sor<lexical::digit, lexical::colon, lexical::eol_or_eof>> {};
struct heading_start
    : pegtl::seq<pegtl::star<lexical::blank>, pegtl::sor<ordinal_heading_start, appendix_start>> {};

} // namespace nianbao::grammar::common
