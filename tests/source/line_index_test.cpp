// Line index: code-point columns, CRLF, and display width.
#include <boost/test/unit_test.hpp>

#include "source/line_index.hpp"

using namespace nianbao::source;

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

BOOST_AUTO_TEST_SUITE_END()
