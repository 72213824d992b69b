// The tree of the seeds: dialects, cells, outline; prose that only looks like a table.
#include <boost/test/unit_test.hpp>

#include "ast/text.hpp"
#include "ast/tree.hpp"
#include "support/corpus.hpp"

using namespace nianbao;
using ast::node_id;
using ast::node_kind;
namespace tt = boost::test_tools;

namespace {

ast::document parse_text(std::string text) {
    return ast::parse(source::text{"t", std::move(text), "UTF-8", ""});
}

ast::document parse_seed(const std::string& prefix) {
    for (const auto& f : test::corpus_files()) {
        if (f.find("/reports/" + prefix) != std::string::npos) {
            return parse_text(test::read_file(f));
        }
    }
    BOOST_FAIL("seed not found: " + prefix);
    return parse_text("");
}

std::vector<node_id> all_of(const ast::document& doc, node_kind k) {
    std::vector<node_id> out;
    for (node_id i = 0; i < doc.nodes().size(); ++i) {
        if (doc[i].kind == k) {
            out.push_back(i);
        }
    }
    return out;
}

std::vector<std::string> top_sections(const ast::document& doc) {
    std::vector<std::string> out;
    for (node_id c : doc.children(0)) {
        if (doc[c].kind == node_kind::section) {
            out.push_back(std::string(ast::heading_marker(doc, c + 1))
                          + ast::heading_title(doc, c + 1));
        }
    }
    return out;
}

} // namespace

BOOST_AUTO_TEST_SUITE(ast_builder)

BOOST_AUTO_TEST_CASE(finds_six_sections_in_the_2019_and_2021_seeds) {
    for (const char* seed : {"000", "001", "002", "003"}) {
        BOOST_TEST_CONTEXT(seed) {
            const auto sections = top_sections(parse_seed(seed));
            BOOST_TEST(sections.size() == 6U);
            BOOST_TEST(sections.front().starts_with("一、"));
            BOOST_TEST(sections.back() == "六、其他需要报告的事项");
        }
    }
}

BOOST_AUTO_TEST_CASE(finds_eight_old_style_parts_and_the_appendix_in_seed_004) {
    const auto sections = top_sections(parse_seed("004"));
    BOOST_TEST(sections.size() == 9U);
    BOOST_TEST(sections[0] == "一、基本工作情况");
    BOOST_TEST(sections[6] == "七、落实上级重要文件通知情况");
    BOOST_TEST(sections[7] == "八、存在问题及工作打算");
    BOOST_TEST(sections[8] == "附件2");
}

BOOST_AUTO_TEST_CASE(finds_tables_with_their_dialects) {
    const std::vector<std::pair<const char*, std::vector<std::string>>> expected{
        {"000", {"pipe", "pipe", "pipe"}},
        {"001", {"tab", "tab", "tab"}},
        {"002", {"pipe", "pipe", "pipe"}},
        {"003", {"tab", "tab", "tab"}},
        {"004", {"lines"}}};
    for (const auto& [seed, dialects] : expected) {
        const auto doc = parse_seed(seed);
        std::vector<std::string> found;
        for (node_id t : all_of(doc, node_kind::table)) {
            found.emplace_back(ast::dialect_name(doc, t));
        }
        BOOST_TEST(found == dialects, tt::per_element());
    }
}

BOOST_AUTO_TEST_CASE(joins_continuation_lines_into_one_cell_in_seed_001) {
    const auto doc = parse_seed("001");
    const auto cells = all_of(doc, node_kind::cell);
    const auto it = std::find_if(cells.begin(), cells.end(),
                                 [&](node_id c) { return ast::cell_text(doc, c) == "商业企业"; });
    BOOST_REQUIRE(it != cells.end());
    BOOST_TEST(doc.raw(*it) == "商业\n企业");
    const auto pos = doc.begin_position(*it);
    BOOST_TEST(pos.line == 93U);
    BOOST_TEST(pos.column == 2U);
}

BOOST_AUTO_TEST_CASE(normalises_nbsp_only_cells_to_empty) {
    const auto doc = parse_seed("001");
    std::size_t nbsp_cells = 0;
    for (node_id c : all_of(doc, node_kind::cell)) {
        if (doc.raw(c) == "\xC2\xA0") {
            ++nbsp_cells;
            BOOST_TEST(ast::cell_text(doc, c) == "");
        }
    }
    BOOST_TEST(nbsp_cells > 100U);
}

