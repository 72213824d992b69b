// The grids binding reads: every cell's text, key and figure agree with the straightforward
// functions (normalise_cell, label_key, bare_key, read_figure) they stand in for.
#include <random>
#include <string>
#include <vector>

#include <boost/test/unit_test.hpp>

#include "ast/tree.hpp"
#include "model/grids.hpp"
#include "model/labels.hpp"

using namespace nianbao;
using namespace nianbao::model;

namespace {

// Cells in the forms reports write them, and the characters that change under NFKC or are blanks.
const std::vector<std::string> samples = {"行政许可",
                                          "规章",
                                          "2019年度",
                                          "A1",
                                          "abc",
                                          "行政许可1",
                                          "",
                                          "0",
                                          "14",
                                          "007",
                                          "１２",
                                          "ＡＢＣ",
                                          "ａ",
                                          "行政\xE3\x80\x80许可",
                                          "\xE3\x80\x80行政许可",
                                          "行政许可\xC2\xA0",
                                          "\xC2\xA0",
                                          "a b",
                                          "（一）予以公开",
                                          "(一)予以公开",
                                          "一、总体情况",
                                          "1.属于国家秘密",
                                          "1.5万元",
                                          "1190.1万元",
                                          "+1036",
                                          "-3",
                                          "1,234",
                                          "①",
                                          "…",
                                          "—",
                                          "/",
                                          "本年增/减",
                                          "“三安全”",
                                          "《条例》",
                                          "12件",
                                          "一二三",
                                          "1、",
                                          "十",
                                          "ｶ",
                                          "\xEF\xBD\xB6",
                                          "12345678901234567890",
                                          "1" + std::string(400, '0'),
                                          "行政许可。",
                                          "Ⅳ",
                                          "㎡"};

} // namespace

BOOST_AUTO_TEST_SUITE(model_grids)

BOOST_AUTO_TEST_CASE(owns_its_key_only_when_label_key_keeps_every_character) {
    for (const auto& s : samples) {
        if (detail::is_own_key(s)) {
            BOOST_TEST(label_key(s) == s, s);
            BOOST_TEST(bare_key(s) == s, s);
        }
    }
    for (const char* s : {"行政许可", "2019年度", "A1", "一二三", "12件"}) {
        BOOST_TEST(detail::is_own_key(s), s);
    }
    // Full-width, blanks, punctuation, markers, compatibility characters: a key of its own.
    for (const char* s : {"１２", "ＡＢＣ", "行政\xE3\x80\x80许可", "行政许可\xC2\xA0", "a b",
                          "一、总体情况", "1.5万元", "①", "—", "Ⅳ", "\xEF\xBD\xB6", "行政许可。"}) {
        BOOST_TEST(!detail::is_own_key(s), s);
    }
}

// Random strings over an alphabet of every kind of character a key treats differently.
BOOST_AUTO_TEST_CASE(owns_its_key_for_random_text_as_label_key_says) {
    const std::vector<std::string> alphabet = {
        "a",        "Z",  "7",  " ",  ".",  "(",  ")",  "、",
        "一",       "行", "政", "（", "）", "１", "Ａ", "\xE3\x80\x80",
        "\xC2\xA0", "。", "\t", "-",  "+",  "①",  "〇", "十",
        "万元"};
    std::mt19937 rng(2026);
    for (int n = 0; n < 3000; ++n) {
        std::string s;
        const auto len = rng() % 6;
        for (unsigned k = 0; k < len; ++k) {
            s += alphabet[rng() % alphabet.size()];
        }
        const bool own = label_key(s) == s && bare_key(s) == s;
        if (detail::is_own_key(s)) {
            BOOST_TEST(own, s);
        }
    }
}

BOOST_AUTO_TEST_CASE(reads_every_cell_as_the_straightforward_functions_do) {
    std::string text = "统计表\n\n";
    for (std::size_t i = 0; i < samples.size(); i += 3) {
        text += "标签";
        for (std::size_t k = i; k < i + 3 && k < samples.size(); ++k) {
            text += " | " + samples[k];
        }
        text += " |\n";
    }
    text += "社会<br>公益<br>组织 | 行政&#124;许可 | |\n"; // joined in the arena
    const ast::document doc = ast::parse(source::text{"t.txt", text, "UTF-8", ""});
    const detail::report_grids grids = detail::read_grids(doc);
    BOOST_REQUIRE(grids.cells.size() > samples.size());
    figure scratch;
    detail::cell_value fast;
    std::size_t figures = 0;
    for (const auto& c : grids.cells) {
        const std::string t = ast::cell_text(doc, c.node);
        BOOST_TEST(c.text() == t);
        const auto f = read_figure(t);
        BOOST_TEST(c.figure == f.has_value(), t);
        BOOST_TEST(detail::cell_figure(c, scratch, fast) == f.has_value(), t);
        if (f) {
            ++figures;
            BOOST_TEST(fast.value == f->value, t);
            BOOST_TEST(fast.number == f->number, t);
            BOOST_TEST(fast.unit == f->unit, t);
            BOOST_TEST(c.numeric);
        }
        if (c.empty) {
            BOOST_TEST(c.key().empty());
            continue;
        }
        BOOST_TEST(c.key() == label_key(t), t);
        BOOST_TEST(c.bare() == bare_key(t), t);
    }
    BOOST_TEST(figures >= 10U);
}

BOOST_AUTO_TEST_CASE(keeps_a_cell_in_forty_bytes) {
    BOOST_TEST(sizeof(detail::grid_cell) <= 40U);
}

BOOST_AUTO_TEST_SUITE_END()
