// Byte-level helpers of the text/ scans: UTF-8 decoding that reads ASCII and three-byte code
// points itself, and searches that test sixteen or sixty-four bytes at once (SSE2).
#pragma once

#include <algorithm>
#include <array>
#include <cstdint>
#include <string_view>

#include <unicode/utf8.h>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace nianbao::lint::detail {

// The code point starting at `i` (valid UTF-8 up to `end`) and its length.
struct decoded {
    char32_t cp = 0;
    std::uint32_t length = 0;
};
// The lead bytes of three-byte code points that take any two continuation bytes (E0 and ED
// restrict the first); Han characters and CJK punctuation are among them.
inline bool plain_lead3(std::uint8_t b) {
    return b >= 0xE1 && b <= 0xEF && b != 0xED;
}
inline bool continuation(std::uint8_t b) {
    return (b & 0xC0U) == 0x80U;
}
inline char32_t join3(std::uint8_t lead, std::uint8_t b1, std::uint8_t b2) {
    return static_cast<char32_t>((lead & 0x0FU) << 12 | (b1 & 0x3FU) << 6 | (b2 & 0x3FU));
}

// ASCII and three-byte code points are read here; ICU reads the others, and malformed bytes.
inline decoded decode_at(std::string_view text, std::uint32_t i, std::uint32_t end) {
    const auto* p = reinterpret_cast<const std::uint8_t*>(text.data());
    if (p[i] < 0x80) {
        return {p[i], 1};
    }
    if (end - i >= 3 && plain_lead3(p[i]) && continuation(p[i + 1]) && continuation(p[i + 2])) {
        return {join3(p[i], p[i + 1], p[i + 2]), 3};
    }
    auto j = static_cast<std::int32_t>(i);
    UChar32 c = 0;
    U8_NEXT(p, j, static_cast<std::int32_t>(end), c);
    return {c < 0 ? U'\uFFFD' : static_cast<char32_t>(c), static_cast<std::uint32_t>(j) - i};
}

// The code point ending just before `i` (after `begin`).
inline char32_t decode_before(std::string_view text, std::uint32_t begin, std::uint32_t i) {
    const auto* p = reinterpret_cast<const std::uint8_t*>(text.data());
    if (p[i - 1] < 0x80) {
        return p[i - 1];
    }
    if (i - begin >= 3 && plain_lead3(p[i - 3]) && continuation(p[i - 2])
        && continuation(p[i - 1])) {
        return join3(p[i - 3], p[i - 2], p[i - 1]);
    }
    auto j = static_cast<std::int32_t>(i);
    UChar32 c = 0;
    U8_PREV(p, static_cast<std::int32_t>(begin), j, c);
    return c < 0 ? U'\uFFFD' : static_cast<char32_t>(c);
}

// The length of the blank (space, TAB, U+00A0, U+3000) that ends just before byte `e` and not
// before `begin`, or 0.
inline std::uint32_t blank_ending_at(std::string_view text, std::uint32_t begin, std::uint32_t e) {
    const auto* p = reinterpret_cast<const unsigned char*>(text.data());
    if (e == begin) {
        return 0;
    }
    switch (p[e - 1]) {
    case ' ':
    case '\t':
        return 1;
    case 0xA0:
        return e - begin >= 2 && p[e - 2] == 0xC2 ? 2 : 0;
    case 0x80:
        return e - begin >= 3 && p[e - 2] == 0x80 && p[e - 3] == 0xE3 ? 3 : 0;
    default:
        return 0;
    }
}

#if defined(__SSE2__)
using bytes16 = __m128i;
inline bytes16 load16(const unsigned char* q) {
    return _mm_loadu_si128(reinterpret_cast<const __m128i*>(q));
}
inline bytes16 equal(bytes16 v, unsigned char c) {
    return _mm_cmpeq_epi8(v, _mm_set1_epi8(static_cast<char>(c)));
}
inline std::uint64_t mask_of(bytes16 v, unsigned shift) {
    return static_cast<std::uint64_t>(static_cast<unsigned>(_mm_movemask_epi8(v))) << shift;
}
#else
struct bytes16 {};
#endif

