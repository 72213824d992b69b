// Cell text without a copy: what binding reads every cell of a report with.
#pragma once

#include <string>
#include <string_view>

namespace nianbao::ast {

/// `normalise_cell(raw)` without a copy when the cell only needs its blanks trimmed (most cells):
/// the view points into `raw`, or into `storage` for a cell with line breaks or markup.
std::string_view normalise_cell(std::string_view raw, std::string& storage);

} // namespace nianbao::ast
