// xref/: figures in the narrative against the tables and the template's relations.
#include <boost/test/unit_test.hpp>

#include "lint/lint_fixture.hpp"

using namespace nianbao::test;

BOOST_AUTO_TEST_SUITE(lint_rules_xref)

BOOST_AUTO_TEST_CASE(accepts_narrative_that_agrees) {
    BOOST_TEST(lint_text(seed("000"), "xref").empty()); // 共受理信息公开申请0件, table 0
    BOOST_TEST(lint_text(seed("002"), "xref").empty());
}

BOOST_AUTO_TEST_CASE(reports_a_stated_count_that_differs_from_table_3) {
    const std::string text = seed("000");
    const auto pos = text.find("申请0件");
    const std::string changed = text.substr(0, pos) + "申请3件" + text.substr(pos + 10);
    const auto f = lint_text(changed, "xref");
    BOOST_REQUIRE_EQUAL(f.size(), 1U);
    BOOST_TEST(f[0].message_id == "xref/narrative-mismatch");
    BOOST_TEST(f[0].line == 11U);
    BOOST_TEST(f[0].column == 91U);
    BOOST_TEST(
        f[0].message
        == "正文「受理信息公开申请3件」为 3，但表格中 一、本年新收政府信息公开申请数量 总计 = 0");
}

BOOST_AUTO_TEST_CASE(the_words_after_the_keyword_must_start_within_thirty_bytes) {
    // "受理" then "申请" at most 30 bytes later, then the figure: seed 000's table says 0.
    const std::string text = seed("000");
    const auto at = text.find("受理信息公开申请0件");
    BOOST_REQUIRE(at != std::string::npos);
    const auto with_gap = [&](std::size_t gap) {
        return text.substr(0, at) + "受理" + std::string(gap, 'x') + "申请3件"
               + text.substr(at + std::string_view("受理信息公开申请0件").size());
    };
    BOOST_TEST(of(lint_text(with_gap(30), "xref"), "xref/narrative").size() == 1U);
    BOOST_TEST(of(lint_text(with_gap(31), "xref"), "xref/narrative").empty());
    // Every occurrence of a keyword counts, the first one here being too far from "申请".
    const std::string twice = text.substr(0, at) + "受理" + std::string(40, 'x') + "受理申请3件"
                              + text.substr(at + std::string_view("受理信息公开申请0件").size());
    BOOST_TEST(of(lint_text(twice, "xref"), "xref/narrative").size() == 1U);
}

BOOST_AUTO_TEST_CASE(finds_a_keyword_at_every_offset_of_a_paragraph) {
    // Paragraphs are searched sixteen offsets at a time, the last sixteen together: put the
    // statement after 0 to 40 bytes, at the end of its paragraph and before more text.
    const std::string text = seed("000");
    const std::size_t line12 = text.find('\n', text.find("受理信息公开申请0件")) + 1;
    for (const std::string after : {"", "，其余内容在这里继续写下去"}) {
        for (std::size_t pad = 0; pad <= 40; ++pad) {
            const std::string changed = text.substr(0, line12) + std::string(pad, 'x')
                                        + "受理申请3件" + after + "\n" + text.substr(line12);
            const auto f = of(lint_text(changed, "xref"), "xref/narrative");
            BOOST_TEST_CONTEXT(pad << " " << after.size()) {
                BOOST_REQUIRE_EQUAL(f.size(), 1U);
                BOOST_TEST(f[0].line == 12U);
                BOOST_TEST(f[0].column == pad + 5U);
            }
        }
    }
    // The keyword right before the figure, which is the last digit of its paragraph: only the
    // text before the last digit is searched, found sixteen bytes at a time from the end.
    for (std::size_t pad = 0; pad <= 20; ++pad) {
        for (std::size_t tail = 0; tail <= 20; ++tail) {
            const char figure = static_cast<char>('1' + (pad + tail) % 9); // the table says 0
            const std::string changed = text.substr(0, line12) + std::string(pad, 'x') + "办结"
                                        + figure + "件" + std::string(tail, 'y') + "\n"
                                        + text.substr(line12);
            BOOST_TEST_CONTEXT(pad << " " << tail) {
                BOOST_TEST(of(lint_text(changed, "xref"), "xref/narrative").size() == 1U);
            }
        }
    }
    // Digits before the keyword only: no figure follows it.
    const std::string before =
        text.substr(0, line12) + "2020年办结三件，另有受理申请若干件\n" + text.substr(line12);
    BOOST_TEST(of(lint_text(before, "xref"), "xref/narrative").empty());
}

BOOST_AUTO_TEST_CASE(reports_seed_004_seven_against_thirty_three) {
    const auto f = lint_text(seed("004"), "xref");
    BOOST_REQUIRE_EQUAL(f.size(), 1U);
    BOOST_TEST(f[0].rule == "xref/narrative");
    BOOST_TEST(f[0].level == nianbao::source::severity::warning);
    BOOST_TEST(f[0].line == 19U);
    BOOST_TEST(f[0].column == 13U);
    BOOST_TEST(f[0].message.find("2.政府网站公开政府信息数 = 33") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(reports_seed_003_handled_count_without_results) {
    const auto f = lint_text(seed("003"), "xref");
    BOOST_REQUIRE_EQUAL(f.size(), 1U);
    BOOST_TEST(f[0].line == 8U);
    BOOST_TEST(f[0].message.find("各项办理结果之和 = 0") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(ignores_approximate_figures) {
    // "110余条" is not a statement of a table figure.
    BOOST_TEST(lint_text(seed("001"), "xref").empty());
}

BOOST_AUTO_TEST_SUITE_END()
