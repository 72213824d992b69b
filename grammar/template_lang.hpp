// The template language: one statement a line, `keyword token…`, `#` comments (see
// docs/templates.md). The grammar checks tokens; lib/model checks what statements mean.
#pragma once

#include "grammar/lexical.hpp"

namespace nianbao::grammar::template_lang {

namespace pegtl = tao::pegtl;

// template gov-2019 extends gov-base
// column biz "商业企业" | "商业机构" count
// expect t3.new.$c + t3.carry_in.$c == t3.r7_total.$c + t3.carry_out.$c
struct space : pegtl::one<' ', '\t'> {};
struct comment : pegtl::seq<pegtl::one<'#'>, lexical::rest_of_line> {};

// "第二十条第（一）项" — a string may hold any UTF-8 but no raw line break; \" and \\ escape.
struct escape : pegtl::seq<pegtl::one<'\\'>, pegtl::one<'"', '\\', 'n'>> {};
struct string_char : pegtl::sor<escape, pegtl::utf8::not_one<'"', '\\', '\r', '\n'>> {};
struct string_body : pegtl::star<string_char> {};
struct string_close : pegtl::one<'"'> {};
struct string_ : pegtl::if_must<pegtl::one<'"'>, string_body, string_close> {}; // NOLINT

// Keys and references: t2_1, gov-2019, t3.new.$c, r3_1
struct name_first : pegtl::sor<pegtl::alpha, pegtl::one<'_', '$'>> {};
struct name_rest : pegtl::sor<pegtl::alnum, pegtl::one<'_', '$', '-', '.'>> {};
struct name : pegtl::seq<name_first, pegtl::star<name_rest>> {};
struct number : pegtl::seq<pegtl::opt<pegtl::one<'-'>>, pegtl::plus<pegtl::digit>,
                           pegtl::opt<pegtl::one<'.'>, pegtl::plus<pegtl::digit>>> {};
// Longest operators first: `<=` before `<`, `->` before `-`.
struct op : pegtl::sor<pegtl::string<'=', '='>, pegtl::string<'!', '='>, pegtl::string<'<', '='>,
                       pegtl::string<'>', '='>, pegtl::string<'-', '>'>, pegtl::one<'<', '>'>,
                       pegtl::one<'+', '-', '|', '(', ')', ','>> {};
struct token : pegtl::sor<string_, number, name, op> {};

struct keyword : name {};
struct statement : pegtl::seq<keyword, pegtl::star<pegtl::plus<space>, token>> {};
struct line_end : pegtl::seq<pegtl::star<space>, pegtl::opt<comment>, lexical::eol_or_eof> {};

// Every alternative consumes input: an empty or comment line ends in a line break, a last line
// without one holds at least one character, and a statement starts with a keyword.
struct empty_line : pegtl::seq<pegtl::star<space>, pegtl::opt<comment>, lexical::eol> {};
struct last_empty_line
    : pegtl::seq<pegtl::sor<pegtl::seq<pegtl::plus<space>, pegtl::opt<comment>>, comment>,
                 pegtl::eof> {};
// After the tokens only blanks, a comment or the line end may follow.
struct statement_line
    : pegtl::seq<pegtl::star<space>, pegtl::must<statement>, pegtl::must<line_end>> {};
struct line : pegtl::sor<empty_line, last_empty_line, statement_line> {};
struct file : pegtl::until<pegtl::eof, line> {};

} // namespace nianbao::grammar::template_lang
