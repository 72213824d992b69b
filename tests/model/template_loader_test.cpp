// The template language: built-in templates, syntax and meaning errors with positions, extends.
#include <boost/test/unit_test.hpp>

#include "model/template.hpp"

using namespace nianbao;
using model::load_template_sources;

namespace {

// The first problem of loading `text` as file "t.tpl".
model::template_problem first_problem(const std::string& text) {
    const auto set = load_template_sources({{"t.tpl", text}});
    BOOST_REQUIRE(!set.problems.empty());
    return set.problems.front();
}

const char* const minimal = "template mini\n"
                            "years 2019 2020\n"
                            "fingerprint \"甲\"\n"
                            "table t \"表\"\n"
                            "  column a \"甲列\" count\n"
                            "  column b \"乙列\" count\n"
                            "  row r \"一行\"\n";

} // namespace

BOOST_AUTO_TEST_SUITE(model_template_loader)

BOOST_AUTO_TEST_CASE(loads_the_builtin_templates_without_problems) {
    const auto set = model::load_templates({});
    BOOST_TEST(set.problems.empty());
    BOOST_REQUIRE(set.find("gov-2019") != nullptr);
    BOOST_REQUIRE(set.find("gov-2021") != nullptr);
    BOOST_REQUIRE(set.find("gov-2014") != nullptr);
    const auto& t2019 = *set.find("gov-2019");
    BOOST_TEST(t2019.sections.size() == 6U);
    BOOST_TEST(t2019.tables.size() == 7U);
    BOOST_TEST(t2019.table("t3")->rows.size() == 23U); // TEMPLATES.md §9: 23 rows in T2019
    BOOST_TEST(t2019.table("t3")->columns.size() == 7U);
    BOOST_TEST(t2019.table("t4")->columns.size() == 15U);
}

BOOST_AUTO_TEST_CASE(derives_gov_2021_from_gov_2019) {
    const auto set = model::load_templates({});
    const auto& t2021 = *set.find("gov-2021");
    BOOST_TEST(t2021.base == "gov-2019");
    BOOST_TEST(t2021.table("t2_9") == nullptr);
    BOOST_TEST(t2021.table("t3")->rows.size() == 25U); // r6 split in three
    BOOST_TEST(t2021.table("t3")->rows.back().key == "carry_out");
    BOOST_TEST(t2021.table("t2_5")->columns.size() == 1U);
    BOOST_TEST(t2021.sections.size() == 6U);
    BOOST_TEST(t2021.year_from == 2021);
}

BOOST_AUTO_TEST_CASE(reads_labels_variants_types_and_units) {
    const auto set = model::load_templates({});
    const auto* t = set.find("gov-2021")->table("t2_8");
    BOOST_REQUIRE(t != nullptr);
    BOOST_TEST(t->columns[0].labels.canonical == "本年收费金额（单位：万元）");
    BOOST_TEST(t->columns[0].labels.variants.size() == 1U);
    BOOST_TEST((t->columns[0].type == model::value_type::decimal));
    BOOST_TEST(t->columns[0].unit == "万元");
}

BOOST_AUTO_TEST_CASE(reads_checks_with_loops_and_conditions) {
    const auto set = model::load_templates({});
    const auto& checks = set.find("gov-2019")->checks;
    const auto it = std::find_if(checks.begin(), checks.end(),
                                 [](const auto& c) { return c.key == "t3_col_balance"; });
    BOOST_REQUIRE(it != checks.end());
    BOOST_TEST((it->level == source::severity::error));
    BOOST_REQUIRE(it->loops.size() == 1U);
    BOOST_TEST(it->loops[0].second.size() == 7U);
    BOOST_TEST(it->assertion.op == "==");
    BOOST_TEST(it->assertion.lhs.terms.size() == 2U);
    const auto zero = std::find_if(checks.begin(), checks.end(),
                                   [](const auto& c) { return c.key == "t2_9_zero"; });
    BOOST_REQUIRE(zero != checks.end());
    BOOST_TEST(zero->condition.has_value());
}

