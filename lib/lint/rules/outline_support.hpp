// Helpers of the outline rules: heading spans and ordinal numbers (一、 （二） 3. （4）).
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "ast/tree.hpp"

namespace nianbao::lint {

/// The span of a heading's title text (its marker excluded); the heading's line if none.
source::span title_span(const ast::document& doc, ast::node_id heading);
/// The span of a heading's marker ("一、").
source::span marker_span(const ast::document& doc, ast::node_id heading);
/// The number an ordinal marker stands for: "三、" → 3, "（十二）" → 12, "4." → 4.
std::optional<int> marker_number(std::string_view marker);
/// The same marker with another number, in the same style: renumber("（三）", 4) → "（四）".
std::string renumber(std::string_view marker, int n);
/// A CJK numeral 一 … 九十九 for 1 … 99.
std::string cjk_numeral(int n);
/// Reads a CJK numeral (一 … 九十九, 两) or ASCII digits at the start of `text`; `length`
/// receives the bytes read.
std::optional<int> read_numeral(std::string_view text, std::size_t& length);

} // namespace nianbao::lint
