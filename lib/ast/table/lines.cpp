// The lines dialect's normalisation: inferring the row width of a table whose rows are unmarked.
#include <algorithm>

#include "ast/table/dialect_support.hpp"

namespace nianbao::ast::table {

namespace {

// What the shape score asks of a cell, worked out once per cell (the score is computed for
// fifteen widths).
struct cell_shape {
    bool label; ///< neither empty nor numeric: a first cell of "label, …, value"
    bool value; ///< numeric or empty: a last cell
};

// How much the rows of width `w` look like "label, …, value": a label first and a value last,
// averaged over the rows after the header row (0.0 … 2.0).
double row_shape_score(const std::vector<cell_shape>& cells, std::size_t w) {
    const std::size_t rows = cells.size() / w;
    double score = 0;
    for (std::size_t r = 1; r < rows; ++r) {
        score += cells[r * w].label ? 1.0 : 0.0;
        score += cells[r * w + w - 1].value ? 1.0 : 0.0;
    }
    return rows > 1 ? score / static_cast<double>(rows - 1) : 0.0;
}

} // namespace

// Seed 004: "统 计 指 标 | 单位 | 统计数" then label, unit, value per row → width 3. Among equal
// scores the narrowest wins (a multiple of the true width scores the same).
std::size_t lines_row_width(const std::vector<std::string_view>& cells) {
    std::vector<cell_shape> shapes;
    shapes.reserve(cells.size());
    for (const auto& c : cells) {
        const bool empty = looks_empty(c);
        const bool numeric = looks_numeric(c);
        shapes.push_back({!empty && !numeric, numeric || empty});
    }
    std::size_t best = 0;
    double best_score = -1;
    const std::size_t max_width = std::min<std::size_t>(16, cells.size() / 2);
    for (std::size_t w = 2; w <= max_width; ++w) {
        // A width that leaves a partial last row is possible (a cell lost in copying) but less
        // likely than one that divides the cell count.
        const double s = row_shape_score(shapes, w) - (cells.size() % w != 0 ? 0.25 : 0.0);
        if (s > best_score + 1e-9) {
            best = w;
            best_score = s;
        }
    }
    return best == 0 ? 1 : best;
}

std::size_t lines_row_width(const std::vector<std::string>& cells) {
    return lines_row_width(std::vector<std::string_view>(cells.begin(), cells.end()));
}

} // namespace nianbao::ast::table
