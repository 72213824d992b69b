// Line index: code-point columns, CRLF, and display width.
#include <algorithm>
#include <random>
#include <string>

#include <boost/test/unit_test.hpp>
#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include "source/line_index.hpp"

using namespace nianbao::source;

namespace {

// display_width as it was defined before its table: ICU's properties for each code point.
std::size_t reference_width(std::string_view text) {
    std::size_t width = 0;
    const auto* p = reinterpret_cast<const std::uint8_t*>(text.data());
    const auto n = static_cast<std::int32_t>(text.size());
    for (std::int32_t i = 0; i < n;) {
        UChar32 c = 0;
        U8_NEXT(p, i, n, c);
        if (c < 0x20 || (c >= 0x7F && c < 0xA0)) {
            continue;
        }
        const auto type = u_charType(c);
        if (type == U_NON_SPACING_MARK || type == U_ENCLOSING_MARK || type == U_FORMAT_CHAR) {
            continue;
        }
        const auto ea = u_getIntPropertyValue(c, UCHAR_EAST_ASIAN_WIDTH);
        width += (ea == U_EA_WIDE || ea == U_EA_FULLWIDTH) ? 2 : 1;
    }
    return width;
}

// A line as a snippet shows it: TAB as four spaces, CR removed.
std::string expand(std::string_view s) {
    std::string out;
    for (const char c : s) {
        if (c == '\t') {
            out += "    ";
        } else if (c != '\r') {
            out += c;
        }
    }
    return out;
}

// The UTF-8 bytes of the scalar value `c`.
std::string utf8(std::uint32_t c) {
    const auto byte = [](std::uint32_t b) {
        return static_cast<char>(b);
    };
    if (c < 0x80) {
        return {byte(c)};
    }
    if (c < 0x800) {
        return {byte(0xC0 | c >> 6), byte(0x80 | (c & 0x3F))};
    }
    if (c < 0x10000) {
        return {byte(0xE0 | c >> 12), byte(0x80 | (c >> 6 & 0x3F)), byte(0x80 | (c & 0x3F))};
    }
    return {byte(0xF0 | c >> 18), byte(0x80 | (c >> 12 & 0x3F)), byte(0x80 | (c >> 6 & 0x3F)),
            byte(0x80 | (c & 0x3F))};
}

} // namespace

BOOST_AUTO_TEST_SUITE(source_line_index)

BOOST_AUTO_TEST_CASE(counts_columns_in_code_points) {
    const std::string_view text = "前言\r\n一、总体情况\r\n";
    const line_index idx(text);
    const auto p = idx.locate(static_cast<std::uint32_t>(text.find("总")));
    BOOST_TEST(p.line == 2U);
    BOOST_TEST(p.column == 3U); // PEGTL would say 7 (bytes)
}

BOOST_AUTO_TEST_CASE(returns_line_text_without_crlf) {
    const line_index idx("a\r\nbc\nd");
    BOOST_TEST(idx.line_count() == 3U);
    BOOST_TEST(idx.line_text(1) == "a");
    BOOST_TEST(idx.line_text(2) == "bc");
    BOOST_TEST(idx.line_text(3) == "d");
    BOOST_TEST(idx.line_text(4) == "");
}

BOOST_AUTO_TEST_CASE(locates_end_of_text) {
    const line_index idx("ab\n");
    const auto p = idx.locate(3);
    BOOST_TEST(p.line == 2U);
    BOOST_TEST(p.column == 1U);
    BOOST_TEST(idx.locate(99).offset == 3U);
}

BOOST_AUTO_TEST_CASE(measures_display_width_of_cjk_as_two) {
    BOOST_TEST(display_width("一、总体 ok") == 11U);
    BOOST_TEST(display_width("\xE3\x80\x80") == 2U); // U+3000
    BOOST_TEST(display_width("\xC2\xA0") == 1U);     // U+00A0
    BOOST_TEST(display_width("e\xCC\x81") == 1U);    // combining accent
}

