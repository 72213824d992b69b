// The tables of a report as data, without templates: JSON and CSV of the raw grids.
#pragma once

#include <string>

#include "ast/tree.hpp"

namespace nianbao::render {

/// `{"version":1,"file","encoding","tables":[{"dialect","line","end_line","rows":[{"line",
/// "cells":[{"text","lines","line","column"}]}]}]}`: every table in document order, every row
/// and cell as in the source (rows may differ in width). `text` is the cell's normalised text,
/// `lines` its lines as the layouts carry them (docs/convert.md).
std::string write_grids_json(const ast::document& doc);

/// One CSV record per table row: `table,row,1,2,…,N` (1-based; N the widest row of the report),
/// then each cell's normalised text; narrower rows end in empty fields. RFC 4180 quoting, LF.
std::string write_grids_csv(const ast::document& doc);

/// Markdown of the whole report: the title as `#`, headings as `##`…, every other line of text
/// as a paragraph of its own, each table as a GFM pipe table (the first row as its header, `|`
/// escaped, a cell's lines joined by `<br>`). Text is never reworded; characters Markdown would
/// read as markup are escaped with a backslash.
std::string write_markdown(const ast::document& doc);

} // namespace nianbao::render