BOOST_AUTO_TEST_CASE(loads_a_minimal_template) {
    const auto set = load_template_sources({{"t.tpl", minimal}});
    BOOST_TEST(set.problems.empty());
    BOOST_REQUIRE(set.find("mini") != nullptr);
    BOOST_TEST(set.find("mini")->origin == "t.tpl");
}

BOOST_AUTO_TEST_CASE(reports_unterminated_string_at_its_line_and_column) {
    const auto p = first_problem("template x\ntitle \"未结束\n");
    BOOST_TEST(p.diag.id == "parse/template-unterminated-string");
    BOOST_TEST(p.file == "t.tpl");
    BOOST_TEST(p.line == 2U);
    BOOST_TEST(p.column == 11U); // after the 3 characters of the string, in code points
}

BOOST_AUTO_TEST_CASE(reports_text_after_a_statement) {
    const auto p = first_problem("template x\nyears 2019 @\n");
    BOOST_TEST(p.diag.id == "parse/template-unexpected-text");
    BOOST_TEST(p.line == 2U);
    BOOST_TEST(p.column == 12U); // the '@'
}

BOOST_AUTO_TEST_CASE(reports_a_line_without_a_keyword) {
    const auto p = first_problem("template x\n  \"label\"\n");
    BOOST_TEST(p.diag.id == "parse/template-expected-keyword");
    BOOST_TEST(p.line == 2U);
    BOOST_TEST(p.column == 3U);
}

BOOST_AUTO_TEST_CASE(reports_several_errors_in_one_file) {
    const auto set = load_template_sources({{"t.tpl", "template x\ntitle \"a\nyears @\n"}});
    BOOST_TEST(set.problems.size() == 2U);
}

BOOST_AUTO_TEST_CASE(reports_an_unknown_statement) {
    const auto p = first_problem(std::string(minimal) + "  colum c \"丙\"\n");
    BOOST_TEST(p.diag.id == "template/unknown-statement");
    BOOST_TEST(p.line == 8U);
    BOOST_TEST(p.column == 3U);
}

BOOST_AUTO_TEST_CASE(reports_a_check_over_unknown_keys) {
    const auto p = first_problem(std::string(minimal)
                                 + "check c error \"说明\"\n  expect t.r.a == t.r.zz + t.nope.b\n");
    BOOST_TEST(p.diag.id == "template/unknown-key");
    BOOST_TEST(p.line == 9U);
    BOOST_TEST(p.diag.args.at(1) == "t.r.zz");
}

// Numbers too large for what they are read into are problems with positions, not exceptions
// (found by the template_lang fuzz target: "years 2218030020" threw std::out_of_range).
BOOST_AUTO_TEST_CASE(reports_numbers_out_of_range) {
    std::string text = minimal;
    text.replace(text.find("2019 2020"), 9, "2218030020");
    auto p = first_problem(text);
    BOOST_TEST(p.diag.id == "template/expected-year");
    BOOST_TEST(p.line == 2U);
    text = minimal;
    text.replace(text.find("2020"), 4, "99999999999");
    BOOST_TEST(first_problem(text).diag.id == "template/expected-year");
    p = first_problem(std::string(minimal) + "check c error \"说明\"\n  expect t.r.a == 1"
                      + std::string(400, '9') + "\n");
    BOOST_TEST(p.diag.id == "template/number-out-of-range");
    BOOST_TEST(p.line == 9U);
    BOOST_TEST(p.column == 19U);
    // In range, both still read.
    const auto set = load_template_sources(
        {{"t.tpl", std::string(minimal) + "check c error \"说明\"\n  expect t.r.a == 1.5\n"}});
    BOOST_TEST(set.problems.empty());
    BOOST_REQUIRE(set.find("mini") != nullptr);
    BOOST_TEST(set.find("mini")->year_to == 2020);
}

