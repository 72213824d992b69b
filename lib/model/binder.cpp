// The binder's first half: sections, the blocks of the report's tables and which template table
// each holds (bind_rows.cpp binds the rows and columns of an assigned block).
#include "model/binder.hpp"

#include <algorithm>
#include <bit>
#include <limits>

#include "ast/text.hpp"
#include "model/labels.hpp"

namespace nianbao::model::detail {

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

// The one non-empty cell of a row that has one.
const grid_cell& only_cell(const grid_row& row) {
    return *std::find_if(row.cells.begin(), row.cells.end(),
                         [](const grid_cell& c) { return !c.empty; });
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

namespace {

// A caption row holds one non-empty cell and no figure, and reads like "第二十条第（N）项" or
// like one of the template's captions.
bool is_caption_row(const grid_row& row, const template_def& tpl) {
    if (row.non_empty != 1 || row.figures != 0) {
        return false;
    }
    const auto& cell = only_cell(row);
    const std::string_view key = cell.key();
    if (key.find("条第") != std::string_view::npos && key.ends_with("项")) {
        return true;
    }
    label_match how{};
    return std::any_of(tpl.tables.begin(), tpl.tables.end(), [&](const table_def& t) {
        return !t.caption.canonical.empty() && matches(t.caption, key, how);
    });
}

} // namespace

binder::binder(const ast::document& doc, const template_def& tpl, report_model& model,
               const report_grids& grids)
    : doc_(doc), tpl_(tpl), model_(model), grids_(grids), index_(detail::label_index_of(tpl)) {
    // Each cell's key is looked up once: which tables have it as a row, group or heading.
    // Plain digits are no key of a template without digit keys.
    const auto& keys = index_->keys;
    const auto empty_key = keys.find(std::string_view());
    const std::uint32_t for_empty = empty_key != keys.end() ? empty_key->second : 0;
    cell_tables_.resize(grids_.cells.size(), 0);
    for (std::size_t i = 0; i < grids_.cells.size(); ++i) {
        const grid_cell& c = grids_.cells[i];
        if (c.key_size == 0) {
            cell_tables_[i] = for_empty;
        } else if (!c.digits || index_->digit_keys) {
            if (const auto it = keys.find(c.key()); it != keys.end()) {
                cell_tables_[i] = it->second;
            }
        }
    }
    for (std::size_t t = 0; t < tpl.tables.size(); ++t) {
        labels_.emplace_back(tpl.tables[t], index_->tables[t], t, grids_.cells.data(), cell_tables_,
                             index_->key_tables_of);
    }
    caption_.reserve(grids_.rows.size());
    for (const auto& r : grids_.rows) {
        caption_.push_back(is_caption_row(r, tpl_));
    }
}

void binder::run() {
    bind_sections();
    assign(split_blocks());
    for (const auto& t : tpl_.tables) {
        if (model_.table(t.key) == nullptr) {
            model_.problems.push_back(
                {"bind/table-missing", {t.key, t.title}, section_node(t.section)});
        }
    }
}

ast::node_id binder::section_node(const std::string& key) const {
    for (const auto& s : model_.sections) {
        if (s.def != nullptr && s.def->key == key) {
            return s.section;
        }
    }
    return 0;
}

void binder::bind_sections() {
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
                && matches(def.titles, label_key(ast::heading_title(doc_, found[i] + 1)), b.how)) {
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

std::vector<block> binder::split_blocks() const {
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

void binder::score_block(const block& b, std::vector<int>& scores) const {
    std::fill(scores.begin(), scores.end(), 0);
    const grid& g = grids_.tables[b.grid];
    const grid_row& first = g.rows[b.begin];
    if (is_caption(g, b.begin)) {
        const auto& cell = only_cell(first);
        label_match how{};
        for (std::size_t t = 0; t < labels_.size(); ++t) {
            const table_def& def = labels_[t].def();
            if (!def.caption.canonical.empty() && matches(def.caption, cell.key(), how)) {
                scores[t] += 3;
            }
        }
    }
    for (std::size_t r = b.begin; r < b.end; ++r) {
        const auto& row = g.rows[r];
        for (const auto& c : row.cells) {
            const key_tables& k = index_->key_tables_of[cell_tables_[static_cast<std::size_t>(
                &c - grids_.cells.data())]];
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

void binder::assign(const std::vector<block>& blocks) {
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
        const bool any_row = std::any_of(bt.rows.begin(), bt.rows.end(), [](const bound_row& r) {
            return r.how != label_match::missing;
        });
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

} // namespace nianbao::model::detail
