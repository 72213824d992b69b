// lib/render/markdown.cpp: GFM pipe tables that render, headings and paragraphs.
#include <boost/test/unit_test.hpp>

#include "render/grid_writer.hpp"

using namespace nianbao;

namespace {

std::string markdown(std::string text) {
    return render::write_markdown(ast::parse(source::text{"t", std::move(text), "UTF-8", ""}));
}

} // namespace

BOOST_AUTO_TEST_SUITE(render_markdown)

BOOST_AUTO_TEST_CASE(writes_a_header_row_and_its_separator) {
    const std::string md = markdown("信息内容 | 本年新制作数量 |\n规章 | 0 |\n");
    BOOST_TEST(md == "| 信息内容 | 本年新制作数量 |\n| --- | --- |\n| 规章 | 0 |\n");
}

BOOST_AUTO_TEST_CASE(pads_rows_to_the_widest_and_escapes_bars_and_breaks) {
    const std::string md = markdown("\t第二十条第（一）项\n\n\t商业\n企业\n\t网站|微信\n\t1\n");
    BOOST_TEST(md
               == "| 第二十条第（一）项 |  |  |\n| --- | --- | --- |\n"
                  "| 商业<br>企业 | 网站\\|微信 | 1 |\n");
}

BOOST_AUTO_TEST_CASE(writes_the_title_headings_and_paragraphs_as_blocks) {
    const std::string md = markdown("某镇2020年政府信息公开工作年度报告\n一、总体情况\n（一）概述\n"
                                    "1. 本年度*无*。\n# 注\n");
    BOOST_TEST(md
               == "# 某镇2020年政府信息公开工作年度报告\n\n## 一、总体情况\n\n### （一）概述\n\n"
                  "1\\. 本年度\\*无\\*。\n\n\\# 注\n");
}

BOOST_AUTO_TEST_SUITE_END()
