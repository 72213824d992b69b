// lib/render/table_dialects.cpp: generated tables written in every dialect read back the same.
#include <random>

#include <boost/test/unit_test.hpp>

#include "render/table_dialect.hpp"

using namespace nianbao;

namespace {

// Cell lines as reports have them, and the ones that need care: blanks, bars, markup, a
// sentence end, heading-like lines.
const std::vector<std::string> pieces{"规章",
                                      "0",
                                      "14",
                                      "",
                                      "\u00A0",
                                      "\u3000缩进",
                                      "商业",
                                      "三、本年度",
                                      "（一）予以公开",
                                      "无。",
                                      "网站|微信",
                                      "LED screen",
                                      "1.5万元",
                                      "—",
                                      "<b>加粗</b>",
                                      "&amp;",
                                      "x<br",
                                      "附件2",
                                      "(二)部分公开",
                                      "一、总体情况。",
                                      "||",
                                      "a |",
                                      "行政\r许可",
                                      "\u3000",
                                      "是？"};

render::grid_cell random_cell(std::mt19937& rng) {
    std::uniform_int_distribution<std::size_t> piece(0, pieces.size() - 1);
    std::uniform_int_distribution<int> lines(1, 6);
    render::grid_cell c;
    c.lines.clear();
    const int n = lines(rng) <= 4 ? 1 : lines(rng) <= 3 ? 2 : 3;
    for (int i = 0; i < n; ++i) {
        c.lines.push_back(pieces[piece(rng)]);
    }
    return c;
}

// 2–6 rows of 1–5 cells; one of the first two rows has two cells or more, as every layout
// needs to see a table.
render::table_grid random_grid(std::mt19937& rng) {
    std::uniform_int_distribution<int> rows(2, 6);
    std::uniform_int_distribution<int> width(1, 5);
    render::table_grid g;
    const int n = rows(rng);
    for (int r = 0; r < n; ++r) {
        const int w = r == 1 && g.rows[0].size() == 1 ? 2 + width(rng) % 4 : width(rng);
        render::grid_row row;
        for (int c = 0; c < w; ++c) {
            row.push_back(random_cell(rng));
        }
        g.rows.push_back(std::move(row));
    }
    return g;
}

std::string show(const render::table_grid& g) {
    std::string out;
    for (const auto& row : g.rows) {
        for (const auto& c : row) {
            out += "[";
            for (std::size_t i = 0; i < c.lines.size(); ++i) {
                out += (i > 0 ? "/" : "") + c.lines[i];
            }
            out += "]";
        }
        out += "\n";
    }
    return out;
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

BOOST_AUTO_TEST_SUITE(render_table_dialects)

BOOST_AUTO_TEST_CASE(reads_back_generated_tables_in_every_dialect) {
    std::mt19937 rng(20240601);
    for (int n = 0; n < 2000; ++n) {
        const render::table_grid g = random_grid(rng);
        for (const auto& d : render::text_dialects()) {
            std::string text = "一、表格\n";
            d.write_table(g, {}, text);
            text += "\n二、其他\n";
            const auto doc = ast::parse(source::text{"t", text, "UTF-8", ""});
            std::vector<ast::node_id> tables;
            for (ast::node_id i = 0; i < doc.nodes().size(); ++i) {
                if (doc[i].kind == ast::node_kind::table) {
                    tables.push_back(i);
                }
            }
            BOOST_REQUIRE_MESSAGE(tables.size() == 1U, d.id << " wrote\n"
                                                            << text << "for\n"
                                                            << show(g));
            BOOST_TEST(ast::dialect_name(doc, tables[0]) == d.id);
            const render::table_grid back = render::read_table(doc, tables[0]);
            BOOST_TEST_REQUIRE(same(back, g), d.id << " wrote\n"
                                                   << text << "for\n"
                                                   << show(g) << "and read\n"
                                                   << show(back));
        }
    }
}

BOOST_AUTO_TEST_SUITE_END()
