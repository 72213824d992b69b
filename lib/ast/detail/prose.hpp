// The builder's fast paths for prose lines: a heading title, a signature or a report title is a
// run of characters each tested once, after one decoding, instead of by three or four PEGTL rules
// that each decode it again; a TAB-led line is searched for a sentence end by its bytes.
// Included by builder.cpp (through fast_paths.hpp) and its tests only.
#pragma once

#include <array>
#include <cstddef>
#include <string_view>
#include <type_traits>

#include <tao/pegtl.hpp>

#include "ast/detail/runs.hpp"
#include "grammar/document.hpp"

namespace nianbao::ast::detail {

//=== code points ===//

/// A code point as PEGTL's `peek_utf8` decodes it: `size` 0 for the end of the input and for
/// ill-formed, overlong, surrogate or out-of-range sequences.
struct code_point {
    char32_t c = 0;
    unsigned size = 0;
};
inline code_point decode_utf8(const char* p, const char* end) noexcept {
    const auto* u = reinterpret_cast<const unsigned char*>(p);
    const std::ptrdiff_t n = end - p;
    if (n <= 0) {
        return {};
    }
    const char32_t c0 = u[0];
    if (c0 < 0x80) {
        return {c0, 1};
    }
    const auto cont = [u](int i) {
        return (u[i] & 0xC0U) == 0x80U;
    };
    const auto bits = [u](int i) {
        return static_cast<char32_t>(u[i] & 0x3FU);
    };
    if ((c0 & 0xE0U) == 0xC0U && n >= 2 && cont(1)) {
        const char32_t c = (c0 & 0x1FU) << 6U | bits(1);
        return c >= 0x80 ? code_point{c, 2} : code_point{};
    }
    if ((c0 & 0xF0U) == 0xE0U && n >= 3 && cont(1) && cont(2)) {
        const char32_t c = (c0 & 0x0FU) << 12U | bits(1) << 6U | bits(2);
        return c >= 0x800 && (c < 0xD800 || c > 0xDFFF) ? code_point{c, 3} : code_point{};
    }
    if ((c0 & 0xF8U) == 0xF0U && n >= 4 && cont(1) && cont(2) && cont(3)) {
        const char32_t c = (c0 & 0x07U) << 18U | bits(1) << 12U | bits(2) << 6U | bits(3);
        return c >= 0x10000 && c <= 0x10FFFF ? code_point{c, 4} : code_point{};
    }
    return {};
}

// Membership in a character class made of `one<…>` (ASCII bytes) and `utf8::one<…>` under
// `sor<…>`, read off the grammar's own rule so the two cannot drift apart. For a well-formed
// character an ASCII byte test is a code-point test, since no other character starts with an
// ASCII byte.
template <typename RuleT>
struct char_set : std::false_type {};
template <char... Cs>
struct char_set<pegtl::internal::one<pegtl::internal::result_on_found::success,
                                     pegtl::internal::peek_char, Cs...>> : std::true_type {
    static_assert(((Cs >= 0) && ...), "ASCII characters only");
    static constexpr bool has(char32_t c) noexcept {
        return ((c == static_cast<char32_t>(Cs)) || ...);
    }
    static constexpr bool any_in(char32_t lo, char32_t hi) noexcept {
        return ((static_cast<char32_t>(Cs) >= lo && static_cast<char32_t>(Cs) <= hi) || ...);
    }
};
template <char32_t... Cs>
struct char_set<pegtl::internal::one<pegtl::internal::result_on_found::success,
                                     pegtl::internal::peek_utf8, Cs...>> : std::true_type {
    static constexpr bool has(char32_t c) noexcept { return ((c == Cs) || ...); }
    static constexpr bool any_in(char32_t lo, char32_t hi) noexcept {
        return ((Cs >= lo && Cs <= hi) || ...);
    }
};
template <typename... Rs>
struct char_set<pegtl::internal::sor<Rs...>>
    : std::bool_constant<(char_set<typename Rs::rule_t>::value && ...)> {
    static constexpr bool has(char32_t c) noexcept {
        return (char_set<typename Rs::rule_t>::has(c) || ...);
    }
    /// Whether a member lies in [lo, hi].
    static constexpr bool any_in(char32_t lo, char32_t hi) noexcept {
        return (char_set<typename Rs::rule_t>::any_in(lo, hi) || ...);
    }
};
template <typename Rule>
constexpr bool in_class(char32_t c) noexcept {
    return char_set<typename Rule::rule_t>::has(c);
}

//=== title and signature characters ===//

namespace doc = grammar::document;

// The definitions the fast paths below assume; if the grammar changes one of them, PEGTL's own
// rules take over again (tests/ast/detail/prose_test.cpp notices).
inline constexpr bool title_char_as_assumed =
    char_set<lex::sentence_end::rule_t>::value && char_set<lex::clause_tail::rule_t>::value
    && std::is_base_of_v<
        pegtl::seq<pegtl::not_at<lex::sentence_end>, pegtl::not_at<pegtl::one<'|'>>,
                   pegtl::utf8::not_one<'\r', '\n'>>,
        doc::title_char>;
inline constexpr bool signature_char_as_assumed =
    title_char_as_assumed
    && std::is_base_of_v<pegtl::seq<pegtl::not_at<lex::clause_tail>, doc::title_char>,
                         doc::signature_char>;
inline constexpr bool last_title_char_as_assumed =
    title_char_as_assumed
    && std::is_base_of_v<pegtl::seq<pegtl::not_at<lex::clause_tail>, doc::title_char>,
                         doc::last_title_char>;

/// `document::title_char` for a decoded character: no sentence end, `|`, CR or LF.
constexpr bool is_title_char(code_point cp) noexcept {
    return cp.size != 0 && cp.c != '|' && cp.c != '\r' && cp.c != '\n'
           && !in_class<lex::sentence_end>(cp.c);
}
/// `document::signature_char` (and `last_title_char`): a title character but no clause tail.
constexpr bool is_signature_char(code_point cp) noexcept {
    return is_title_char(cp) && !in_class<lex::clause_tail>(cp.c);
}

// What a character's first byte tells without decoding it: an ASCII character is or is not a
// title (signature) character; a three-byte character led by one of the `plain` bytes is a
// signature character whatever follows the lead, as no member of the classes above lies in the
// 4096 code points it may encode (E0 and ED, which lead some ill-formed sequences, are never
// plain).
enum : unsigned char { title_byte = 1, signature_byte = 2, plain_lead = 4 };
constexpr std::array<unsigned char, 256> make_lead_classes() noexcept {
    std::array<unsigned char, 256> t{};
    for (char32_t b = 0; b < 0x80; ++b) {
        t[b] = static_cast<unsigned char>((is_title_char({b, 1}) ? title_byte : 0)
                                          | (is_signature_char({b, 1}) ? signature_byte : 0));
    }
    for (char32_t b = 0xE1; b <= 0xEF; ++b) {
        const char32_t lo = (b & 0x0FU) << 12U;
        const char32_t hi = lo + 0xFFF;
        const auto holds = [lo, hi](char32_t c) {
            return c >= lo && c <= hi;
        };
        const bool plain = b != 0xED && !holds('|') && !holds('\r') && !holds('\n')
                           && !char_set<lex::sentence_end::rule_t>::any_in(lo, hi)
                           && !char_set<lex::clause_tail::rule_t>::any_in(lo, hi);
        t[b] = plain ? plain_lead : 0;
    }
    return t;
}
inline constexpr std::array<unsigned char, 256> lead_classes = make_lead_classes();

/// A run of title (or signature) characters from `p`, counted up to `limit`: where it ends, how
/// many it holds (`limit` when there are `limit` or more), and whether its last character is a
/// signature character (no clause tail).
struct char_run {
    const char* end;
    unsigned count;
    bool last_is_signature;
};
template <bool Signature>
char_run scan_run(const char* p, const char* end, unsigned limit) noexcept {
    constexpr unsigned char want = Signature ? signature_byte : title_byte;
    char_run r{p, 0, false};
    for (; r.count < limit; ++r.count) {
        const auto* u = reinterpret_cast<const unsigned char*>(r.end);
        if (r.end == end) {
            break;
        }
        const unsigned char k = lead_classes[u[0]];
        if (u[0] < 0x80) {
            if ((k & want) == 0) {
                break;
            }
            r.end += 1;
            r.last_is_signature = (k & signature_byte) != 0;
        } else if ((k & plain_lead) != 0 && end - r.end >= 3 && (u[1] & 0xC0U) == 0x80U
                   && (u[2] & 0xC0U) == 0x80U) {
            r.end += 3;
            r.last_is_signature = true;
        } else {
            const code_point cp = decode_utf8(r.end, end);
            if (!(Signature ? is_signature_char(cp) : is_title_char(cp))) {
                break;
            }
            r.end += cp.size;
            r.last_is_signature = Signature || is_signature_char(cp);
        }
    }
    return r;
}

/// Whether `common::line_end` matches at `p`: LF, CRLF or the end of the input.
inline constexpr bool line_end_as_assumed =
    lf_as_assumed
    && std::is_base_of_v<
        pegtl::string<'\r', '\n'>,
        lex::
            crlf> && std::is_base_of_v<pegtl::sor<lex::crlf, lex::lf>, lex::eol> && std::is_base_of_v<lex::eol, grammar::common::end_of_line> && std::is_base_of_v<pegtl::sor<grammar::common::end_of_line, pegtl::eof>, grammar::common::line_end>;
inline bool at_line_end(const char* p, const char* end) noexcept {
    return p == end || *p == '\n' || (*p == '\r' && end - p >= 2 && p[1] == '\n');
}

//=== sentence ends in a line ===//

/// Where `star<not_at<End>, lexical::line_char>` stops from `p`, `End` being a `utf8::one`: at the
/// first byte where `End` matches, or at the end of the line (LF, the CR of CRLF, or `end`).
/// `utf8_one` compares bytes, so only positions holding a lead byte of `End` are tried.
template <typename End>
const char* find_in_line(const char* p, const char* end, run_scanner& scan) noexcept {
    using set = utf8_one<typename End::rule_t>;
    static constexpr std::array<bool, 256> leads = [] {
        std::array<bool, 256> t{};
        for (unsigned b = 0; b < 256; ++b) {
            t[b] = set::is_lead(static_cast<unsigned char>(b));
        }
        return t;
    }();
    const char* stop = scan.line_run_end(p, end);
    for (const char* q = p; q < stop; ++q) {
        if (leads[static_cast<unsigned char>(*q)] && set::match(q, end) != 0) {
            return q;
        }
    }
    return stop;
}

//=== which rules they match ===//

// heading_text = seq<rep_max<59, title_char_before_last>, last_title_char, at<line_end>>, where
// title_char_before_last = seq<title_char, at<title_char>>: the repetition takes every title
// character that another follows, so the rule matches exactly a whole run of 1 to 60 title
// characters whose last is no clause tail, followed by a line end.
inline constexpr unsigned heading_text_max = 60;
inline constexpr bool heading_text_as_assumed =
    last_title_char_as_assumed && line_end_as_assumed
    && std::is_base_of_v<
        pegtl::seq<doc::title_char, pegtl::at<doc::title_char>>,
        doc::
            title_char_before_last> && std::is_base_of_v<pegtl::seq<pegtl::rep_max<heading_text_max - 1, doc::title_char_before_last>, doc::last_title_char, pegtl::at<grammar::common::line_end>>, doc::heading_text>;

/// The end of `document::heading_text` matched at `p`, or null.
/// Title characters hold no CR or LF and the line ends right after them, so the run ends where
/// the line does: a line of more than 60 four-byte characters holds no heading text.
inline const char* heading_text_end(const char* p, const char* end, run_scanner& scan) noexcept {
    if (scan.line_run_end(p, end) - p > 4 * std::ptrdiff_t{heading_text_max}) {
        return nullptr;
    }
    const char_run r = scan_run<false>(p, end, heading_text_max + 1);
    if (r.count == 0 || r.count > heading_text_max || !r.last_is_signature
        || !at_line_end(r.end, end)) {
        return nullptr;
    }
    return r.end;
}

// rep_min_max<Min, Max, C> over a one-character rule C matches the whole run of C from where it
// starts, when that run is Min to Max characters long.
template <typename C>
inline constexpr int char_rule = 0; // 1: title_char, 2: signature_char
template <>
inline constexpr int char_rule<doc::title_char> = title_char_as_assumed ? 1 : 0;
template <>
inline constexpr int char_rule<doc::signature_char> = signature_char_as_assumed ? 2 : 0;

template <typename Rule>
struct char_repeat : std::false_type {};
template <unsigned Min, unsigned Max, typename C>
requires(char_rule<C> != 0 && Max > 0) struct char_repeat<pegtl::rep_min_max<Min, Max, C>>
    : std::true_type {
    /// The end of the repetition matched at `p`, or null.
    static const char* end_of(const char* p, const char* end) noexcept {
        const char_run r =
            char_rule<C> == 1 ? scan_run<false>(p, end, Max + 1) : scan_run<true>(p, end, Max + 1);
        return r.count >= Min && r.count <= Max ? r.end : nullptr;
    }
};

// star<not_at<End>, line_char> with a `utf8::one` End (the sentence search of tab rows).
template <typename Rule>
struct search_in_line : std::false_type {};
template <typename End>
requires(line_char_as_assumed&& is_utf8_one<End>) struct search_in_line<
    pegtl::star<pegtl::not_at<End>, lex::line_char>> : std::true_type {
    static const char* end_of(const char* p, const char* end, run_scanner& scan) noexcept {
        return find_in_line<End>(p, end, scan);
    }
};

// has_report_word = seq<star<not_at<report_word>, title_char>, report_word>: the title characters
// up to the first "报告" among them, and "报告" ("报" is a title character, so the word lies within
// the run of title characters or nowhere).
inline constexpr std::string_view report_word = "报告";
inline constexpr bool has_report_word_as_assumed =
    title_char_as_assumed
    && std::is_base_of_v<pegtl::string<'\xE6', '\x8A', '\xA5', '\xE5', '\x91', '\x8A'>,
                         doc::report_word> // 报告
    && std::is_base_of_v<
        pegtl::seq<pegtl::star<pegtl::not_at<doc::report_word>, doc::title_char>, doc::report_word>,
        doc::has_report_word>;

/// The end of `document::has_report_word` matched at `p`, or null.
inline const char* has_report_word_end(const char* p, const char* end) noexcept {
    for (;;) {
        if (std::string_view(p, static_cast<std::size_t>(end - p)).starts_with(report_word)) {
            return p + report_word.size();
        }
        const char_run r = scan_run<false>(p, end, 1);
        if (r.count == 0) {
            return nullptr;
        }
        p = r.end;
    }
}

/// The end of what `Rule` matches at `p` by a prose fast path (null: no match).
template <typename Rule>
inline constexpr bool
    has_prose_path = (std::is_same_v<Rule, doc::heading_text> && heading_text_as_assumed)
                     || (std::is_same_v<Rule, doc::has_report_word> && has_report_word_as_assumed)
                     || char_repeat<Rule>::value || search_in_line<Rule>::value;
template <typename Rule>
const char* prose_end(const char* p, const char* end, run_scanner& scan) noexcept {
    if constexpr (std::is_same_v<Rule, doc::heading_text>) {
        return heading_text_end(p, end, scan);
    } else if constexpr (std::is_same_v<Rule, doc::has_report_word>) {
        return has_report_word_end(p, end);
    } else if constexpr (char_repeat<Rule>::value) {
        return char_repeat<Rule>::end_of(p, end);
    } else {
        return search_in_line<Rule>::end_of(p, end, scan);
    }
}

} // namespace nianbao::ast::detail
