// NFKC as label keys need it: the characters reports are made of mapped without ICU, every other
// text through ICU (internal to lib/model; labels.cpp builds keys and reads figures with it).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include <unicode/umachine.h>

namespace nianbao::model::detail {

/// `text` in NFKC: the text itself when it already is (most cells: "0", "行政许可"), else a copy
/// held in `storage`, mapped here or by ICU.
std::string_view nfkc_view(std::string_view text, std::string& storage);

/// Scratch storage for NFKC copies, reused by every call on a thread.
std::string& nfkc_scratch();

/// True for the CJK and quotation marks NFKC keeps (see classify in nfkc.cpp) at `p[i]`: all
/// punctuation.
inline bool is_common_mark(const std::uint8_t* p, std::int32_t i, std::int32_t n) {
    if (i + 2 >= n || p[i + 1] != 0x80) {
        return false;
    }
    const std::uint8_t b2 = p[i + 2];
    if (p[i] == 0xE3) { // 、。〈〉《》「」『』【】〔〕
        return b2 == 0x81 || b2 == 0x82 || (b2 >= 0x88 && b2 <= 0x91) || b2 == 0x94 || b2 == 0x95;
    }
    return p[i] == 0xE2 && (b2 == 0x93 || b2 == 0x94 || (b2 >= 0x98 && b2 <= 0x9D)); // –—‘’‚‛“”
}

/// The NFKC form of the character at `p[i]` when it is one character of one of the forms the
// one-pass key knows (see classify): itself (ASCII, CJK ideographs, the common marks) or one ASCII
// character (full-width ASCII, U+00A0, U+3000); -1 for any other. `len` is its length in bytes.
inline UChar32 plain_char(const std::uint8_t* p, std::int32_t i, std::int32_t n,
                          std::int32_t& len) {
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

} // namespace nianbao::model::detail
