// The builder's table-line fast paths consume exactly what the dialects' own rules consume (the
// nodes they build are compared in fast_paths_test.cpp).
#include <string>
#include <string_view>
#include <vector>

#include <boost/test/unit_test.hpp>
#include <tao/pegtl.hpp>

#include "ast/detail/table_rows.hpp"
#include "support/grammar_check.hpp"

namespace {

namespace pegtl = tao::pegtl;
namespace g = nianbao::grammar;
namespace d = nianbao::ast::detail;
using nianbao::test::matched_length;

// Every line of up to four pieces, each a cell character, a bar, a blank or a line end, then
// some longer rows; what follows the line matters to tab cells and to line ends.
std::vector<std::string> samples() {
    std::vector<std::string> out = nianbao::test::all_strings(
        {"a", "镇", "|", " ", "\t", "\xC2\xA0", "　", "\r", "\n", "\r\n", "。"}, 4);
    for (const std::string row : {"行政许可 | 14 | ||", "第二十条第(一)项 | |||", "a|b|", "a | b",
                                  "| |  \r\n", "规章 |　", "\t商业\n企业\n", "\t商业\n\t企业",
                                  "\t\xC2\xA0\n\n", "\t商业\r\n\t", "\t三、\n一、收到"}) {
        for (const std::string tail : {"", "\n", "\r\n", "\nx", "\n\t", " \n", "\r"}) {
            out.push_back(row + tail);
        }
    }
    return out;
}

template <typename Rule>
std::string mismatch(const std::vector<std::string>& inputs) {
    int sink_state = 0;
    const d::leaf_sink<int, false> none{sink_state};
    for (const auto& s : inputs) {
        d::run_scanner scan;
        const d::verdict v = d::match_row<Rule>(s.data(), s.data() + s.size(), scan, none);
        const long fast = v.end == nullptr ? -1 : static_cast<long>(v.end - s.data());
        if (v.decided && fast != matched_length<Rule>(s)) {
            return s;
        }
    }
    return {};
}

} // namespace

BOOST_AUTO_TEST_SUITE(ast_detail_table_rows)

BOOST_AUTO_TEST_CASE(matches_lines_cell_lines_as_the_grammar_does) {
    BOOST_TEST(mismatch<g::lines::cell_line>(samples()) == "");
}

BOOST_AUTO_TEST_CASE(matches_pipe_rows_as_the_grammar_does) {
    BOOST_TEST(mismatch<g::pipe::row>(samples()) == "");
    BOOST_TEST(mismatch<g::pipe::single_cell_row>(samples()) == "");
}

BOOST_AUTO_TEST_CASE(matches_tab_cell_lines_as_the_grammar_does_or_leaves_them) {
    const auto inputs = samples();
    BOOST_TEST(mismatch<g::tab::cell_line>(inputs) == "");
    // The common line, a cell before another TAB-led line, is decided here.
    d::run_scanner scan;
    int sink_state = 0;
    const std::string s = "\t商业\r\n\t企业";
    const auto v = d::match_row<g::tab::cell_line>(s.data(), s.data() + s.size(), scan,
                                                   d::leaf_sink<int, false>{sink_state});
    BOOST_TEST(v.decided);
}

BOOST_AUTO_TEST_CASE(rules_out_tables_only_where_no_detector_matches) {
    for (const auto& s : samples()) {
        d::run_scanner scan;
        if (!d::may_start_table(s.data(), s.data() + s.size(), scan)) {
            BOOST_TEST(matched_length<g::document::table>(s) == -1, s);
        }
    }
}

// If a grammar change turns one of these off, PEGTL's own matching takes over (correct, but
// slower): update lib/ast/detail/table_rows.hpp to the new rules.
BOOST_AUTO_TEST_CASE(covers_the_table_rules) {
    BOOST_TEST(d::lines_cell_line_as_assumed);
    BOOST_TEST(d::pipe_row_as_assumed);
    BOOST_TEST(d::tab_cell_line_as_assumed);
    BOOST_TEST(d::table_start_as_assumed);
}

BOOST_AUTO_TEST_SUITE_END()
