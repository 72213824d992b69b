// A report as a standalone HTML page to read and print, with findings shown in place.
#pragma once

#include <string>
#include <vector>

#include "ast/tree.hpp"
#include "model/binding.hpp"
#include "source/diagnostic.hpp"
#include "source/span.hpp"

namespace nianbao::render {

/// A finding to show on the page: where (a span of the decoded text), how serious, the message
/// as the reader should see it, and the rule that found it.
struct html_diagnostic {
    source::span where;
    source::severity level = source::severity::error;
    std::string message;
    std::string rule;
};

/// What the page is made from besides the tree.
struct html_options {
    /// The report bound to its template: places header and figure cells in their columns. With
    /// nullptr, merged cells are reconstructed from the layout alone.
    const model::report_model* model = nullptr;
    /// Shown highlighted where they point (the cell, or the words of a line), with the message
    /// beside the table or paragraph and a summary at the top of the page.
    std::vector<html_diagnostic> diagnostics;
    /// The language of the page's own words (summary, severities).
    source::lang language = source::lang::zh;
};

/// The whole report as one UTF-8 HTML page with inline CSS and no external resources: title,
/// headings, paragraphs, signature and date, and every table with its merged cells rebuilt
/// (a caption row spans the table, a label missing because of a merge widens the label before
/// it, empty label cells under or above a label join it). Printed, it is an A4 page set like an
/// official document: serif CJK fonts, ruled tables.
///
/// **Example**
/// ```
/// render::html_options opts;
/// opts.model = &model;
/// opts.diagnostics.push_back({cell_span, source::severity::error, "总计不等于各项之和",
/// "figures/sum"}); std::string page = render::write_html(doc, opts);
/// ```
std::string write_html(const ast::document& doc, const html_options& opts = {});

/// How a table is drawn: each cell's place in the grid of the table.
struct html_cell {
    ast::node_id node = 0;
    ast::node_id shown = 0; ///< the cell whose text it shows (another one when it is merged)
    std::size_t column = 0;
    std::size_t colspan = 1;
    std::size_t rowspan = 1;
    bool hidden = false;   ///< joined into the cell above or below (a vertical merge)
    ast::node_id host = 0; ///< the cell that shows it when hidden
    bool header = false;   ///< a label of the table's header rows
    bool figure = false;   ///< holds a figure
};

/// A row of a drawn table.
struct html_row {
    ast::node_id node = 0;
    std::vector<html_cell> cells;
};

/// The grid a table is drawn on; `columns` is the width of the widest row without its trailing
/// empty cells. Exposed for tests.
struct html_table {
    std::size_t columns = 0;
    std::vector<html_row> rows;
};

/// Rebuilds the merged cells of a table (see write_html).
html_table lay_out_table(const ast::document& doc, ast::node_id table,
                         const model::report_model* model);

} // namespace nianbao::render
