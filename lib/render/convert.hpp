// Converting a report's tables to another text dialect, and the canonical layout (`nianbao fmt`).
#pragma once

#include <string>
#include <vector>

#include "ast/tree.hpp"
#include "render/table_dialect.hpp"

namespace nianbao::render {

/// Rewrites every table of `doc` in dialect `to` and copies the text between tables byte for
/// byte, except that a blank line is put between a table and a neighbouring line that would
/// otherwise read as part of it in `to` (a TAB-led or continuation line after a tab table, a
/// line ending in `|` next to a pipe or lines table).
///
/// **Example**
/// ```
/// std::string piped = convert_tables(doc, *find_text_dialect("pipe"));
/// ```
std::string convert_tables(const ast::document& doc, const text_dialect& to);

/// The first table of `doc` that dialect `to` cannot write so that it reads back as the same
/// rows and cells — a table whose first two rows have one cell each is no tab or pipe table, a
/// one-row table of fewer than three cells no lines table, and in tab a table that follows
/// another with only blank lines between would join it — or 0 if there is none. Each table is
/// written on its own between two headings and read back.
ast::node_id first_unwritable_table(const ast::document& doc, const text_dialect& to);

/// Options of the canonical layout.
struct format_options {
    /// Writes every table in this dialect; nullptr keeps each table's own.
    const text_dialect* dialect = nullptr;
};

/// The canonical layout of `doc`: each table written by its dialect's writer (pipe cells
/// aligned by display width), no blanks at line ends, each run of blank lines as one empty line,
/// none at the start or the end, a blank line after every table that text follows (and before
/// one that a line ending in `|` precedes), one line end at the end of the text. Line ends are
/// the document's (document_eol). Words and figures never change: `layout_texts` of the result
/// equals that of `doc`, which callers check. Idempotent.
std::string format_document(const ast::document& doc, const format_options& opts = {});

/// What a change of layout must keep, in document order: the title, each heading's marker and
/// title, paragraph, signature and date texts (without blanks at their ends), where tables and
/// rows begin, and every cell's normalised text.
std::vector<std::string> layout_texts(const ast::document& doc);

/// Parses `after` (the same document in another layout) and compares its `layout_texts` with
/// those of `before`: empty if they are equal, else the first difference as
/// "line N: A → B" (N a line of `before`).
std::string compare_layout(const ast::document& before, std::string after);

/// The first index at which two `layout_texts` differ (the size of the shorter if one is a
/// prefix of the other), or `npos` if they are equal.
std::size_t first_difference(const std::vector<std::string>& a, const std::vector<std::string>& b);

} // namespace nianbao::render