BOOST_AUTO_TEST_CASE(reports_a_loop_value_that_is_not_a_key) {
    const auto p = first_problem(std::string(minimal)
                                 + "check c error\n  for $c in a b q\n  expect t.r.$c >= 0\n");
    BOOST_TEST(p.diag.id == "template/unknown-key");
    BOOST_TEST(p.diag.args.at(1) == "t.r.q");
}

BOOST_AUTO_TEST_CASE(drops_a_check_whose_loops_expand_too_far) {
    // Five loops of 10 values: 100,000 bindings (found by fuzzing as an out-of-memory).
    std::string loops;
    for (const char* v : {"$a", "$b", "$c", "$d", "$e"}) {
        loops += std::string("  for ") + v + " in a a a a a a a a a a\n";
    }
    const std::string text = std::string(minimal) + "check big error\n" + loops
                             + "  expect t.r.$a >= 0\ncheck small error\n  for $c in a b\n"
                             + "  expect t.r.$c >= 0\n";
    const auto set = load_template_sources({{"t.tpl", text}});
    BOOST_REQUIRE_EQUAL(set.problems.size(), 1U);
    BOOST_TEST(set.problems[0].diag.id == "template/check-too-large");
    BOOST_TEST(set.problems[0].line == 14U); // its expect line
    BOOST_TEST(set.problems[0].diag.args.at(0) == "big");
    BOOST_REQUIRE_EQUAL(set.templates.size(), 1U);
    BOOST_REQUIRE_EQUAL(set.templates[0].checks.size(), 1U);
    BOOST_TEST(set.templates[0].checks[0].key == "small");
}

BOOST_AUTO_TEST_CASE(reports_a_template_that_extends_itself) {
    const auto set = load_template_sources(
        {{"a.tpl", "template a extends b\n"}, {"b.tpl", "template b extends a\n"}});
    BOOST_TEST(set.templates.empty());
    BOOST_REQUIRE(!set.problems.empty());
    BOOST_TEST(set.problems.front().diag.id == "template/extends-cycle");
    BOOST_TEST(set.problems.front().line == 1U);
}

BOOST_AUTO_TEST_CASE(reports_an_unknown_base) {
    const auto p = first_problem("template a extends nowhere\n");
    BOOST_TEST(p.diag.id == "template/unknown-base");
    BOOST_TEST(p.line == 1U);
    BOOST_TEST(p.column == 1U);
}

BOOST_AUTO_TEST_CASE(lets_a_later_file_replace_a_template) {
    const auto set = load_template_sources(
        {{"a.tpl", minimal}, {"b.tpl", std::string(minimal) + "  row s \"二行\"\n"}});
    BOOST_TEST(set.templates.size() == 1U);
    BOOST_TEST(set.find("mini")->origin == "b.tpl");
    BOOST_TEST(set.find("mini")->table("t")->rows.size() == 2U);
}

BOOST_AUTO_TEST_CASE(amends_an_inherited_table) {
    const auto set = load_template_sources(
        {{"a.tpl", minimal},
         {"b.tpl", "template local extends mini\namend t\n  remove row r\n  row s \"二行\"\n"}});
    BOOST_TEST(set.problems.empty());
    const auto* t = set.find("local")->table("t");
    BOOST_REQUIRE(t->rows.size() == 1U);
    BOOST_TEST(t->rows[0].key == "s");
    BOOST_TEST(set.find("mini")->table("t")->rows[0].key == "r"); // the base is unchanged
}

BOOST_AUTO_TEST_CASE(reports_removing_what_does_not_exist) {
    const auto p = first_problem(std::string(minimal) + "remove table zz\n");
    BOOST_TEST(p.diag.id == "template/nothing-to-remove");
    BOOST_TEST(p.line == 8U);
    BOOST_TEST(p.column == 14U);
}

BOOST_AUTO_TEST_SUITE_END()
