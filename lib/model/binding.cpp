// Binding: split the report's tables into blocks, assign each block a template table, bind rows
// by label and figures by position (the figures of a row are its trailing cells, its labels the
// leading ones — the shape every layout shares).
#include "model/binding.hpp"

#include <algorithm>
#include <bit>
#include <cstring>
#include <limits>
#include <memory>
#include <span>

#include "ast/table/dialect_support.hpp"
#include "ast/text.hpp"
#include "model/label_index.hpp"
#include "model/labels.hpp"

namespace nianbao::model {

namespace {

// Text a bind makes that is not in the document (joined cell lines, keys, figures), copied into
// blocks that live as long as the bind: no string per cell.
class text_arena {
public:
    std::string_view copy(std::string_view s) {
        if (s.empty()) {
            return {};
        }
        if (s.size() > left_) {
            const std::size_t n = std::max(s.size(), block_size);
            blocks_.emplace_back(new char[n]);
            next_ = blocks_.back().get();
            left_ = n;
        }
        char* const p = next_;
        std::memcpy(p, s.data(), s.size());
        next_ += s.size();
        left_ -= s.size();
        return {p, s.size()};
    }

private:
    static constexpr std::size_t block_size = 16384; // the keys of a typical report
    std::vector<std::unique_ptr<char[]>> blocks_;
    char* next_ = nullptr;
    std::size_t left_ = 0;
};

// A cell as the binder sees it. The views point into the document or the grids' arena.
struct grid_cell {
    std::uint32_t id = 0; // 0, 1, 2… over all cells of the report, in document order
    ast::node_id node = 0;
    std::string_view text; // normalised text
    std::string_view key;  // label_key(text); empty for an empty cell
    std::string_view bare; // bare_key(text): the tail of `key`
    bool empty = true;
    bool digits = false;   // plain digits ("0", "14"): its own key
    bool numeric = false;  // plain digits or a figure
    bool figure = false;   // read_figure reads the text: `value`, `number` and `unit` are set
    bool integral = false; // a figure without a decimal point
    double value = 0;
    std::string_view number;
    std::string_view unit;
};

// A row of a physical table.
struct grid_row {
    ast::node_id node = 0;
    std::span<const grid_cell> cells;
    std::size_t non_empty = 0;
    std::size_t figures = 0; // numeric cells
};

// A physical table of the report.
struct grid {
    ast::node_id table = 0;
    std::size_t first_row = 0; // index of its first row in report_grids::rows
    std::span<const grid_row> rows;
};

// Every table of a report, its rows and cells each in one array.
struct report_grids {
    std::vector<grid_cell> cells;
    std::vector<grid_row> rows;
    std::vector<grid> tables;
    text_arena text;
};

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

// Every table of `doc`, in document order.
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

// A run of rows of one physical table that may hold one template table.
struct block {
    std::size_t grid = 0;
    std::size_t begin = 0; // row indexes [begin, end) within the grid
    std::size_t end = 0;
};

bool matches(const label_set& l, std::string_view key, label_match& how) {
    if (key.empty()) {
        return false;
    }
    if (detail::same_key(l.key, key)) {
        how = label_match::canonical;
        return true;
    }
    for (const auto& v : l.variant_keys) {
        if (detail::same_key(v, key)) {
            how = label_match::variant;
            return true;
        }
    }
    return false;
}

// The labels of one template table (hashed when the template was loaded), with its definition.
class table_labels {
public:
    table_labels(const table_def& def, const detail::table_label_maps& maps, std::size_t index,
                 const std::vector<detail::key_tables>& cell_tables)
        : def_(&def), maps_(&maps), bit_(index < 64 ? std::uint64_t{1} << index : 0),
          cells_(&cell_tables) {}

