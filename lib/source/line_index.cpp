// Line index and display width.
#include "source/line_index.hpp"

#include <algorithm>
#include <array>
#include <atomic>
#include <bit>
#include <cstring>
#include <limits>
#include <mutex>
#include <string>

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

// Continuation bytes (10xxxxxx) among the eight in `w`: bit 7 set and bit 6 clear marks one, and
// a multiply sums the marks. `keep` selects the bytes counted.
std::uint32_t continuations(std::uint64_t w, std::uint64_t keep = ~std::uint64_t{0}) {
    constexpr std::uint64_t high_bits = 0x8080808080808080ULL;
    constexpr std::uint64_t low_bits = 0x0101010101010101ULL;
    const std::uint64_t marks = (w & ~(w << 1U) & high_bits & keep) >> 7U;
    return static_cast<std::uint32_t>((marks * low_bits) >> 56U);
}

// Code points in text[from, to): count the bytes that are not continuation bytes, eight at a time.
std::uint32_t code_points(std::string_view text, std::uint32_t from, std::uint32_t to) {
    std::uint32_t n = 0;
    std::uint32_t i = from;
    for (; i < to && to - i >= 8; i += 8) {
        std::uint64_t w = 0;
        std::memcpy(&w, text.data() + i, sizeof w);
        n += 8 - continuations(w);
    }
    // The last few bytes from one load that reads past `to` (but not past the text), if the
    // first byte loaded is the lowest.
    if constexpr (std::endian::native == std::endian::little) {
        if (i < to && text.size() - i >= 8) {
            std::uint64_t w = 0;
            std::memcpy(&w, text.data() + i, sizeof w);
            const std::uint32_t k = to - i;
            return n + k - continuations(w, (std::uint64_t{1} << (8 * k)) - 1);
        }
    }
    for (; i < to; ++i) {
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

position line_index::locate(std::uint32_t offset, position from) const {
    offset = std::min<std::uint32_t>(offset, static_cast<std::uint32_t>(text_.size()));
    if (offset < from.offset || from.line == 0 || from.line > starts_.size()) {
        return locate(offset);
    }
    // The lines after `from`'s start at starts_[from.line]; before that, `offset` shares its line.
    const auto next = starts_.begin() + from.line;
    if (next == starts_.end() || offset < *next) {
        const std::uint32_t column = offset - from.offset <= block
                                         ? from.column + code_points(text_, from.offset, offset)
                                         : column_from(starts_[from.line - 1], offset);
        return {offset, from.line, column};
    }
    const auto it = std::upper_bound(next, starts_.end(), offset) - 1;
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

namespace {

// The definition of a code point's width: ICU's general category and East Asian width. Out of
// line and cold, so that the loops calling the table keep their counters in registers.
[[gnu::noinline, gnu::cold]] std::uint8_t icu_width(UChar32 c) {
    if (c < 0x20 || (c >= 0x7F && c < 0xA0)) {
        return 0;
    }
    const auto type = u_charType(c);
    if (type == U_NON_SPACING_MARK || type == U_ENCLOSING_MARK || type == U_FORMAT_CHAR) {
        return 0;
    }
    const auto ea = u_getIntPropertyValue(c, UCHAR_EAST_ASIAN_WIDTH);
    return (ea == U_EA_WIDE || ea == U_EA_FULLWIDTH) ? 2 : 1;
}

// The widths of the Basic Multilingual Plane, filled from ICU a page of 256 code points at a time
// on first use: the two property lookups cost about a hundred instructions a character, the table
// a few. Pages are filled under a lock and published by their flag, so threads may share it.
class bmp_widths {
public:
    std::uint8_t operator()(std::uint32_t c) {
        const std::uint32_t page = c >> 8U;
        if (!ready_[page].load(std::memory_order_acquire)) {
            fill(page);
        }
        return widths_[page][c & 0xFFU];
    }

private:
    [[gnu::noinline, gnu::cold]] void fill(std::uint32_t page) {
        const std::lock_guard<std::mutex> lock(mutex_);
        if (ready_[page].load(std::memory_order_relaxed)) {
            return;
        }
        for (std::uint32_t i = 0; i < 256; ++i) {
            widths_[page][i] = icu_width(static_cast<UChar32>(page << 8U | i));
        }
        ready_[page].store(true, std::memory_order_release);
    }

    std::array<std::array<std::uint8_t, 256>, 256> widths_{};
    std::array<std::atomic<bool>, 256> ready_{};
    std::mutex mutex_;
};

constinit bmp_widths bmp_width;

std::size_t width_of(UChar32 c) {
    return c < 0x10000 ? bmp_width(static_cast<std::uint32_t>(c)) : icu_width(c);
}

// The code point at p[i], as U8_NEXT reads it (negative if ill-formed), advancing i. Three-byte
// characters from U+1000 to U+CFFF (CJK among them), whose second byte may be any continuation
// byte, are read here without ICU's checks for the others.
UChar32 next_code_point(const std::uint8_t* p, std::int32_t& i, std::int32_t n) {
    const unsigned lead = p[i];
    if (lead >= 0xE1 && lead <= 0xEC && n - i >= 3) {
        const unsigned t1 = p[i + 1] ^ 0x80U;
        const unsigned t2 = p[i + 2] ^ 0x80U;
        if ((t1 | t2) < 0x40) {
            i += 3;
            return static_cast<UChar32>((lead & 0xFU) << 12U | t1 << 6U | t2);
        }
    }
    UChar32 c = 0;
    U8_NEXT(p, i, n, c);
    return c;
}

// Eight bytes of printable ASCII (U+0020 to U+007E, a column each): every high bit clear, every
// byte at least 0x20 (adding 0x60 sets its high bit) and below 0x7F (adding 1 leaves it clear).
// A carry crosses bytes only from a byte with its high bit set, which is refused anyway.
bool printable_8(const std::uint8_t* p) {
    constexpr std::uint64_t low_bits = 0x0101010101010101ULL;
    constexpr std::uint64_t high_bits = 0x8080808080808080ULL;
    std::uint64_t w = 0;
    std::memcpy(&w, p, sizeof w);
    return ((w | ~(w + 0x60 * low_bits) | (w + low_bits)) & high_bits) == 0;
}

// A CJK unified ideograph, U+4E00 to U+9FFF (E4 B8 80 to E9 BF BF): two columns, as ICU says of
// every one of them (a test checks), known without the table and the pages it would fill. The
// lead byte and the second byte's payload, taken together, are the code point's top ten bits.
bool han_at(const std::uint8_t* p, std::int32_t left) {
    if (left < 3) {
        return false;
    }
    const unsigned top = static_cast<unsigned>(p[0]) << 6U | (p[1] & 0x3FU);
    const unsigned marks = (p[1] & 0xC0U) | (p[2] >> 2U & 0x30U); // 10xxxxxx twice: 0xA0
    return top - (0xE4U << 6U | 0x38U) <= (0xE9U << 6U | 0x3FU) - (0xE4U << 6U | 0x38U)
           && marks == 0xA0U;
}

} // namespace

std::size_t code_point_width(char32_t c) {
    return c < 0x10000 ? bmp_width(c) : icu_width(static_cast<UChar32>(c));
}

// Runs of printable ASCII and of Han are taken without the table.
text_width measure_width(std::string_view text, std::size_t limit) {
    text_width m;
    const auto* p = reinterpret_cast<const std::uint8_t*>(text.data());
    const auto n = static_cast<std::int32_t>(text.size());
    for (std::int32_t i = 0; i < n && m.width <= limit;) {
        const unsigned b = p[i];
        if (b < 0x80) {
            if (n - i >= 8 && printable_8(p + i)) {
                m.width += 8;
                i += 8;
            } else {
                m.width += b >= 0x20 && b != 0x7F ? 1U : 0U; // a TAB or CR, like any control: 0
                m.tabs += b == '\t' ? 1U : 0U;
                ++i;
            }
        } else if (han_at(p + i, n - i)) {
            do {
                m.width += 2;
                i += 3;
            } while (m.width <= limit && han_at(p + i, n - i));
        } else {
            const UChar32 c = next_code_point(p, i, n);
            m.well_formed = m.well_formed && c >= 0;
            m.width += c < 0 ? 0 : width_of(c); // ill-formed UTF-8 counts nothing
        }
    }
    return m;
}

std::size_t expanded_width(std::string_view text) {
    const text_width m = measure_width(text);
    if (m.well_formed) {
        return m.expanded();
    }
    // In ill-formed UTF-8, removing a CR can join bytes into a character: measure the text as
    // shown.
    std::string shown;
    for (const char b : text) {
        if (b == '\t') {
            shown += "    ";
        } else if (b != '\r') {
            shown += b;
        }
    }
    return display_width(shown);
}

std::size_t display_width(std::string_view text) {
    return display_width(text, std::numeric_limits<std::size_t>::max());
}

std::size_t display_width(std::string_view text, std::size_t limit) {
    return measure_width(text, limit).width;
}

} // namespace nianbao::source
