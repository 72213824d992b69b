// Label keys, NFKC and figures: how nianbao compares labels and reads numbers.
#include <cmath>
#include <cstdlib>
#include <string>
#include <vector>

#include <boost/test/unit_test.hpp>
#include <unicode/bytestream.h>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include "model/labels.hpp"

using namespace nianbao::model;

BOOST_AUTO_TEST_SUITE(model_labels)

BOOST_AUTO_TEST_CASE(normalises_width_and_compatibility_forms) {
    BOOST_TEST(nfkc("（一）予以公开") == "(一)予以公开");
    BOOST_TEST(nfkc("１２３，：") == "123,:");
    BOOST_TEST(nfkc("\xE3\x80\x80总体") == " 总体"); // U+3000
    BOOST_TEST(nfkc("\xC2\xA0") == " ");             // U+00A0
    BOOST_TEST(nfkc("①") == "1");
    BOOST_TEST(nfkc("…") == "...");
}

BOOST_AUTO_TEST_CASE(leaves_ideographs_and_common_marks_alone) {
    for (const char* s : {"行政许可", "0", "危及“三安全一稳定”", "《条例》", "一、总体情况。",
                          "‘引’", "「甲」『乙』", "abc 123"}) {
        BOOST_TEST(nfkc(s) == s);
    }
}

BOOST_AUTO_TEST_CASE(compares_labels_without_width_spacing_or_punctuation) {
    BOOST_TEST(label_key("社会 公益 组织") == "社会公益组织");
    BOOST_TEST(label_key("社会\n公益\n组织") == "社会公益组织");
    BOOST_TEST(label_key("(二)部分公开(区分处理的,只计这一情形,不计其他情形)")
               == label_key("（二）部分公开（区分处理的），只计这一情形，不计其他情形"));
    BOOST_TEST(label_key("1、属于国家秘密") == label_key("1.属于国家秘密"));
    BOOST_TEST(label_key("本年增/减") == "本年增减");
    BOOST_TEST(label_key("（七）总计") != label_key("总计")); // the marker counts
}

BOOST_AUTO_TEST_CASE(drops_the_marker_for_bare_keys) {
    BOOST_TEST(bare_key("（七）总计") == "总计");
    BOOST_TEST(bare_key("三、 本 年 度 办 理 结 果") == "本年度办理结果");
    BOOST_TEST(bare_key("\xE3\x80\x80一、总体情况") == "总体情况");
    BOOST_TEST(bare_key("1.5万元") == "15万元"); // a number, not a marker
    BOOST_TEST(bare_key("(1)予以公开") == "予以公开");
}

BOOST_AUTO_TEST_CASE(reads_figures_with_signs_units_and_full_width_digits) {
    const auto a = read_figure("1190.1万元");
    BOOST_REQUIRE(a.has_value());
    BOOST_TEST(a->value == 1190.1);
    BOOST_TEST(a->number == "1190.1");
    BOOST_TEST(a->unit == "万元");
    BOOST_TEST(read_figure("+1036")->value == 1036);
    BOOST_TEST(read_figure("-3")->number == "-3");
    BOOST_TEST(read_figure("１２")->value == 12);
    BOOST_TEST(read_figure("1,234")->value == 1234);
    BOOST_TEST(read_figure(" 7 件")->unit == "件");
}

BOOST_AUTO_TEST_CASE(rejects_text_that_is_not_a_figure) {
    for (const char* s : {"", "无", "1.", ".5", "12abc", "3个月", "第1项", "—"}) {
        BOOST_TEST(!read_figure(s).has_value(), s);
    }
}

BOOST_AUTO_TEST_SUITE_END()

