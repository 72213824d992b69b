// The builder's fast paths: runs of line and cell characters matched with memchr/SSE2 instead
// of PEGTL's byte-at-a-time loop, and UTF-8 characters compared as bytes instead of decoded.
// Included by builder.cpp only (PEGTL stays out of public headers).
#pragma once

#include <cstddef>
#include <cstring>
#include <type_traits>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include <tao/pegtl.hpp>

#include "grammar/document.hpp"

namespace nianbao::ast::detail {

namespace pegtl = tao::pegtl;

//=== byte scanners ===//

/// The end of a run of `lexical::line_char` starting at `p`: the first LF, or the CR right
/// before it (a CR elsewhere is text), or `end`.
inline const char* line_run_end(const char* p, const char* end) noexcept {
    const auto* lf =
        static_cast<const char*>(std::memchr(p, '\n', static_cast<std::size_t>(end - p)));
    if (lf == nullptr) {
        return end;
    }
    return lf > p && lf[-1] == '\r' ? lf - 1 : lf;
}

/// The first `|` or LF at or after `p`, or `end`. Cells are short, so this tests 16 bytes at a
/// time rather than calling memchr twice per cell (which would scan the rest of a wide row).
inline const char* find_bar_or_lf(const char* p, const char* end) noexcept {
#if defined(__SSE2__)
    const __m128i bar = _mm_set1_epi8('|');
    const __m128i lf = _mm_set1_epi8('\n');
    for (; end - p >= 16; p += 16) {
        const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
        const int hits =
            _mm_movemask_epi8(_mm_or_si128(_mm_cmpeq_epi8(v, bar), _mm_cmpeq_epi8(v, lf)));
        if (hits != 0) {
            return p + __builtin_ctz(static_cast<unsigned>(hits));
        }
    }
#endif
    while (p < end && *p != '|' && *p != '\n') {
        ++p;
    }
    return p;
}

/// The end of a run of `common::cell_char` starting at `p`: the first `|` or LF, or the CR
/// right before that LF, or `end`.
inline const char* cell_run_end(const char* p, const char* end) noexcept {
    const char* stop = find_bar_or_lf(p, end);
    return stop < end && *stop == '\n' && stop > p && stop[-1] == '\r' ? stop - 1 : stop;
}

/// `line_run_end` and `cell_run_end` over one text, remembering where the last searches ended.
/// The detectors scan a prose line up to six times (lines and pipe, two attempts each, then the
/// paragraph): with the memory each byte of a line is searched about once.
class run_scanner {
public:
    const char* line_run_end(const char* p, const char* end) noexcept {
        if (!lf_.covers(p)) {
            const auto* hit = std::memchr(p, '\n', static_cast<std::size_t>(end - p));
            lf_ = {p, hit != nullptr ? static_cast<const char*>(hit) : end};
        }
        return before_crlf(p, lf_.to, end);
    }
    const char* cell_run_end(const char* p, const char* end) noexcept {
        if (!stop_.covers(p)) {
            const bool lf_known = lf_.covers(p);
            stop_ = {p, find_bar_or_lf(p, lf_known ? lf_.to : end)};
            if (!lf_known && (stop_.to == end || *stop_.to == '\n')) {
                lf_ = stop_;
            }
        }
        return stop_.to < end && *stop_.to == '|' ? stop_.to : before_crlf(p, stop_.to, end);
    }

private:
    // No byte searched for lies in [from, to), and `to` holds one or is the end of the text:
    // a search from any position in [from, to] ends at `to`.
    struct memo {
        const char* from = nullptr;
        const char* to = nullptr;
        bool covers(const char* p) const noexcept { return p >= from && p <= to; }
    };
    // A run stops before the CR of a CRLF (a CR elsewhere is text).
    static const char* before_crlf(const char* p, const char* lf, const char* end) noexcept {
        return lf < end && lf > p && lf[-1] == '\r' ? lf - 1 : lf;
    }

