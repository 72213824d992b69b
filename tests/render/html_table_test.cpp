// lib/render/html_table.cpp: merged cells rebuilt from the layout and the bound template.
#include <boost/test/unit_test.hpp>

#include "model/binding.hpp"
#include "render/html.hpp"
#include "support/corpus.hpp"

using namespace nianbao;

namespace {

ast::document parse(std::string text) {
    return ast::parse(source::text{"t", std::move(text), "UTF-8", ""});
}

ast::document seed(const std::string& prefix) {
    for (const auto& f : test::corpus_files()) {
        if (f.find("/reports/" + prefix) != std::string::npos) {
            return parse(test::read_file(f));
        }
    }
    BOOST_FAIL("no seed " + prefix);
    return parse("");
}

ast::node_id nth_table(const ast::document& doc, std::size_t n) {
    for (ast::node_id i = 0; i < doc.nodes().size(); ++i) {
        if (doc[i].kind == ast::node_kind::table && n-- == 0) {
            return i;
        }
    }
    BOOST_FAIL("no table");
    return 0;
}

// "text@column+colspan×rowspan" for each drawn cell of row `r`.
std::vector<std::string> drawn(const ast::document& doc, const render::html_table& t,
                               std::size_t r) {
    std::vector<std::string> out;
    for (const auto& c : t.rows[r].cells) {
        if (!c.hidden) {
            out.push_back(ast::cell_text(doc, c.shown) + "@" + std::to_string(c.column) + "+"
                          + std::to_string(c.colspan) + "x" + std::to_string(c.rowspan));
        }
    }
    return out;
}

} // namespace

BOOST_AUTO_TEST_SUITE(render_html_table)

BOOST_AUTO_TEST_CASE(spans_a_caption_row_across_the_table) {
    const auto doc =
        parse("第二十条第(一)项 | |||\n信息内容 | 本年新制作数量 | 本年新公开数量 | 总数 |\n");
    const auto t = render::lay_out_table(doc, nth_table(doc, 0), nullptr);
    BOOST_TEST(t.columns == 4U);
    BOOST_TEST(drawn(doc, t, 0) == std::vector<std::string>{"第二十条第(一)项@0+4x1"});
}

BOOST_AUTO_TEST_CASE(widens_the_label_of_a_row_with_fewer_cells) {
    // Figures are a row's trailing cells: the label of the shorter row covers two columns.
    const auto doc =
        parse("一、表格\n\t\n\t（一）予以公开\n\t0\n\t1\n\n\t二、上年结转\n\t2\n\t3\n");
    const auto t = render::lay_out_table(doc, nth_table(doc, 0), nullptr);
    BOOST_TEST(drawn(doc, t, 1)
               == (std::vector<std::string>{"二、上年结转@0+2x1", "2@2+1x1", "3@3+1x1"}));
}

BOOST_AUTO_TEST_CASE(joins_empty_label_cells_to_the_label_of_their_run) {
    const auto doc =
        parse("\t（三）不予公开\n\t1.国家秘密\n\t0\n\n\t\n\t2.其他\n\t0\n\n\t\n\t3.危及\n\t0\n");
    const auto t = render::lay_out_table(doc, nth_table(doc, 0), nullptr);
    BOOST_TEST(
        drawn(doc, t, 0)
        == (std::vector<std::string>{"（三）不予公开@0+1x3", "1.国家秘密@1+1x1", "0@2+1x1"}));
    BOOST_TEST(t.rows[1].cells[0].hidden);
    BOOST_TEST(t.rows[2].cells[0].host == t.rows[0].cells[0].node);
}

BOOST_AUTO_TEST_CASE(rebuilds_the_header_of_table_3_in_seed_003) {
    const auto doc = seed("003");
    const auto set = model::load_templates({});
    const auto m = model::bind(doc, set);
    const auto t = render::lay_out_table(doc, nth_table(doc, 1), &m);
    BOOST_TEST(t.columns == 10U);
    BOOST_TEST(drawn(doc, t, 0)
               == (std::vector<std::string>{
                   "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）@0+3x3",
                   "申请人情况@3+7x1"}));
    BOOST_TEST(drawn(doc, t, 1)
               == (std::vector<std::string>{"自然人@3+1x2", "法人或其他组织@4+6x1"}));
    BOOST_TEST(drawn(doc, t, 2)[0] == "商业企业@4+1x1");
    BOOST_TEST(drawn(doc, t, 3)[0] == "一、本年新收政府信息公开申请数量@0+3x1");
}

BOOST_AUTO_TEST_CASE(grows_cells_down_where_pipe_leaves_merged_cells_out) {
    // Seed 002 (pipe): no cell under the corner or under 自然人 and 总计 in the header, and no
    // group label on the rows of its items ("2.其他法律…" under "(三)不予公开").
    const auto doc = seed("002");
    const auto set = model::load_templates({});
    const auto m = model::bind(doc, set);
    const auto t = render::lay_out_table(doc, nth_table(doc, 1), &m);
    BOOST_TEST(t.columns == 9U);
    BOOST_TEST(drawn(doc, t, 0)[0]
               == "(本列数据的勾稽关系为:第一项加第二项之和,等于第三项加第四项之和)@0+2x3");
    BOOST_TEST(drawn(doc, t, 1)
               == (std::vector<std::string>{"自然人@2+1x2", "法人或其他组织@3+5x1", "总计@8+1x2"}));
    BOOST_TEST(drawn(doc, t, 7)[0] == "(三)不予公开@0+1x8");
    BOOST_TEST(drawn(doc, t, 8)[0] == "2.其他法律行政法规禁止公开@1+1x1");
}

BOOST_AUTO_TEST_CASE(draws_a_pipe_row_of_padding_only_as_one_empty_cell) {
    const auto doc = parse("规章 | 0 | 1 |\n | | |\n");
    const auto t = render::lay_out_table(doc, nth_table(doc, 0), nullptr);
    BOOST_REQUIRE(t.rows.size() == 2U);
    BOOST_TEST(t.rows[1].cells.empty());
    BOOST_TEST(render::write_html(doc).find("<tr><td colspan=\"3\"></td></tr>")
               != std::string::npos);
}

BOOST_AUTO_TEST_SUITE_END()
