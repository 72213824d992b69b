// NFKC without ICU for the characters reports are made of, and through ICU for the rest.
#include "model/nfkc.hpp"

#include <unicode/bytestream.h>
#include <unicode/normalizer2.h>
#include <unicode/utf8.h>

#include "model/labels.hpp"

namespace nianbao::model {

namespace detail {

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

} // namespace

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

// Scratch storage for NFKC copies, reused by every call on a thread.
std::string& nfkc_scratch() {
    thread_local std::string storage;
    return storage;
}

} // namespace detail

std::string nfkc(std::string_view text) {
    return std::string(detail::nfkc_view(text, detail::nfkc_scratch()));
}

} // namespace nianbao::model
