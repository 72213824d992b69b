// Line starts of a buffer: turns byte offsets into lines and code-point columns.
#pragma once

#include <cstdint>
#include <limits>
#include <string_view>
#include <vector>

#include "source/span.hpp"

namespace nianbao::source {

/// Maps byte offsets to `position`s. Columns count code points (never bytes, unlike PEGTL).
class line_index {
public:
    /// Indexes `text`, which must outlive the index.
    explicit line_index(std::string_view text);

    /// The position of `offset` (clamped to the end of the text).
    position locate(std::uint32_t offset) const;
    /// The same, counted on from `from` (a position this index gave for an earlier offset) when
    /// both lie on one line: offsets in ascending order cost their distance, not a search.
    position locate(std::uint32_t offset, position from) const;
    /// The text of 1-based `line` without its line ending.
    std::string_view line_text(std::uint32_t line) const;
    /// Number of lines (a final line without an ending counts; an empty text has one line).
    std::uint32_t line_count() const noexcept { return static_cast<std::uint32_t>(starts_.size()); }

private:
    // Columns deep inside very long lines (a 100 MB single line) would cost O(line) per lookup;
    // every `block` bytes the code-point column is cached, computed on first need.
    static constexpr std::uint32_t block = 4096;
    std::uint32_t column_from(std::uint32_t line_start, std::uint32_t offset) const;

    std::string_view text_;
    std::vector<std::uint32_t> starts_;
    mutable std::vector<std::uint32_t> block_columns_;
};

/// Terminal columns of `text` (valid UTF-8): East Asian wide and full-width characters count 2,
/// combining marks and controls 0, everything else 1.
std::size_t display_width(std::string_view text);

/// The same while it is at most `limit`; past that, some width above `limit` (counting stops).
std::size_t display_width(std::string_view text, std::size_t limit);

/// display_width of `text` shown with each TAB expanded to four spaces and each CR removed.
std::size_t expanded_width(std::string_view text);

/// What measure_width finds: the display_width, the TABs (which it counts 0), and whether the
/// text is well-formed UTF-8 (ill-formed bytes count nothing).
struct text_width {
    std::size_t width = 0;
    std::size_t tabs = 0;
    bool well_formed = true;
    /// The expanded_width, if the text is well-formed: a TAB shows as four spaces.
    std::size_t expanded() const noexcept { return width + 4 * tabs; }
};

/// Measures `text` while its width is at most `limit` (past that, the width is some value above
/// `limit` and the rest uncounted). Well-formed pieces that split a text between characters add
/// up to the measure of the whole.
text_width measure_width(std::string_view text,
                         std::size_t limit = std::numeric_limits<std::size_t>::max());

/// Terminal columns of the code point `c`, as display_width counts it.
std::size_t code_point_width(char32_t c);

} // namespace nianbao::source