    memo lf_;   // searches for LF
    memo stop_; // searches for `|` or LF
};

//=== which rules they match ===//

// PEGTL matches `star<line_char>` a byte at a time through the control, and a prose line is
// scanned three or four times (by the lines and pipe detectors, then as a paragraph). Runs of the
// two line-scanning character rules are matched with memchr/SSE2 instead. A fast path applies
// only while the character rule is defined exactly as its scanner assumes: if the grammar
// changes the rule, PEGTL's own loop takes over again.
enum class run_kind { none, line, cell, blank };

namespace lex = grammar::lexical;
inline constexpr bool lf_as_assumed = std::is_base_of_v<pegtl::one<'\n'>, lex::lf>;
inline constexpr bool lone_cr_as_assumed =
    lf_as_assumed
    && std::is_base_of_v<pegtl::seq<pegtl::one<'\r'>, pegtl::not_at<lex::lf>>, lex::lone_cr>;
inline constexpr bool line_char_as_assumed =
    lone_cr_as_assumed
    && std::is_base_of_v<pegtl::sor<pegtl::not_one<'\r', '\n'>, lex::lone_cr>, lex::line_char>;
inline constexpr bool cell_char_as_assumed =
    lone_cr_as_assumed
    && std::is_base_of_v<pegtl::sor<pegtl::not_one<'|', '\r', '\n'>, lex::lone_cr>,
                         grammar::common::cell_char>;

// Runs of blanks (heading indents and gaps, blank lines, trailing blanks of rows).
inline constexpr bool blank_as_assumed =
    std::is_base_of_v<
        pegtl::sor<lex::ascii_blank, lex::nbsp, lex::ideographic_space>,
        lex::
            blank> && std::is_base_of_v<pegtl::one<' ', '\t'>, lex::ascii_blank> && std::is_base_of_v<pegtl::utf8::one<0x00A0>, lex::nbsp> && std::is_base_of_v<pegtl::utf8::one<0x3000>, lex::ideographic_space>;

/// The end of `star<lexical::blank>` from `p`: spaces, TABs, U+00A0 and U+3000 (compared as
/// bytes, as `utf8_one` does).
[[gnu::always_inline]] inline const char* blanks_end(const char* p, const char* end) noexcept {
    for (;;) {
        const auto* u = reinterpret_cast<const unsigned char*>(p);
        const std::ptrdiff_t n = end - p;
        if (n >= 1 && (u[0] == ' ' || u[0] == '\t')) {
            p += 1;
        } else if (n >= 2 && u[0] == 0xC2 && u[1] == 0xA0) {
            p += 2;
        } else if (n >= 3 && u[0] == 0xE3 && u[1] == 0x80 && u[2] == 0x80) {
            p += 3;
        } else {
            return p;
        }
    }
}

template <typename Char>
inline constexpr run_kind run_of = run_kind::none;
template <>
inline constexpr run_kind run_of<lex::line_char> =
    line_char_as_assumed ? run_kind::line : run_kind::none;
template <>
inline constexpr run_kind run_of<grammar::common::cell_char> =
    cell_char_as_assumed ? run_kind::cell : run_kind::none;
template <>
inline constexpr run_kind run_of<lex::blank> = blank_as_assumed ? run_kind::blank : run_kind::none;

// `star<Char>` and `plus<Char>`, and rules derived from them (by their `rule_t`).
template <typename RuleT>
struct run_rule {
    static constexpr run_kind kind = run_kind::none;
    static constexpr bool at_least_one = false;
};
template <typename Char>
struct run_rule<pegtl::internal::star<Char>> {
    static constexpr run_kind kind = run_of<Char>;
    static constexpr bool at_least_one = false;
};
template <typename Char>
struct run_rule<pegtl::internal::plus<Char>> {
    static constexpr run_kind kind = run_of<Char>;
    static constexpr bool at_least_one = true;
};

template <typename Rule>
inline constexpr run_kind run_kind_of = run_kind::none;
template <typename Rule>
requires requires {
    typename Rule::rule_t;
}
inline constexpr run_kind run_kind_of<Rule> = run_rule<typename Rule::rule_t>::kind;

// `utf8::one<Cs...>` compares bytes: the input decodes to `c` exactly when it starts with the
// UTF-8 encoding of `c` (PEGTL's decoder rejects overlong forms and surrogates), so no decoding
// is needed. A code point that has no encoding never matches, as under PEGTL.
struct utf8_encoding {
    unsigned char b[4];
    unsigned size; // 0: not a code point PEGTL can decode to
};
constexpr utf8_encoding encode_utf8(char32_t c) noexcept {
    if (c < 0x80) {
        return {{static_cast<unsigned char>(c), 0, 0, 0}, 1};
    }
    if (c < 0x800) {
        return {{static_cast<unsigned char>(0xC0 | (c >> 6)),
                 static_cast<unsigned char>(0x80 | (c & 0x3F)), 0, 0},
                2};
    }
    if (c >= 0xD800 && c <= 0xDFFF) {
        return {{0, 0, 0, 0}, 0};
    }
    if (c < 0x10000) {
        return {{static_cast<unsigned char>(0xE0 | (c >> 12)),
                 static_cast<unsigned char>(0x80 | ((c >> 6) & 0x3F)),
                 static_cast<unsigned char>(0x80 | (c & 0x3F)), 0},
                3};
    }
    if (c <= 0x10FFFF) {
        return {{static_cast<unsigned char>(0xF0 | (c >> 18)),
                 static_cast<unsigned char>(0x80 | ((c >> 12) & 0x3F)),
                 static_cast<unsigned char>(0x80 | ((c >> 6) & 0x3F)),
                 static_cast<unsigned char>(0x80 | (c & 0x3F))},
                4};
    }
    return {{0, 0, 0, 0}, 0};
}
template <char32_t C>
unsigned starts_with_utf8(const unsigned char* p, std::ptrdiff_t n) noexcept {
    constexpr utf8_encoding e = encode_utf8(C);
    if constexpr (e.size == 0) {
        return 0;
    } else {
        if (n < static_cast<std::ptrdiff_t>(e.size) || p[0] != e.b[0]) {
            return 0;
        }
        for (unsigned i = 1; i < e.size; ++i) {
            if (p[i] != e.b[i]) {
                return 0;
            }
        }
        return e.size;
    }
}
template <typename RuleT>
struct utf8_one : std::false_type {};
template <char32_t... Cs>
struct utf8_one<pegtl::internal::one<pegtl::internal::result_on_found::success,
                                     pegtl::internal::peek_utf8, Cs...>> : std::true_type {
    static unsigned match(const char* p, const char* end) noexcept {
        const auto* u = reinterpret_cast<const unsigned char*>(p);
        unsigned size = 0;
        (void)(((size = starts_with_utf8<Cs>(u, end - p)) != 0) || ...); // the first that matches
        return size;
    }
    /// Whether `b` starts the encoding of one of the characters (a byte no match can start at
    /// need not be tried).
    static constexpr bool is_lead(unsigned char b) noexcept {
        return ((encode_utf8(Cs).size != 0 && encode_utf8(Cs).b[0] == b) || ...);
    }
};
template <typename Rule>
inline constexpr bool is_utf8_one = false;
template <typename Rule>
requires requires {
    typename Rule::rule_t;
}
inline constexpr bool is_utf8_one<Rule> = utf8_one<typename Rule::rule_t>::value;

} // namespace nianbao::ast::detail
