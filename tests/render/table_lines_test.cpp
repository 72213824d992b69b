// lib/render/table_lines.cpp: a cell a line; rows inferred when they can be, marked otherwise.
#include <boost/test/unit_test.hpp>

#include "render/table_dialect.hpp"

using namespace nianbao;

namespace {

render::grid_cell cell(std::string line) {
    return render::grid_cell{{std::move(line)}};
}

std::string write(const render::table_grid& g) {
    std::string out;
    render::write_lines_table(g, {}, out);
    return out;
}

std::vector<std::size_t> row_widths(const std::string& text) {
    const auto doc = ast::parse(source::text{"t", text, "UTF-8", ""});
    std::vector<std::size_t> out;
    for (ast::node_id i = 0; i < doc.nodes().size(); ++i) {
        if (doc[i].kind == ast::node_kind::table) {
            BOOST_TEST(ast::dialect_name(doc, i) == "lines");
            for (const auto& row : render::read_table(doc, i).rows) {
                out.push_back(row.size());
            }
            break;
        }
    }
    return out;
}

} // namespace

BOOST_AUTO_TEST_SUITE(render_table_lines)

BOOST_AUTO_TEST_CASE(leaves_rows_unmarked_when_the_parser_infers_them) {
    // Seed 004's shape: label, unit, value; an empty cell is a lone bar.
    const render::table_grid g{{{cell("统 计 指 标"), cell("单位"), cell("统计数")},
                                {cell("一、主动公开情况"), cell("—"), cell("")},
                                {cell("（一）主动公开政府信息数"), cell("条"), cell("7")}}};
    const std::string text = write(g);
    BOOST_TEST(text
               == "统 计 指 标 |\n单位 |\n统计数 |\n一、主动公开情况 |\n— |\n|\n"
                  "（一）主动公开政府信息数 |\n条 |\n7 |\n");
    BOOST_TEST(row_widths(text) == (std::vector<std::size_t>{3, 3, 3}));
}

BOOST_AUTO_TEST_CASE(marks_rows_of_different_widths) {
    const render::table_grid g{{{cell("第二十条第（一）项")},
                                {cell("信息内容"), cell("本年新制作数量")},
                                {cell("规章"), cell("0")}}};
    const std::string text = write(g);
    BOOST_TEST(text
               == "第二十条第（一）项 |\n||\n信息内容 |\n本年新制作数量 |\n||\n规章 |\n0 |\n||\n");
    BOOST_TEST(row_widths(text) == (std::vector<std::size_t>{1, 2, 2}));
}

BOOST_AUTO_TEST_CASE(marks_rows_the_parser_would_group_otherwise) {
    // Four cells of two numeric rows: inference cannot tell 2×2 from 1×4, so rows are marked.
    const render::table_grid g{{{cell("1"), cell("2")}, {cell("3"), cell("4")}}};
    BOOST_TEST(row_widths(write(g)) == (std::vector<std::size_t>{2, 2}));
}

BOOST_AUTO_TEST_CASE(writes_line_breaks_as_br) {
    render::table_grid g{{{cell("a"), cell("b")}, {cell("c"), cell("d")}}};
    g.rows[0][0].lines = {"商业", "企业"};
    BOOST_TEST(write(g).find("商业<br>企业 |\n") != std::string::npos);
}

BOOST_AUTO_TEST_SUITE_END()
