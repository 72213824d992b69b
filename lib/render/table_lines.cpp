// The lines dialect's reader and writer: a cell a line ending in ` |`, rows inferred or ended by
// a `||` line.
#include "ast/table/dialect_support.hpp"
#include "render/detail/cell_markup.hpp"
#include "render/table_dialect.hpp"

namespace nianbao::render {

namespace {

// Rows can stay unmarked, as in copied reports, when every row has the same width and the
// parser infers that width from the cells (lib/ast/table/lines.cpp); the grammar needs three
// cell lines to see a table.
bool rows_inferred(const table_grid& grid, const std::vector<std::string>& texts) {
    const std::size_t w = grid.width();
    for (const auto& row : grid.rows) {
        if (row.size() != w) {
            return false;
        }
    }
    std::vector<std::string> normalised;
    normalised.reserve(texts.size());
    for (const auto& t : texts) {
        normalised.push_back(ast::normalise_cell(t));
    }
    return texts.size() >= 3 && ast::table::lines_row_width(normalised) == w;
}

} // namespace

grid_cell read_lines_cell(std::string_view raw) {
    return detail::read_inline_cell(raw);
}

// 统 计 指 标 |
// 单位 |
// 统计数 |
// 一、主动公开情况 |
// — |
// |
void write_lines_table(const table_grid& grid, const write_context& ctx, std::string& out) {
    std::vector<std::string> texts;
    for (const auto& row : grid.rows) {
        for (const auto& c : row) {
            texts.push_back(detail::inline_cell(c));
        }
    }
    const bool marked = !rows_inferred(grid, texts);
    std::size_t next = 0;
    for (const auto& row : grid.rows) {
        for (std::size_t c = 0; c < row.size(); ++c) {
            const std::string& t = texts[next++];
            out += t;
            out += t.empty() ? "|" : " |";
            out += ctx.eol;
        }
        if (marked) {
            out += "||";
            out += ctx.eol;
        }
    }
}

} // namespace nianbao::render
