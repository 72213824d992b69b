// Rebuilding a table's merged cells for HTML: spans from the layout, columns from the template.
#include <algorithm>
#include <map>
#include <optional>

#include "ast/table/dialect_support.hpp"
#include "render/detail/html_layout.hpp"
#include "render/html.hpp"

namespace nianbao::render {

namespace {

using detail::cell_span;
using detail::drawn_cells;
using detail::join_gap;
using detail::nest_under;
using detail::node_id;
using detail::none;
using detail::row_info;
using detail::vertical_merger;

row_info read_row(const ast::document& doc, node_id row, bool padded) {
    row_info info;
    info.node = row;
    for (node_id c : ast::row_cells(doc, row)) {
        const std::string text = ast::cell_text(doc, c);
        info.cells.push_back(c);
        info.empty.push_back(text.empty());
        info.figure.push_back(ast::table::looks_numeric(text));
    }
    // Only pipe pads a row with the cells its merged cell covers; tab and lines rows end in
    // real cells ("其中:主动公开规范性文件数 | 条 | |" has an empty figure).
    while (padded && !info.cells.empty() && info.empty.back()) {
        info.cells.pop_back();
        info.empty.pop_back();
        info.figure.pop_back();
    }
    const auto f = std::find(info.figure.begin(), info.figure.end(), true);
    info.first_figure =
        f == info.figure.end() ? none : static_cast<std::size_t>(f - info.figure.begin());
    return info;
}

// Places the cells of a row on `columns` columns. Pinned cells sit at their column; the cells
// between two pins share the columns between them evenly; a pinned cell followed by a gap widens
// to fill it. A corner cell (pinned at 0 with `corner_end`) covers the label columns. Nothing if
// the pins leave no room or cross.
std::optional<std::vector<cell_span>> distribute(std::size_t n,
                                                 const std::vector<std::size_t>& pins,
                                                 std::size_t corner_end, std::size_t columns) {
    std::vector<cell_span> spans(n);
    std::size_t free = 0; // the first column not taken yet
    std::size_t i = 0;    // the first cell not placed yet
    while (i < n) {
        std::size_t j = i;
        while (j < n && pins[j] == none) {
            ++j;
        }
        const std::size_t seg_end = j < n ? pins[j] : columns;
        if (seg_end < free || seg_end > columns) {
            return std::nullopt;
        }
        const std::size_t k = j - i;
        const std::size_t room = seg_end - free;
        if (k > room) {
            return std::nullopt;
        }
        for (std::size_t m = 0; m < k; ++m) {
            spans[i + m] = {free + m * (room / k), free + (m + 1) * (room / k)};
        }
        if (k > 0) {
            spans[j - 1].end = seg_end;
        } else if (room > 0 && i > 0) {
            spans[i - 1].end = seg_end;
        }
        if (j == n) {
            break;
        }
        // A gap before the first cell widens it leftwards.
        spans[j].begin = j == 0 ? 0 : pins[j];
        spans[j].end = j == 0 && corner_end > 0 ? corner_end : pins[j] + 1;
        free = spans[j].end;
        i = j + 1;
    }
    if (n > 0 && spans[n - 1].end < columns) {
        spans[n - 1].end = columns;
    }
    for (std::size_t m = 0; m < n; ++m) {
        if (spans[m].begin >= spans[m].end || (m > 0 && spans[m].begin < spans[m - 1].end)) {
            return std::nullopt;
        }
    }
    return spans;
}

// The number of label columns of each row's block (rows between caption rows): the grid's
// width less the longest run of figures that ends a row, and at most the width less the
// columns of the template table bound to the block (whose unit column holds no figure).
std::vector<std::size_t> label_columns(const std::vector<row_info>& rows, std::size_t columns,
                                       const std::map<node_id, std::size_t>& template_width) {
    std::vector<std::size_t> out(rows.size(), 0);
    std::size_t begin = 0;
    for (std::size_t r = 0; r <= rows.size(); ++r) {
        if (r < rows.size() && !(rows[r].caption() && r > begin)) {
            continue;
        }
        std::size_t figures = 0;
        std::size_t bound = 0;
        for (std::size_t k = begin; k < r; ++k) {
            if (rows[k].first_figure != none) {
                figures = std::max(figures, rows[k].cells.size() - rows[k].first_figure);
            }
            if (const auto it = template_width.find(rows[k].node); it != template_width.end()) {
                bound = std::max(bound, std::min(it->second, columns));
            }
        }
        const std::size_t labels = figures > 0 ? columns - std::min(figures, columns) : 0;
        for (std::size_t k = begin; k < r; ++k) {
            out[k] = bound > 0 ? std::min(labels, columns - bound) : labels;
        }
        begin = r;
    }
    return out;
}

// The number of columns of the template table each bound row belongs to.
std::map<node_id, std::size_t> template_widths(const model::report_model* model, node_id table) {
    std::map<node_id, std::size_t> out;
    if (model == nullptr) {
        return out;
    }
    for (const auto& t : model->tables) {
        if (t.table != table) {
            continue;
        }
        for (const auto& r : t.rows) {
            if (r.row != 0) {
                out[r.row] = t.def->columns.size();
            }
        }
    }
    return out;
}

// Where the template puts the header labels and figures of the table's bound blocks: its
// columns follow the label columns of the row's block.
std::map<node_id, std::size_t> template_columns(const ast::document& doc,
                                                const model::report_model* model, node_id table,
                                                const std::map<node_id, std::size_t>& labels,
                                                std::size_t columns) {
    std::map<node_id, std::size_t> at;
    if (model == nullptr) {
        return at;
    }
    const auto put = [&](node_id cell, std::size_t c) {
        const auto l = labels.find(doc[cell].parent);
        if (l != labels.end() && l->second + c < columns) {
            at[cell] = l->second + c;
        }
    };
    for (const auto& t : model->tables) {
        if (t.table != table) {
            continue;
        }
        for (const auto& r : t.rows) {
            for (std::size_t c = 0; c < r.cells.size(); ++c) {
                if (r.cells[c].node != 0) {
                    put(r.cells[c].node, c);
                }
            }
        }
        for (std::size_t c = 0; c < t.columns.size(); ++c) {
            if (t.columns[c].cell != 0) {
                put(t.columns[c].cell, c);
            }
        }
    }
    return at;
}

std::vector<cell_span> place_row(const row_info& row, const std::map<node_id, std::size_t>& at,
                                 std::size_t labels, std::size_t columns) {
    const std::size_t n = row.cells.size();
    if (row.caption()) {
        return {{0, columns}};
    }
    std::vector<std::size_t> pins(n, none);
    bool pinned = false;
    for (std::size_t i = 0; i < n; ++i) {
        if (const auto it = at.find(row.cells[i]); it != at.end()) {
            pins[i] = it->second;
            pinned = true;
        }
    }
    if (!pinned && row.first_figure != none) {
        // Figures are a row's trailing cells in every layout.
        for (std::size_t i = row.first_figure; i < n; ++i) {
            pins[i] = columns - (n - i);
        }
    }
    std::size_t corner = 0;
    if (n > 1 && row.first_figure == none && labels > 0 && pins[0] == none) {
        pins[0] = 0;
        corner = labels;
    }
    if (auto spans = distribute(n, pins, corner, columns)) {
        return *spans;
    }
    // Right-aligned, the first cell widened: what binding assumes of every layout.
    std::vector<cell_span> spans;
    for (std::size_t i = 0; i < n; ++i) {
        spans.push_back({i == 0 ? 0 : columns - n + i, columns - n + i + 1});
    }
    return spans;
}

} // namespace

html_table lay_out_table(const ast::document& doc, node_id table,
                         const model::report_model* model) {
    std::vector<row_info> rows;
    html_table out;
    for (node_id r : ast::table_rows(doc, table)) {
        rows.push_back(read_row(doc, r, ast::dialect_name(doc, table) == "pipe"));
        out.columns = std::max(out.columns, rows.back().cells.size());
    }
    out.columns = std::max<std::size_t>(out.columns, 1);
    const auto labels = label_columns(rows, out.columns, template_widths(model, table));
    std::map<node_id, std::size_t> labels_of_row;
    for (std::size_t r = 0; r < rows.size(); ++r) {
        labels_of_row[rows[r].node] = labels[r];
    }
    const auto at = template_columns(doc, model, table, labels_of_row, out.columns);
    // The drawn cell (row, index) over each column so far: what a cell missing below joins.
    drawn_cells above(out.columns);
    bool in_header = true;
    for (std::size_t r = 0; r < rows.size(); ++r) {
        const row_info& info = rows[r];
        in_header = info.caption() || (in_header && info.first_figure == none);
        auto spans = place_row(info, at, labels[r], out.columns);
        if (above[0]
            && nest_under(doc, info, out.rows[above[0]->first].cells[above[0]->second], labels[r],
                          spans)) {
            ++out.rows[above[0]->first].cells[above[0]->second].rowspan;
        }
        if (!info.cells.empty() && !info.caption()) {
            const auto first = at.find(info.cells.front());
            if (first != at.end() && spans.front().begin < first->second
                && join_gap(out, above, spans.front().begin, first->second)) {
                spans.front().begin = first->second;
            }
            const auto last = at.find(info.cells.back());
            if (last != at.end() && spans.back().end > last->second + 1
                && join_gap(out, above, last->second + 1, spans.back().end)) {
                spans.back().end = last->second + 1;
            }
        }
        html_row row;
        row.node = info.node;
        for (std::size_t i = 0; i < info.cells.size(); ++i) {
            html_cell c;
            c.node = info.cells[i];
            c.shown = c.node;
            c.column = spans[i].begin;
            c.colspan = spans[i].end - spans[i].begin;
            c.header = in_header;
            c.figure = info.figure[i];
            row.cells.push_back(c);
            for (std::size_t k = c.column; k < c.column + c.colspan; ++k) {
                above[k] = std::make_pair(r, i);
            }
        }
        out.rows.push_back(std::move(row));
    }
    // Cells in the label columns join runs; so do the cells of a header row whose label columns
    // are empty (自然人 over its figures), but not an empty figure under a label ("统计数").
    vertical_merger merger(out);
    for (std::size_t r = 0; r < rows.size(); ++r) {
        const auto& cells = out.rows[r].cells;
        bool bare_labels = true;
        for (std::size_t i = 0; i < cells.size(); ++i) {
            bare_labels = bare_labels && (cells[i].column >= labels[r] || rows[r].empty[i]);
        }
        for (std::size_t i = 0; i < cells.size(); ++i) {
            const bool in_labels = cells[i].column + cells[i].colspan <= labels[r];
            const bool label = !rows[r].caption() && !rows[r].figure[i]
                               && (in_labels || (cells[i].header && bare_labels));
            merger.add(r, i, label, rows[r].empty[i]);
        }
    }
    merger.finish();
    return out;
}

} // namespace nianbao::render
