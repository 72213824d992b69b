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

BOOST_AUTO_TEST_SUITE_END()
