// Reading the report's tables for binding: one pass over the cells, each normalised, keyed and
// read as a figure once.
#include "model/grids.hpp"

#include <algorithm>

#include "ast/table/dialect_support.hpp"
#include "ast/text.hpp"
#include "model/labels.hpp"

namespace nianbao::model::detail {

namespace {

bool plain_digits(std::string_view s) {
    return !s.empty()
           && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// Scratch strings reused over the cells of a report.
struct cell_scratch {
    std::string lines; // a cell's joined lines
    std::string key;
    figure fig;
};

void read_cell_text(std::string_view raw, grid_cell& cell, text_arena& arena, cell_scratch& s) {
    std::string_view text = ast::normalise_cell(raw, s.lines);
    if (!text.empty() && text.data() == s.lines.data()) {
        text = arena.copy(text);
    }
    cell.text = text;
    if (plain_digits(text)) {
        // "0", "14": most cells of the statistics tables are their own keys and figures.
        cell.empty = false;
        cell.digits = true;
        cell.numeric = true;
        cell.key = text;
        cell.bare = text;
        if (text.size() <= 18) { // exact in 64 bits, rounded once, as read_figure does
            std::uint64_t v = 0;
            for (const char c : text) {
                v = v * 10 + static_cast<std::uint64_t>(c - '0');
            }
            cell.figure = true;
            cell.integral = true;
            cell.value = static_cast<double>(v);
            cell.number = text;
            return;
        }
    } else {
        // Normalised text has no blanks at its ends, and every empty spelling is short.
        cell.empty = text.size() <= 6 && ast::table::looks_empty(text);
        if (cell.empty) {
            return;
        }
    }
    if (read_figure(text, s.fig)) {
        cell.numeric = true;
        cell.figure = true;
        cell.value = s.fig.value;
        cell.number = s.fig.number == text ? text : arena.copy(s.fig.number);
        cell.integral = cell.number.find('.') == std::string_view::npos;
        cell.unit = arena.copy(s.fig.unit);
    }
    if (!cell.digits) {
        s.key.clear();
        const std::size_t bare = append_label_key(text, s.key);
        cell.key = arena.copy(s.key);
        cell.bare = cell.key.substr(bare);
    }
}

} // namespace

report_grids read_grids(const ast::document& doc) {
    report_grids out;
    // Counted first, the arrays never move: rows and tables point into them as they are read.
    std::vector<ast::node_id> tables;
    std::size_t rows = 0;
    std::size_t cells = 0;
    // Tables are blocks of the document or of its sections (ast::parse puts every block there).
    for (ast::node_id i = 1; i < doc.nodes().size();) {
        const auto& n = doc[i];
        if (n.kind == ast::node_kind::section) {
            ++i;
            continue;
        }
        if (n.kind == ast::node_kind::table) {
            tables.push_back(i);
            for (ast::node_id j = i + 1; j < n.subtree_end; ++j) {
                rows += doc[j].kind == ast::node_kind::row ? 1U : 0U;
                cells += doc[j].kind == ast::node_kind::cell ? 1U : 0U;
            }
        }
        i = n.subtree_end;
    }
    out.cells.reserve(cells);
    out.rows.reserve(rows);
    out.tables.reserve(tables.size());
    cell_scratch scratch;
    for (const ast::node_id t : tables) {
        const std::size_t first_row = out.rows.size();
        for (ast::node_id r : doc.children(t)) {
            if (doc[r].kind != ast::node_kind::row) {
                continue;
            }
            grid_row& row = out.rows.emplace_back();
            row.node = r;
            const std::size_t first = out.cells.size();
            for (ast::node_id c : doc.children(r)) {
                if (doc[c].kind != ast::node_kind::cell) {
                    continue;
                }
                grid_cell& cell = out.cells.emplace_back();
                cell.id = static_cast<std::uint32_t>(out.cells.size() - 1);
                cell.node = c;
                read_cell_text(doc.raw(c), cell, out.text, scratch);
                row.non_empty += cell.empty ? 0 : 1;
                row.figures += cell.numeric ? 1 : 0;
            }
            row.cells = {out.cells.data() + first, out.cells.size() - first};
        }
        out.tables.push_back(
            {t, first_row, {out.rows.data() + first_row, out.rows.size() - first_row}});
    }
    return out;
}

} // namespace nianbao::model::detail
