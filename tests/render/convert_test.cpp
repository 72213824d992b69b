// lib/render/convert.cpp on the whole corpus: every layout to every other and back, byte for
// byte, with every figure bound as before.
#include <boost/test/data/monomorphic.hpp>
#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>
#include <fmt/format.h>

#include "model/binding.hpp"
#include "model/template.hpp"
#include "render/convert.hpp"
#include "support/corpus.hpp"

namespace bdata = boost::unit_test::data;
using namespace nianbao;

namespace {

const std::vector<std::string_view> layouts{"pipe", "tab", "lines"};

ast::document load(const std::string& path) {
    auto loaded = source::load(path, source::encoding::automatic);
    BOOST_REQUIRE_MESSAGE(std::holds_alternative<source::text>(loaded), path);
    return ast::parse(std::get<source::text>(std::move(loaded)));
}

ast::document parse(std::string text) {
    return ast::parse(source::text{"converted", std::move(text), "UTF-8", ""});
}

const render::text_dialect& layout(std::string_view id) {
    return *render::find_text_dialect(id);
}

// Every figure binding finds, with its keys: template, table, row, column, value as written.
std::vector<std::string> figures(const ast::document& doc) {
    static const model::template_set set = model::load_templates({});
    const model::report_model m = model::bind(doc, set);
    std::vector<std::string> out{m.tpl != nullptr ? m.tpl->id : "(none)"};
    for (const auto& t : m.tables) {
        out.push_back(fmt::format("{} caption={}", t.def->key, model::name(t.caption_how)));
        for (const auto& r : t.rows) {
            for (std::size_t c = 0; c < r.cells.size(); ++c) {
                const auto& cell = r.cells[c];
                out.push_back(fmt::format("{}.{}.{} = {} [{}] {}{}", t.def->key, r.def->key,
                                          t.def->columns[c].key, cell.number, cell.unit,
                                          cell.empty ? "empty" : "",
                                          cell.invalid ? "invalid" : ""));
            }
        }
        for (const auto& x : t.extras) {
            out.push_back(
                fmt::format("{} extra {} ({} cells)", t.def->key, x.label, x.value_cells.size()));
        }
    }
    return out;
}

} // namespace

BOOST_AUTO_TEST_SUITE(render_convert)

BOOST_AUTO_TEST_CASE(has_a_writer_for_every_grammar_dialect) {
    for (std::string_view id : ast::dialect_ids()) {
        BOOST_TEST(render::find_text_dialect(id) != nullptr, id);
    }
}

BOOST_DATA_TEST_CASE(keeps_every_figure_in_every_layout, bdata::make(test::corpus_files()), path) {
    const ast::document doc = load(path);
    const auto expected = figures(doc);
    for (std::string_view to : layouts) {
        const std::string converted = render::convert_tables(doc, layout(to));
        BOOST_TEST(render::compare_layout(doc, converted) == "", path << " → " << to);
        const auto got = figures(parse(converted));
        BOOST_TEST(got == expected, path << " → " << to);
    }
}

BOOST_DATA_TEST_CASE(converts_every_layout_to_every_other_and_back,
                     bdata::make(test::corpus_files()), path) {
    const ast::document doc = load(path);
    for (std::string_view x : layouts) {
        // fmt(x) in layout X: the canonical text every conversion must restore.
        render::format_options opts;
        opts.dialect = &layout(x);
        const std::string base = render::format_document(doc, opts);
        BOOST_TEST(render::compare_layout(doc, base) == "", path << " in " << x);
        const ast::document base_doc = parse(base);
        for (std::string_view y : layouts) {
            const std::string there = render::convert_tables(base_doc, layout(y));
            const std::string back = render::convert_tables(parse(there), layout(x));
            BOOST_TEST((back == base), path << ": " << x << " → " << y << " → " << x);
        }
    }
}

BOOST_AUTO_TEST_CASE(copies_text_outside_tables_byte_for_byte) {
    const std::string text =
        "一、总体情况  \r\n\r\n\r\n\t规章\r\n\t0\r\n\r\n\t规范性文件\r\n\t3\r\n\r\n"
        "二、其他\r\n无。 ";
    const std::string piped = render::convert_tables(parse(text), layout("pipe"));
    BOOST_TEST(piped
               == "一、总体情况  \r\n\r\n\r\n规章       | 0 |\r\n规范性文件 | 3 |\r\n\r\n"
                  "二、其他\r\n无。 ");
}

