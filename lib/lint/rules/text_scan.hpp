// Scanning lines of text by code point for the text/ rules.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "ast/tree.hpp"
#include "lint/lint.hpp"

namespace nianbao::lint {

/// One code point of a line: its value, byte offset in the text and UTF-8 length.
struct code_point {
    char32_t cp = 0;
    std::uint32_t offset = 0;
    std::uint32_t length = 1;
};

/// The lines of `text` without their line endings.
std::vector<source::span> split_lines(std::string_view text);
/// The code points of `text` in `where` (valid UTF-8).
std::vector<code_point> decode_line(std::string_view text, source::span where);
/// Han characters, CJK punctuation, full-width forms and curly quotes.
bool cjk_like(char32_t cp);

/// A half-width mark (or parenthesis pair) to replace.
struct mark {
    source::span where;
    std::string half;
    std::string full;
    std::vector<edit> edits;
};
/// The half-width punctuation of a line that stands between Chinese text.
std::vector<mark> half_width_marks(const std::vector<code_point>& chars);

/// A run of U+00A0/U+3000 with its replacement ("" between Chinese text, else " ").
struct stray {
    source::span where;
    std::string name;
    std::string replacement;
};
/// Stray blanks before index `end`; a leading U+3000 indent is not stray.
std::vector<stray> stray_runs(const std::vector<code_point>& chars, std::size_t end);
/// Index of the first of the line's trailing blanks (size() if none).
std::size_t trailing_start(const std::vector<code_point>& chars);

/// The spans of the document's tables.
std::vector<source::span> table_spans(const ast::document& doc);
/// True if `offset` lies inside one of `tables`.
bool in_table(const std::vector<source::span>& tables, std::uint32_t offset);

} // namespace nianbao::lint