    const table_def& def() const { return *def_; }
    const detail::table_label_maps& maps() const { return *maps_; }
    bool has_unlabeled_row() const { return maps_->unlabeled; }
    bool is_row_label(const grid_cell& c) const {
        return bit_ != 0 ? ((*cells_)[c.id].row & bit_) != 0 : maps_->rows.count(c.key) != 0;
    }
    bool is_row_or_group(const grid_cell& c) const {
        if (c.key.empty()) {
            return false;
        }
        if (bit_ != 0) {
            return (((*cells_)[c.id].row | (*cells_)[c.id].group) & bit_) != 0;
        }
        return maps_->rows.count(c.key) != 0 || maps_->groups.count(c.key) != 0;
    }
    bool is_heading(const grid_cell& c) const {
        return bit_ != 0 ? ((*cells_)[c.id].heading & bit_) != 0
                         : maps_->headings.count(c.key) != 0;
    }

    /// Template rows whose label (exact key) or marker-less key is `key`, in template order.
    const std::vector<std::pair<std::size_t, label_match>>* rows(std::string_view key,
                                                                 bool bare) const {
        const auto& map = bare ? maps_->bare_rows : maps_->rows;
        const auto it = map.find(key);
        return it == map.end() ? nullptr : &it->second;
    }

private:
    const table_def* def_;
    const detail::table_label_maps* maps_;
    std::uint64_t bit_; // this table's bit in the cells' key_tables; 0 past the 64th table
    const std::vector<detail::key_tables>* cells_;
};

// The one non-empty cell of a row that has one.
const grid_cell& only_cell(const grid_row& row) {
    return *std::find_if(row.cells.begin(), row.cells.end(),
                         [](const grid_cell& c) { return !c.empty; });
}

// A caption row holds one non-empty cell and no figure, and reads like "第二十条第（N）项" or
// like one of the template's captions.
bool is_caption_row(const grid_row& row, const template_def& tpl) {
    if (row.non_empty != 1 || row.figures != 0) {
        return false;
    }
    const auto& cell = only_cell(row);
    if (cell.key.find("条第") != std::string_view::npos && cell.key.ends_with("项")) {
        return true;
    }
    label_match how{};
    return std::any_of(tpl.tables.begin(), tpl.tables.end(), [&](const table_def& t) {
        return !t.caption.canonical.empty() && matches(t.caption, cell.key, how);
    });
}

// Row index where a row's values start: after the rightmost cell that is a known label of the
// table, else after the last label-like cell before the first figure.
std::size_t value_start(const grid_row& row, const table_labels& labels) {
    for (std::size_t i = row.cells.size(); i-- > 0;) {
        if (labels.is_row_or_group(row.cells[i])) {
            return i + 1;
        }
    }
    std::size_t start = 0;
    for (std::size_t i = 0; i < row.cells.size(); ++i) {
        if (row.cells[i].numeric) {
            break;
        }
        if (!row.cells[i].empty) {
            start = i + 1;
        }
    }
    return start;
}

// A row of figures and empty cells only, with at least a cell per column (seed 001's table 4
// row: "1", three U+00A0 cells, "1", …).
bool is_value_row(const grid_row& row, const table_def& def) {
    return row.cells.size() >= def.columns.size()
           && std::all_of(row.cells.begin(), row.cells.end(),
                          [](const grid_cell& c) { return c.empty || c.numeric; });
}

// Reads a cell as a value of the column's type into a new bound cell at the end of `cells`; the
// unit may come from the cell itself.
void add_cell(std::vector<bound_cell>& cells, const grid_cell& c, const column_def& col) {
    bool invalid = false;
    std::optional<double> value;
    std::string_view number;
    std::string_view unit = col.unit;
    if (!c.empty && col.type != value_type::text && col.type != value_type::unit) {
        const bool integral = c.figure && c.integral;
        const bool fits =
            c.figure
            && (col.type == value_type::amount || col.unit.empty() || c.unit.empty()
                || c.unit == col.unit)
            && (integral || col.type == value_type::decimal || col.type == value_type::amount);
        if (!fits) {
            invalid = true;
        } else {
            value = c.value;
            number = c.number;
            if (!c.unit.empty()) {
                unit = c.unit;
            }
        }
    }
    // Appending to the new cell's empty strings fills them in place.
    bound_cell& out = cells.emplace_back();
    out.node = c.node;
    out.text.append(c.text);
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

class binder {
public:
    binder(const ast::document& doc, const template_def& tpl, report_model& model,
           const report_grids& grids)
        : doc_(doc), tpl_(tpl), model_(model), grids_(grids), index_(detail::label_index_of(tpl)) {
        // Each cell's key is looked up once: which tables have it as a row, group or heading.
        // Plain digits are no key of a template without digit keys.
        cell_tables_.resize(grids_.cells.size());
        const auto& keys = index_->keys;
        const auto empty_key = keys.find(std::string_view());
        for (const auto& c : grids_.cells) {
            if (c.key.empty()) {
                if (empty_key != keys.end()) {
                    cell_tables_[c.id] = empty_key->second;
                }
            } else if (!c.digits || index_->digit_keys) {
                if (const auto it = keys.find(c.key); it != keys.end()) {
                    cell_tables_[c.id] = it->second;
                }
            }
        }
        for (std::size_t t = 0; t < tpl.tables.size(); ++t) {
            labels_.emplace_back(tpl.tables[t], index_->tables[t], t, cell_tables_);
        }
        caption_.reserve(grids_.rows.size());
        for (const auto& r : grids_.rows) {
            caption_.push_back(is_caption_row(r, tpl_));
        }
    }

    void run() {
        bind_sections();
        assign(split_blocks());
        for (const auto& t : tpl_.tables) {
            if (model_.table(t.key) == nullptr) {
                model_.problems.push_back(
                    {"bind/table-missing", {t.key, t.title}, section_node(t.section)});
            }
        }
    }

private:
    bool is_caption(const grid& g, std::size_t r) const { return caption_[g.first_row + r] != 0; }

    ast::node_id section_node(const std::string& key) const {
        for (const auto& s : model_.sections) {
            if (s.def != nullptr && s.def->key == key) {
                return s.section;
            }
        }
        return 0;
    }

    void bind_sections() {
        std::vector<ast::node_id> found;
        for (ast::node_id c : doc_.children(0)) {
            if (doc_[c].kind == ast::node_kind::section
                && !ast::heading_marker(doc_, c + 1).starts_with("附件")) {
                found.push_back(c);
            }
        }
        std::vector<bool> used(found.size(), false);
        for (const auto& def : tpl_.sections) {
            bound_section b{&def, label_match::missing, 0};
            for (std::size_t i = 0; i < found.size(); ++i) {
                if (!used[i]
                    && matches(def.titles, label_key(ast::heading_title(doc_, found[i] + 1)),
                               b.how)) {
                    b.section = found[i];
                    used[i] = true;
                    break;
                }
            }
            if (b.section == 0) {
                b.how = label_match::missing;
            }
            model_.sections.push_back(b);
        }
    }

    std::vector<block> split_blocks() const {
        std::vector<block> out;
        for (std::size_t g = 0; g < grids_.tables.size(); ++g) {
            const grid& gr = grids_.tables[g];
            block b{g, 0, 0};
            for (std::size_t r = 0; r < gr.rows.size(); ++r) {
                if (r > b.begin && is_caption(gr, r)) {
                    b.end = r;
                    out.push_back(b);
                    b.begin = r;
                }
            }
            b.end = gr.rows.size();
            if (b.end > b.begin) {
                out.push_back(b);
            }
        }
        return out;
    }

    // How well block `b` fits each template table, in `scores` (parallel to tpl_.tables): 3 for
    // its caption, 2 a row label, 1 a heading, and table 4's value row as many as its columns.
    // One pass over the block's cells serves every table through the cells' table bits.
    void score_block(const block& b, std::vector<int>& scores) const {
        std::fill(scores.begin(), scores.end(), 0);
        const grid& g = grids_.tables[b.grid];
        const grid_row& first = g.rows[b.begin];
        if (is_caption(g, b.begin)) {
            const auto& cell = only_cell(first);
            label_match how{};
            for (std::size_t t = 0; t < labels_.size(); ++t) {
                const table_def& def = labels_[t].def();
                if (!def.caption.canonical.empty() && matches(def.caption, cell.key, how)) {
                    scores[t] += 3;
                }
            }
        }
        for (std::size_t r = b.begin; r < b.end; ++r) {
            const auto& row = g.rows[r];
            for (const auto& c : row.cells) {
                const auto& k = cell_tables_[c.id];
                for (std::uint64_t bits = k.row; bits != 0; bits &= bits - 1) {
                    scores[static_cast<std::size_t>(std::countr_zero(bits))] += 2;
                }
                for (std::uint64_t bits = k.heading & ~k.row; bits != 0; bits &= bits - 1) {
                    scores[static_cast<std::size_t>(std::countr_zero(bits))] += 1;
                }
            }
            for (std::size_t t = 64; t < labels_.size(); ++t) { // past the bits
                for (const auto& c : row.cells) {
                    scores[t] += labels_[t].is_row_label(c) ? 2 : labels_[t].is_heading(c) ? 1 : 0;
                }
            }
            // Table 4's value row: as many figures as columns and no label.
            for (std::size_t t = 0; t < labels_.size(); ++t) {
                const auto& labels = labels_[t];
                if (labels.has_unlabeled_row() && row.figures == labels.def().columns.size()
                    && value_start(row, labels) == 0) {
                    scores[t] += static_cast<int>(row.figures);
                }
            }
        }
    }

    // Greedy assignment: the best-scoring (block, template table) pairs first.
    void assign(const std::vector<block>& blocks) {
        struct candidate {
            int score;
            std::size_t block;
            std::size_t table;
        };
        std::vector<candidate> cands;
        std::vector<int> scores(tpl_.tables.size());
        for (std::size_t b = 0; b < blocks.size(); ++b) {
            score_block(blocks[b], scores);
            for (std::size_t t = 0; t < tpl_.tables.size(); ++t) {
                if (scores[t] >= 2) {
                    cands.push_back({scores[t], b, t});
                }
            }
        }
        std::stable_sort(cands.begin(), cands.end(),
                         [](const candidate& a, const candidate& b) { return a.score > b.score; });
        std::vector<bool> block_used(blocks.size(), false);
        std::vector<bool> table_used(tpl_.tables.size(), false);
        std::vector<std::pair<std::size_t, std::size_t>> chosen;
        for (const auto& c : cands) {
            if (!block_used[c.block] && !table_used[c.table]) {
                block_used[c.block] = table_used[c.table] = true;
                chosen.emplace_back(c.table, c.block);
            }
        }
        std::sort(chosen.begin(), chosen.end());
        model_.tables.reserve(chosen.size());
        for (const auto& [t, b] : chosen) {
            bound_table bt = bind_table(labels_[t], blocks[b]);
            // Header labels alone are no binding: a block that binds no row stays unknown.
            const bool any_row =
                std::any_of(bt.rows.begin(), bt.rows.end(),
                            [](const bound_row& r) { return r.how != label_match::missing; });
            if (any_row) {
                model_.tables.push_back(std::move(bt));
            } else {
                block_used[b] = false;
            }
        }
        for (std::size_t b = 0; b < blocks.size(); ++b) {
            if (!block_used[b]) {
                const auto& g = grids_.tables[blocks[b].grid];
                model_.problems.push_back({"bind/table-unknown",
                                           {std::to_string(blocks[b].end - blocks[b].begin)},
                                           g.rows[blocks[b].begin].node});
            }
        }
    }

    bound_table bind_table(const table_labels& labels, const block& b) {
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
                if (!matches(def.caption, cell.key, out.caption_how)) {
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

    // Binds one report row; false for a header row (no label match and no figures).
    bool bind_row(const table_labels& labels, const grid_row& row, bound_table& out) {
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
                const auto* candidates = labels.rows(bare ? cell.bare : cell.key, bare);
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
            x.label = start > 0 ? std::string(row.cells[start - 1].text) : std::string();
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

    // The row's cells from `start` on, one per template column, and the non-empty ones after.
    static void bind_cells(const table_def& def, const grid_row& row, std::size_t start,
                           bound_row& target) {
        std::string_view row_unit;
        target.cells.reserve(def.columns.size());
        for (std::size_t c = 0; c < def.columns.size(); ++c) {
            const std::size_t i = start + c;
            if (i < row.cells.size()) {
                add_cell(target.cells, row.cells[i], def.columns[c]);
                if (def.columns[c].type == value_type::unit && !row.cells[i].empty) {
                    row_unit = row.cells[i].text;
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

    // Looks for each column's label in the header rows (between the caption and the first data
    // row). Table 4's repeated labels are found by order: each match consumes its cell. Only
    // cells whose key is a heading of the table can match.
    static void bind_header(const table_labels& labels, const grid& g, std::size_t begin,
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
                if (used[i] == 0 && matches(col.labels, cells[i]->key, bc.how)) {
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

    const ast::document& doc_;
    const template_def& tpl_;
    report_model& model_;
    const report_grids& grids_;
    std::shared_ptr<const detail::label_index> index_;
    std::vector<detail::key_tables> cell_tables_; // by grid_cell::id
    std::vector<table_labels> labels_;            // parallel to tpl_.tables
    std::vector<char> caption_;                   // by row of grids_.rows: a caption row
};

} // namespace

std::string_view name(label_match m) noexcept {
    constexpr std::string_view names[] = {"canonical", "variant", "position", "missing"};
    return names[static_cast<std::uint8_t>(m)];
}

const bound_row* bound_table::search_row(std::string_view key) const {
    for (const auto& r : rows) {
        if (r.def->key == key) {
            return &r;
        }
    }
    return nullptr;
}

const bound_cell* bound_table::cell(std::string_view row_key, std::string_view column) const {
    const bound_row* r = row(row_key);
    const std::size_t c = column_index(column);
    if (r == nullptr || c >= r->cells.size()) {
        return nullptr;
    }
    return &r->cells[c];
}

namespace {

// The text fingerprints are looked for in: the keys of every table cell, heading and short line,
// separated so that no fingerprint spans two of them. Long narrative paragraphs are left out: a
// sentence that mentions "本年新制作数量" says nothing about the report's tables, and a 100 MB
// paragraph would cost seconds of normalisation. Cells come with their keys from the grids.
// Keys shorter than `shortest` (the shortest fingerprint or excluded string) cannot hold one and
// are left out too.
std::string fingerprint_text(const ast::document& doc, const report_grids& grids,
                             std::size_t shortest) {
    constexpr std::size_t short_line = 240; // bytes: about 80 CJK characters
    std::string out;
    std::size_t size = 0;
    for (const auto& c : grids.cells) {
        size += c.key.size() + 1;
    }
    out.reserve(size + 4096);
    for (const auto& c : grids.cells) {
        if (!c.key.empty() && c.key.size() >= shortest && c.text.size() <= short_line) {
            out += c.key;
            out += '\x01';
        }
    }
    for (ast::node_id i = 0; i < doc.nodes().size(); ++i) {
        const auto k = doc[i].kind;
        if (k == ast::node_kind::table) { // rows and cells only: their keys are in already
            i = doc[i].subtree_end - 1;
            continue;
        }
        std::string_view text;
        if (k == ast::node_kind::heading_text) {
            text = doc.raw(i);
        } else if (k == ast::node_kind::title || k == ast::node_kind::paragraph) {
            text = ast::line_content(doc, i);
        }
        if (!text.empty() && text.size() <= short_line) {
            const std::size_t at = out.size();
            append_label_key(text, out);
            if (out.size() - at < shortest) {
                out.resize(at);
            } else {
                out += '\x01';
            }
        }
    }
    return out;
}

const template_def* detect(const ast::document& doc, const report_grids& grids,
                           const template_set& set, std::optional<int> year, std::string* reason) {
    std::vector<std::shared_ptr<const detail::label_index>> indexes;
    std::size_t shortest = std::numeric_limits<std::size_t>::max();
    for (const auto& t : set.templates) {
        indexes.push_back(detail::label_index_of(t));
        for (const auto* keys : {&indexes.back()->fingerprints, &indexes.back()->excludes}) {
            for (const auto& k : *keys) {
                shortest = std::min(shortest, k.size());
            }
        }
    }
    const std::string text = fingerprint_text(doc, grids, shortest);
    // Templates share fingerprints (one's is another's excluded string): each is looked for once.
    std::vector<std::pair<std::string_view, bool>> looked_up;
    // memmem, not std::string::find: every CJK key starts with one of a few lead bytes,
    // which would make find stop and compare at nearly every character.
    const auto contains = [&](const std::string& key) {
        for (const auto& [k, found] : looked_up) {
            if (k == key) {
                return found;
            }
        }
        const bool found = ::memmem(text.data(), text.size(), key.data(), key.size()) != nullptr;
        looked_up.emplace_back(key, found);
        return found;
    };
    const template_def* best = nullptr;
    int best_score = std::numeric_limits<int>::min();
    bool best_year_fits = false;
    for (std::size_t i = 0; i < set.templates.size(); ++i) {
        const auto& t = set.templates[i];
        const auto& index = *indexes[i];
        const int found = static_cast<int>(
            std::count_if(index.fingerprints.begin(), index.fingerprints.end(), contains));
        const int excluded =
            static_cast<int>(std::count_if(index.excludes.begin(), index.excludes.end(), contains));
        const int score = found - excluded;
        const bool year_fits = year && *year >= t.year_from && *year <= t.year_to;
        if (found > 0
            && (score > best_score || (score == best_score && year_fits && !best_year_fits))) {
            best = &t;
            best_score = score;
            best_year_fits = year_fits;
            if (reason != nullptr) {
                *reason = "fingerprints " + std::to_string(found) + "/"
                          + std::to_string(t.fingerprints.size())
                          + (excluded > 0 ? ", excluded " + std::to_string(excluded) : "");
            }
        }
    }
    return best;
}

} // namespace

const template_def* detect_template(const ast::document& doc, const template_set& set,
                                    std::string* reason) {
    report_model info;
    read_report_info(doc, info);
    return detect(doc, read_grids(doc), set, info.year, reason);
}

namespace {

// Rows bound, and figures in them: the evidence for a template when no fingerprint decides.
std::pair<std::size_t, std::size_t> evidence(const report_model& m) {
    std::size_t rows = 0;
    std::size_t figures = 0;
    for (const auto& t : m.tables) {
        for (const auto& r : t.rows) {
            if (r.how == label_match::missing) {
                continue;
            }
            ++rows;
            figures += static_cast<std::size_t>(
                std::count_if(r.cells.begin(), r.cells.end(),
                              [](const bound_cell& c) { return c.value.has_value(); }));
        }
    }
    return {rows, figures};
}

// No template has a fingerprint in the report (an excerpt holding only table 3, say): bind with
// each template and keep the one that binds the most rows, the report year breaking ties.
report_model bind_by_structure(const ast::document& doc, const report_grids& grids,
                               const template_set& set, report_model info) {
    report_model best = info;
    std::size_t best_rows = 0;
    bool best_year_fits = false;
    for (const auto& t : set.templates) {
        report_model m = info;
        m.tpl = &t;
        binder(doc, t, m, grids).run();
        const auto [rows, figures] = evidence(m);
        // One row with one figure ("行政许可 | 14") says nothing about the format.
        if (rows < 2 && figures < 5) {
            continue;
        }
        const bool year_fits = m.year && *m.year >= t.year_from && *m.year <= t.year_to;
        if (rows > best_rows || (rows == best_rows && rows > 0 && year_fits && !best_year_fits)) {
            best = std::move(m);
            best_rows = rows;
            best_year_fits = year_fits;
        }
    }
    if (best_rows == 0) {
        info.problems.push_back({"bind/no-template", {}, 0});
        return info;
    }
    best.template_reason = "structure: " + std::to_string(best_rows) + " rows bound";
    return best;
}

} // namespace

report_model bind(const ast::document& doc, const template_set& set, const template_def* forced) {
    report_model model;
    read_report_info(doc, model);
    const report_grids grids = read_grids(doc);
    model.tpl =
        forced != nullptr ? forced : detect(doc, grids, set, model.year, &model.template_reason);
    if (forced != nullptr) {
        model.template_reason = "--template";
    }
    if (model.tpl == nullptr) {
        return bind_by_structure(doc, grids, set, std::move(model));
    }
    binder(doc, *model.tpl, model, grids).run();
    return model;
}

} // namespace nianbao::model
