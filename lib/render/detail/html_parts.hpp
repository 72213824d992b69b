// The parts of the HTML page besides the report itself (lib/render/html*.cpp).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "render/html.hpp"

namespace nianbao::render::detail {

/// Inline CSS: an A4 page set like an official document, ruled tables, highlighted findings.
std::string_view page_style();

/// `s` with `&`, `<`, `>` and `"` escaped.
std::string escape_html(std::string_view s);

/// The notes printed after a paragraph or table: one line per finding of `ids` (indexes into
/// `all`), in order, numbered and anchored as `#dN`.
std::string write_notes(const std::vector<html_diagnostic>& all, std::vector<std::size_t> ids,
                        source::lang lang);

/// The summary at the top of the page: counts by severity and every finding with its line and
/// column. `whole` lists the findings on no node, listed as about the whole report.
std::string write_summary(const ast::document& doc, const std::vector<html_diagnostic>& all,
                          const std::vector<std::size_t>& whole, source::lang lang);

} // namespace nianbao::render::detail