namespace {

// The references nianbao's fast paths must agree with: ICU's NFKC, and a key as docs define it
// (NFKC, then ASCII letters and digits and every other non-blank, non-punctuation character).
std::string icu_nfkc(const std::string& s) {
    UErrorCode st = U_ZERO_ERROR;
    const icu::Normalizer2* n = icu::Normalizer2::getNFKCInstance(st);
    std::string out;
    icu::StringByteSink<std::string> sink(&out);
    n->normalizeUTF8(0, icu::StringPiece(s.data(), static_cast<std::int32_t>(s.size())), sink,
                     nullptr, st);
    BOOST_REQUIRE(U_SUCCESS(st));
    return out;
}

std::string reference_key(const std::string& s) {
    const std::string norm = icu_nfkc(s);
    const auto* p = reinterpret_cast<const std::uint8_t*>(norm.data());
    const auto n = static_cast<std::int32_t>(norm.size());
    std::string out;
    for (std::int32_t i = 0; i < n;) {
        const std::int32_t b = i;
        UChar32 c = 0;
        U8_NEXT(p, i, n, c);
        const bool keep =
            c < 0x80 ? (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')
                     : !u_isUWhiteSpace(c) && !u_ispunct(c);
        if (keep) {
            out.append(norm, static_cast<std::size_t>(b), static_cast<std::size_t>(i - b));
        }
    }
    return out;
}

// UTF-8 of a BMP character.
std::string utf8(UChar32 c) {
    const auto u = static_cast<std::uint32_t>(c);
    std::string out;
    if (u < 0x80) {
        out += static_cast<char>(u);
    } else if (u < 0x800) {
        out += static_cast<char>(0xC0 | (u >> 6));
        out += static_cast<char>(0x80 | (u & 0x3F));
    } else {
        out += static_cast<char>(0xE0 | (u >> 12));
        out += static_cast<char>(0x80 | ((u >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (u & 0x3F));
    }
    return out;
}

} // namespace

BOOST_AUTO_TEST_SUITE(model_labels) // reopened: one CTest test per file

// Every character NFKC is computed for without ICU (nfkc.cpp, classify), alone and between
// others, and a few it must leave to ICU.
BOOST_AUTO_TEST_CASE(normalises_common_characters_as_icu_does) {
    std::vector<UChar32> chars;
    for (UChar32 c = 1; c < 0x80; ++c) {
        chars.push_back(c);
    }
    for (UChar32 c : {0xA0, 0xB7, 0x2013, 0x2014, 0x2026, 0x3000, 0x3001, 0x3002, 0x3014, 0x3015}) {
        chars.push_back(c);
    }
    for (UChar32 c = 0x2018; c <= 0x201D; ++c) {
        chars.push_back(c);
    }
    for (UChar32 c = 0x3008; c <= 0x3011; ++c) {
        chars.push_back(c);
    }
    for (UChar32 c = 0xFF01; c <= 0xFF5E; ++c) {
        chars.push_back(c);
    }
    for (UChar32 c = 0x4000; c <= 0x9FFF; ++c) {
        chars.push_back(c);
    }
    for (const UChar32 c : chars) {
        const std::string s = utf8(c);
        for (const std::string& t : {s, "（一）" + s + "予以公开", s + s + "1", "\u3000" + s}) {
            if (nfkc(t) != icu_nfkc(t) || label_key(t) != reference_key(t)) {
                BOOST_ERROR("U+" << std::hex << c << " in \"" << t << "\"");
            }
        }
    }
    // Characters that combine or are not in the fast set go to ICU, whatever precedes them.
    for (const char* t : {"Ａ\u030A", "e\u0301", "１\u20E3", "㈠予以公开", "①", "…x", "ｶﾞ",
                          "\u2000总计", "（七）\u00AD总计"}) {
        BOOST_TEST(nfkc(t) == icu_nfkc(t), t);
        BOOST_TEST(label_key(t) == reference_key(t), t);
    }
}

// The one-pass key of plain labels and the general path give the same keys, and the bare key is
// the key's tail.
BOOST_AUTO_TEST_CASE(splits_keys_into_marker_and_bare_key_on_every_path) {
    for (const char* l : {"（一）予以公开",
                          "(一)予以公开",
                          "一、总体情况",
                          "1.属于国家秘密",
                          "1、属于国家秘密",
                          "１．属于国家秘密",
                          "（七）总计",
                          "三、 本 年 度 办 理 结 果",
                          "\u3000一、总体情况",
                          "  一、总体情况",
                          "1.5万元",
                          "(1)",
                          "一、",
                          "(一",
                          "12",
                          "第二十条第（一）项",
                          "",
                          "“三安全一稳定”",
                          "总计",
                          "行政\u00A0许可",
                          "〇、零",
                          "十一、其他",
                          "（１）予以公开",
                          "\u00A0（一）总计",
                          "一．其他",
                          "1．5万元",
                          "（〇）其他",
                          "（一）\u3000（二）",
                          "ＡＢ１、x"}) {
        std::string key;
        std::string bare;
        label_keys(l, key, bare);
        BOOST_TEST(key == label_key(l), l);
        BOOST_TEST(bare == bare_key(l), l);
        BOOST_TEST(key == reference_key(l), l);
        std::string appended = "prefix";
        const std::size_t at = append_label_key(l, appended);
        BOOST_TEST(appended == "prefix" + key, l);
        BOOST_TEST(appended.substr(6 + at) == bare, l);
    }
}

// Integers are read without from_chars up to 18 digits; past that, and for decimals, from_chars
// decides, and a number too large for a double is no figure.
BOOST_AUTO_TEST_CASE(reads_long_and_signed_figures_as_from_chars_does) {
    for (const std::string s :
         {"0", "7", "999999999999999999", "123456789012345678", "9007199254740993",
          "1234567890123456789", "12345678901234567890123", "0.1", "1190.1", "00012"}) {
        const auto f = read_figure(s);
        BOOST_REQUIRE_MESSAGE(f.has_value(), s);
        BOOST_TEST(f->value == std::strtod(s.c_str(), nullptr), s);
        BOOST_TEST(f->number == s);
    }
    const auto minus_zero = read_figure("-0");
    BOOST_REQUIRE(minus_zero.has_value());
    BOOST_TEST(std::signbit(minus_zero->value));
    BOOST_TEST(minus_zero->number == "-0");
    BOOST_TEST(read_figure("－２")->value == -2);
    BOOST_TEST(read_figure("\u3000７\u3000件")->unit == "件");
    BOOST_TEST(read_figure("1,234,567")->number == "1234567");
    BOOST_TEST(!read_figure(std::string(400, '9')).has_value());
    BOOST_TEST(!read_figure("总计").has_value());
    BOOST_TEST(!read_figure("a1").has_value());
    for (const char* s : {"（1）", "％5", "Ａ1", "、1", "“1”", "…1", "\u00A0x"}) {
        BOOST_TEST(!read_figure(s).has_value(), s);
    }
    BOOST_TEST(read_figure("＋３")->value == 3);
    BOOST_TEST(read_figure("\u00A0１")->value == 1);
    BOOST_TEST(read_figure("①")->value == 1); // NFKC by ICU
    figure reused;
    BOOST_TEST(read_figure("+1036件", reused));
    BOOST_TEST(reused.number == "1036");
    BOOST_TEST(reused.unit == "件");
    BOOST_TEST(read_figure("-3", reused));
    BOOST_TEST(reused.number == "-3");
    BOOST_TEST(reused.unit.empty());
}

BOOST_AUTO_TEST_SUITE_END()
