// Any single changed figure in a seed's table 3 or table 4 produces a figures/ error.
#include <algorithm>
#include <set>

#include <boost/test/unit_test.hpp>
#include <fmt/format.h>

#include "lint_fixture.hpp"

using namespace nianbao;

namespace {

// Every figure cell of t3 and t4: its span and a different figure to write there.
std::vector<std::pair<source::span, std::string>> mutations(const std::string& text) {
    ast::document doc = ast::parse(source::text{"t.txt", text, "UTF-8", ""});
    const auto m = model::bind(doc, test::templates());
    std::vector<std::pair<source::span, std::string>> out;
    for (const char* key : {"t3", "t4"}) {
        const auto* t = m.table(key);
        BOOST_REQUIRE(t != nullptr);
        for (const auto& r : t->rows) {
            for (const auto& c : r.cells) {
                if (c.node != 0) {
                    const double v = c.value.value_or(0.0) + 1;
                    out.emplace_back(ast::content_span(doc, c.node), lint::format_number(v));
                }
            }
        }
    }
    return out;
}

// The figures/ errors of a text, by position and message.
std::set<std::string> figure_errors(const std::string& text) {
    std::set<std::string> out;
    for (const auto& f : test::lint_text(text, "figures")) {
        if (f.level == source::severity::error) {
            out.insert(fmt::format("{}:{} {}", f.line, f.column, f.message));
        }
    }
    return out;
}

} // namespace

BOOST_AUTO_TEST_SUITE(lint_mutation)

BOOST_AUTO_TEST_CASE(catches_every_changed_figure_in_tables_3_and_4) {
    for (const char* s : {"000", "001", "002", "003"}) {
        const std::string text = test::seed(s);
        // Seed 003 already has errors: a change must bring a new one, not just more.
        const auto baseline = figure_errors(text);
        const auto muts = mutations(text);
        BOOST_TEST(muts.size() >= 7U * 23U + 15U);
        std::size_t missed = 0;
        for (const auto& [where, figure] : muts) {
            const std::string changed =
                text.substr(0, where.begin) + figure + text.substr(where.end);
            const auto now = figure_errors(changed);
            if (std::all_of(now.begin(), now.end(),
                            [&](const std::string& e) { return baseline.contains(e); })) {
                ++missed;
                BOOST_TEST_MESSAGE(
                    fmt::format("seed {}: byte {} → {} not caught", s, where.begin, figure));
            }
        }
        BOOST_TEST_CONTEXT("seed " << s) {
            BOOST_TEST(missed == 0U);
        }
    }
}

BOOST_AUTO_TEST_SUITE_END()
