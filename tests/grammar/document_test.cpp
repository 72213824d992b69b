// grammar/document.hpp: title, headings, paragraphs, blank runs, signature, date and tables.
#include <string>
#include <vector>

#include <boost/test/unit_test.hpp>
#include <tao/pegtl/contrib/analyze.hpp>

#include "grammar/document.hpp"
#include "grammar/errors.hpp"
#include "source/line_index.hpp"
#include "support/grammar_check.hpp"
#include "support/grammar_stop.hpp"

using namespace nianbao::grammar::document;
namespace grammar = nianbao::grammar;
using nianbao::test::check_error;
using nianbao::test::check_match;
using nianbao::test::expect;
using nianbao::test::stop_of;
using nianbao::test::stopped_at;

namespace {

// The blocks of a whole report, as "kind line:column" in order, e.g. "heading 1:1".
template <typename Rule>
inline constexpr std::string_view block_name{};
template <>
inline constexpr std::string_view block_name<title> = "title";
template <>
inline constexpr std::string_view block_name<blank> = "blank";
template <>
inline constexpr std::string_view block_name<heading> = "heading";
template <>
inline constexpr std::string_view block_name<paragraph> = "paragraph";
template <>
inline constexpr std::string_view block_name<signature> = "signature";
template <>
inline constexpr std::string_view block_name<date_line> = "date";
template <>
inline constexpr std::string_view block_name<grammar::pipe::table> = "table=pipe";
template <>
inline constexpr std::string_view block_name<grammar::tab::table> = "table=tab";
template <>
inline constexpr std::string_view block_name<grammar::lines::table> = "table=lines";

struct block_log {
    std::string_view text;
    std::vector<std::string> blocks;
};

// Blocks never nest and the tables' rules appear only inside the document's table alternative
// (detectors use rows and cell lines), so an action per block rule sees each block once.
template <typename Rule>
struct log_block : pegtl::nothing<Rule> {};
template <typename Rule>
requires(!block_name<Rule>.empty()) struct log_block<Rule> {
    template <typename ActionInput>
    static void apply(const ActionInput& in, block_log& log) {
        const nianbao::source::line_index lines(log.text);
        const auto p = lines.locate(static_cast<std::uint32_t>(in.begin() - log.text.data()));
        log.blocks.push_back(std::string(block_name<Rule>) + ' ' + std::to_string(p.line) + ':'
                             + std::to_string(p.column));
    }
};

std::string blocks(std::string_view text) {
    block_log log{text, {}};
    pegtl::memory_input in(text.data(), text.size(), "test");
    if (!pegtl::parse<report, log_block>(in, log)) {
        return "<no match>";
    }
    std::string out;
    for (const auto& b : log.blocks) {
        out += (out.empty() ? "" : ", ") + b;
    }
    return out;
}

std::size_t bytes(std::string_view s) {
    return s.size();
}

} // namespace

BOOST_AUTO_TEST_SUITE(grammar_document)

BOOST_AUTO_TEST_CASE(analyzes_without_problems) {
    BOOST_TEST(pegtl::analyze<report>(-1) == 0U);
}

//=== headings ===//

BOOST_AUTO_TEST_CASE(accepts_headings_with_every_marker_shape) {
    BOOST_TEST(check_match<heading>("一、总体情况\n", expect::success, 0));
    BOOST_TEST(check_match<heading>("（一）概述\n", expect::success, 0));
    BOOST_TEST(check_match<heading>("(一)概述\n", expect::success, 0));
    BOOST_TEST(check_match<heading>("1.完善信息公开制度\n", expect::success, 0));
    BOOST_TEST(check_match<heading>("1、需要进一步扩宽\n", expect::success, 0));
    BOOST_TEST(check_match<heading>("（1）细则\n", expect::success, 0));
    BOOST_TEST(check_match<heading>("附件2\n", expect::success, 0));
    BOOST_TEST(check_match<heading>("附件：政府信息公开情况统计表\n", expect::success, 0));
}

BOOST_AUTO_TEST_CASE(accepts_heading_with_gap_after_marker) {
    BOOST_TEST(check_match<heading>("三、 本年度办理结果\n", expect::success, 0));
    BOOST_TEST(check_match<heading>("（二）\u3000改进措施\n", expect::success, 0));
}

BOOST_AUTO_TEST_CASE(accepts_heading_with_crlf_or_at_end_of_file) {
    BOOST_TEST(
        check_match<heading>("一、总体情况\r\n无。\r\n", expect::success, bytes("无。\r\n")));
    BOOST_TEST(check_match<heading>("六、其他需要报告的事项", expect::success, 0));
}

