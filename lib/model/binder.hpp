// The binder: splits the report's tables into blocks, assigns each block a template table and
// binds rows by label and figures by position (internal to lib/model; binding.hpp is the API).
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "model/binding.hpp"
#include "model/grids.hpp"
#include "model/label_index.hpp"

namespace nianbao::model::detail {

/// A run of rows of one physical table that may hold one template table.
struct block {
    std::size_t grid = 0;
    std::size_t begin = 0; // row indexes [begin, end) within the grid
    std::size_t end = 0;
};

/// True if `key` is the label's key or one of its variants; `how` says which.
bool matches(const label_set& l, std::string_view key, label_match& how);

/// The labels of one template table (hashed when the template was loaded), with its definition.
class table_labels {
public:
    /// `tables[cell_tables[i]]` holds the tables of the key of cell `cells[i]`.
    table_labels(const table_def& def, const detail::table_label_maps& maps, std::size_t index,
                 const grid_cell* cells, const std::vector<std::uint32_t>& cell_tables,
                 const std::vector<key_tables>& tables)
        : def_(&def), maps_(&maps), bit_(index < 64 ? std::uint64_t{1} << index : 0), cells_(cells),
          cell_tables_(&cell_tables), tables_(&tables) {}

    const table_def& def() const { return *def_; }
    const detail::table_label_maps& maps() const { return *maps_; }
    bool has_unlabeled_row() const { return maps_->unlabeled; }
    bool is_row_label(const grid_cell& c) const {
        return bit_ != 0 ? (tables(c).row & bit_) != 0 : maps_->rows.count(c.key()) != 0;
    }
    bool is_row_or_group(const grid_cell& c) const {
        if (c.key_size == 0) {
            return false;
        }
        if (bit_ != 0) {
            return ((tables(c).row | tables(c).group) & bit_) != 0;
        }
        return maps_->rows.count(c.key()) != 0 || maps_->groups.count(c.key()) != 0;
    }
    bool is_heading(const grid_cell& c) const {
        return bit_ != 0 ? (tables(c).heading & bit_) != 0 : maps_->headings.count(c.key()) != 0;
    }

    /// Template rows whose label (exact key) or marker-less key is `key`, in template order.
    const std::vector<std::pair<std::size_t, label_match>>* rows(std::string_view key,
                                                                 bool bare) const {
        const auto& map = bare ? maps_->bare_rows : maps_->rows;
        const auto it = map.find(key);
        return it == map.end() ? nullptr : &it->second;
    }

private:
    const key_tables& tables(const grid_cell& c) const {
        return (*tables_)[(*cell_tables_)[static_cast<std::size_t>(&c - cells_)]];
    }

    const table_def* def_;
    const detail::table_label_maps* maps_;
    std::uint64_t bit_; // this table's bit in the cells' key_tables; 0 past the 64th table
    const grid_cell* cells_;
    const std::vector<std::uint32_t>* cell_tables_;
    const std::vector<key_tables>* tables_;
};

/// The one non-empty cell of a row that has one.
const grid_cell& only_cell(const grid_row& row);

/// Row index where a row's values start: after the rightmost cell that is a known label of the
/// table, else after the last label-like cell before the first figure.
std::size_t value_start(const grid_row& row, const table_labels& labels);

/// Binds `model` (its report info read) to `tpl`.
class binder {
public:
    binder(const ast::document& doc, const template_def& tpl, report_model& model,
           const report_grids& grids);

    void run();

private:
    bool is_caption(const grid& g, std::size_t r) const { return caption_[g.first_row + r] != 0; }

    ast::node_id section_node(const std::string& key) const;

    void bind_sections();

    std::vector<block> split_blocks() const;

    // How well block `b` fits each template table, in `scores` (parallel to tpl_.tables): 3 for
    // its caption, 2 a row label, 1 a heading, and table 4's value row as many as its columns.
    // One pass over the block's cells serves every table through the cells' table bits.
    void score_block(const block& b, std::vector<int>& scores) const;

    // Greedy assignment: the best-scoring (block, template table) pairs first.
    void assign(const std::vector<block>& blocks);

    bound_table bind_table(const table_labels& labels, const block& b);

    // Binds one report row; false for a header row (no label match and no figures).
    bool bind_row(const table_labels& labels, const grid_row& row, bound_table& out);

    // The row's cells from `start` on, one per template column, and the non-empty ones after.
    static void bind_cells(const table_def& def, const grid_row& row, std::size_t start,
                           bound_row& target);

    // Looks for each column's label in the header rows (between the caption and the first data
    // row). Table 4's repeated labels are found by order: each match consumes its cell. Only
    // cells whose key is a heading of the table can match.
    static void bind_header(const table_labels& labels, const grid& g, std::size_t begin,
                            std::size_t end, bound_table& out);

    const ast::document& doc_;
    const template_def& tpl_;
    report_model& model_;
    const report_grids& grids_;
    std::shared_ptr<const detail::label_index> index_;
    // By cell of grids_.cells: a position in index_->key_tables_of, 4 bytes where a copy would
    // take 24 (a table of short cells holds millions).
    std::vector<std::uint32_t> cell_tables_;
    std::vector<table_labels> labels_; // parallel to tpl_.tables
    std::vector<char> caption_;        // by row of grids_.rows: a caption row
};

} // namespace nianbao::model::detail
