// lib/render/table_pipe.cpp: pipe rows aligned by display width, padding kept as bare bars.
#include <boost/test/unit_test.hpp>

#include "render/convert.hpp"
#include "render/table_dialect.hpp"

using namespace nianbao;

namespace {

render::grid_cell cell(std::vector<std::string> lines) {
    return render::grid_cell{std::move(lines)};
}

std::string write(const render::table_grid& g) {
    std::string out;
    render::write_pipe_table(g, {}, out);
    return out;
}

// The grid of the only table in `text`.
render::table_grid reread(const std::string& text) {
    const auto doc = ast::parse(source::text{"t", text, "UTF-8", ""});
    for (ast::node_id i = 0; i < doc.nodes().size(); ++i) {
        if (doc[i].kind == ast::node_kind::table) {
            BOOST_TEST(ast::dialect_name(doc, i) == "pipe");
            return render::read_table(doc, i);
        }
    }
    BOOST_FAIL("no table in: " + text);
    return {};
}

bool same(const render::table_grid& a, const render::table_grid& b) {
    if (a.rows.size() != b.rows.size()) {
        return false;
    }
    for (std::size_t r = 0; r < a.rows.size(); ++r) {
        if (a.rows[r].size() != b.rows[r].size()) {
            return false;
        }
        for (std::size_t c = 0; c < a.rows[r].size(); ++c) {
            if (a.rows[r][c].lines != b.rows[r][c].lines) {
                return false;
            }
        }
    }
    return true;
}

} // namespace

BOOST_AUTO_TEST_SUITE(render_table_pipe)

BOOST_AUTO_TEST_CASE(aligns_columns_by_display_width) {
    // CJK characters take two columns: 规章 (4) is padded to 规范性文件 (10).
    const render::table_grid g{
        {{cell({"规章"}), cell({"0"})}, {cell({"规范性文件"}), cell({"13"})}}};
    BOOST_TEST(write(g) == "规章       | 0  |\n规范性文件 | 13 |\n");
}

BOOST_AUTO_TEST_CASE(keeps_merged_cell_padding_as_bare_bars) {
    // Seed 002: "第二十条第(一)项 | |||" — the caption spans the padding, so it is not padded.
    const render::table_grid g{
        {{cell({"第二十条第(一)项"}), cell({""}), cell({""}), cell({""})},
         {cell({"信息内容"}), cell({"本年新制作数量"}), cell({"本年新公开数量"}), cell({"总数"})}}};
    BOOST_TEST(write(g)
               == "第二十条第(一)项 ||||\n信息内容 | 本年新制作数量 | 本年新公开数量 | 总数 |\n");
    BOOST_TEST(same(reread(write(g)), g));
}

BOOST_AUTO_TEST_CASE(writes_a_row_of_one_cell_as_a_single_bar) {
    const render::table_grid g{{{cell({"第二十条第（一）项"})}, {cell({"规章"}), cell({"0"})}}};
    BOOST_TEST(write(g) == "第二十条第（一）项 |\n规章 | 0 |\n");
    BOOST_TEST(same(reread(write(g)), g));
}

BOOST_AUTO_TEST_CASE(writes_line_breaks_as_br_and_bars_as_entities) {
    const render::table_grid g{
        {{cell({"商业", "企业"}), cell({"网站|微信"})}, {cell({"\u00A0"}), cell({""})}}};
    const std::string text = write(g);
    BOOST_TEST(text.find("商业<br>企业") != std::string::npos);
    BOOST_TEST(text.find("网站&#124;微信") != std::string::npos);
    BOOST_TEST(same(reread(text), g));
}

BOOST_AUTO_TEST_CASE(reads_padding_and_markup_out_of_cells) {
    BOOST_TEST(render::read_pipe_cell("  14 ").lines == std::vector<std::string>{"14"});
    BOOST_TEST((render::read_pipe_cell(" 商业 <br/> 企业 ").lines
                == std::vector<std::string>{"商业", "企业"}));
    BOOST_TEST(render::read_pipe_cell(" \u00A0 ").lines == std::vector<std::string>{"\u00A0"});
    BOOST_TEST(render::read_pipe_cell("").empty());
}

BOOST_AUTO_TEST_SUITE_END()
