// Label keys and figures, using ICU for NFKC and character classes.
#include "model/labels.hpp"

#include <algorithm>
#include <charconv>

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
// "1.", "1、". A digit after "1." means a number ("1.5"), not a marker.
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

} // namespace

namespace {

// True if NFKC certainly leaves `text` unchanged: ASCII, CJK ideographs (U+4000–U+9FFF) and a
// few marks reports use everywhere (、。《》「」『』“”‘’). Most cells ("0", "行政许可") take this
// path and skip ICU; anything else (full-width forms, U+3000, circled numbers) is normalised.
bool nfkc_identity(std::string_view text) {
    const auto* p = reinterpret_cast<const unsigned char*>(text.data());
    const std::size_t n = text.size();
    for (std::size_t i = 0; i < n;) {
        const unsigned char b = p[i];
        if (b < 0x80) {
            ++i;
        } else if (b >= 0xE4 && b <= 0xE9 && i + 2 < n) {
            i += 3;
        } else if (b == 0xE3 && i + 2 < n && p[i + 1] == 0x80
                   && (p[i + 2] == 0x81 || p[i + 2] == 0x82
                       || (p[i + 2] >= 0x8A && p[i + 2] <= 0x8F))) {
            i += 3;
        } else if (b == 0xE2 && i + 2 < n && p[i + 1] == 0x80 && p[i + 2] >= 0x98
                   && p[i + 2] <= 0x9D) {
            i += 3;
        } else {
            return false;
        }
    }
    return true;
}

} // namespace

namespace {

// NFKC through ICU, for text that is not already in NFKC.
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

// `text` in NFKC: the text itself when it already is, else a copy held in `storage`.
std::string_view nfkc_view(std::string_view text, std::string& storage) {
    if (nfkc_identity(text)) {
        return text;
    }
    storage = nfkc_icu(text);
    return storage;
}

// Appends the characters of NFKC text `norm` that a key keeps: ASCII letters and digits, CJK
// ideographs (fast paths), and whatever ICU says is neither blank nor punctuation.
void append_kept(std::string_view norm, std::string& out) {
    const auto* p = reinterpret_cast<const std::uint8_t*>(norm.data());
    const auto n = static_cast<std::int32_t>(norm.size());
    for (std::int32_t i = 0; i < n;) {
        const std::int32_t b = i;
        if (p[i] < 0x80) {
            const char c = static_cast<char>(p[i++]);
            if ((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) {
                out += c;
            }
            continue;
        }
        if (p[i] >= 0xE4 && p[i] <= 0xE9 && i + 2 < n) {
            out.append(norm.data() + i, 3);
            i += 3;
            continue;
        }
        UChar32 c = 0;
        U8_NEXT(p, i, n, c);
        if (c < 0 || u_isUWhiteSpace(c) || u_ispunct(c)) {
            continue;
        }
        out.append(norm.data() + b, static_cast<std::size_t>(i - b));
    }
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
    return nfkc_identity(text) ? std::string(text) : nfkc_icu(text);
}

std::string label_key(std::string_view label) {
    std::string storage;
    const std::string_view norm = nfkc_view(label, storage);
    std::string out;
    out.reserve(norm.size());
    append_kept(norm, out);
    return out;
}

std::string bare_key(std::string_view label) {
    std::string storage;
    const auto [marker, rest] = split_marker(nfkc_view(label, storage));
    std::string out;
    out.reserve(rest.size());
    append_kept(rest, out);
    return out;
}

void label_keys(std::string_view label, std::string& key, std::string& bare) {
    std::string storage;
    const auto [marker, rest] = split_marker(nfkc_view(label, storage));
    // A key keeps or drops each character on its own, so the key is the marker's part followed
    // by the bare key.
    key.clear();
    bare.clear();
    append_kept(rest, bare);
    if (marker.empty()) {
        key = bare;
        return;
    }
    key.reserve(marker.size() + bare.size());
    append_kept(marker, key);
    key += bare;
}

std::optional<figure> read_figure(std::string_view text) {
    std::string storage;
    const std::string_view t = nfkc_view(text, storage);
    std::size_t i = 0;
    while (i < t.size() && t[i] == ' ') {
        ++i;
    }
    bool negative = false;
    if (i < t.size() && (t[i] == '+' || t[i] == '-')) {
        negative = t[i] == '-';
        ++i;
    }
    figure f;
    bool dot = false;
    for (; i < t.size(); ++i) {
        const char c = t[i];
        if (c >= '0' && c <= '9') {
            f.number += c;
        } else if (c == '.' && !dot && !f.number.empty()) {
            dot = true;
            f.number += c;
        } else if (c == ',' && !f.number.empty() && !dot) {
            continue; // thousands separator
        } else {
            break;
        }
    }
    if (f.number.empty() || f.number.back() == '.') {
        return std::nullopt;
    }
    while (i < t.size() && t[i] == ' ') {
        ++i;
    }
    f.unit = t.substr(i);
    while (!f.unit.empty() && f.unit.back() == ' ') {
        f.unit.pop_back();
    }
    // A unit is a short word after the number ("万元", "件"); anything else is not a figure.
    static constexpr std::string_view units[] = {"",   "元", "万元", "亿元", "千元", "件", "条",
                                                 "个", "人", "人次", "次",   "篇",   "项", "%"};
    if (std::find(std::begin(units), std::end(units), f.unit) == std::end(units)) {
        return std::nullopt;
    }
    const auto* first = f.number.data();
    const auto [ptr, ec] = std::from_chars(first, first + f.number.size(), f.value);
    if (ec != std::errc() || ptr != first + f.number.size()) {
        return std::nullopt;
    }
    if (negative) {
        f.value = -f.value;
        f.number = std::string("-") + f.number; // not insert(): GCC 12 -Wrestrict false positive
    }
    return f;
}

} // namespace nianbao::model