BOOST_AUTO_TEST_CASE(accepts_heading_indented_with_ideographic_spaces) {
    BOOST_TEST(check_match<heading>("\u3000\u3000一、总体情况\n", expect::success, 0));
    BOOST_TEST(check_match<heading>("\u3000\u3000（一）概述\n", expect::success, 0));
    BOOST_TEST(blocks("\u3000\u3000一、总体情况\n\u3000\u3000无。\n")
               == "heading 1:1, paragraph 2:1");
}

BOOST_AUTO_TEST_CASE(rejects_line_with_sentence_end_as_heading) {
    // "(一)主动公开政府信息:7条。" in seed 004 is prose: the title stops before the 。.
    BOOST_TEST(stop_of<heading>("(一)主动公开政府信息:7条。\n") == stopped_at(1, 15));
    BOOST_TEST(stop_of<heading>("1.主动公开情况。我镇坚持公开。\n") == stopped_at(1, 9));
    BOOST_TEST(blocks("(一)主动公开政府信息:7条。\n") == "paragraph 1:1");
}

BOOST_AUTO_TEST_CASE(rejects_line_over_sixty_characters_as_heading) {
    std::string title;
    for (int i = 0; i < 60; ++i) {
        title += "情";
    }
    BOOST_TEST(check_match<heading>("一、" + title + "\n", expect::success, 0));
    // One character more and the title rule gives up at its 60th character.
    BOOST_TEST(stop_of<heading>("一、" + title + "况\n") == stopped_at(1, 62));
    BOOST_TEST(blocks("一、" + title + "况\n") == "paragraph 1:1");
}

BOOST_AUTO_TEST_CASE(rejects_line_ending_in_colon_or_comma_as_heading) {
    // "人大代表建议、政协委员提案办理结果公开情况:" introduces a list (seed 000): the title reads
    // up to the line end and is refused there, as its last character may not be a colon.
    BOOST_TEST(stop_of<heading>("（一）人大代表建议办理结果公开情况:\n") == stopped_at(1, 19));
    BOOST_TEST(stop_of<heading>("一、总体情况，\n") == stopped_at(1, 8));
}

BOOST_AUTO_TEST_CASE(rejects_marker_without_title_as_heading) {
    BOOST_TEST(stop_of<heading>("一、\n") == stopped_at(1, 3));
    BOOST_TEST(stop_of<heading>("（二）  \n") == stopped_at(1, 6));
}

BOOST_AUTO_TEST_CASE(rejects_heading_holding_a_bar) {
    BOOST_TEST(stop_of<heading>("三、 本 年 度 | (一)予以公开\n") == stopped_at(1, 10));
}

//=== title, signature, date ===//

BOOST_AUTO_TEST_CASE(accepts_title_line_naming_a_report) {
    BOOST_TEST(blocks("瓦庙镇2020年政府信息公开工作年度报告\n一、总体情况\n")
               == "title 1:1, heading 2:1");
    BOOST_TEST(blocks("\n\u3000\u3000曲江镇2020年政府信息公开工作年度报告\n")
               == "blank 1:1, title 2:1");
}

BOOST_AUTO_TEST_CASE(rejects_title_without_report_word) {
    BOOST_TEST(blocks("瓦庙镇政府信息公开工作\n") == "paragraph 1:1");
    BOOST_TEST(stop_of<title>("瓦庙镇政府信息公开工作\n") == stopped_at(1, 1));
}

BOOST_AUTO_TEST_CASE(accepts_signature_and_date_as_back_matter) {
    BOOST_TEST(blocks("无。\n曲江镇人民政府\n\n2021年1月20日\n")
               == "paragraph 1:1, signature 2:1, blank 3:1, date 4:1");
    BOOST_TEST(check_match<date_line>("二〇二一年一月二十日", expect::success, 0));
    BOOST_TEST(check_match<date_line>("\u3000\u30002021年1月20日 \r\n", expect::success, 0));
}

BOOST_AUTO_TEST_CASE(rejects_date_followed_by_prose_as_date_line) {
    BOOST_TEST(stop_of<date_line>("2020年12月10日在我镇开展活动\n") == stopped_at(1, 12));
    BOOST_TEST(blocks("曲江镇人民政府\n2020年12月10日在我镇开展活动\n")
               == "paragraph 1:1, paragraph 2:1");
}

//=== prose and blank runs ===//

BOOST_AUTO_TEST_CASE(keeps_numbered_line_inside_prose_a_paragraph) {
    BOOST_TEST(blocks("一、总体情况\n2020年，我镇坚持公开。\n1.主动公开情况。共公开110条。\n"
                      "2.依申请公开情况。无。\n")
               == "heading 1:1, paragraph 2:1, paragraph 3:1, paragraph 4:1");
}

