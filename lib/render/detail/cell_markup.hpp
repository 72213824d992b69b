// Shared pieces of the text dialects: splitting a cell into lines, `<br>` and `&#124;`.
#pragma once

#include <string>
#include <string_view>

#include "render/table_dialect.hpp"

namespace nianbao::render::detail {

/// `s` without the ASCII spaces, TABs and CRs at its ends (the padding of a cell's line).
std::string_view trim_padding(std::string_view s);

/// Reads cell source that has no line structure of its own (pipe, lines): `<br>` breaks a line,
/// `&#124;` is a bar, each line is trimmed of padding.
grid_cell read_inline_cell(std::string_view raw);

/// The cell on one line: its lines joined by `<br>`, bars written as `&#124;`.
std::string inline_cell(const grid_cell& cell);

/// `line` with each bar written as `&#124;`.
std::string escape_bars(std::string_view line);

} // namespace nianbao::render::detail
