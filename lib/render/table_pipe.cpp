// The pipe dialect's reader and writer: one row a line, cells aligned by display width.
#include <algorithm>

#include "render/detail/cell_markup.hpp"
#include "render/table_dialect.hpp"
#include "source/line_index.hpp"

namespace nianbao::render {

namespace {

// How each cell of a row is written. A row that ends in empty cells after its last filled one
// (merged-cell padding: "第二十条第(一)项 | |||") keeps them as bare bars, and the filled cell
// before them spans them, so it is not padded; neither is the last cell of a row narrower than
// the table. Every other cell is padded to its column's width.
struct row_plan {
    std::vector<std::string> texts;
    std::size_t padded = 0; ///< cells [0, padded) are padded to their column width
    std::size_t bare = 0;   ///< cells [bare, size) are written as a bare bar
};

row_plan plan_row(const grid_row& row, std::size_t table_width) {
    row_plan p;
    for (const auto& c : row) {
        p.texts.push_back(detail::inline_cell(c));
    }
    const std::size_t n = row.size();
    std::size_t last = n;
    for (std::size_t i = n; i-- > 0;) {
        if (!row[i].empty()) {
            last = i;
            break;
        }
    }
    if (last == n || last == n - 1) {
        // No trailing empty run (or no filled cell at all).
        p.bare = n;
        p.padded = n == table_width ? n : n - 1;
    } else {
        p.bare = last + 1;
        p.padded = last;
    }
    return p;
}

} // namespace

grid_cell read_pipe_cell(std::string_view raw) {
    return detail::read_inline_cell(raw);
}

// 信息内容 | 本年新制作数量 | 本年新公开数量 | 对外公开总数量 |
// 规章     | 0              | 0              | 0              |
// 第二十条第（五）项 ||||
void write_pipe_table(const table_grid& grid, const write_context& ctx, std::string& out) {
    const std::size_t table_width = grid.width();
    std::vector<row_plan> plans;
    std::vector<std::size_t> widths(table_width, 0);
    for (const auto& row : grid.rows) {
        plans.push_back(plan_row(row, table_width));
        const row_plan& p = plans.back();
        for (std::size_t i = 0; i < p.padded; ++i) {
            widths[i] = std::max(widths[i], source::display_width(p.texts[i]));
        }
    }
    for (const auto& p : plans) {
        for (std::size_t i = 0; i < p.texts.size(); ++i) {
            if (i >= p.bare) {
                out += '|';
                continue;
            }
            if (i > 0) {
                out += ' ';
            }
            out += p.texts[i];
            if (i < p.padded) {
                out.append(widths[i] - source::display_width(p.texts[i]), ' ');
            }
            out += " |";
        }
        out += ctx.eol;
    }
}

} // namespace nianbao::render