BOOST_AUTO_TEST_CASE(keeps_amount_line_a_paragraph) {
    BOOST_TEST(blocks("1.5万元用于平台建设\n") == "paragraph 1:1");
}

BOOST_AUTO_TEST_CASE(joins_blank_lines_of_any_blanks_into_one_run) {
    BOOST_TEST(blocks("一、总体情况\n\n \t\n\u3000\u00A0\r\n无。")
               == "heading 1:1, blank 2:1, paragraph 5:1");
}

BOOST_AUTO_TEST_CASE(keeps_lone_cr_inside_its_line) {
    // "总体情况\r二、" is one line: the CR is text, so the line is no heading but prose.
    BOOST_TEST(blocks("一、总体情况\r二、主动公开\n无。\n") == "paragraph 1:1, paragraph 2:1");
}

BOOST_AUTO_TEST_CASE(reads_crlf_report_like_lf_report) {
    BOOST_TEST(blocks("瓦庙镇2020年政府信息公开工作年度报告\r\n一、总体情况\r\n\r\n无。\r\n")
               == "title 1:1, heading 2:1, blank 3:1, paragraph 4:1");
}

BOOST_AUTO_TEST_CASE(reads_last_line_without_line_end) {
    BOOST_TEST(blocks("六、其他需要报告的事项\n编辑:") == "heading 1:1, paragraph 2:1");
    BOOST_TEST(blocks("") == "");
}

//=== tables inside the document ===//

BOOST_AUTO_TEST_CASE(dispatches_each_table_to_its_dialect) {
    BOOST_TEST(blocks("二、主动公开政府信息情况\n规章 | 0 | 0 | 0 |\n行政许可 | 14 | ||\n"
                      "三、收到和处理政府信息公开申请情况\n")
               == "heading 1:1, table=pipe 2:1, heading 4:1");
    BOOST_TEST(blocks("附件2\n统 计 指 标 |\n单位 |\n统计数 |\n")
               == "heading 1:1, table=lines 2:1");
    BOOST_TEST(
        blocks("\t第二十条第（一）项\n\n\t信息内容\n\t本年新制作数量\n\n\n五、存在的主要问题\n")
        == "table=tab 1:1, blank 5:1, heading 7:1");
}

BOOST_AUTO_TEST_CASE(keeps_prose_with_bars_a_paragraph) {
    BOOST_TEST(blocks("本年度公开渠道为网站|微信|公示栏。\n") == "paragraph 1:1");
    BOOST_TEST(blocks("选项 A|选项 B|\n无。\n") == "paragraph 1:1, paragraph 2:1");
    BOOST_TEST(blocks("备注 |\n无。\n") == "paragraph 1:1, paragraph 2:1");
}

BOOST_AUTO_TEST_CASE(keeps_tab_indented_prose_a_paragraph) {
    BOOST_TEST(blocks("\t2020年，我镇坚持公开。\n") == "paragraph 1:1");
    BOOST_TEST(blocks("\t2020年，我镇坚持公开。\n\t1.主动公开情况。共110条。\n\n"
                      "\t2.依申请公开情况。无。\n")
               == "paragraph 1:1, paragraph 2:1, blank 3:1, paragraph 4:1");
}

BOOST_AUTO_TEST_CASE(ends_tab_table_before_a_heading_without_blank_line) {
    BOOST_TEST(blocks("\t信息内容\n\t规章\n\n\t0\n\t0\n三、收到和处理政府信息公开申请情况\n")
               == "table=tab 1:1, heading 6:1");
    BOOST_TEST(blocks("\t信息内容\n\t规章\n\n\t0\n\t0\n\u3000\u3000三、收到和处理\n")
               == "table=tab 1:1, heading 6:1");
    BOOST_TEST(blocks("\t信息内容\n\t规章\n\n\t0\n\t0\n附件2\n") == "table=tab 1:1, heading 6:1");
}

BOOST_AUTO_TEST_CASE(never_leaves_text_unparsed) {
    // Every line is at least a paragraph, so the must<end_of_report> point never raises.
    for (std::string_view text : {"", "|", "\r", "\t", "\t\n\t", "||\n|", "\r\r\n\n", "\xC2\xA0"}) {
        BOOST_TEST_CONTEXT(text) {
            BOOST_TEST(check_error<report>(text).id == "");
            BOOST_TEST(check_match<report>(text, expect::success, 0));
        }
    }
}

BOOST_AUTO_TEST_SUITE_END()
