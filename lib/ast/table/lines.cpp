// The lines dialect's normalisation: inferring the row width of a table whose rows are unmarked.
#include <algorithm>

#include "ast/table/dialect_support.hpp"

namespace nianbao::ast::table {

namespace {

// How much the rows of width `w` look like "label, …, value": a non-numeric first cell and a
// numeric or empty last cell, averaged over the rows after the header row (0.0 … 2.0).
double row_shape_score(const std::vector<std::string>& cells, std::size_t w) {
    const std::size_t rows = cells.size() / w;
    double score = 0;
    for (std::size_t r = 1; r < rows; ++r) {
        const std::string& first = cells[r * w];
        const std::string& last = cells[r * w + w - 1];
        score += (!looks_empty(first) && !looks_numeric(first)) ? 1.0 : 0.0;
        score += (looks_numeric(last) || looks_empty(last)) ? 1.0 : 0.0;
    }
    return rows > 1 ? score / static_cast<double>(rows - 1) : 0.0;
}

} // namespace

// Seed 004: "统 计 指 标 | 单位 | 统计数" then label, unit, value per row → width 3. Among equal
// scores the narrowest wins (a multiple of the true width scores the same).
std::size_t lines_row_width(const std::vector<std::string>& cells) {
    std::size_t best = 0;
    double best_score = -1;
    const std::size_t max_width = std::min<std::size_t>(16, cells.size() / 2);
    for (std::size_t w = 2; w <= max_width; ++w) {
        // A width that leaves a partial last row is possible (a cell lost in copying) but less
        // likely than one that divides the cell count.
        const double s = row_shape_score(cells, w) - (cells.size() % w != 0 ? 0.25 : 0.0);
        if (s > best_score + 1e-9) {
            best = w;
            best_score = s;
        }
    }
    return best == 0 ? 1 : best;
}

} // namespace nianbao::ast::table
