// lib/render/format.cpp: the canonical layout — idempotent, and never a word or figure changed.
#include <boost/test/data/monomorphic.hpp>
#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>

#include "render/convert.hpp"
#include "support/corpus.hpp"

namespace bdata = boost::unit_test::data;
using namespace nianbao;

namespace {

ast::document parse(std::string text) {
    return ast::parse(source::text{"t", std::move(text), "UTF-8", ""});
}

std::string format(const std::string& text, std::string_view dialect = {}) {
    render::format_options opts;
    opts.dialect = dialect.empty() ? nullptr : render::find_text_dialect(dialect);
    return render::format_document(parse(text), opts);
}

} // namespace

BOOST_AUTO_TEST_SUITE(render_format)

BOOST_DATA_TEST_CASE(keeps_the_texts_and_is_idempotent, bdata::make(test::corpus_files()), path) {
    auto loaded = source::load(path, source::encoding::automatic);
    BOOST_REQUIRE(std::holds_alternative<source::text>(loaded));
    const ast::document doc = ast::parse(std::get<source::text>(std::move(loaded)));
    for (std::string_view d : {"", "pipe", "tab", "lines"}) {
        render::format_options opts;
        opts.dialect = d.empty() ? nullptr : render::find_text_dialect(d);
        const std::string once = render::format_document(doc, opts);
        BOOST_TEST(render::compare_layout(doc, once) == "", path << " " << d);
        const std::string twice = render::format_document(parse(once), opts);
        BOOST_TEST((twice == once), path << " " << d);
    }
}

BOOST_AUTO_TEST_CASE(tidies_blank_lines_and_line_ends) {
    const std::string text =
        "\n\n标题报告  \n\n\n一、总体情况\u3000\n无。\t\n \n\u00A0\n二、其他\n\n";
    BOOST_TEST(format(text) == "标题报告\n\n一、总体情况\n无。\n\n二、其他\n");
}

BOOST_AUTO_TEST_CASE(puts_a_blank_line_after_each_table) {
    const std::string text = "一、总体情况\n规章 | 0 |\n规范性文件 | 3 |\n二、其他\n";
    BOOST_TEST(format(text) == "一、总体情况\n规章       | 0 |\n规范性文件 | 3 |\n\n二、其他\n");
}

BOOST_AUTO_TEST_CASE(keeps_crlf_line_ends) {
    BOOST_TEST(format("一、总体情况\r\n\t规章\r\n\t0\r\n\r\n\t规范性文件\r\n\t3")
               == "一、总体情况\r\n\t规章\r\n\t0\r\n\r\n\t规范性文件\r\n\t3\r\n");
}

BOOST_AUTO_TEST_CASE(converts_tables_with_a_dialect) {
    BOOST_TEST(format("规章 | 0 |\n规范性文件 | 3 |\n", "tab")
               == "\t规章\n\t0\n\n\t规范性文件\n\t3\n");
}

BOOST_AUTO_TEST_CASE(lists_the_texts_a_layout_must_keep) {
    const auto texts =
        render::layout_texts(parse("报告标题报告\n一、总体情况 \n无。  \n规章 | 0 |\n其他 | |\n"));
    const std::vector<std::string> expected{"title 报告标题报告",
                                            "heading 一、 总体情况",
                                            "paragraph 无。",
                                            "table",
                                            "row",
                                            "cell 规章",
                                            "cell 0",
                                            "row",
                                            "cell 其他",
                                            "cell "};
    BOOST_TEST(texts == expected, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_SUITE_END()
