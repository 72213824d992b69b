// Label keys and figures, using ICU for NFKC and character classes.
#include "model/labels.hpp"

#include <algorithm>
#include <charconv>
#include <cstring>

#include <unicode/bytestream.h>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/utf8.h>

namespace nianbao::model {

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

// NFKC of the characters reports are made of, without ICU: ASCII, CJK ideographs
// (U+4000–U+9FFF) and the CJK and quotation marks reports use everywhere are their own NFKC;
// full-width ASCII (U+FF01–U+FF5E) is ASCII; U+00A0 and U+3000 are a space; "…" is "...".
// Text made of these only is normalised one character at a time (none of them combines with
// its neighbours); text with anything else goes to ICU. tests/model/labels_test.cpp compares
// every one of these characters with ICU.
enum class nfkc_class : std::uint8_t { same, mapped, other };

// The class of the character at `p[i]` (of `n` bytes), its length in `len` and, when mapped,
// its NFKC form in `to`.
nfkc_class classify(const unsigned char* p, std::size_t i, std::size_t n, std::size_t& len,
                    std::string_view& to) {
    const unsigned char b = p[i];
    if (b < 0x80) {
        len = 1;
        return nfkc_class::same;
    }
    len = 3;
    if (b >= 0xE4 && b <= 0xE9 && i + 2 < n) {
        return nfkc_class::same;
    }
    static constexpr std::string_view space = " ";
    static constexpr std::string_view dots = "...";
    static constexpr char ascii[] = " !\"#$%&'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ"
                                    "[\\]^_`abcdefghijklmnopqrstuvwxyz{|}~";
    if (i + 1 >= n) {
        return nfkc_class::other;
    }
    const unsigned char b1 = p[i + 1];
    if (b == 0xC2) {
        len = 2;
        if (b1 == 0xA0) {
            to = space;
            return nfkc_class::mapped;
        }
        return b1 == 0xB7 ? nfkc_class::same : nfkc_class::other; // U+00B7 ·
    }
    if (i + 2 >= n) {
        return nfkc_class::other;
    }
    const unsigned char b2 = p[i + 2];
    if (b == 0xE3 && b1 == 0x80) { // U+3000–U+303F
        if (b2 == 0x80) {
            to = space;
            return nfkc_class::mapped;
        }
        // 、。〈〉《》「」『』【】〔〕
        return b2 == 0x81 || b2 == 0x82 || (b2 >= 0x88 && b2 <= 0x91) || b2 == 0x94 || b2 == 0x95
                   ? nfkc_class::same
                   : nfkc_class::other;
    }
    if (b == 0xE2 && b1 == 0x80) { // U+2000–U+203F
        if (b2 == 0xA6) {
            to = dots;
            return nfkc_class::mapped;
        }
        // –—‘’‚‛“”
        return b2 == 0x93 || b2 == 0x94 || (b2 >= 0x98 && b2 <= 0x9D) ? nfkc_class::same
                                                                      : nfkc_class::other;
    }
    if (b == 0xEF && ((b1 == 0xBC && b2 >= 0x81) || (b1 == 0xBD && b2 <= 0x9E))) {
        // U+FF01–U+FF5E: ASCII 0x21–0x7E.
        const unsigned cp = ((b1 & 0x3Fu) << 6 | (b2 & 0x3Fu)) + 0xF000u;
        to = std::string_view(ascii + (cp - 0xFF00u), 1);
        return nfkc_class::mapped;
    }
    return nfkc_class::other;
}

// NFKC through ICU.
std::string nfkc_icu(std::string_view text) {
    UErrorCode st = U_ZERO_ERROR;
    static const icu::Normalizer2* normalizer = icu::Normalizer2::getNFKCInstance(st);
    std::string out;
    if (normalizer == nullptr) {
        return std::string(text);
    }
    icu::StringByteSink<std::string> sink(&out);
    st = U_ZERO_ERROR;
    normalizer->normalizeUTF8(0,
                              icu::StringPiece(text.data(), static_cast<std::int32_t>(text.size())),
                              sink, nullptr, st);
    return U_FAILURE(st) ? std::string(text) : out;
}

// `text` in NFKC: the text itself when it already is (most cells: "0", "行政许可"), else a copy
// held in `storage`, mapped here or by ICU.
std::string_view nfkc_view(std::string_view text, std::string& storage) {
    const auto* p = reinterpret_cast<const unsigned char*>(text.data());
    const std::size_t n = text.size();
    std::size_t i = 0;
    std::size_t len = 0;
    std::string_view to;
    nfkc_class c = nfkc_class::same;
    while (i < n) {
        if (p[i] < 0x80) { // the common characters first, without a call
            ++i;
        } else if (p[i] >= 0xE4 && p[i] <= 0xE9 && i + 2 < n) {
            i += 3;
        } else if ((c = classify(p, i, n, len, to)) == nfkc_class::same) {
            i += len;
        } else {
            break;
        }
    }
    if (i == n) {
        return text;
    }
    if (c == nfkc_class::other) {
        storage = nfkc_icu(text);
        return storage;
    }
    storage.assign(text.data(), i);
    for (; i < n; i += len) {
        switch (classify(p, i, n, len, to)) {
        case nfkc_class::same:
            storage.append(text.data() + i, len);
            break;
        case nfkc_class::mapped:
            storage += to;
            break;
        case nfkc_class::other:
            storage = nfkc_icu(text);
            return storage;
        }
    }
    return storage;
}

// True for the CJK and quotation marks NFKC keeps (see classify) at `p[i]`: all punctuation.
bool is_common_mark(const std::uint8_t* p, std::int32_t i, std::int32_t n) {
    if (i + 2 >= n || p[i + 1] != 0x80) {
        return false;
    }
    const std::uint8_t b2 = p[i + 2];
    if (p[i] == 0xE3) { // 、。〈〉《》「」『』【】〔〕
        return b2 == 0x81 || b2 == 0x82 || (b2 >= 0x88 && b2 <= 0x91) || b2 == 0x94 || b2 == 0x95;
    }
    return p[i] == 0xE2 && (b2 == 0x93 || b2 == 0x94 || (b2 >= 0x98 && b2 <= 0x9D)); // –—‘’‚‛“”
}

// Scratch storage for NFKC copies, reused by every call on a thread.
std::string& nfkc_scratch() {
    thread_local std::string storage;
    return storage;
}

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

std::string nfkc(std::string_view text) {
    return std::string(nfkc_view(text, nfkc_scratch()));
}

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

// The NFKC form of the character at `p[i]` when it is one character of one of the forms the
// one-pass key knows (see classify): itself (ASCII, CJK ideographs, the common marks) or one ASCII
// character (full-width ASCII, U+00A0, U+3000); -1 for any other. `len` is its length in bytes.
UChar32 plain_char(const std::uint8_t* p, std::int32_t i, std::int32_t n, std::int32_t& len) {
    const std::uint8_t b = p[i];
    if (b < 0x80) {
        len = 1;
        return b;
    }
    len = 3;
    if (i + 2 >= n) {
        if (b == 0xC2 && i + 1 < n && p[i + 1] == 0xA0) {
            len = 2;
            return ' ';
        }
        return -1;
    }
    const auto cp =
        static_cast<UChar32>((b & 0x0Fu) << 12 | (p[i + 1] & 0x3Fu) << 6 | (p[i + 2] & 0x3Fu));
    if (b >= 0xE4 && b <= 0xE9) {
        return cp;
    }
    if (is_common_mark(p, i, n)) {
        return cp;
    }
    if (b == 0xE3 && p[i + 1] == 0x80 && p[i + 2] == 0x80) {
        return ' ';
    }
    if (b == 0xEF && cp >= 0xFF01 && cp <= 0xFF5E) {
        return cp - 0xFEE0;
    }
    if (b == 0xC2 && p[i + 1] == 0xA0) {
        len = 2;
        return ' ';
    }
    return -1;
}

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
