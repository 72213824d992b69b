// The builder's fast paths build exactly the nodes PEGTL's own matching builds: every node kind,
// span, parent and subtree, over the corpus and over generated lines full of edge cases.
#include <cstdint>
#include <random>
#include <string>
#include <string_view>
#include <vector>

#include <boost/test/unit_test.hpp>

#include "ast/detail/node_builder.hpp"
#include "support/corpus.hpp"

namespace {

namespace d = nianbao::ast::detail;
using nianbao::ast::node;

struct this_file {};

// The grammar's nodes for `text`, or the offset of a grammar error as the last "node".
template <bool Fast>
std::vector<node> nodes_of(std::string_view text) {
    std::vector<node> nodes; // no spare capacity: a sanitizer sees a write past the nodes
    {
        d::build_state<this_file> st(text.data(), nodes, 8);
        st.push(nianbao::ast::node_kind::document, 0);
        try {
            d::build_nodes<Fast, this_file>(st, text, "t");
        } catch (const tao::pegtl::parse_error& e) {
            st.truncate(1);
            const auto at = static_cast<std::uint32_t>(e.positions().front().byte);
            st.push(nianbao::ast::node_kind::eol, at);
        }
    }
    return nodes;
}

// The first node that differs, or "" when the fast paths agree with PEGTL.
std::string difference(std::string_view text) {
    const auto fast = nodes_of<true>(text);
    const auto plain = nodes_of<false>(text);
    for (std::size_t i = 0; i < fast.size() || i < plain.size(); ++i) {
        if (i >= fast.size() || i >= plain.size()) {
            return "node counts differ: " + std::to_string(fast.size()) + " and "
                   + std::to_string(plain.size());
        }
        const node& a = fast[i];
        const node& b = plain[i];
        if (a.kind != b.kind || a.span.begin != b.span.begin || a.span.end != b.span.end
            || a.parent != b.parent || a.subtree_end != b.subtree_end || a.dialect != b.dialect) {
            return "node " + std::to_string(i) + " differs (" + std::string(name(a.kind)) + " "
                   + std::to_string(a.span.begin) + "-" + std::to_string(a.span.end) + " vs "
                   + std::string(name(b.kind)) + " " + std::to_string(b.span.begin) + "-"
                   + std::to_string(b.span.end) + ")";
        }
    }
    return {};
}

// Pieces of lines: headings, signatures, dates and titles at and around their length limits,
// cells of every dialect, blanks, sentence ends and clause tails, lone CRs, and ill-formed or
// truncated UTF-8 (the builder only sees valid text, but its fast paths must not care).
std::vector<std::string> pieces() {
    std::vector<std::string> p{"一、",
                               "（一）",
                               "(1)",
                               "1.",
                               "1、",
                               "附件2",
                               "附件：",
                               "　　",
                               "  ",
                               "三、 本 年 度",
                               "总体情况",
                               "概述",
                               "。",
                               "，",
                               "：",
                               "、",
                               "！",
                               "？",
                               "；",
                               "!",
                               "?",
                               ";",
                               ",",
                               ":",
                               "|",
                               "||",
                               " |",
                               "| ",
                               "\t",
                               "\t\t",
                               "\xC2\xA0",
                               "\xE3\x80\x80",
                               "\r",
                               "\r\r",
                               "行政\r许可",
                               "曲江镇人民政府",
                               "2021年1月20日",
                               "二〇二一年一月二十日",
                               "２０２０年",
                               "1.5万元",
                               "瓦庙镇2020年政府信息公开工作年度报告",
                               "报告",
                               "报",
                               "行政许可 | 14 | ||",
                               "商业",
                               "企业",
                               "规章 |",
                               "0 |",
                               "无",
                               "a",
                               "𠀀",
                               "\xF0\x9F\x98\x80",
                               "\xE3\x80",
                               "\xED\xA0\x80",
                               "\xC0\xAF",
                               "\xF4\x90\x80\x80",
                               "\xE4\xB8",
                               "\x80",
                               "\xEF\xBC",
                               "\xEF\xBC\x8C"};
    // Runs of exactly and around the limits: 30 (signatures), 60 (headings and titles).
    for (const int n : {1, 2, 29, 30, 31, 58, 59, 60, 61, 62}) {
        std::string run;
        for (int i = 0; i < n; ++i) {
            run += i % 7 == 3 ? "a" : (i % 11 == 5 ? "𠀀" : "镇");
        }
        p.push_back(run);
    }
    return p;
}

// A document of up to eight lines, each up to three pieces, with LF, CRLF or nothing at the end.
std::string generated(std::mt19937& rng, const std::vector<std::string>& p) {
    const auto pick = [&rng](std::size_t n) {
        return std::uniform_int_distribution<std::size_t>(0, n - 1)(rng);
    };
    std::string text;
    const std::size_t lines = 1 + pick(8);
    for (std::size_t l = 0; l < lines; ++l) {
        for (std::size_t k = pick(4); k > 0; --k) {
            text += p[pick(p.size())];
        }
        const std::size_t e = pick(8);
        text += e < 5 ? "\n" : (e < 7 ? "\r\n" : "");
    }
    return text;
}

} // namespace

BOOST_AUTO_TEST_SUITE(ast_detail_fast_paths)

BOOST_AUTO_TEST_CASE(builds_the_corpus_as_pegtl_does) {
    for (const auto& f : nianbao::test::corpus_files()) {
        BOOST_TEST(difference(nianbao::test::read_file(f)) == "", f);
    }
}

BOOST_AUTO_TEST_CASE(builds_generated_documents_as_pegtl_does) {
    const auto p = pieces();
    std::mt19937 rng(20240611);
    std::size_t failures = 0;
    for (int i = 0; i < 60000 && failures < 5; ++i) {
        const std::string text = generated(rng, p);
        const std::string diff = difference(text);
        if (!diff.empty()) {
            ++failures;
            BOOST_TEST(diff == "", "input " << i << ": " << text);
        }
    }
}

BOOST_AUTO_TEST_SUITE_END()