BOOST_AUTO_TEST_CASE(counts_columns_deep_inside_a_long_line) {
    // Mixed 1- and 3-byte characters over many 4 KiB blocks, with a line break in the middle.
    std::string text;
    for (int i = 0; i < 5000; ++i) {
        text += i % 3 == 0 ? "总" : "a";
    }
    text += "\n";
    const auto second = static_cast<std::uint32_t>(text.size());
    for (int i = 0; i < 9000; ++i) {
        text += i % 2 == 0 ? "体" : "b";
    }
    const line_index idx(text);
    for (std::uint32_t off : {0U, 4095U, 4096U, 4097U, 7000U, second - 1, second, second + 5000,
                              static_cast<std::uint32_t>(text.size())}) {
        // Reference: count code points from the line start by hand.
        const auto line_start = text.rfind('\n', off == 0 ? 0 : off - 1);
        const std::uint32_t from = (off == 0 || line_start == std::string::npos)
                                       ? 0
                                       : static_cast<std::uint32_t>(line_start + 1);
        std::uint32_t expected = 1;
        for (std::uint32_t i = from; i < off; ++i) {
            expected += (static_cast<unsigned char>(text[i]) & 0xC0U) != 0x80U ? 1U : 0U;
        }
        BOOST_TEST(idx.locate(off).column == expected, "offset " << off);
    }
    BOOST_TEST(idx.locate(second + 10).line == 2U);
}

BOOST_AUTO_TEST_CASE(locates_from_an_earlier_position_as_from_scratch) {
    // CRLF and LF lines, wide characters, a TAB, an empty line, no final line end; then a line
    // longer than two 4 KiB blocks. Every hint, before or after the offset, on its line or not.
    std::string text = "前言\r\n一、总体\t情况 ok\n\n\r\nabc\n终";
    const auto small = static_cast<std::uint32_t>(text.size());
    const line_index idx(text);
    for (std::uint32_t hint = 0; hint <= small; ++hint) {
        for (std::uint32_t off = 0; off <= small + 2; ++off) {
            BOOST_TEST((idx.locate(off, idx.locate(hint)) == idx.locate(off)),
                       "offset " << off << " from " << hint);
        }
    }
    text += "\n";
    for (int i = 0; i < 3000; ++i) {
        text += i % 3 == 0 ? "a\t" : "总";
    }
    text += "\r\nz";
    const line_index long_idx(text);
    const auto size = static_cast<std::uint32_t>(text.size());
    for (std::uint32_t hint = 0; hint <= size; hint += 97) {
        for (std::uint32_t off = hint; off <= size; off += 89) {
            BOOST_TEST((long_idx.locate(off, long_idx.locate(hint)) == long_idx.locate(off)),
                       "offset " << off << " from " << hint);
        }
        BOOST_TEST((long_idx.locate(size, long_idx.locate(hint)) == long_idx.locate(size)));
    }
}

BOOST_AUTO_TEST_CASE(measures_every_code_point_as_icu_does) {
    for (std::uint32_t c = 0; c <= 0x10FFFF; ++c) {
        if (c >= 0xD800 && c <= 0xDFFF) {
            continue; // not encodable
        }
        const std::string s = utf8(c);
        const std::size_t expected = reference_width(s);
        if (display_width(s) != expected || code_point_width(c) != expected) {
            BOOST_ERROR("U+" << std::hex << c);
        }
    }
}

BOOST_AUTO_TEST_CASE(measures_ill_formed_and_tabbed_text_as_before) {
    // Random strings over bytes that make and break characters, with TABs and CRs: the width,
    // the width with a limit, and the width as shown all agree with their definitions.
    const std::string alphabet[] = {"\t",   "\r",   "a",    " ",    "\xE4", "\xB8", "\xAD", "\x80",
                                    "\xC3", "\xA9", "\xF0", "\x9F", "\x98", "\xE3", "\xED", "\xA0",
                                    "\xCC", "\x81", "\xFF", "\x7F", "\xC2", "\x85"};
    std::mt19937 rng(20261123);
    std::uniform_int_distribution<std::size_t> pick(0, std::size(alphabet) - 1);
    std::uniform_int_distribution<int> length(0, 12);
    for (int round = 0; round < 50000; ++round) {
        std::string s;
        for (int n = length(rng); n > 0; --n) {
            s += alphabet[pick(rng)];
        }
        const std::size_t width = reference_width(s);
        BOOST_TEST(display_width(s) == width);
        BOOST_TEST(expanded_width(s) == reference_width(expand(s)));
        for (std::size_t limit = 0; limit < 4; ++limit) {
            const std::size_t limited = display_width(s, limit);
            BOOST_TEST((width <= limit ? limited == width : limited > limit));
        }
    }
    // Removing the CR joins E4 B8 AD into 中, two columns wide.
    BOOST_TEST(expanded_width("\xE4\r\xB8\xAD") == 2U);
    BOOST_TEST(expanded_width("\t中\r") == 6U);
}