BOOST_AUTO_TEST_CASE(joins_vertical_text_in_seed_001) {
    const auto doc = parse_seed("001");
    bool found = false;
    for (node_id c : all_of(doc, node_kind::cell)) {
        found = found || ast::cell_text(doc, c) == "三、本年度办理结果";
    }
    BOOST_TEST(found);
}

BOOST_AUTO_TEST_CASE(infers_three_columns_in_seed_004) {
    const auto doc = parse_seed("004");
    const auto tables = all_of(doc, node_kind::table);
    BOOST_REQUIRE(tables.size() == 1U);
    const auto rows = ast::table_rows(doc, tables[0]);
    BOOST_TEST(rows.size() == 67U);
    for (node_id r : rows) {
        BOOST_TEST(ast::row_cells(doc, r).size() == 3U);
    }
    const auto header = ast::row_cells(doc, rows[0]);
    BOOST_TEST(ast::cell_text(doc, header[0]) == "统 计 指 标");
    BOOST_TEST(ast::cell_text(doc, header[2]) == "统计数");
}

BOOST_AUTO_TEST_CASE(keeps_rows_ended_by_double_bar_in_lines_tables) {
    const std::string text =
        "第二十条第（一）项 |\n||\n信息内容 |\n本年新制作数量 |\n||\n规章 |\n0 |\n||\n";
    const auto doc = parse_text(text);
    const auto tables = all_of(doc, node_kind::table);
    BOOST_REQUIRE(tables.size() == 1U);
    BOOST_TEST(ast::dialect_name(doc, tables[0]) == "lines");
    const auto rows = ast::table_rows(doc, tables[0]);
    BOOST_REQUIRE(rows.size() == 3U);
    BOOST_TEST(ast::row_cells(doc, rows[0]).size() == 1U);
    BOOST_TEST(ast::row_cells(doc, rows[1]).size() == 2U);
    BOOST_TEST(ast::cell_text(doc, ast::row_cells(doc, rows[2])[1]) == "0");
    BOOST_TEST(ast::print_source(doc) == text);
}

BOOST_AUTO_TEST_CASE(keeps_single_cell_rows_inside_pipe_tables) {
    const std::string text = "第二十条第（一）项 |\n信息内容 | 本年新制作数量 |\n规章 | 0 |\n";
    const auto doc = parse_text(text);
    const auto tables = all_of(doc, node_kind::table);
    BOOST_REQUIRE(tables.size() == 1U);
    BOOST_TEST(ast::dialect_name(doc, tables[0]) == "pipe");
    const auto rows = ast::table_rows(doc, tables[0]);
    BOOST_REQUIRE(rows.size() == 3U);
    BOOST_TEST(ast::row_cells(doc, rows[0]).size() == 1U);
    BOOST_TEST(ast::cell_text(doc, ast::row_cells(doc, rows[0])[0]) == "第二十条第（一）项");
}

BOOST_AUTO_TEST_CASE(reads_br_and_bar_entity_in_cells) {
    // What nianbao writes for a tab cell's second line and for a bar (docs/convert.md).
    BOOST_TEST(ast::normalise_cell(" 商业<br>企业 ") == "商业企业");
    BOOST_TEST(ast::normalise_cell("LED<br/>screen") == "LED screen");
    BOOST_TEST(ast::normalise_cell("网站&#124;微信") == "网站|微信");
    BOOST_TEST(ast::normalise_cell("a < b & c") == "a < b & c");
    BOOST_TEST(ast::decode_cell_markup("三<br>、&#124;") == "三\n、|");
}

BOOST_AUTO_TEST_CASE(keeps_merged_cell_padding_in_pipe_rows) {
    const auto doc = parse_seed("002");
    const auto rows = all_of(doc, node_kind::row);
    const auto it = std::find_if(rows.begin(), rows.end(), [&](node_id r) {
        return doc.raw(r).starts_with("行政许可 | 14 |");
    });
    BOOST_REQUIRE(it != rows.end());
    const auto cells = ast::row_cells(doc, *it);
    BOOST_REQUIRE(cells.size() == 4U);
    BOOST_TEST(ast::cell_text(doc, cells[1]) == "14");
    BOOST_TEST(ast::cell_text(doc, cells[2]) == "");
    BOOST_TEST(ast::cell_text(doc, cells[3]) == "");
}

