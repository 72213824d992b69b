// The builder's fast paths consume exactly what PEGTL's own byte loop would.
#include <string>
#include <string_view>
#include <vector>

#include <boost/test/unit_test.hpp>
#include <tao/pegtl.hpp>

#include "ast/detail/runs.hpp"

namespace {

namespace pegtl = tao::pegtl;
namespace g = nianbao::grammar;
namespace d = nianbao::ast::detail;

// Bytes that `Rule` consumes at the start of `text` under PEGTL's normal control, or -1.
template <typename Rule>
long pegtl_length(std::string_view text) {
    pegtl::memory_input in(text.data(), text.size(), "");
    return pegtl::parse<Rule>(in) ? static_cast<long>(in.current() - text.data()) : -1;
}

long length(std::string_view text, const char* (*run_end)(const char*, const char*)) {
    return static_cast<long>(run_end(text.data(), text.data() + text.size()) - text.data());
}

// Every string of up to six bytes over the characters that matter, and longer ones (which take
// the 16-byte path) with a bar, CR or LF dropped at each position of a CJK line.
std::vector<std::string> samples() {
    std::vector<std::string> out{""};
    const std::string alphabet[] = {"a", "|", "\r", "\n", "中"};
    for (std::size_t begin = 0, len = 0; len < 6; ++len) {
        const std::size_t end = out.size();
        for (std::size_t i = begin; i < end; ++i) {
            for (const auto& c : alphabet) {
                out.push_back(out[i] + c);
            }
        }
        begin = end;
    }
    const std::string line = "行政许可事项办理结果统计表共计十四项";
    for (const char* stop : {"|", "\r", "\n", "\r\n", "\r|"}) {
        for (std::size_t at = 0; at <= line.size(); ++at) {
            out.push_back(line.substr(0, at) + stop + line.substr(at));
        }
    }
    return out;
}

} // namespace

BOOST_AUTO_TEST_SUITE(ast_detail_runs)

BOOST_AUTO_TEST_CASE(line_runs_end_where_pegtl_stops) {
    for (const auto& s : samples()) {
        const long fast = length(s, d::line_run_end);
        BOOST_TEST(fast == pegtl_length<pegtl::star<g::lexical::line_char>>(s), s);
        BOOST_TEST((fast > 0 ? fast : -1) == pegtl_length<pegtl::plus<g::lexical::line_char>>(s),
                   s);
    }
}

BOOST_AUTO_TEST_CASE(cell_runs_end_where_pegtl_stops) {
    for (const auto& s : samples()) {
        BOOST_TEST(length(s, d::cell_run_end) == pegtl_length<g::pipe::cell>(s), s);
    }
}

// If a grammar change turns one of these off, PEGTL's byte loop takes over (correct, but several
// times slower): update the scanner in lib/ast/detail/runs.hpp to the new rule.
BOOST_AUTO_TEST_CASE(covers_the_cell_and_line_rules) {
    BOOST_TEST((d::run_kind_of<g::pipe::cell> == d::run_kind::cell));
    BOOST_TEST((d::run_kind_of<g::lines::cell> == d::run_kind::cell));
    BOOST_TEST((d::run_kind_of<g::lexical::rest_of_line> == d::run_kind::line));
    BOOST_TEST((d::run_kind_of<pegtl::plus<g::lexical::line_char>> == d::run_kind::line));
}

BOOST_AUTO_TEST_SUITE_END()
