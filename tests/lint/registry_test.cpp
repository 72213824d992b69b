// The registry is complete: ids, docs, translations; docs/rules.md is generated from it.
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

namespace {

// ^[a-z]+/[a-z0-9-]+$ without <regex>: GCC 12's regex trips -Wmaybe-uninitialized under
// -fsanitize, which fails the sanitizer build with -Werror.
bool well_formed(const std::string& id) {
    const auto slash = id.find('/');
    if (slash == 0 || slash == std::string::npos || slash + 1 == id.size()) {
        return false;
    }
    for (std::size_t i = 0; i < id.size(); ++i) {
        const char c = id[i];
        const bool lower = c >= 'a' && c <= 'z';
        const bool ok = i < slash ? lower : (lower || (c >= '0' && c <= '9') || c == '-');
        if (i != slash && !ok) {
            return false;
        }
    }
    return true;
}

} // namespace

BOOST_AUTO_TEST_CASE(rejects_malformed_ids_in_the_id_check) {
    BOOST_TEST(well_formed("table/row-width"));
    BOOST_TEST(!well_formed("Table/row"));
    BOOST_TEST(!well_formed("table/"));
    BOOST_TEST(!well_formed("table/a/b"));
    BOOST_TEST(!well_formed("1table/x"));
}

BOOST_AUTO_TEST_CASE(ids_are_unique_and_well_formed) {
    std::set<std::string> seen;
    for (const auto& r : lint::builtin_registry().rules()) {
        BOOST_TEST_CONTEXT(r.id) {
            BOOST_TEST(well_formed(r.id));
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
