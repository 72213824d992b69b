// Cell text: normalise_cell's fast paths (no copy, the blank test at the ends) against a
// straightforward reading, character by character.
#include <random>
#include <string>
#include <string_view>
#include <vector>

#include <boost/test/unit_test.hpp>

#include "ast/text.hpp"
#include "ast/tree.hpp"

using namespace nianbao;

namespace {

const std::vector<std::string_view> blanks = {" ", "\t", "\r", "\xC2\xA0", "\xE3\x80\x80"};

// `s` without blanks at its ends, one whole character at a time.
std::string_view naive_trim(std::string_view s) {
    for (bool again = true; again;) {
        again = false;
        for (const auto b : blanks) {
            if (s.starts_with(b)) {
                s.remove_prefix(b.size());
                again = true;
            }
            if (s.ends_with(b)) {
                s.remove_suffix(b.size());
                again = true;
            }
        }
    }
    return s;
}

} // namespace

BOOST_AUTO_TEST_SUITE(ast_text)

BOOST_AUTO_TEST_CASE(trims_one_line_cells_as_a_character_by_character_reading_does) {
    // No CR or LF: a line break joins lines (tested in builder_test). Characters whose bytes look
    // like a blank's first or last byte: "À" (C3 80) ends in 0x80, "à" (C3 A0) in 0xA0, "あ" (E3 81
    // 82) starts with 0xE3, "¢" (C2 A2) with 0xC2.
    const std::vector<std::string> alphabet = {
        " ", "\t", "\xC2\xA0", "\xE3\x80\x80", "行", "1",  "１", "Ａ", "a",
        "—", "À",  "à",        "あ",           "¢",  "、", "。", "-",  "/"};
    std::mt19937 rng(7);
    for (int n = 0; n < 5000; ++n) {
        std::string s;
        const auto len = rng() % 7;
        for (unsigned k = 0; k < len; ++k) {
            s += alphabet[rng() % alphabet.size()];
        }
        std::string storage;
        const std::string_view got = ast::normalise_cell(s, storage);
        BOOST_TEST(got == naive_trim(s), s);
        // One line without markup: a view into the cell itself, never a copy.
        BOOST_TEST((got.empty() || got.data() != storage.data()), s);
    }
}

BOOST_AUTO_TEST_CASE(keeps_text_without_blanks_at_its_ends_as_it_is) {
    for (const char* s :
         {"行政许可", "0", "１２", "À", "à", "¢", "あ", "", "a b", "行\xE3\x80\x80政"}) {
        std::string storage;
        BOOST_TEST(ast::normalise_cell(s, storage) == s);
        BOOST_TEST(ast::normalise_cell(std::string_view(s)) == s);
    }
    BOOST_TEST(ast::normalise_cell("\xE3\x80\x80行政许可\xC2\xA0") == "行政许可");
    BOOST_TEST(ast::normalise_cell(" \t\r") == "");
}

BOOST_AUTO_TEST_SUITE_END()