BOOST_AUTO_TEST_CASE(separates_a_table_from_a_line_that_would_join_it) {
    // In tab, a line right after a table continues its last cell; in pipe, "备注 |" is a row.
    const std::string piped = "规章 | 0 |\n规范性文件 | 3 |\n以上数据截至年底。\n";
    BOOST_TEST(render::convert_tables(parse(piped), layout("tab"))
               == "\t规章\n\t0\n\n\t规范性文件\n\t3\n\n以上数据截至年底。\n");
    const std::string tabbed = "\t规章\n\t0\n\n\t规范性文件\n\t3\n\n备注 |\n";
    BOOST_TEST(render::convert_tables(parse(tabbed), layout("pipe"))
               == "规章       | 0 |\n规范性文件 | 3 |\n\n备注 |\n");
}

BOOST_AUTO_TEST_CASE(finds_tables_a_layout_cannot_hold) {
    // Three cells of one column: in tab and pipe a table needs a row of two cells among its
    // first two. In tab, two tables with only a blank line between would be one.
    const auto column = parse("一、表\n名称 |\n人次 |\n30 |\n");
    const ast::node_id t = render::first_unwritable_table(column, layout("tab"));
    BOOST_TEST((column[t].kind == ast::node_kind::table));
    BOOST_TEST(render::first_unwritable_table(column, layout("pipe")) == t);
    BOOST_TEST(render::first_unwritable_table(column, layout("lines")) == 0U);
    const auto two = parse("规章 | 0 |\n其他 | 1 |\n\n信息 | 2 |\n规章 | 3 |\n");
    BOOST_TEST(render::first_unwritable_table(two, layout("tab")) != 0U);
    BOOST_TEST(render::first_unwritable_table(two, layout("lines")) == 0U);
    // A first row of one empty cell: in tab, a line holding only a TAB, which after a blank
    // line reads as blank (found by fuzzing convert).
    const auto empty_first = parse("前言\n\n |\n甲 | 乙 |\n丙 | 1 |\n");
    const ast::node_id e = render::first_unwritable_table(empty_first, layout("tab"));
    BOOST_TEST((empty_first[e].kind == ast::node_kind::table));
    BOOST_TEST(render::first_unwritable_table(empty_first, layout("lines")) == 0U);
    // A TAB-led line and its continuation right before the table: written in tab, the table's
    // first row would take them in as its first cell (found by fuzzing convert).
    const auto prose_before = parse("前言\n\n\t甲乙丙\n续行\n规章 | 0 |\n其他 | 1 |\n");
    const ast::node_id p = render::first_unwritable_table(prose_before, layout("tab"));
    BOOST_TEST((prose_before[p].kind == ast::node_kind::table));
    BOOST_TEST(render::first_unwritable_table(prose_before, layout("lines")) == 0U);
    // In tab a blank line separates rows, so it does not keep the TAB-led line out; a line of
    // prose between them does.
    BOOST_TEST(render::first_unwritable_table(parse("前言\n\n\t甲乙丙\n\n规章 | 0 |\n其他 | 1 |\n"),
                                              layout("tab"))
               != 0U);
    BOOST_TEST(render::first_unwritable_table(
                   parse("前言\n\n\t甲乙丙\n\n说明：\n\n规章 | 0 |\n其他 | 1 |\n"), layout("tab"))
               == 0U);
    for (const auto& path : test::corpus_files()) {
        for (std::string_view to : layouts) {
            BOOST_TEST(render::first_unwritable_table(load(path), layout(to)) == 0U,
                       path << " " << to);
        }
    }
}

BOOST_AUTO_TEST_CASE(reports_the_first_text_that_reads_differently) {
    const auto doc = parse("规章 | 0 |\n规范性文件 | 3 |\n");
    BOOST_TEST(render::compare_layout(doc, "规章 | 0 |\n规范性文件 | 3 |\n") == "");
    BOOST_TEST(render::compare_layout(doc, "规章 | 0 |\n规范性文件 | 4 |\n")
               == "line 2: cell 3 → cell 4");
}

BOOST_AUTO_TEST_SUITE_END()
