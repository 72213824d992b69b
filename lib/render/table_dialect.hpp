// Tables as grids of cells, and the text dialects that read and write them (docs/convert.md).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "ast/tree.hpp"

namespace nianbao::render {

/// A cell as every text dialect can carry it: its lines, each without the ASCII blanks that pad
/// it. An empty cell is one empty line; U+00A0 and U+3000 are content and stay.
struct grid_cell {
    std::vector<std::string> lines{std::string()};

    /// True for a cell of one empty line (a U+00A0 cell is not empty here).
    bool empty() const { return lines.size() == 1 && lines[0].empty(); }
};

/// A row of cells; rows of a table may differ in width.
using grid_row = std::vector<grid_cell>;

/// A table as rows of cells, in the order of the source.
struct table_grid {
    std::vector<grid_row> rows;
    /// The number of cells of the widest row.
    std::size_t width() const;
};

/// What a table writer needs to know about the document it writes into.
struct write_context {
    std::string_view eol = "\n"; ///< the document's line ending
};

/// A text dialect: how a cell's source reads as a grid cell, and how a grid is written. Writing
/// then parsing gives back the same grid (docs/convert.md says how, dialect by dialect).
struct text_dialect {
    std::string_view id;
    grid_cell (*read_cell)(std::string_view raw);
    /// Appends the table as whole lines, each ending in `ctx.eol`.
    void (*write_table)(const table_grid& grid, const write_context& ctx, std::string& out);
};

/// The text dialects, one per grammar dialect (`pipe`, `tab`, `lines`).
const std::vector<text_dialect>& text_dialects();
/// The dialect with this id, or nullptr.
const text_dialect* find_text_dialect(std::string_view id);

/// Reads a table node as a grid, each cell read by the table's own dialect.
table_grid read_table(const ast::document& doc, ast::node_id table);

/// The line ending of the document: that of its first line, LF if it has none.
std::string_view document_eol(const ast::document& doc);

// Each dialect's reader and writer (lib/render/table_<dialect>.cpp).
grid_cell read_pipe_cell(std::string_view raw);
void write_pipe_table(const table_grid& grid, const write_context& ctx, std::string& out);
grid_cell read_tab_cell(std::string_view raw);
void write_tab_table(const table_grid& grid, const write_context& ctx, std::string& out);
grid_cell read_lines_cell(std::string_view raw);
void write_lines_table(const table_grid& grid, const write_context& ctx, std::string& out);

} // namespace nianbao::render
