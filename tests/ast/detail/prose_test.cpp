// The builder's prose fast paths consume exactly what the grammar's own rules consume.
#include <string>
#include <string_view>
#include <vector>

#include <boost/test/unit_test.hpp>
#include <tao/pegtl.hpp>

#include "ast/detail/prose.hpp"
#include "support/grammar_check.hpp"

namespace {

namespace pegtl = tao::pegtl;
namespace g = nianbao::grammar;
namespace d = nianbao::ast::detail;
using nianbao::test::matched_length;

// What a fast path returns (the end of the match, or null) as a length, or -1.
long length(std::string_view text, const char* stop) {
    return stop == nullptr ? -1 : static_cast<long>(stop - text.data());
}

std::string utf8(char32_t c) {
    const auto e = d::encode_utf8(c);
    return {reinterpret_cast<const char*>(e.b), e.size};
}

// Ill-formed and truncated sequences: stray continuation bytes, overlong forms, surrogates, code
// points past U+10FFFF, leads without their continuation bytes.
const std::vector<std::string> ill_formed{
    "\x80",         "\xBF",         "\xC0\xAF",         "\xC1\xBF",         "\xE0\x80\xAF",
    "\xED\xA0\x80", "\xED\xBF\xBF", "\xF0\x80\x80\xAF", "\xF4\x90\x80\x80", "\xF8\x88\x80\x80\x80",
    "\xE4\xB8",     "\xC2",         "\xF0\x9F\x98",     "\xE3\x80",         "\xEF\xBC",
    "\xFF"};

// Lines built from `unit` repeated around the limits, with what may end them.
std::vector<std::string> lines(const std::vector<std::string>& units) {
    std::vector<std::string> out{""};
    const std::string tails[] = {"",  "\n", "\r\n", "\r",  "\rx", "。", "，", "：",      "、",
                                 "|", "!",  ";",    "a\n", ",\n", " ",  "\t", "\xE4\xB8"};
    for (const auto& unit : units) {
        for (const int n : {0, 1, 2, 3, 28, 29, 30, 31, 32, 58, 59, 60, 61, 62}) {
            std::string run;
            for (int i = 0; i < n; ++i) {
                run += unit;
            }
            for (const auto& t : tails) {
                out.push_back(run + t);
                out.push_back(run + t + "镇\n");
                out.push_back(run + "，" + t);
            }
        }
    }
    return out;
}
const std::vector<std::string> units{"镇", "a", "𠀀", "　", "镇a", "\xC2\xA0", "\r"};

} // namespace

BOOST_AUTO_TEST_SUITE(ast_detail_prose)

BOOST_AUTO_TEST_CASE(decodes_as_pegtl_does) {
    std::vector<std::string> inputs = ill_formed;
    for (char32_t c = 0; c <= 0x10FFFF; c += c < 0x800 ? 1 : 7) {
        inputs.push_back(utf8(c));
    }
    for (const auto& s : inputs) {
        const auto cp = d::decode_utf8(s.data(), s.data() + s.size());
        BOOST_TEST((cp.size == 0 ? -1L : static_cast<long>(cp.size))
                       == matched_length<pegtl::utf8::any>(s),
                   s);
    }
}

BOOST_AUTO_TEST_CASE(tests_every_character_as_the_title_and_signature_rules_do) {
    // Every code point (this also checks the table of plain lead bytes) and ill-formed input.
    std::string mismatch;
    const auto check = [&mismatch](const std::string& s) {
        const char* end = s.data() + s.size();
        const auto title = d::scan_run<false>(s.data(), end, 1);
        const auto signature = d::scan_run<true>(s.data(), end, 1);
        if ((title.count == 1 ? length(s, title.end) : -1)
                != matched_length<g::document::title_char>(s)
            || (signature.count == 1 ? length(s, signature.end) : -1)
                   != matched_length<g::document::signature_char>(s)
            || (title.count == 1
                && title.last_is_signature
                       != (matched_length<g::document::last_title_char>(s) > 0))) {
            mismatch = s;
        }
    };
    for (char32_t c = 0; c <= 0x10FFFF && mismatch.empty(); ++c) {
        check(utf8(c));
    }
    for (const auto& s : ill_formed) {
        check(s);
    }
    BOOST_TEST(mismatch == "");
}

