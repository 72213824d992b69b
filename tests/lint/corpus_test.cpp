// Golden diagnostics: every corpus file has x.diag beside it; fixes keep every file's shape.
#include <boost/test/data/monomorphic.hpp>
#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>
#include <fmt/format.h>

#include "lint/fixer.hpp"
#include "lint_fixture.hpp"

namespace bdata = boost::unit_test::data;
using namespace nianbao;

namespace {

struct linted {
    ast::document doc;
    model::report_model model;
    std::vector<lint::finding> findings;
};

linted lint_file(const std::string& path) {
    auto loaded = source::load(path, source::encoding::automatic);
    BOOST_REQUIRE(std::holds_alternative<source::text>(loaded));
    ast::document doc = ast::parse(std::get<source::text>(std::move(loaded)));
    auto m = model::bind(doc, test::templates());
    auto f = lint::run(doc, m);
    return {std::move(doc), std::move(m), std::move(f)};
}

// One line a finding: `line:column-end_line:end_column severity: message [rule]`, plus `(fix)`.
std::string diag_lines(const linted& l) {
    std::string out;
    for (const auto& f : l.findings) {
        const auto b = l.doc.lines().locate(f.where.begin);
        const auto e = l.doc.lines().locate(f.where.end);
        out += fmt::format("{}:{}-{}:{} {}: {} [{}]{}\n", b.line, b.column, e.line, e.column,
                           source::name(f.level),
                           source::format_message(f.message_id, source::lang::zh, f.args), f.rule,
                           f.fix ? " (fix)" : "");
    }
    return out;
}

} // namespace

BOOST_AUTO_TEST_SUITE(lint_corpus)

BOOST_DATA_TEST_CASE(matches_golden_diagnostics, bdata::make(test::corpus_files()), path) {
    const std::string golden = path.substr(0, path.size() - 4) + ".diag";
    BOOST_TEST(test::compare_golden(golden, diag_lines(lint_file(path))) == "");
}

BOOST_DATA_TEST_CASE(fixes_keep_the_shape_and_reduce_findings, bdata::make(test::corpus_files()),
                     path) {
    const auto before = lint_file(path);
    const auto fixed = lint::fix_report(before.doc.source(), test::templates(), nullptr, {});
    BOOST_TEST(fixed.reverted == 0U);
    source::text t = before.doc.source();
    t.utf8 = fixed.utf8;
    ast::document doc = ast::parse(std::move(t));
    const auto m = model::bind(doc, test::templates());
    BOOST_TEST(lint::structure_signature(doc, m)
               == lint::structure_signature(before.doc, before.model));
    const auto after = lint::run(doc, m);
    const auto fixable = std::count_if(before.findings.begin(), before.findings.end(),
                                       [](const lint::finding& f) { return f.fix.has_value(); });
    // Exactly the fixable findings are gone; everything else is still reported.
    BOOST_TEST(after.size() + static_cast<std::size_t>(fixable) == before.findings.size());
    BOOST_TEST(std::none_of(after.begin(), after.end(),
                            [](const lint::finding& f) { return f.fix.has_value(); }));
}

BOOST_AUTO_TEST_SUITE_END()
