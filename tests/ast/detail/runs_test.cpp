// The builder's fast paths consume exactly what PEGTL's own byte loop would.
#include <string>
#include <string_view>
#include <vector>

#include <boost/test/unit_test.hpp>
#include <tao/pegtl.hpp>

#include "ast/detail/runs.hpp"
#include "support/grammar_check.hpp"

namespace {

namespace pegtl = tao::pegtl;
namespace g = nianbao::grammar;
namespace d = nianbao::ast::detail;
using nianbao::test::matched_length;

long length(std::string_view text, const char* (*run_end)(const char*, const char*)) {
    return static_cast<long>(run_end(text.data(), text.data() + text.size()) - text.data());
}

// Every string of up to six bytes over the characters that matter, and longer ones (which take
// the 16-byte path) with a bar, CR or LF dropped at each position of a CJK line.
std::vector<std::string> samples() {
    std::vector<std::string> out = nianbao::test::all_strings({"a", "|", "\r", "\n", "中"}, 6);
    const std::string line = "行政许可事项办理结果统计表共计十四项";
    for (const char* stop : {"|", "\r", "\n", "\r\n", "\r|"}) {
        for (std::size_t at = 0; at <= line.size(); ++at) {
            out.push_back(line.substr(0, at) + stop + line.substr(at));
        }
    }
    return out;
}

// Every one- and two-byte input, and three- and four-byte inputs after the lead bytes that matter
// (valid, overlong, surrogate and stray ones).
std::vector<std::string> utf8_samples() {
    std::vector<std::string> out{""};
    for (int a = 0; a < 256; ++a) {
        out.emplace_back(1, static_cast<char>(a));
        for (int b = 0; b < 256; ++b) {
            out.push_back({static_cast<char>(a), static_cast<char>(b)});
        }
    }
    for (const int lead : {0xC2, 0xE0, 0xE3, 0xE4, 0xED, 0xEF, 0xF0, 0xF4, 0x80}) {
        for (int b = 0x70; b < 0xD0; ++b) {
            for (int c = 0x70; c < 0xD0; ++c) {
                out.push_back(
                    {static_cast<char>(lead), static_cast<char>(b), static_cast<char>(c)});
                out.push_back(
                    {static_cast<char>(lead), static_cast<char>(b), static_cast<char>(c), '\x80'});
            }
        }
    }
    return out;
}

// The byte comparison behind `utf8::one` against PEGTL's decoder.
template <typename Rule>
std::string utf8_one_mismatch(const std::vector<std::string>& inputs) {
    using fast = d::utf8_one<typename Rule::rule_t>;
    static_assert(fast::value);
    for (const auto& s : inputs) {
        const unsigned size = fast::match(s.data(), s.data() + s.size());
        if ((size == 0 ? -1L : static_cast<long>(size)) != matched_length<Rule>(s)) {
            return "input of " + std::to_string(s.size()) + " bytes starting "
                   + std::to_string(static_cast<unsigned char>(s[0]));
        }
    }
    return {};
}

} // namespace

BOOST_AUTO_TEST_SUITE(ast_detail_runs)

BOOST_AUTO_TEST_CASE(line_runs_end_where_pegtl_stops) {
    for (const auto& s : samples()) {
        const long fast = length(s, d::line_run_end);
        BOOST_TEST(fast == matched_length<pegtl::star<g::lexical::line_char>>(s), s);
        BOOST_TEST((fast > 0 ? fast : -1) == matched_length<pegtl::plus<g::lexical::line_char>>(s),
                   s);
    }
}

BOOST_AUTO_TEST_CASE(cell_runs_end_where_pegtl_stops) {
    for (const auto& s : samples()) {
        BOOST_TEST(length(s, d::cell_run_end) == matched_length<g::pipe::cell>(s), s);
    }
}

BOOST_AUTO_TEST_CASE(blank_runs_end_where_pegtl_stops) {
    const auto inputs = nianbao::test::all_strings(
        {" ", "\t", "\xC2\xA0", "\xE3\x80\x80", "\xC2", "\xE3\x80", "\xA0", "a", "\n"}, 4);
    for (const auto& s : inputs) {
        const long fast = length(s, d::blanks_end);
        BOOST_TEST(fast == matched_length<pegtl::star<g::lexical::blank>>(s), s);
        BOOST_TEST((fast > 0 ? fast : -1) == matched_length<pegtl::plus<g::lexical::blank>>(s), s);
    }
}

BOOST_AUTO_TEST_CASE(remembered_runs_end_where_fresh_searches_end) {
    // Queries at every position of a text, forwards, backwards and jumping, answered from the
    // scanner's memory of earlier searches where it can.
    std::string text;
    for (const auto& s : samples()) {
        text += s;
    }
    const char* b = text.data();
    const char* e = b + text.size();
    d::run_scanner scan;
    std::size_t wrong = 0;
    const auto query = [&](std::size_t at) {
        wrong += scan.line_run_end(b + at, e) != d::line_run_end(b + at, e);
        wrong += scan.cell_run_end(b + at, e) != d::cell_run_end(b + at, e);
        wrong += scan.line_run_end(b + at, e) != d::line_run_end(b + at, e);
    };
    for (std::size_t at = 0; at <= text.size(); ++at) {
        query(at);
    }
    for (std::size_t at = text.size() + 1; at-- > 0;) {
        query(at);
    }
    for (std::size_t at = 0, step = 1; at <= text.size(); at += step, step = step * 7 % 23 + 1) {
        query(at);
        query(at / 2);
    }
    BOOST_TEST(wrong == 0U);
}

BOOST_AUTO_TEST_CASE(utf8_one_compares_bytes_as_pegtl_decodes) {
    const std::string one = "一";
    BOOST_TEST(d::utf8_one<g::lexical::cjk_numeral::rule_t>::match(one.data(), one.data() + 3)
               == 3U);
    const auto inputs = utf8_samples();
    BOOST_TEST(utf8_one_mismatch<g::lexical::cjk_numeral>(inputs) == "");
    BOOST_TEST(utf8_one_mismatch<g::lexical::nbsp>(inputs) == "");
    BOOST_TEST(utf8_one_mismatch<g::lexical::cjk_sentence_end>(inputs) == "");
    BOOST_TEST((utf8_one_mismatch<pegtl::utf8::one<'a', 0x7F, 0x80, 0x7FF, 0x800, 0xFFFF, 0x10000,
                                                   0x1F600, 0x10FFFF>>(inputs)
                == ""));
    // No input decodes to a surrogate or past U+10FFFF, so these never match.
    BOOST_TEST((utf8_one_mismatch<pegtl::utf8::one<0xD800, 0xDFFF, 0x110000>>(inputs) == ""));
}

// If a grammar change turns one of these off, PEGTL's byte loop takes over (correct, but several
// times slower): update the scanner in lib/ast/detail/runs.hpp to the new rule.
BOOST_AUTO_TEST_CASE(covers_the_cell_and_line_rules) {
    BOOST_TEST((d::run_kind_of<g::pipe::cell> == d::run_kind::cell));
    BOOST_TEST((d::run_kind_of<g::lines::cell> == d::run_kind::cell));
    BOOST_TEST((d::run_kind_of<g::lexical::rest_of_line> == d::run_kind::line));
    BOOST_TEST((d::run_kind_of<pegtl::plus<g::lexical::line_char>> == d::run_kind::line));
    BOOST_TEST((d::run_kind_of<g::document::heading_gap> == d::run_kind::blank));
    BOOST_TEST((d::run_kind_of<pegtl::star<g::lexical::blank>> == d::run_kind::blank));
}

BOOST_AUTO_TEST_SUITE_END()
