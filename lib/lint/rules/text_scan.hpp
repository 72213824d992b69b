// Scanning lines of text for the text/ rules. The text is searched many bytes at a time for the
// bytes that may start something to find, and only the lines that hold one are read, in place,
// one code point at a time: the rules cost little on clean text and hold no per-character copy
// of a line, however long it is.
#pragma once

#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "ast/tree.hpp"
#include "lint/lint.hpp"

namespace nianbao::lint {

/// The line of `text` that holds byte `at` (not a line feed), without its line ending (LF or
/// CRLF).
source::span line_around(std::string_view text, std::uint32_t at);

/// Han characters, CJK punctuation, full-width forms and curly quotes.
bool cjk_like(char32_t cp);

/// The half-width marks of one line that stand between Chinese text.
struct half_width_line {
    std::size_t marks = 0;   ///< marks found (a parenthesis pair counts once)
    source::span first;      ///< the first mark (a pair: from its `(` to its `)`)
    std::string half;        ///< the first mark as written: "," or "()"
    std::string full;        ///< its full-width form
    std::vector<edit> edits; ///< every replacement of the line, in text order
};
/// Scans `line` of `text` (valid UTF-8) whose mark bytes (`,:;?!()`) are at `marks`; false when
/// none stands between Chinese text.
bool scan_half_width(std::string_view text, source::span line, std::span<const std::uint32_t> marks,
                     half_width_line& out);
/// Every line of `text` that holds half-width marks between Chinese text, in text order. Only
/// the lines with a mark byte are scanned.
std::vector<half_width_line> half_width_lines(std::string_view text);

/// A run of U+00A0/U+3000 with its replacement ("" between Chinese text, else " ").
struct stray {
    source::span where;
    std::string name;
    std::string replacement;
};
/// Stray blanks of `line` that start before byte offset `end`; a leading U+3000 indent is not
/// stray. `blanks` are the offsets of the line's U+00A0 and U+3000, ascending.
std::vector<stray> stray_runs(std::string_view text, source::span line, std::uint32_t end,
                              std::span<const std::uint32_t> blanks);
/// The length of the U+00A0 (2) or U+3000 (3) at byte `i` of `s`, or 0.
std::uint32_t stray_blank_at(std::string_view s, std::size_t i);
/// Offsets of every U+00A0 and U+3000 in `text`, ascending.
std::vector<std::uint32_t> stray_blank_offsets(std::string_view text);

/// Where the trailing blanks (space, TAB, U+00A0, U+3000) of `line` begin, and how many there are.
struct trailing_blanks {
    std::uint32_t begin = 0;
    std::size_t count = 0;
};
trailing_blanks trailing_of(std::string_view text, source::span line);

/// A line that ends in blanks.
struct blank_end {
    source::span line;
    trailing_blanks blanks;
};
/// Every line of `text` that ends in blanks, in text order.
std::vector<blank_end> lines_ending_in_blanks(std::string_view text);

/// The spans of the document's tables, in text order.
std::vector<source::span> table_spans(const ast::document& doc);

/// Answers "is this offset inside a table?" for offsets asked in increasing order. The tables
/// are looked up on the first question: most lines never ask.
class table_cursor {
public:
    explicit table_cursor(const ast::document& doc) : doc_(doc) {}
    bool inside(std::uint32_t offset) {
        if (!known_) {
            tables_ = table_spans(doc_);
            known_ = true;
        }
        while (next_ < tables_.size() && tables_[next_].end <= offset) {
            ++next_;
        }
        return next_ < tables_.size() && offset >= tables_[next_].begin;
    }

private:
    const ast::document& doc_;
    bool known_ = false;
    std::vector<source::span> tables_;
    std::size_t next_ = 0;
};

} // namespace nianbao::lint
