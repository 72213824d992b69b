// Lexical classes shared by every grammar: blanks, line ends, CJK numerals and ordinal markers.
#pragma once

#include <tao/pegtl.hpp>

namespace nianbao::grammar::lexical {

namespace pegtl = tao::pegtl;

//=== blanks and line ends ===//

// "\t<NBSP>" is an empty cell in seed 001; "三、 本 年 度" uses ASCII spaces; U+3000 indents.
struct nbsp : pegtl::utf8::one<0x00A0> {};              // U+00A0 NO-BREAK SPACE
struct ideographic_space : pegtl::utf8::one<0x3000> {}; // U+3000 IDEOGRAPHIC SPACE
struct ascii_blank : pegtl::one<' ', '\t'> {};
struct blank : pegtl::sor<ascii_blank, nbsp, ideographic_space> {};

// A line ends in LF or CRLF; a lone CR is ordinary text (it neither ends nor breaks a line).
struct crlf : pegtl::string<'\r', '\n'> {};
struct lf : pegtl::one<'\n'> {};
struct eol : pegtl::sor<crlf, lf> {};
struct lone_cr : pegtl::seq<pegtl::one<'\r'>, pegtl::not_at<lf>> {};
struct line_char : pegtl::sor<pegtl::not_one<'\r', '\n'>, lone_cr> {};
struct rest_of_line : pegtl::star<line_char> {};
struct eol_or_eof : pegtl::sor<eol, pegtl::eof> {};

// A blank line may hold spaces, TABs, U+00A0 and U+3000; the last line may lack its ending.
struct blank_line
    : pegtl::sor<pegtl::seq<pegtl::star<blank>, eol>, pegtl::seq<pegtl::plus<blank>, pegtl::eof>> {
};

//=== digits and numerals ===//

// "2020年" and "２０２０年"; "二〇二一年一月二十日" in some signatures.
struct fullwidth_digit : pegtl::utf8::range<U'０', U'９'> {};
struct digit : pegtl::sor<pegtl::digit, fullwidth_digit> {};
struct cjk_numeral : pegtl::utf8::one<U'〇', U'零', U'一', U'二', U'三', U'四', U'五', U'六', U'七',
                                      U'八', U'九', U'十', U'百', U'两'> {};

//=== punctuation ===//

// Half- and full-width variants occur side by side: "(一)" in seed 000, "（一）" in seed 001.
struct open_paren : pegtl::sor<pegtl::one<'('>, pegtl::utf8::one<U'（'>> {};
struct close_paren : pegtl::sor<pegtl::one<')'>, pegtl::utf8::one<U'）'>> {};
struct dun_hao : pegtl::utf8::one<U'、'> {};
struct fullwidth_stop : pegtl::utf8::one<U'．'> {};
struct colon : pegtl::sor<pegtl::one<':'>, pegtl::utf8::one<U'：'>> {};
// Characters that end a sentence: a line holding one is prose, not a heading.
struct sentence_end
    : pegtl::sor<pegtl::one<'!', '?', ';'>, pegtl::utf8::one<U'。', U'！', U'？', U'；'>> {};
// Full-width sentence ends only: a TAB-led line holding one is indented prose, not a table cell
// ("\t2020年，我镇坚持公开。"). ASCII ";" is left out: it ends "&nbsp;" in cells copied from HTML.
struct cjk_sentence_end : pegtl::utf8::one<U'。', U'！', U'？'> {};
// Characters a heading never ends with ("人大代表建议…公开情况:" introduces a list).
struct clause_tail : pegtl::sor<pegtl::one<',', ':'>, pegtl::utf8::one<U'，', U'：', U'、'>> {};

//=== ordinal markers ===//

// 一、总体情况 | （一）概述 | (一)概述 | 1.完善… | 1、需要… | （1）… | 附件2
struct cn_dun_marker : pegtl::seq<pegtl::plus<cjk_numeral>, pegtl::sor<dun_hao, fullwidth_stop>> {};
struct cn_paren_marker : pegtl::seq<open_paren, pegtl::plus<cjk_numeral>, close_paren> {};
// "1.5万元" is a number, not a marker: a digit may not follow the dot.
struct num_dot_marker
    : pegtl::seq<pegtl::plus<digit>, pegtl::sor<pegtl::one<'.'>, fullwidth_stop, dun_hao>,
                 pegtl::not_at<digit>> {};
struct num_paren_marker : pegtl::seq<open_paren, pegtl::plus<digit>, close_paren> {};
struct appendix_marker
    : pegtl::seq<TAO_PEGTL_STRING("附件"), pegtl::star<digit>, pegtl::opt<colon>> {};
struct ordinal_marker
    : pegtl::sor<cn_dun_marker, cn_paren_marker, num_paren_marker, num_dot_marker> {};

} // namespace nianbao::grammar::lexical
