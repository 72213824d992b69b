// lib/render/table_tab.cpp: TAB-led cells, continuation lines where the grammar reads them back.
#include <boost/test/unit_test.hpp>

#include "render/table_dialect.hpp"

using namespace nianbao;

namespace {

render::grid_cell cell(std::vector<std::string> lines) {
    return render::grid_cell{std::move(lines)};
}

std::string write(const render::table_grid& g) {
    std::string out;
    render::write_tab_table(g, {}, out);
    return out;
}

// The table read back, after a heading: at the start of a document a TAB-only first line would
// be read as leading blank lines.
std::vector<std::vector<std::vector<std::string>>> reread(const std::string& text) {
    const auto doc = ast::parse(source::text{"t", "一、表格\n" + text, "UTF-8", ""});
    std::vector<std::vector<std::vector<std::string>>> out;
    for (ast::node_id i = 0; i < doc.nodes().size(); ++i) {
        if (doc[i].kind == ast::node_kind::table) {
            BOOST_TEST(ast::dialect_name(doc, i) == "tab");
            for (const auto& row : render::read_table(doc, i).rows) {
                out.emplace_back();
                for (const auto& c : row) {
                    out.back().push_back(c.lines);
                }
            }
            return out;
        }
    }
    BOOST_FAIL("no table in: " + text);
    return out;
}

} // namespace

BOOST_AUTO_TEST_SUITE(render_table_tab)

BOOST_AUTO_TEST_CASE(writes_a_cell_a_line_and_a_blank_line_between_rows) {
    const render::table_grid g{
        {{cell({"信息内容"}), cell({"本年新制作数量"})}, {cell({"规章"}), cell({"0"})}}};
    BOOST_TEST(write(g) == "\t信息内容\n\t本年新制作数量\n\n\t规章\n\t0\n");
}

BOOST_AUTO_TEST_CASE(writes_cell_lines_as_continuation_lines) {
    // Seed 001: "\t商业" / "企业"; vertical text one character a line.
    const render::table_grid g{
        {{cell({"商业", "企业"}), cell({"三", "、", "本"})}, {cell({"0"}), cell({"1"})}}};
    BOOST_TEST(write(g) == "\t商业\n企业\n\t三\n、\n本\n\n\t0\n\t1\n");
    BOOST_TEST(reread(write(g))[0][1] == (std::vector<std::string>{"三", "、", "本"}));
}

BOOST_AUTO_TEST_CASE(joins_lines_the_grammar_would_misread_with_br) {
    // "（一）予以公开" on a line of its own would start a heading; an empty line ends the row.
    const render::table_grid g{{{cell({"三、本年度", "（一）予以公开"}), cell({"a", "", "b"})},
                                {cell({"0"}), cell({"1"})}}};
    const std::string text = write(g);
    BOOST_TEST(text == "\t三、本年度<br>（一）予以公开\n\ta<br>\nb\n\n\t0\n\t1\n");
    const auto back = reread(text);
    BOOST_TEST(back[0][0] == (std::vector<std::string>{"三、本年度", "（一）予以公开"}));
    BOOST_TEST(back[0][1] == (std::vector<std::string>{"a", "", "b"}));
}

BOOST_AUTO_TEST_CASE(escapes_sentence_ends_on_the_first_line_of_a_row) {
    // "\t无。" is indented prose: the row's first line writes 。 as a character reference.
    const render::table_grid g{{{cell({"备注"}), cell({"说明。"})}, {cell({"无。"}), cell({"0"})}}};
    const std::string text = write(g);
    BOOST_TEST(text == "\t备注\n\t说明。\n\n\t无&#12290;\n\t0\n");
    const auto back = reread(text);
    BOOST_REQUIRE(back.size() == 2U);
    BOOST_TEST(back[1][0] == (std::vector<std::string>{"无。"}));
}

BOOST_AUTO_TEST_CASE(keeps_nbsp_and_empty_cells_apart) {
    const render::table_grid g{{{cell({""}), cell({"自然人"})}, {cell({"\u00A0"}), cell({"1"})}}};
    BOOST_TEST(write(g) == "\t\n\t自然人\n\n\t\u00A0\n\t1\n");
    const auto back = reread(write(g));
    BOOST_TEST(back[0][0] == std::vector<std::string>{""});
    BOOST_TEST(back[1][0] == std::vector<std::string>{"\u00A0"});
}

BOOST_AUTO_TEST_CASE(reads_line_ends_and_markup_as_line_breaks) {
    BOOST_TEST(
        (render::read_tab_cell("商业\r\n企业").lines == std::vector<std::string>{"商业", "企业"}));
    BOOST_TEST((render::read_tab_cell("<br>x").lines == std::vector<std::string>{"", "x"}));
    BOOST_TEST((render::read_tab_cell("\nx").lines == std::vector<std::string>{"", "x"}));
    BOOST_TEST(render::read_tab_cell("无&#12290;").lines == std::vector<std::string>{"无。"});
}

BOOST_AUTO_TEST_SUITE_END()
