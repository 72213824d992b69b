// lib/render/html.cpp: the page of a report with hand-made findings shown where they point.
#include <boost/test/unit_test.hpp>

#include "model/binding.hpp"
#include "render/html.hpp"
#include "support/corpus.hpp"

using namespace nianbao;

namespace {

ast::document seed_003() {
    for (const auto& f : test::corpus_files()) {
        if (f.find("/reports/003") != std::string::npos) {
            return ast::parse(source::text{f, test::read_file(f), "UTF-8", ""});
        }
    }
    BOOST_FAIL("no seed 003");
    return ast::parse(source::text{});
}

ast::node_id cell_with_text(const ast::document& doc, std::string_view text) {
    for (ast::node_id i = 0; i < doc.nodes().size(); ++i) {
        if (doc[i].kind == ast::node_kind::cell && ast::cell_text(doc, i) == text) {
            return i;
        }
    }
    BOOST_FAIL("no cell " << text);
    return 0;
}

std::size_t count(const std::string& s, std::string_view what) {
    std::size_t n = 0;
    for (std::size_t p = s.find(what); p != std::string::npos; p = s.find(what, p + 1)) {
        ++n;
    }
    return n;
}

// Seed 003 with the two errors `nianbao check` finds in it (a wrong caption and a total that is
// not the sum of its rows), a warning on words of a paragraph and a finding on no node at all.
struct seed_003_page {
    ast::document doc = seed_003();
    model::template_set set = model::load_templates({});
    model::report_model m = model::bind(doc, set);
    std::string html;

    seed_003_page() {
        const ast::node_id caption = cell_with_text(doc, "第二十六条第（六）项");
        const auto* total = m.table("t3")->cell("r7_total", "np");
        BOOST_REQUIRE(total != nullptr);
        const std::string_view text = doc.text();
        const auto words = static_cast<std::uint32_t>(text.find("1件。"));
        render::html_options opts;
        opts.model = &m;
        opts.diagnostics = {
            {ast::content_span(doc, caption), source::severity::error,
             "表格标题「第二十六条第（六）项」有误，应为「第二十条第（六）项」", "table/caption"},
            {ast::content_span(doc, total->node), source::severity::error,
             "（七）总计 自然人 = 1，但各项办理结果之和 = 0", "figures/equation"},
            {{words, words + 4},
             source::severity::warning,
             "正文「1件」与表格不符 <核对>",
             "xref/narrative"},
            {{static_cast<std::uint32_t>(text.size()), static_cast<std::uint32_t>(text.size())},
             source::severity::info,
             "全文提示",
             "meta/example"},
        };
        html = render::write_html(doc, opts);
    }
};

} // namespace

BOOST_AUTO_TEST_SUITE(render_html)

BOOST_AUTO_TEST_CASE(writes_a_standalone_page) {
    const auto doc = seed_003();
    const std::string html = render::write_html(doc);
    BOOST_TEST(html.starts_with("<!DOCTYPE html>\n<html lang=\"zh-CN\">"));
    BOOST_TEST(html.find("<meta charset=\"utf-8\">") != std::string::npos);
    BOOST_TEST(html.find("<title>曲江镇人民政府2020年政府信息公开工作年度报告</title>")
               != std::string::npos);
    BOOST_TEST(html.find("@page { size: A4;") != std::string::npos);
    for (std::string_view external : {"<link", "<script", "src=", "url(", "http"}) {
        BOOST_TEST(html.find(external) == std::string::npos, external);
    }
    BOOST_TEST(count(html, "<table") == 3U);
    BOOST_TEST(html.find("<h2>一、总体情况</h2>") != std::string::npos);
    BOOST_TEST(html.find("<p class=\"signature\">曲江镇人民政府</p>") != std::string::npos);
    BOOST_TEST(html.find("class=\"summary\"") == std::string::npos);
}

BOOST_AUTO_TEST_CASE(highlights_the_wrong_caption_cell) {
    const seed_003_page p;
    BOOST_TEST(p.html.find(
                   "<th colspan=\"4\" class=\"diag error\"><mark class=\"diag error\" "
                   "title=\"表格标题「第二十六条第（六）项」有误，应为「第二十条第（六）项」\">"
                   "第二十六条第（六）项</mark><sup class=\"ref\"><a href=\"#d1\">1</a></sup></th>")
               != std::string::npos);
    BOOST_TEST(p.html.find("<p class=\"note error\" id=\"d1\">") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(highlights_the_total_that_is_not_the_sum) {
    const seed_003_page p;
    const std::string cell =
        "<td class=\"num diag error\"><mark class=\"diag error\" title=\"（七）总计 "
        "自然人 = 1，但各项办理结果之和 = 0\">1</mark><sup class=\"ref\"><a "
        "href=\"#d2\">2</a></sup></td>";
    const std::size_t at = p.html.find(cell);
    BOOST_REQUIRE(at != std::string::npos);
    // It is the first figure of the row of （七）总计.
    const std::size_t row = p.html.rfind("<tr>", at);
    BOOST_TEST(p.html.substr(row, at - row) == "<tr><td>（七）总计</td>");
    // The message is beside the table, before the next heading.
    const std::size_t note = p.html.find("id=\"d2\"");
    BOOST_TEST(note > at);
    BOOST_TEST(note < p.html.find("<h2>四、"));
}

BOOST_AUTO_TEST_CASE(marks_the_words_of_a_paragraph_and_escapes_messages) {
    const seed_003_page p;
    BOOST_TEST(p.html.find(
                   "共办结依申请公开来信<mark class=\"diag warning\" title=\"正文「1件」与表格不符 "
                   "&lt;核对&gt;\">1件</mark><sup class=\"ref\"><a href=\"#d3\">3</a></sup>。")
               != std::string::npos);
    BOOST_TEST(p.html.find("<核对>") == std::string::npos);
}

BOOST_AUTO_TEST_CASE(sums_up_the_findings_at_the_top) {
    const seed_003_page p;
    const std::size_t summary = p.html.find("<section class=\"summary\">");
    BOOST_REQUIRE(summary != std::string::npos);
    BOOST_TEST(summary < p.html.find("<article>"));
    BOOST_TEST(p.html.find("共 4 处：2 个错误，1 个警告，1 个提示") != std::string::npos);
    BOOST_TEST(p.html.find("<a href=\"#d2\">第 342 行第 2 列</a>") != std::string::npos);
    // A finding on no node is listed once, as about the whole report.
    BOOST_TEST(p.html.find("<li class=\"info\" id=\"d4\"><a href=\"#d4\">全文</a>")
               != std::string::npos);
    BOOST_TEST(count(p.html, "class=\"note ") == 3U);
}

BOOST_AUTO_TEST_SUITE_END()
