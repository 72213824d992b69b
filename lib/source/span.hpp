// Byte spans and positions: the coordinates every stage of nianbao reports in.
#pragma once

#include <cstdint>

namespace nianbao::source {

/// A half-open byte range `[begin, end)` in a decoded UTF-8 buffer.
struct span {
    std::uint32_t begin = 0;
    std::uint32_t end = 0;

    /// Number of bytes covered.
    constexpr std::uint32_t size() const noexcept { return end - begin; }
    constexpr bool empty() const noexcept { return begin == end; }
    friend constexpr bool operator==(span, span) = default;
};

/// A location: byte offset plus 1-based line and 1-based column counted in code points.
struct position {
    std::uint32_t offset = 0;
    std::uint32_t line = 1;
    std::uint32_t column = 1;
    friend constexpr bool operator==(position, position) = default;
};

} // namespace nianbao::source
