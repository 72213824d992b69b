// Binding a parsed report to a template: which template, which year, and every table cell.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "ast/tree.hpp"
#include "model/template.hpp"

namespace nianbao::model {

namespace detail {
struct table_label_maps;
} // namespace detail

/// How a label was recognised.
enum class label_match : std::uint8_t {
    canonical, ///< equal to the template's canonical label (after label_key)
    variant,   ///< equal to a known variant: a style finding for lint
    position,  ///< no usable label; bound by its position (table 4's value row)
    missing,   ///< not found in the report
};

/// "canonical", "variant", "position", "missing".
std::string_view name(label_match m) noexcept;

/// One bound cell. An empty cell is bound as empty, never as 0.
struct bound_cell {
    ast::node_id node = 0; ///< the cell node; 0 when the row has no cell at this column
    std::string text;      ///< normalised cell text
    bool empty = true;     ///< no figure and no text ("", "—", "/")
    bool invalid = false;  ///< text that is not a value of the column's type ("无")
    std::optional<double> value;
    std::string number; ///< the figure as written, normalised ("1190.1", "-3")
    std::string unit;   ///< from the cell, the row's unit column, or the template
};

/// A template row and what the report has for it.
struct bound_row {
    const row_def* def = nullptr;
    label_match how = label_match::missing;
    ast::node_id row = 0;          ///< the row node (0 if missing)
    ast::node_id label_cell = 0;   ///< the cell whose label matched (0 if none)
    std::vector<bound_cell> cells; ///< one per template column (empty if the row is missing)
    std::vector<ast::node_id> spare_cells; ///< non-empty cells beyond the template's columns
};

/// A header label found (or not) for a template column.
struct bound_column {
    const column_def* def = nullptr;
    label_match how = label_match::missing;
    ast::node_id cell = 0;
};

/// A report row with figures that matches no template row: kept, never dropped.
struct extra_row {
    ast::node_id row = 0;
    std::string label;
    std::vector<ast::node_id> value_cells;
};

/// A template table bound to (part of) a table of the report.
struct bound_table {
    const table_def* def = nullptr;
    ast::node_id table = 0;        ///< the physical table node
    ast::node_id first_row = 0;    ///< the first row of the block bound (caption included)
    ast::node_id caption_cell = 0; ///< the caption cell, 0 if the block has none
    label_match caption_how = label_match::missing;
    std::vector<bound_row> rows;       ///< template order
    std::vector<bound_column> columns; ///< template order
    std::vector<extra_row> extras;
    /// Set by bind when the template was loaded: its index of this table's row and column keys,
    /// which row() and column_index() look keys up in (they search `def` when it is null).
    const detail::table_label_maps* keys = nullptr;

    const bound_row* row(std::string_view key) const;
    /// The cell at (row, column), or nullptr if the row or column does not exist.
    const bound_cell* cell(std::string_view row, std::string_view column) const;
    std::size_t column_index(std::string_view key) const;
};

/// A template section matched to a section of the report.
struct bound_section {
    const section_def* def = nullptr;
    label_match how = label_match::missing;
    ast::node_id section = 0; ///< the section node (0 if missing)
};

/// Why something could not be bound: a message id, arguments and the node it concerns.
struct bind_problem {
    std::string id;
    std::vector<std::string> args;
    ast::node_id node = 0;
};

/// What nianbao knows about a report after binding.
struct report_model {
    const template_def* tpl = nullptr;
    std::string template_reason; ///< "fingerprints 6/6", "--template", "year 2019"
    std::optional<int> year;
    std::string year_source; ///< "title", "text", "table"
    ast::node_id year_node = 0;
    std::string organ;
    std::vector<bound_section> sections; ///< template order
    std::vector<bound_table> tables;     ///< bound tables, template order
    std::vector<bind_problem> problems;

    const bound_table* table(std::string_view key) const;
};

/// Picks the template that fits the report best: fingerprints found minus excluded strings
/// found, then the report year as a tie-breaker. nullptr if no template has a fingerprint.
const template_def* detect_template(const ast::document& doc, const template_set& set,
                                    std::string* reason = nullptr);

/// Binds `doc` to `forced` (or the detected template). Never throws; what cannot be bound is
/// explained in `problems`.
report_model bind(const ast::document& doc, const template_set& set,
                  const template_def* forced = nullptr);

/// Reads the report year (title, then the opening text) and the organ name.
void read_report_info(const ast::document& doc, report_model& model);

} // namespace nianbao::model