BOOST_AUTO_TEST_CASE(measures_runs_of_ascii_and_han_as_icu_does) {
    // Each byte value in each lane of sixteen ASCII letters (eight are taken at once), and the
    // first and last Han characters and their neighbours at each offset.
    for (std::size_t k = 0; k < 16; ++k) {
        for (unsigned b = 0; b < 0x100; ++b) {
            std::string s(16, 'a');
            s[k] = static_cast<char>(b);
            BOOST_TEST(display_width(s) == reference_width(s), "byte " << b << " at " << k);
            BOOST_TEST(expanded_width(s) == reference_width(expand(s)), "byte " << b);
        }
        for (const std::uint32_t c : {0x4DFFU, 0x4E00U, 0x4E01U, 0x4FFFU, 0x5000U, 0x9FFFU, 0xA000U,
                                      0x3400U, 0xFF0CU, 0x2026U, 0x0301U, 0x1F600U}) {
            const std::string s = std::string(k, 'a') + utf8(c) + utf8(0x4E2D) + utf8(c) + "ab";
            BOOST_TEST(display_width(s) == reference_width(s), "U+" << std::hex << c);
            BOOST_TEST(expanded_width(s) == reference_width(s), "U+" << std::hex << c);
        }
    }
}

BOOST_AUTO_TEST_CASE(measures_pieces_that_add_up_to_the_whole) {
    // Random texts of characters, runs, TABs, CRs and ill-formed bytes: measure_width agrees
    // with display_width and expanded_width, stops only past its limit, and well-formed pieces
    // split between characters add up to the whole.
    const std::string pieces[] = {
        "abcdefgh",     "a",        " ",   "\t",        "\r",
        "\x7F",         "\x1F",     "中",  "一",        "\xE9\xBF\xBF",
        "\xE4\xB7\xBF", "，",       "…",   "e\xCC\x81", "\xF0\x9F\x98\x80",
        "\xFF",         "\xE4\xB8", "\x80"};
    std::mt19937 rng(20261124);
    std::uniform_int_distribution<std::size_t> pick(0, std::size(pieces) - 1);
    std::uniform_int_distribution<int> length(0, 40);
    for (int round = 0; round < 20000; ++round) {
        std::string s;
        std::vector<std::size_t> cuts = {0};
        for (int n = length(rng); n > 0; --n) {
            s += pieces[pick(rng)];
            cuts.push_back(s.size());
        }
        const text_width m = measure_width(s);
        BOOST_TEST(m.width == reference_width(s));
        BOOST_TEST(m.tabs == static_cast<std::size_t>(std::count(s.begin(), s.end(), '\t')));
        if (m.well_formed) {
            BOOST_TEST(m.expanded() == reference_width(expand(s)));
        }
        BOOST_TEST(expanded_width(s) == reference_width(expand(s)));
        for (const std::size_t limit : {0U, 1U, 7U, 8U, 9U, 30U, 60U}) {
            const std::size_t limited = measure_width(s, limit).width;
            BOOST_TEST((m.width <= limit ? limited == m.width : limited > limit));
        }
        const std::size_t cut = cuts[rng() % cuts.size()];
        const text_width head = measure_width(std::string_view(s).substr(0, cut));
        const text_width rest = measure_width(std::string_view(s).substr(cut));
        if (head.well_formed) {
            BOOST_TEST(head.width + rest.width == m.width);
            BOOST_TEST(head.tabs + rest.tabs == m.tabs);
            BOOST_TEST((rest.well_formed == m.well_formed));
        }
    }
}

BOOST_AUTO_TEST_SUITE_END()
