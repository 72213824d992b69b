// lib/lint/lint.cpp: a report resolves its message to the rule and severity the registry gives,
// the finding's ids outlive the strings the rule passed, and the options apply to each finding.
#include <string>
#include <vector>

#include <boost/test/unit_test.hpp>

#include "ast/tree.hpp"
#include "lint/lint.hpp"
#include "lint/lint_fixture.hpp"
#include "model/binding.hpp"

using namespace nianbao;

BOOST_AUTO_TEST_SUITE(lint_lint)

BOOST_AUTO_TEST_CASE(reports_the_rule_and_severity_of_each_message) {
    const ast::document doc = ast::parse(source::text{"t.txt", "一、总体情况\n", "UTF-8", ""});
    const model::report_model m;
    std::vector<lint::finding> out;
    lint::context ctx(doc, m, out);
    const auto& reg = lint::builtin_registry();
    // Every message of every rule, in runs of one and of three, then each rule's messages again
    // in reverse; ids passed from one reused buffer, so that only their text tells them apart.
    std::vector<std::string> ids;
    for (const auto& r : reg.rules()) {
        for (const auto& msg : r.messages) {
            ids.insert(ids.end(), ids.size() % 2 == 0 ? 1U : 3U, msg.id);
        }
    }
    ids.insert(ids.end(), ids.rbegin(), ids.rend());
    ids.emplace_back("no/such-message");
    ids.emplace_back("");
    ids.emplace_back("no/such-message");
    std::string buffer;
    buffer.reserve(256);
    for (std::size_t i = 0; i < ids.size(); ++i) {
        buffer.assign(ids[i]);
        auto& f = ctx.report(buffer, {static_cast<std::uint32_t>(i), 0}, {"a"});
        f.fix = lint::fix{{{{0, 1}, "x"}}};
        buffer.assign(buffer.size(), '?'); // the finding keeps its own view, not this buffer
    }
    BOOST_REQUIRE(out.size() == ids.size());
    for (std::size_t i = 0; i < ids.size(); ++i) {
        const lint::rule_info* rule = reg.rule_of_message(ids[i]);
        BOOST_TEST_CONTEXT(i << " " << ids[i]) {
            BOOST_TEST(out[i].message_id == ids[i]);
            BOOST_TEST(out[i].rule == (rule != nullptr ? rule->id : ids[i]));
            BOOST_TEST((out[i].level
                        == (rule != nullptr ? rule->default_severity : source::severity::error)));
            BOOST_TEST(out[i].where.begin == i);
            BOOST_TEST(out[i].args == std::vector<std::string>{"a"});
            BOOST_TEST(out[i].fix.has_value());
        }
    }
    // An id as a std::string where one is wanted.
    const std::string copy = out.front().rule;
    BOOST_TEST(copy == out.front().rule);
}

BOOST_AUTO_TEST_CASE(applies_the_options_to_each_run_of_findings) {
    // A seed's findings under severities for families and rules, "off" among them, and ignored
    // rules: the same as judging each finding on its own.
    const ast::document doc = ast::parse(source::text{"t.txt", test::seed("000"), "UTF-8", ""});
    const auto m = model::bind(doc, test::templates());
    const auto all = lint::run(doc, m);
    lint::options opts;
    opts.severities = {{"table", source::severity::info},
                       {"table/empty-cell", source::severity::error},
                       {"outline", std::nullopt},
                       {"text/trailing-space", source::severity::warning}};
    opts.ignore = {"figures/plausibility", "meta"};
    std::vector<lint::finding> want;
    for (const auto& f : all) {
        const std::string_view family = std::string_view(f.rule).substr(0, f.rule.find('/'));
        const auto own = opts.severities.find(f.rule);
        const auto of_family = opts.severities.find(family);
        const auto* sev = own != opts.severities.end()         ? &own->second
                          : of_family != opts.severities.end() ? &of_family->second
                                                               : nullptr;
        if (f.rule == "figures/plausibility" || family == "meta" || (sev && !sev->has_value())) {
            continue;
        }
        want.push_back(f);
        if (sev != nullptr) {
            want.back().level = **sev;
        }
    }
    const auto got = lint::run(doc, m, opts);
    BOOST_REQUIRE(got.size() == want.size());
    BOOST_TEST(want.size() > 10U);
    for (std::size_t i = 0; i < got.size(); ++i) {
        BOOST_TEST_CONTEXT(i << " " << want[i].rule) {
            BOOST_TEST(got[i].rule == want[i].rule);
            BOOST_TEST(got[i].where.begin == want[i].where.begin);
            BOOST_TEST((got[i].level == want[i].level));
        }
    }
}

BOOST_AUTO_TEST_SUITE_END()
