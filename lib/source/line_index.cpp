// Line index and display width.
#include "source/line_index.hpp"

#include <algorithm>
#include <cstring>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include <unicode/uchar.h>
#include <unicode/utf8.h>

namespace nianbao::source {

line_index::line_index(std::string_view text) : text_(text) {
    starts_.push_back(0);
    const char* base = text.data();
    const std::size_t n = text.size();
    std::size_t i = 0;
#if defined(__SSE2__)
    // Sixteen bytes at a time, one push per LF found: on the short lines of tab and lines tables
    // ("\t0"), a memchr call per line costs more than the line's own bytes.
    const __m128i lf = _mm_set1_epi8('\n');
    for (; i + 16 <= n; i += 16) {
        const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(base + i));
        auto hits = static_cast<unsigned>(_mm_movemask_epi8(_mm_cmpeq_epi8(v, lf)));
        for (; hits != 0; hits &= hits - 1) {
            const auto at = i + static_cast<std::size_t>(__builtin_ctz(hits));
            starts_.push_back(static_cast<std::uint32_t>(at + 1));
        }
    }
#endif
    for (; i < n; ++i) {
        if (base[i] == '\n') {
            starts_.push_back(static_cast<std::uint32_t>(i + 1));
        }
    }
}

namespace {

// Code points in text[from, to): count lead bytes (continuation bytes are 10xxxxxx).
std::uint32_t code_points(std::string_view text, std::uint32_t from, std::uint32_t to) {
    std::uint32_t n = 0;
    for (std::uint32_t i = from; i < to; ++i) {
        n += (static_cast<unsigned char>(text[i]) & 0xC0U) != 0x80U ? 1U : 0U;
    }
    return n;
}

} // namespace

std::uint32_t line_index::column_from(std::uint32_t line_start, std::uint32_t offset) const {
    if (offset - line_start <= block) {
        return 1 + code_points(text_, line_start, offset);
    }
    if (block_columns_.empty()) {
        block_columns_.resize(text_.size() / block + 1);
        std::uint32_t since_line = 0;
        for (std::uint32_t i = 0; i < text_.size(); ++i) {
            if (i % block == 0) {
                block_columns_[i / block] = since_line;
            }
            if (text_[i] == '\n') {
                since_line = 0;
            } else {
                since_line += (static_cast<unsigned char>(text_[i]) & 0xC0U) != 0x80U ? 1U : 0U;
            }
        }
    }
    // The block boundary lies after the line start, since offset - line_start > block.
    const std::uint32_t base = offset / block * block;
    return 1 + block_columns_[offset / block] + code_points(text_, base, offset);
}

position line_index::locate(std::uint32_t offset) const {
    offset = std::min<std::uint32_t>(offset, static_cast<std::uint32_t>(text_.size()));
    const auto it = std::upper_bound(starts_.begin(), starts_.end(), offset) - 1;
    return {offset, static_cast<std::uint32_t>(it - starts_.begin()) + 1, column_from(*it, offset)};
}

std::string_view line_index::line_text(std::uint32_t line) const {
    if (line == 0 || line > starts_.size()) {
        return {};
    }
    const std::uint32_t begin = starts_[line - 1];
    std::uint32_t end =
        line < starts_.size() ? starts_[line] - 1 : static_cast<std::uint32_t>(text_.size());
    if (end > begin && text_[end - 1] == '\r' && line < starts_.size()) {
        --end;
    }
    return text_.substr(begin, end - begin);
}

std::size_t display_width(std::string_view text) {
    std::size_t width = 0;
    const auto* p = reinterpret_cast<const std::uint8_t*>(text.data());
    const auto n = static_cast<std::int32_t>(text.size());
    for (std::int32_t i = 0; i < n;) {
        UChar32 c = 0;
        U8_NEXT(p, i, n, c);
        if (c < 0x20 || (c >= 0x7F && c < 0xA0)) {
            continue;
        }
        const auto type = u_charType(c);
        if (type == U_NON_SPACING_MARK || type == U_ENCLOSING_MARK || type == U_FORMAT_CHAR) {
            continue;
        }
        const auto ea = u_getIntPropertyValue(c, UCHAR_EAST_ASIAN_WIDTH);
        width += (ea == U_EA_WIDE || ea == U_EA_FULLWIDTH) ? 2 : 1;
    }
    return width;
}

} // namespace nianbao::source