BOOST_AUTO_TEST_CASE(matches_heading_text_as_the_grammar_does) {
    for (const auto& s : lines(units)) {
        d::run_scanner scan; // a fresh one: its memory holds for one text only
        BOOST_TEST(
            length(s, d::prose_end<g::document::heading_text>(s.data(), s.data() + s.size(), scan))
                == matched_length<g::document::heading_text>(s),
            s);
    }
}

BOOST_AUTO_TEST_CASE(matches_counted_runs_of_title_and_signature_characters) {
    using signature_run = pegtl::rep_min_max<2, 30, g::document::signature_char>;
    using title_run = pegtl::rep_min_max<2, 60, g::document::title_char>;
    using one_to_three = pegtl::rep_min_max<1, 3, g::document::title_char>;
    for (const auto& s : lines(units)) {
        d::run_scanner scan;
        const char* end = s.data() + s.size();
        BOOST_TEST(length(s, d::prose_end<signature_run>(s.data(), end, scan))
                       == matched_length<signature_run>(s),
                   s);
        BOOST_TEST(length(s, d::prose_end<title_run>(s.data(), end, scan))
                       == matched_length<title_run>(s),
                   s);
        BOOST_TEST(length(s, d::prose_end<one_to_three>(s.data(), end, scan))
                       == matched_length<one_to_three>(s),
                   s);
    }
}

BOOST_AUTO_TEST_CASE(searches_a_line_for_a_sentence_end_as_the_grammar_does) {
    using search = pegtl::star<pegtl::not_at<g::lexical::cjk_sentence_end>, g::lexical::line_char>;
    std::vector<std::string> inputs = lines(units);
    for (const auto& bad : ill_formed) {
        inputs.push_back("镇" + bad + "。");
    }
    inputs.push_back("\xE3\x80\x82");
    inputs.push_back("\xE3\x80");
    inputs.push_back("a\xEF\xBC\x81");
    inputs.push_back("a\xEF\xBC\x9F\n");
    for (const auto& s : inputs) {
        d::run_scanner scan; // a fresh one: its memory holds for one text only
        BOOST_TEST(length(s, d::prose_end<search>(s.data(), s.data() + s.size(), scan))
                       == matched_length<search>(s),
                   s);
    }
}

BOOST_AUTO_TEST_CASE(finds_the_report_word_as_the_grammar_does) {
    std::vector<std::string> inputs = lines(units);
    for (const std::string head :
         {"", "瓦庙镇2020年", "报", "报报", "a|", "。", "，", "\r", "\n"}) {
        for (const std::string tail :
             {"报告", "报告\n", "报\n告", "报。告", "报", "告", "年度报告"}) {
            inputs.push_back(head + tail);
            inputs.push_back(head + "\xE4\xB8" + tail);
        }
    }
    for (const auto& s : inputs) {
        d::run_scanner scan;
        BOOST_TEST(length(s, d::prose_end<g::document::has_report_word>(s.data(),
                                                                        s.data() + s.size(), scan))
                       == matched_length<g::document::has_report_word>(s),
                   s);
    }
}

// If a grammar change turns one of these off, PEGTL's own matching takes over (correct, but
// slower): update lib/ast/detail/prose.hpp to the new rule.
BOOST_AUTO_TEST_CASE(covers_the_prose_rules) {
    BOOST_TEST(d::heading_text_as_assumed);
    BOOST_TEST(d::has_prose_path<g::document::heading_text>);
    BOOST_TEST(d::has_prose_path<g::document::has_report_word>);
    BOOST_TEST((d::has_prose_path<pegtl::rep_min_max<2, 30, g::document::signature_char>>));
    BOOST_TEST((d::has_prose_path<pegtl::rep_min_max<2, 60, g::document::title_char>>));
    BOOST_TEST((d::has_prose_path<
                pegtl::star<pegtl::not_at<g::lexical::cjk_sentence_end>, g::lexical::line_char>>));
}

BOOST_AUTO_TEST_SUITE_END()
