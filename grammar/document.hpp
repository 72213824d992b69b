// The document: title, headings, paragraphs, blank runs, signature and date lines, and tables in
// any registered dialect.
#pragma once

#include "grammar/table/dialects.hpp"

namespace nianbao::grammar::document {

namespace pegtl = tao::pegtl;
using common::line_end;

//=== blank runs and prose ===//

// Lines holding only blanks, kept as one leaf (its span includes the line endings).
struct blank : pegtl::plus<lexical::blank_line> {
    static constexpr node_kind kind = node_kind::blank;
};
// 无。
struct paragraph : pegtl::seq<pegtl::plus<lexical::line_char>, lexical::eol_or_eof> {
    static constexpr node_kind kind = node_kind::paragraph;
};

//=== headings ===//

// 一、总体情况 | (一)概述 | 三、 本 年 度 办 理 结 果 (in tables only) | 附件2 | 　　二、主动公开…
// A heading is short and holds no sentence end: "(一)主动公开政府信息:7条。" is prose.
// Text copied from web pages indents headings like paragraphs, with U+3000 or spaces.
struct title_char : pegtl::seq<pegtl::not_at<lexical::sentence_end>, pegtl::not_at<pegtl::one<'|'>>,
                               pegtl::utf8::not_one<'\r', '\n'>> {};
struct last_title_char : pegtl::seq<pegtl::not_at<lexical::clause_tail>, title_char> {};
struct title_char_before_last : pegtl::seq<title_char, pegtl::at<title_char>> {};
struct marker : lexical::ordinal_marker {
    static constexpr node_kind kind = node_kind::marker;
};
struct heading_text
    : pegtl::seq<pegtl::rep_max<59, title_char_before_last>, last_title_char, pegtl::at<line_end>> {
    static constexpr node_kind kind = node_kind::heading_text;
};
struct heading_gap : pegtl::plus<lexical::blank> {
    static constexpr node_kind kind = node_kind::sep;
};
struct heading_indent : pegtl::plus<lexical::blank> {
    static constexpr node_kind kind = node_kind::sep;
};
struct numbered_heading : pegtl::seq<marker, pegtl::opt<heading_gap>, pegtl::not_at<lexical::blank>,
                                     heading_text, line_end> {};
struct appendix_marker : lexical::appendix_marker {
    static constexpr node_kind kind = node_kind::marker;
};
struct appendix_heading
    : pegtl::seq<appendix_marker, pegtl::opt<heading_gap>, pegtl::opt<heading_text>, line_end> {};
struct heading
    : pegtl::seq<pegtl::opt<heading_indent>, pegtl::sor<numbered_heading, appendix_heading>> {
    static constexpr node_kind kind = node_kind::heading;
};

//=== title, signature, date ===//

// 瓦庙镇2020年政府信息公开工作年度报告
struct report_word : TAO_PEGTL_STRING("报告") {};
struct has_report_word
    : pegtl::seq<pegtl::star<pegtl::not_at<report_word>, title_char>, report_word> {};
struct title : pegtl::seq<pegtl::not_at<lexical::ordinal_marker>, pegtl::at<has_report_word>,
                          pegtl::rep_min_max<2, 60, title_char>, lexical::eol_or_eof> {
    static constexpr node_kind kind = node_kind::title;
};
// 2021年1月20日 | 二〇二一年一月二十日
struct date_number : pegtl::rep_min_max<1, 4, pegtl::sor<lexical::digit, lexical::cjk_numeral>> {};
struct date_line
    : pegtl::seq<pegtl::star<lexical::blank>, date_number, pegtl::utf8::one<U'年'>, date_number,
                 pegtl::utf8::one<U'月'>, date_number, pegtl::utf8::one<U'日'>,
                 pegtl::star<lexical::blank>, lexical::eol_or_eof> {
    static constexpr node_kind kind = node_kind::date;
};
// 曲江镇人民政府 — a short line right before the date line (blank lines may come between).
struct signature_char : pegtl::seq<pegtl::not_at<lexical::clause_tail>, title_char> {};
struct signature : pegtl::seq<pegtl::rep_min_max<2, 30, signature_char>, lexical::eol,
                              pegtl::at<pegtl::star<lexical::blank_line>, date_line>> {
    static constexpr node_kind kind = node_kind::signature;
};

//=== tables ===//

// Each dialect is tried only where its detector matches, so prose falls through to paragraphs.
template <typename List>
struct any_table;
template <typename... D>
struct any_table<pegtl::type_list<D...>>
    : pegtl::sor<pegtl::seq<pegtl::at<typename D::detect>, typename D::table>...> {};
struct table : any_table<dialects::all> {};

//=== the document ===//

// Tables come first: their detectors are strict, and a tab table may begin with a blank cell.
struct block : pegtl::sor<table, blank, heading, date_line, signature, paragraph> {};
// Every line is at least a paragraph, so `end_of_report` can fail only on a grammar bug; the
// must<> turns such a bug into a diagnostic with a position instead of a silent prefix match.
struct end_of_report : pegtl::eof {};
struct report : pegtl::seq<pegtl::opt<blank>, pegtl::opt<title>, pegtl::star<block>,
                           pegtl::must<end_of_report>> {};

} // namespace nianbao::grammar::document
