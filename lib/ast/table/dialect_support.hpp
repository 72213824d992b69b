// The lib-side registration of table dialects: per-dialect normalisation after parsing.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace nianbao::ast::table {

/// What lib/ast does for one dialect after the grammar matched it.
struct dialect_support {
    std::string_view id;
    /// Infers the row width of a dialect whose rows are not marked in the text; nullptr for
    /// dialects whose grammar produces rows.
    std::size_t (*row_width)(const std::vector<std::string_view>& cell_texts);
};

/// One entry per grammar dialect, in the grammar's registration order.
const std::vector<dialect_support>& supported_dialects();

/// True if cells of tables of `dialect` (a registration index) must be grouped into rows.
bool needs_row_grouping(int dialect);
/// The row width for such a table, at least 1.
std::size_t infer_row_width(int dialect, const std::vector<std::string_view>& cell_texts);

/// `lines`: chooses the width whose rows look like "label … value" (see lines.cpp).
std::size_t lines_row_width(const std::vector<std::string_view>& cell_texts);
/// The same for cell texts held as strings.
std::size_t lines_row_width(const std::vector<std::string>& cell_texts);

/// `tab`: true if `line` can follow a cell's line as a continuation line ("商业" / "企业"): it is
/// not blank, not led by a TAB and not heading-like ("（一）予以公开" is not).
bool tab_continues_cell(std::string_view line);
/// `tab`: true if a row can start with a cell whose first line is `first_line`: a TAB-led line
/// holding 。！？ is indented prose, not a row.
bool tab_starts_row(std::string_view first_line);

/// True for a cell that holds a figure: "0", "+1036", "1190.1万元", "12.5%".
bool looks_numeric(std::string_view text);
/// True for a cell that holds nothing a reader would take as a value: "", "—", "-", "/".
bool looks_empty(std::string_view text);

} // namespace nianbao::ast::table
