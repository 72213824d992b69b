// The registry is complete: ids, docs, translations; docs/rules.md is generated from it.
#include <regex>
#include <set>

#include <boost/test/unit_test.hpp>

#include "lint/registry.hpp"
#include "support/corpus.hpp"

using namespace nianbao;

BOOST_AUTO_TEST_SUITE(lint_registry)

BOOST_AUTO_TEST_CASE(has_rules_in_every_family) {
    std::set<std::string> families;
    for (const auto& r : lint::builtin_registry().rules()) {
        families.insert(r.id.substr(0, r.id.find('/')));
    }
    BOOST_TEST(
        (families == std::set<std::string>{"figures", "meta", "outline", "table", "text", "xref"}));
}

BOOST_AUTO_TEST_CASE(ids_are_unique_and_well_formed) {
    const std::regex form("^[a-z]+/[a-z0-9-]+$");
    std::set<std::string> seen;
    for (const auto& r : lint::builtin_registry().rules()) {
        BOOST_TEST_CONTEXT(r.id) {
            BOOST_TEST(std::regex_match(r.id, form));
            BOOST_TEST(seen.insert(r.id).second);
        }
    }
}

BOOST_AUTO_TEST_CASE(every_rule_is_documented_and_runs) {
    for (const auto& r : lint::builtin_registry().rules()) {
        BOOST_TEST_CONTEXT(r.id) {
            BOOST_TEST(!r.summary.empty());
            BOOST_TEST(r.summary.find('\n') == std::string::npos);
            BOOST_TEST(!r.doc.empty());
            BOOST_TEST(r.doc.find("\n\n") == std::string::npos); // one paragraph
            BOOST_TEST(r.doc.find('`') != std::string::npos);    // with an example
            BOOST_TEST(!r.messages.empty());
            BOOST_TEST(r.check != nullptr);
        }
    }
}

BOOST_AUTO_TEST_CASE(every_message_has_zh_and_en_and_one_owner) {
    std::set<std::string> seen;
    const auto& reg = lint::builtin_registry();
    for (const auto& r : reg.rules()) {
        for (const auto& m : r.messages) {
            BOOST_TEST_CONTEXT(m.id) {
                BOOST_TEST(source::has_message(m.id));
                BOOST_TEST(!m.zh.empty());
                BOOST_TEST(!m.en.empty());
                BOOST_TEST(seen.insert(m.id).second);
                BOOST_TEST(reg.rule_of_message(m.id) == &r);
                BOOST_TEST(m.id.starts_with(r.id.substr(0, r.id.find('/') + 1)));
            }
        }
    }
}

BOOST_AUTO_TEST_CASE(parses_severities) {
    source::severity s{};
    bool off = false;
    BOOST_TEST(lint::parse_severity("warning", s, off));
    BOOST_TEST((s == source::severity::warning && !off));
    BOOST_TEST(lint::parse_severity("off", s, off));
    BOOST_TEST(off);
    BOOST_TEST(!lint::parse_severity("fatal", s, off));
}

BOOST_AUTO_TEST_CASE(docs_rules_md_is_up_to_date) {
    const std::string path = test::source_dir() + "/docs/rules.md";
    BOOST_TEST(test::compare_golden(path, lint::rules_markdown(lint::builtin_registry())) == "");
}

BOOST_AUTO_TEST_SUITE_END()
