// UTF-8 validation: 32 bytes at a time with AVX2 where the processor has it (the lookup
// algorithm of Keiser and Lemire, "Validating UTF-8 in less than one instruction per byte",
// 2021, as simdjson and simdutf implement it), and a scalar loop that finds the exact offset.
//
// The vector pass only answers "is every block so far valid?". It stops at the first block that
// holds an error (or at the last whole block); the scalar loop then goes on from the last
// character boundary before that point, so the offset it returns is always the scalar one.
#include <algorithm>
#include <cstdint>
#include <cstring>

#include <unicode/utf8.h>

#include "source/text.hpp"

#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
#include <immintrin.h>
#define NIANBAO_UTF8_AVX2 1
#endif

namespace nianbao::source {

namespace detail {

std::size_t first_invalid_utf8_from(std::string_view s, std::size_t i) {
    const auto* p = reinterpret_cast<const std::uint8_t*>(s.data());
    const std::size_t n = s.size();
    while (i < n) {
        if (p[i] < 0x80) {
            std::uint64_t word = 0;
            while (i + 8 <= n
                   && (std::memcpy(&word, p + i, 8), (word & 0x8080808080808080ULL) == 0)) {
                i += 8;
            }
            while (i < n && p[i] < 0x80) {
                ++i;
            }
            continue;
        }
        // A run of three-byte characters led by E1–EC or EE–EF (CJK text), in a tight loop.
        while (i + 3 <= n) {
            const unsigned lead = p[i];
            const unsigned tails = (p[i + 1] ^ 0x80U) | (p[i + 2] ^ 0x80U); // < 0x40: both 80–BF
            if (lead - 0xE1U > 0xEFU - 0xE1U || lead == 0xED || tails >= 0x40U) {
                break;
            }
            i += 3;
        }
        if (i >= n || p[i] < 0x80) {
            continue;
        }
        UChar32 c = 0;
        std::int32_t length = 0;
        const auto window = static_cast<std::int32_t>(std::min<std::size_t>(n - i, 4));
        U8_NEXT(p + i, length, window, c);
        if (c < 0) {
            return i;
        }
        i += static_cast<std::size_t>(length);
    }
    return std::string_view::npos;
}

} // namespace detail

namespace {

#ifdef NIANBAO_UTF8_AVX2

// Error classes of a pair of bytes (first byte's high nibble, its low nibble, second byte's high
// nibble); a pair is in error when one class is set in all three lookups.
constexpr std::uint8_t too_short = 1U << 0;      // 11______ 0_______ or 11______ 11______
constexpr std::uint8_t too_long = 1U << 1;       // 0_______ 10______
constexpr std::uint8_t overlong_3 = 1U << 2;     // 11100000 100_____
constexpr std::uint8_t too_large = 1U << 3;      // 11110100 1001____ and above
constexpr std::uint8_t surrogate = 1U << 4;      // 11101101 101_____
constexpr std::uint8_t overlong_2 = 1U << 5;     // 1100000_ 10______
constexpr std::uint8_t too_large_1000 = 1U << 6; // 11110101 1000____ and above
constexpr std::uint8_t overlong_4 = 1U << 6;     // 11110000 1000____
constexpr std::uint8_t two_conts = 1U << 7;      // 10______ 10______
constexpr std::uint8_t carry = too_short | too_long | two_conts;

__attribute__((target("avx2"))) __m256i table(std::uint8_t a0, std::uint8_t a1, std::uint8_t a2,
                                              std::uint8_t a3, std::uint8_t a4, std::uint8_t a5,
                                              std::uint8_t a6, std::uint8_t a7, std::uint8_t a8,
                                              std::uint8_t a9, std::uint8_t a10, std::uint8_t a11,
                                              std::uint8_t a12, std::uint8_t a13, std::uint8_t a14,
                                              std::uint8_t a15) {
    const auto c = [](std::uint8_t v) {
        return static_cast<char>(v);
    };
    return _mm256_setr_epi8(c(a0), c(a1), c(a2), c(a3), c(a4), c(a5), c(a6), c(a7), c(a8), c(a9),
                            c(a10), c(a11), c(a12), c(a13), c(a14), c(a15), c(a0), c(a1), c(a2),
                            c(a3), c(a4), c(a5), c(a6), c(a7), c(a8), c(a9), c(a10), c(a11), c(a12),
                            c(a13), c(a14), c(a15));
}

// The last `N` bytes of `prev` followed by the first 32 - N bytes of `input`.
template <int N>
__attribute__((target("avx2"))) __m256i previous(__m256i input, __m256i prev) {
    return _mm256_alignr_epi8(input, _mm256_permute2x128_si256(prev, input, 0x21), 16 - N);
}

// The offset of the character boundary at or before the first whole block of 32 bytes that
// holds an error, or before the tail after the last whole block: everything before it is valid.
__attribute__((target("avx2"))) std::size_t valid_prefix_avx2(const std::uint8_t* p,
                                                              std::size_t n) {
    const __m256i nibble = _mm256_set1_epi8(0x0F);
    const __m256i byte_1_high = table(
        too_long, too_long, too_long, too_long, too_long, too_long, too_long, too_long, two_conts,
        two_conts, two_conts, two_conts, too_short | overlong_2, too_short,
        too_short | overlong_3 | surrogate, too_short | too_large | too_large_1000 | overlong_4);
    const std::uint8_t large = carry | too_large | too_large_1000;
    const __m256i byte_1_low =
        table(carry | overlong_3 | overlong_2 | overlong_4, carry | overlong_2, carry, carry,
              carry | too_large, large, large, large, large, large, large, large, large,
              large | surrogate, large, large);
    const std::uint8_t cont = too_long | overlong_2 | two_conts;
    const __m256i byte_2_high =
        table(too_short, too_short, too_short, too_short, too_short, too_short, too_short,
              too_short, cont | overlong_3 | too_large_1000 | overlong_4,
              cont | overlong_3 | too_large, cont | surrogate | too_large,
              cont | surrogate | too_large, too_short, too_short, too_short, too_short);
    // A lead byte in the last three places that its character cannot fit in.
    const __m256i incomplete_max =
        _mm256_setr_epi8(-1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1,
                         -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, static_cast<char>(0xF0 - 1),
                         static_cast<char>(0xE0 - 1), static_cast<char>(0xC0 - 1));

    __m256i prev_input = _mm256_setzero_si256();
    __m256i prev_incomplete = _mm256_setzero_si256();
    std::size_t i = 0;
    for (; i + 32 <= n; i += 32) {
        const __m256i input = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(p + i));
        __m256i error;
        if (_mm256_movemask_epi8(input) == 0) {
            error = prev_incomplete;
        } else {
            const __m256i prev1 = previous<1>(input, prev_input);
            const __m256i sc = _mm256_and_si256(
                _mm256_and_si256(
                    _mm256_shuffle_epi8(byte_1_high,
                                        _mm256_and_si256(_mm256_srli_epi16(prev1, 4), nibble)),
                    _mm256_shuffle_epi8(byte_1_low, _mm256_and_si256(prev1, nibble))),
                _mm256_shuffle_epi8(byte_2_high,
                                    _mm256_and_si256(_mm256_srli_epi16(input, 4), nibble)));
            // Third and fourth bytes must be continuations exactly where a lead asks for them.
            const __m256i third =
                _mm256_subs_epu8(previous<2>(input, prev_input), _mm256_set1_epi8(0xE0 - 0x80));
            const __m256i fourth =
                _mm256_subs_epu8(previous<3>(input, prev_input), _mm256_set1_epi8(0xF0 - 0x80));
            const __m256i must23 = _mm256_and_si256(_mm256_or_si256(third, fourth),
                                                    _mm256_set1_epi8(static_cast<char>(0x80)));
            error = _mm256_xor_si256(must23, sc);
            prev_incomplete = _mm256_subs_epu8(input, incomplete_max);
        }
        if (_mm256_testz_si256(error, error) == 0) {
            break;
        }
        prev_input = input;
    }
    // Back to the lead byte of a character that may run past `i` (or be cut short at the end):
    // the last byte before `i` that is not a continuation, if it is a lead.
    for (std::size_t b = i; b > 0 && b + 3 > i; --b) {
        if ((p[b - 1] & 0xC0U) != 0x80U) {
            return p[b - 1] >= 0xC0U ? b - 1 : i;
        }
    }
    return i;
}

bool has_avx2() {
    static const bool yes = __builtin_cpu_supports("avx2");
    return yes;
}

#endif

} // namespace

std::size_t first_invalid_utf8(std::string_view s) {
#ifdef NIANBAO_UTF8_AVX2
    if (s.size() >= 64 && has_avx2()) {
        return detail::first_invalid_utf8_from(
            s, valid_prefix_avx2(reinterpret_cast<const std::uint8_t*>(s.data()), s.size()));
    }
#endif
    return detail::first_invalid_utf8_from(s, 0);
}

} // namespace nianbao::source