BOOST_AUTO_TEST_CASE(reads_title_signature_and_date_of_seed_003) {
    const auto doc = parse_seed("003");
    BOOST_TEST(all_of(doc, node_kind::title).size() == 1U);
    const auto sig = all_of(doc, node_kind::signature);
    const auto date = all_of(doc, node_kind::date);
    BOOST_REQUIRE(sig.size() == 1U);
    BOOST_REQUIRE(date.size() == 1U);
    BOOST_TEST(ast::line_content(doc, sig[0]) == "曲江镇人民政府");
    BOOST_TEST(ast::line_content(doc, date[0]) == "2021年1月20日");
    BOOST_TEST(doc[sig[0]].parent == 0U); // back matter, outside section 六
}

BOOST_AUTO_TEST_CASE(keeps_prose_with_a_bar_as_a_paragraph) {
    const auto doc = parse_text("一、总体情况\n本年度公开渠道为网站|微信|公示栏。\n");
    BOOST_TEST(all_of(doc, node_kind::table).empty());
    BOOST_TEST(all_of(doc, node_kind::paragraph).size() == 1U);
}

BOOST_AUTO_TEST_CASE(keeps_numbered_prose_lines_as_paragraphs) {
    const auto doc = parse_text("一、总体情况\n1.主动公开情况。我镇坚持以公开为常态。\n"
                                "(一)主动公开政府信息:7条。\n");
    BOOST_TEST(all_of(doc, node_kind::heading).size() == 1U);
    BOOST_TEST(all_of(doc, node_kind::paragraph).size() == 2U);
}

BOOST_AUTO_TEST_CASE(parses_empty_and_blank_documents) {
    BOOST_TEST(parse_text("").nodes().size() == 1U);
    const auto blank = parse_text("\n \r\n");
    BOOST_TEST(all_of(blank, node_kind::blank).size() == 1U);
    BOOST_TEST(ast::print_source(blank) == "\n \r\n");
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(ast_builder) // reopened: one CTest test per file

// Cell text: blanks (also U+00A0, U+3000, CR) trimmed at both ends only, lines joined, markup
// read, wherever in a long cell a line break or markup is; one-line cells are views of the raw
// text.
BOOST_AUTO_TEST_CASE(normalises_cell_text_without_copying_one_line_cells) {
    const std::pair<std::string, std::string> cases[] = {
        {" \u00A0\u3000 a \u3000\u00A0\r", "a"},
        {"\u00A0", ""},
        {"\u3000\u3000", ""},
        {"a\u00A0b", "a\u00A0b"},
        {"一\u3000二", "一\u3000二"},
        {" 0 ", "0"},
        {"行政\r\n许可", "行政许可"},
        {"LED\nscreen", "LED screen"},
        {"本年新收政府信息<br>公开申请数量", "本年新收政府信息公开申请数量"},
        {"本年新收政府信息公开申请数量 &#124; 其他", "本年新收政府信息公开申请数量 | 其他"},
        {"本年新收政府信息公开申请数量\n ", "本年新收政府信息公开申请数量"},
        {"\t 本年新收政府信息公开\r申请数量 \u3000", "本年新收政府信息公开申请数量"},
        {"一二三四五六七八九十", "一二三四五六七八九十"},
        {"", ""},
    };
    for (const auto& [raw, text] : cases) {
        BOOST_TEST(ast::normalise_cell(raw) == text, raw);
        std::string storage;
        const std::string_view view = ast::normalise_cell(raw, storage);
        BOOST_TEST(view == text, raw);
        const bool one_line = raw.find_first_of("\r\n<&") == std::string::npos;
        if (one_line && !view.empty()) {
            BOOST_TEST((view.data() >= raw.data() && view.data() < raw.data() + raw.size()), raw);
        }
    }
}

BOOST_AUTO_TEST_SUITE_END()