// Calls `f(i)` for every byte `i` in [from, end) that is one of `set`, in order, until `f`
// returns false. `p` is the start of the text, so the sixteen bytes before `end` may be read even
// when fewer are asked for: a short line costs one vector compare too (SSE2; a byte at a time
// without it).
template <std::size_t N, class F>
void for_each_of(const unsigned char* p, std::uint32_t from, std::uint32_t end,
                 const std::array<unsigned char, N>& set, F f) {
#if defined(__SSE2__)
    const auto matches = [&](std::uint32_t at) {
        const bytes16 v = load16(p + at);
        bytes16 hit = _mm_setzero_si128();
        for (const unsigned char c : set) {
            hit = _mm_or_si128(hit, equal(v, c));
        }
        return static_cast<unsigned>(_mm_movemask_epi8(hit));
    };
    const auto each = [&](std::uint32_t at, unsigned mask) {
        for (; mask != 0; mask &= mask - 1) {
            if (!f(at + static_cast<std::uint32_t>(__builtin_ctz(mask)))) {
                return false;
            }
        }
        return true;
    };
    for (; end - from >= 16; from += 16) {
        if (!each(from, matches(from))) {
            return;
        }
    }
    if (from < end && end >= 16) {
        // The last sixteen bytes before `end`, without those before `from`.
        const std::uint32_t at = end - 16;
        each(at, matches(at) & ~((1U << (from - at)) - 1U));
        return;
    }
#endif
    for (; from < end; ++from) {
        if (std::find(set.begin(), set.end(), p[from]) != set.end() && !f(from)) {
            return;
        }
    }
}

// The offset of the first byte in [from, end) that is one of `set`, or `end`.
template <std::size_t N>
std::uint32_t first_of(const unsigned char* p, std::uint32_t from, std::uint32_t end,
                       const std::array<unsigned char, N>& set) {
    std::uint32_t first = end;
    for_each_of(p, from, end, set, [&](std::uint32_t at) {
        first = at;
        return false;
    });
    return first;
}

// Calls `f(i)` for every offset `i` of [0, n) where `one(i)` holds. `block(q)` marks (0xFF) the
// offsets among the sixteen from `q` where it may hold, reading up to `reach` bytes past them;
// only those are asked, and not even those when the marks are `exact`. Sixty-four bytes are
// tested together and most have nothing to find (SSE2; without it every byte is asked).
template <class Block, class One, class F>
void for_each_match([[maybe_unused]] const unsigned char* p, std::uint32_t n,
                    [[maybe_unused]] std::uint32_t reach, [[maybe_unused]] bool exact,
                    [[maybe_unused]] Block block, One one, F f) {
    std::uint32_t i = 0;
#if defined(__SSE2__)
    for (; n >= reach + 64 && i <= n - reach - 64; i += 64) {
        const bytes16 h0 = block(p + i);
        const bytes16 h1 = block(p + i + 16);
        const bytes16 h2 = block(p + i + 32);
        const bytes16 h3 = block(p + i + 48);
        if (mask_of(_mm_or_si128(_mm_or_si128(h0, h1), _mm_or_si128(h2, h3)), 0) == 0) {
            continue;
        }
        for (std::uint64_t mask =
                 mask_of(h0, 0) | mask_of(h1, 16) | mask_of(h2, 32) | mask_of(h3, 48);
             mask != 0; mask &= mask - 1) {
            if (const auto at = i + static_cast<std::uint32_t>(__builtin_ctzll(mask));
                exact || one(at)) {
                f(at);
            }
        }
    }
#endif
    for (; i < n; ++i) {
        if (one(i)) {
            f(i);
        }
    }
}

} // namespace nianbao::lint::detail
