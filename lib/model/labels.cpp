// Label keys and figures (NFKC in nfkc.cpp; ICU for character classes).
#include "model/labels.hpp"

#include <algorithm>
#include <charconv>
#include <cstring>

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include "model/nfkc.hpp"

namespace nianbao::model {

using detail::is_common_mark;
using detail::nfkc_scratch;
using detail::nfkc_view;
using detail::plain_char;

namespace {

bool is_cjk_numeral(UChar32 c) {
    static constexpr std::u32string_view numerals = U"〇零一二三四五六七八九十百两";
    return numerals.find(static_cast<char32_t>(c)) != std::u32string_view::npos;
}

// Length in bytes of the ordinal marker at the start of NFKC text, or 0: "(一)", "(1)", "一、",
// "1.", "1、". A digit after "1." means a number ("1.5"), not a marker. `next()` gives the text's
// next character (-1 at its end) and moves `i`, the offset after it.
template <class Next>
std::size_t marker_length(Next&& next, const std::int32_t& i) {
    const UChar32 first = next();
    if (first == '(') {
        std::int32_t count = 0;
        UChar32 x = next();
        while (x >= 0 && (is_cjk_numeral(x) || (x >= '0' && x <= '9'))) {
            ++count;
            x = next();
        }
        return count > 0 && x == ')' ? static_cast<std::size_t>(i) : 0;
    }
    const bool cjk = is_cjk_numeral(first);
    if (!cjk && !(first >= '0' && first <= '9')) {
        return 0;
    }
    UChar32 x = next();
    while (x >= 0 && (cjk ? is_cjk_numeral(x) : (x >= '0' && x <= '9'))) {
        x = next();
    }
    if (x == U'、' || (!cjk && x == '.')) {
        const std::int32_t end = i;
        const UChar32 after = next();
        return (after >= '0' && after <= '9') ? 0 : static_cast<std::size_t>(end);
    }
    return 0;
}

std::size_t marker_length(std::string_view s) {
    const auto* p = reinterpret_cast<const std::uint8_t*>(s.data());
    const auto n = static_cast<std::int32_t>(s.size());
    std::int32_t i = 0;
    UChar32 c = 0;
    auto next = [&] {
        if (i >= n) {
            return static_cast<UChar32>(-1);
        }
        U8_NEXT(p, i, n, c);
        return c;
    };
    return marker_length(next, i);
}

} // namespace

namespace {

// Appends the characters of NFKC text `norm` that a key keeps: ASCII letters and digits, CJK
// ideographs (fast paths), and whatever ICU says is neither blank nor punctuation. A key is
// never longer than its text, so the bytes are written into room made once.
void append_kept(std::string_view norm, std::string& out) {
    const std::size_t base = out.size();
    out.resize(base + norm.size());
    char* const first = out.data() + base;
    char* o = first;
    const auto* p = reinterpret_cast<const std::uint8_t*>(norm.data());
    const auto n = static_cast<std::int32_t>(norm.size());
    for (std::int32_t i = 0; i < n;) {
        const std::int32_t b = i;
        if (p[i] < 0x80) {
            const char c = static_cast<char>(p[i++]);
            if ((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) {
                *o++ = c;
            }
            continue;
        }
        if (p[i] >= 0xE4 && p[i] <= 0xE9 && i + 2 < n) {
            o[0] = norm[static_cast<std::size_t>(i)];
            o[1] = norm[static_cast<std::size_t>(i) + 1];
            o[2] = norm[static_cast<std::size_t>(i) + 2];
            o += 3;
            i += 3;
            continue;
        }
        if (is_common_mark(p, i, n)) { // punctuation: dropped
            i += 3;
            continue;
        }
        UChar32 c = 0;
        U8_NEXT(p, i, n, c);
        if (c < 0 || u_isUWhiteSpace(c) || u_ispunct(c)) {
            continue;
        }
        for (std::int32_t k = b; k < i; ++k) {
            *o++ = norm[static_cast<std::size_t>(k)];
        }
    }
    out.resize(base + static_cast<std::size_t>(o - first));
}

// Splits NFKC text into its leading blanks, its ordinal marker and the rest.
std::pair<std::string_view, std::string_view> split_marker(std::string_view norm) {
    std::size_t start = 0;
    // Blanks may precede the marker ("\u3000一、总体情况").
    while (start < norm.size()
           && (norm[start] == ' ' || norm[start] == '\t' || norm[start] == '\n')) {
        ++start;
    }
    const std::size_t marker = marker_length(norm.substr(start));
    return {norm.substr(start, marker), norm.substr(start + marker)};
}

} // namespace

std::string label_key(std::string_view label) {
    std::string out;
    append_kept(nfkc_view(label, nfkc_scratch()), out);
    return out;
}

std::string bare_key(std::string_view label) {
    const auto [marker, rest] = split_marker(nfkc_view(label, nfkc_scratch()));
    std::string out;
    append_kept(rest, out);
    return out;
}

namespace {

// append_label_key for text made of the characters plain_char knows (most labels), in one pass
// over the text itself; npos (and `out` as it was) for any other text.
std::size_t append_plain_label_key(std::string_view label, std::string& out) {
    const auto* p = reinterpret_cast<const std::uint8_t*>(label.data());
    const auto n = static_cast<std::int32_t>(label.size());
    // The marker, found in the characters' NFKC forms; blanks may precede it.
    bool plain = true;
    std::int32_t i = 0;
    std::int32_t len = 0;
    UChar32 c = 0;
    while (i < n && ((c = plain_char(p, i, n, len)) == ' ' || c == '\t' || c == '\n')) {
        i += len;
    }
    const std::int32_t start = i;
    auto next = [&] {
        if (i >= n) {
            return static_cast<UChar32>(-1);
        }
        const UChar32 x = plain_char(p, i, n, len);
        if (x < 0) {
            plain = false;
            return static_cast<UChar32>(-1);
        }
        i += len;
        return x;
    };
    const std::size_t marker_end = marker_length(next, i); // an offset in `label` here
    const std::size_t split = marker_end != 0 ? marker_end : static_cast<std::size_t>(start);
    if (!plain) {
        return std::string::npos;
    }
    const std::size_t base = out.size();
    out.resize(base + label.size());
    char* const first = out.data() + base;
    char* o = first;
    std::size_t bare = 0;
    // The marker's characters, then the bare key's: one loop each, the split between them.
    const auto split_at = static_cast<std::int32_t>(split);
    for (i = 0; i < n;) {
        if (i == split_at) {
            bare = static_cast<std::size_t>(o - first);
        }
        const std::int32_t end = i < split_at ? split_at : n;
        while (i < end && p[i] >= 0xE4 && p[i] <= 0xE9 && i + 2 < n) { // ideographs, as they are
            std::memcpy(o, label.data() + i, 3);
            o += 3;
            i += 3;
        }
        if (i >= end) {
            continue;
        }
        c = p[i] < 0x80 ? p[i] : plain_char(p, i, n, len);
        if (c < 0) {
            out.resize(base);
            return std::string::npos;
        }
        if ((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) {
            *o++ = static_cast<char>(c);
        } // else a blank or punctuation (ASCII, mapped to ASCII, or a common mark)
        i += p[i] < 0x80 ? 1 : len;
    }
    if (split == label.size()) {
        bare = static_cast<std::size_t>(o - first);
    }
    out.resize(base + static_cast<std::size_t>(o - first));
    return bare;
}

} // namespace

std::size_t append_label_key(std::string_view label, std::string& out) {
    if (const std::size_t bare = append_plain_label_key(label, out); bare != std::string::npos) {
        return bare;
    }
    const std::string_view norm = nfkc_view(label, nfkc_scratch());
    const auto [marker, rest] = split_marker(norm);
    // A key keeps or drops each character on its own (blanks before the marker are dropped), so
    // the key is the marker's part followed by the bare key.
    const std::size_t base = out.size();
    append_kept(marker, out);
    const std::size_t bare = out.size() - base;
    append_kept(rest, out);
    return bare;
}

void label_keys(std::string_view label, std::string& key, std::string& bare) {
    key.clear();
    const std::size_t at = append_label_key(label, key);
    bare.assign(key, at);
}

namespace {

// False when the first character rules a figure out without NFKC: one whose NFKC form is a
// character other than a blank, sign or digit (ASCII, a CJK ideograph, a common mark, or
// full-width ASCII such as "（"). A character that combines with what follows becomes no digit
// either.
bool may_be_figure(std::string_view text) {
    if (text.empty()) {
        return false;
    }
    const auto* p = reinterpret_cast<const std::uint8_t*>(text.data());
    const auto n = static_cast<std::int32_t>(text.size());
    std::int32_t len = 0;
    const UChar32 c = plain_char(p, 0, n, len);
    if (c < 0) {
        return true; // ICU decides
    }
    return c == ' ' || c == '+' || c == '-' || (c >= '0' && c <= '9');
}

// The value of plain digits with at most 18 of them (exact in 64 bits, then rounded once to
// the nearest double, as from_chars rounds).
double small_integer(std::string_view digits) {
    std::uint64_t v = 0;
    for (const char c : digits) {
        v = v * 10 + static_cast<std::uint64_t>(c - '0');
    }
    return static_cast<double>(v);
}

} // namespace

bool read_figure(std::string_view text, figure& f) {
    if (!may_be_figure(text)) {
        return false;
    }
    const std::string_view t = nfkc_view(text, nfkc_scratch());
    std::size_t i = 0;
    while (i < t.size() && t[i] == ' ') {
        ++i;
    }
    bool negative = false;
    if (i < t.size() && (t[i] == '+' || t[i] == '-')) {
        negative = t[i] == '-';
        ++i;
    }
    // f.number is "-" and the digits when negative; `d0` is where the digits start.
    f.number.clear();
    if (negative) {
        f.number += '-';
    }
    const std::size_t d0 = f.number.size();
    bool dot = false;
    for (; i < t.size(); ++i) {
        const char c = t[i];
        if (c >= '0' && c <= '9') {
            f.number += c;
        } else if (c == '.' && !dot && f.number.size() > d0) {
            dot = true;
            f.number += c;
        } else if (c == ',' && f.number.size() > d0 && !dot) {
            continue; // thousands separator
        } else {
            break;
        }
    }
    if (f.number.size() == d0 || f.number.back() == '.') {
        return false;
    }
    while (i < t.size() && t[i] == ' ') {
        ++i;
    }
    std::string_view unit = t.substr(i);
    while (!unit.empty() && unit.back() == ' ') {
        unit.remove_suffix(1);
    }
    // A unit is a short word after the number ("万元", "件"); anything else is not a figure.
    static constexpr std::string_view units[] = {"",   "元", "万元", "亿元", "千元", "件", "条",
                                                 "个", "人", "人次", "次",   "篇",   "项", "%"};
    if (std::find(std::begin(units), std::end(units), unit) == std::end(units)) {
        return false;
    }
    const std::string_view digits = std::string_view(f.number).substr(d0);
    if (!dot && digits.size() <= 18) {
        f.value = small_integer(digits);
    } else {
        const auto [ptr, ec] =
            std::from_chars(digits.data(), digits.data() + digits.size(), f.value);
        if (ec != std::errc() || ptr != digits.data() + digits.size()) {
            return false;
        }
    }
    if (negative) {
        f.value = -f.value;
    }
    f.unit.assign(unit);
    return true;
}

std::optional<figure> read_figure(std::string_view text) {
    figure f;
    if (!read_figure(text, f)) {
        return std::nullopt;
    }
    return f;
}

} // namespace nianbao::model
