// Label keys, NFKC and figures: how nianbao compares labels and reads numbers.
#include <boost/test/unit_test.hpp>

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
