// The binder's second half: the rows, cells and column headers of a block assigned to a template
// table.
#include <algorithm>

#include "ast/text.hpp"
#include "model/binder.hpp"
#include "model/labels.hpp"

namespace nianbao::model::detail {

namespace {

// A row of figures and empty cells only, with at least a cell per column (seed 001's table 4
// row: "1", three U+00A0 cells, "1", …).
bool is_value_row(const grid_row& row, const table_def& def) {
    return row.cells.size() >= def.columns.size()
           && std::all_of(row.cells.begin(), row.cells.end(),
                          [](const grid_cell& c) { return c.empty || c.numeric; });
}

// Reads a cell as a value of the column's type into a new bound cell at the end of `cells`; the
// unit may come from the cell itself. `fig` is scratch.
void add_cell(std::vector<bound_cell>& cells, const grid_cell& c, const column_def& col,
              figure& fig) {
    bool invalid = false;
    std::optional<double> value;
    std::string_view number;
    std::string_view unit = col.unit;
    if (!c.empty && col.type != value_type::text && col.type != value_type::unit) {
        cell_value v;
        const bool is_figure = cell_figure(c, fig, v);
        const bool integral = is_figure && v.number.find('.') == std::string_view::npos;
        const bool fits =
            is_figure
            && (col.type == value_type::amount || col.unit.empty() || v.unit.empty()
                || v.unit == col.unit)
            && (integral || col.type == value_type::decimal || col.type == value_type::amount);
        if (!fits) {
            invalid = true;
        } else {
            value = v.value;
            number = v.number;
            if (!v.unit.empty()) {
                unit = v.unit;
            }
        }
    }
    // Appending to the new cell's empty strings fills them in place.
    bound_cell& out = cells.emplace_back();
    out.node = c.node;
    out.text.append(c.text());
    out.empty = c.empty;
    out.invalid = invalid;
    out.value = value;
    if (!number.empty()) {
        out.number.append(number);
    }
    if (!unit.empty()) {
        out.unit.append(unit);
    }
}

} // namespace

bound_table binder::bind_table(const table_labels& labels, const block& b) {
    const table_def& def = labels.def();
    const grid& g = grids_.tables[b.grid];
    bound_table out;
    out.def = &def;
    out.table = g.table;
    out.first_row = g.rows[b.begin].node;
    // The loader's index outlives the model; one built here for a template made in code
    // does not, and row() and column_index() then search.
    if (tpl_.labels != nullptr) {
        out.row_keys = &labels.maps().row_keys;
        out.column_keys = &labels.maps().column_keys;
    }
    out.rows.reserve(def.rows.size());
    for (const auto& r : def.rows) {
        out.rows.push_back({&r, label_match::missing, 0, 0, {}, {}});
    }
    std::size_t first_data = b.end;
    for (std::size_t r = b.begin; r < b.end; ++r) {
        const grid_row& row = g.rows[r];
        if (r == b.begin && is_caption(g, r)) {
            const auto& cell = only_cell(row);
            out.caption_cell = cell.node;
            if (!matches(def.caption, cell.key(), out.caption_how)) {
                out.caption_how = label_match::missing;
            }
            continue;
        }
        if (bind_row(labels, row, out)) {
            first_data = std::min(first_data, r);
        }
    }
    bind_header(labels, g, b.begin, first_data, out);
    return out;
}

bool binder::bind_row(const table_labels& labels, const grid_row& row, bound_table& out) {
    const table_def& def = labels.def();
    const std::size_t start = value_start(row, labels);
    const std::size_t figures = row.figures;
    bound_row* target = nullptr;
    label_match how{};
    ast::node_id label_cell = 0;
    // The innermost label first (the row label after its group label). A header cell such
    // as 总计 or 其他 must not bind a data row "（七）总计" or "3.其他": marker-less matching
    // is only for rows that hold figures.
    for (const bool bare : {false, true}) {
        for (std::size_t i = start; i-- > 0 && target == nullptr && (!bare || figures > 0);) {
            const auto& cell = row.cells[i];
            if (cell.empty) {
                continue;
            }
            const auto* candidates = labels.rows(bare ? cell.bare() : cell.key(), bare);
            if (candidates == nullptr) {
                continue;
            }
            for (const auto& [index, match] : *candidates) {
                if (out.rows[index].how == label_match::missing) {
                    target = &out.rows[index];
                    how = match;
                    label_cell = cell.node;
                    break;
                }
            }
        }
    }
    // Table 4's value row is bound by position only when it has a cell per column:
    // two stray figures are not a damaged table 4.
    if (target == nullptr && start == 0 && figures > 0 && is_value_row(row, def)) {
        for (auto& br : out.rows) {
            if (br.how == label_match::missing && br.def->unlabeled) {
                target = &br;
                how = label_match::position;
                break;
            }
        }
    }
    if (target == nullptr) {
        if (figures == 0) {
            return false;
        }
        extra_row x;
        x.row = row.node;
        x.label = start > 0 ? std::string(row.cells[start - 1].text()) : std::string();
        for (std::size_t i = start; i < row.cells.size(); ++i) {
            x.value_cells.push_back(row.cells[i].node);
        }
        out.extras.push_back(std::move(x));
        return true;
    }
    target->how = how;
    target->row = row.node;
    target->label_cell = label_cell;
    bind_cells(def, row, start, *target);
    return true;
}

void binder::bind_cells(const table_def& def, const grid_row& row, std::size_t start,
                        bound_row& target) {
    std::string_view row_unit;
    figure fig;
    target.cells.reserve(def.columns.size());
    for (std::size_t c = 0; c < def.columns.size(); ++c) {
        const std::size_t i = start + c;
        if (i < row.cells.size()) {
            add_cell(target.cells, row.cells[i], def.columns[c], fig);
            if (def.columns[c].type == value_type::unit && !row.cells[i].empty) {
                row_unit = row.cells[i].text();
            }
        } else {
            target.cells.emplace_back().unit = def.columns[c].unit;
        }
    }
    if (!row_unit.empty()) {
        for (auto& cell : target.cells) {
            if (cell.unit.empty()) {
                cell.unit = row_unit;
            }
        }
    }
    for (std::size_t i = start + def.columns.size(); i < row.cells.size(); ++i) {
        if (!row.cells[i].empty) {
            target.spare_cells.push_back(row.cells[i].node);
        }
    }
}

void binder::bind_header(const table_labels& labels, const grid& g, std::size_t begin,
                         std::size_t end, bound_table& out) {
    const table_def& def = labels.def();
    std::vector<const grid_cell*> cells;
    for (std::size_t r = begin; r < end; ++r) {
        for (const auto& c : g.rows[r].cells) {
            if (!c.empty && labels.is_heading(c)) {
                cells.push_back(&c);
            }
        }
    }
    std::vector<char> used(cells.size(), 0);
    out.columns.reserve(def.columns.size());
    for (const auto& col : def.columns) {
        bound_column bc{&col, label_match::missing, 0};
        for (std::size_t i = 0; i < cells.size(); ++i) {
            if (used[i] == 0 && matches(col.labels, cells[i]->key(), bc.how)) {
                used[i] = 1;
                bc.cell = cells[i]->node;
                break;
            }
        }
        if (bc.cell == 0) {
            bc.how = label_match::missing;
        }
        out.columns.push_back(bc);
    }
}

} // namespace nianbao::model::detail
