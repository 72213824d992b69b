// Binding: template detection, year and organ, and every layout artifact of TEMPLATES.md §7.
#include <filesystem>
#include <fstream>

#include <boost/test/unit_test.hpp>

#include "model/binding_fixture.hpp"

using namespace nianbao;
using namespace nianbao::test;

BOOST_AUTO_TEST_SUITE(model_binding)

BOOST_AUTO_TEST_CASE(detects_template_year_and_organ_of_each_seed) {
    struct expected {
        const char* seed;
        const char* tpl;
        int year;
        const char* organ;
    };
    for (const auto& e :
         {expected{"000", "gov-2019", 2020, "温泉镇"}, expected{"001", "gov-2019", 2020, "瓦庙镇"},
          expected{"002", "gov-2021", 2021, ""},
          expected{"003", "gov-2019", 2020, "曲江镇人民政府"},
          expected{"004", "gov-2014", 2018, ""}}) {
        BOOST_TEST_CONTEXT(e.seed) {
            const auto b = bind_seed(e.seed);
            BOOST_REQUIRE(b.model.tpl != nullptr);
            BOOST_TEST(b.model.tpl->id == e.tpl);
            BOOST_TEST(b.model.year.value_or(0) == e.year);
            BOOST_TEST(b.model.organ == e.organ);
            BOOST_TEST(b.model.problems.empty());
        }
    }
}

BOOST_AUTO_TEST_CASE(reads_the_figures_a_person_reads_in_the_seeds) {
    const auto s003 = bind_seed("003");
    BOOST_TEST(value(s003, "t3", "new", "np") == 1);
    BOOST_TEST(value(s003, "t3", "r7_total", "np") == 1);
    BOOST_TEST(value(s003, "t2_1", "normative", "total_published") == 9);
    const auto s001 = bind_seed("001");
    BOOST_TEST(value(s001, "t4", "all", "rv_keep") == 1);
    BOOST_TEST(value(s001, "t4", "all", "rv_total") == 1);
    for (const char* empty : {"rv_correct", "rv_other", "rv_pending"}) {
        BOOST_TEST(cell(s001, "t4", "all", empty).empty);
        BOOST_TEST(!cell(s001, "t4", "all", empty).value.has_value());
    }
    const auto s002 = bind_seed("002");
    BOOST_TEST(value(s002, "t2_5", "license", "decisions") == 14);
    BOOST_TEST(value(s002, "t2_6", "penalty", "decisions") == 6);
    const auto s004 = bind_seed("004");
    BOOST_TEST(value(s004, "stats", "a1", "value") == 7);
    BOOST_TEST(value(s004, "stats", "a2_2", "value") == 33);
    BOOST_TEST(value(s004, "stats", "h3", "value") == 7);
    BOOST_TEST(cell(s004, "stats", "h3", "value").unit == "人");
}

BOOST_AUTO_TEST_CASE(reads_an_amount_with_its_unit_from_the_cell) {
    const auto b = bind_seed("001");
    const auto& amount = cell(b, "t2_9", "procurement", "amount");
    BOOST_TEST(*amount.value == 1190.1);
    BOOST_TEST(amount.number == "1190.1");
    BOOST_TEST(amount.unit == "万元");
    BOOST_TEST(amount.text == "1190.1万元");
}

BOOST_AUTO_TEST_CASE(binds_empty_cells_as_empty_not_as_zero) {
    const auto b = bind_seed("001"); // applicant cells are U+00A0, only 总计 is filled
    const auto& np = cell(b, "t3", "new", "np");
    BOOST_TEST(np.empty);
    BOOST_TEST(!np.value.has_value());
    BOOST_TEST(np.node != 0U); // the cell exists in the report
    BOOST_TEST(value(b, "t3", "new", "total") == 0);
}

BOOST_AUTO_TEST_CASE(ignores_pipe_padding_after_merged_cells) {
    const auto b = bind_seed("002"); // 行政许可 | 14 | ||
    const auto* row = b.model.table("t2_5")->row("license");
    BOOST_TEST(row->cells.size() == 1U);
    BOOST_TEST(row->spare_cells.empty());
}

BOOST_AUTO_TEST_CASE(binds_tab_rows_after_empty_leading_cells_and_vertical_text) {
    const auto b = bind_seed("001");
    const auto* t3 = b.model.table("t3");
    for (const auto& r : t3->rows) {
        BOOST_TEST_CONTEXT(r.def->key) {
            BOOST_TEST((r.how == model::label_match::canonical));
            BOOST_TEST(r.cells.size() == 7U);
        }
    }
    BOOST_TEST(t3->extras.empty());
}

BOOST_AUTO_TEST_CASE(matches_column_labels_split_by_spaces_and_line_breaks) {
    for (const char* seed : {"000", "001"}) { // "社会 公益 组织", "社会\n公益\n组织"
        const auto b = bind_seed(seed);
        const auto& cols = b.model.table("t3")->columns;
        BOOST_TEST((cols[3].how == model::label_match::canonical), seed);
    }
    // seed 000's 商业机构 is a known variant of 商业企业
    BOOST_TEST((bind_seed("000").model.table("t3")->columns[1].how == model::label_match::variant));
}

BOOST_AUTO_TEST_CASE(treats_half_and_full_width_labels_alike) {
    const auto b = bind_seed("000"); // (一)予以公开, 第二十条第(一)项
    BOOST_TEST((b.model.table("t3")->row("r1_open")->how == model::label_match::canonical));
    BOOST_TEST((b.model.table("t2_1")->caption_how == model::label_match::canonical));
}

BOOST_AUTO_TEST_CASE(marks_known_variants_of_row_labels) {
    const auto b = bind_seed("003"); // 1、信访举报类申请, 5、属于第三类内部事务信息
    BOOST_TEST((b.model.table("t3")->row("r5_1")->how == model::label_match::variant));
    BOOST_TEST((b.model.table("t3")->row("r3_5")->how == model::label_match::variant));
    BOOST_TEST((b.model.table("t3")->row("r3_1")->how == model::label_match::canonical));
}

BOOST_AUTO_TEST_CASE(binds_table_4_by_position_when_labels_are_damaged) {
    const auto b = bind_seed("002"); // "结果 | 其他 | 尚未"
    const auto* t4 = b.model.table("t4");
    BOOST_TEST((t4->row("all")->how == model::label_match::position));
    BOOST_TEST(t4->row("all")->cells.size() == 15U);
    BOOST_TEST((t4->columns[1].how == model::label_match::missing)); // 结果纠正 truncated
    BOOST_TEST((t4->columns[0].how == model::label_match::canonical));
}

BOOST_AUTO_TEST_CASE(keeps_a_spare_column_as_spare) {
    const auto b = bind_seed("000"); // 行政事业性收费 | 0 | 0 | 0 |: two columns + one spare
    const auto* fee = b.model.table("t2_8")->row("fee");
    BOOST_TEST(fee->cells.size() == 2U);
    BOOST_TEST(fee->spare_cells.size() == 1U);
}

BOOST_AUTO_TEST_CASE(keeps_the_wrong_caption_of_seed_003_unmatched_but_binds_the_table) {
    const auto b = bind_seed("003"); // 第二十六条第（六）项
    const auto* t = b.model.table("t2_6");
    BOOST_REQUIRE(t != nullptr);
    BOOST_TEST((t->caption_how == model::label_match::missing));
    BOOST_TEST(b.doc.raw(t->caption_cell) == "第二十六条第（六）项");
    BOOST_TEST(value(b, "t2_6", "penalty", "decisions") == 0);
}

BOOST_AUTO_TEST_CASE(keeps_unknown_rows_as_extra_rows) {
    std::string text = t3_pipe();
    const auto at = text.find("(七)总计");
    text.insert(at, "(八)其他补充事项 | 2 | 0 | 0 | 0 | 0 | 0 | 2 | ||\n");
    const auto b = bind_text(text, "gov-2019");
    const auto* t3 = b.model.table("t3");
    BOOST_REQUIRE(t3->extras.size() == 1U);
    BOOST_TEST(t3->extras[0].label == "(八)其他补充事项");
    BOOST_TEST(t3->extras[0].value_cells.size() == 9U);
    BOOST_TEST((t3->row("r7_total")->how == model::label_match::canonical));
}

BOOST_AUTO_TEST_CASE(binds_a_row_whose_marker_was_dropped_as_a_variant) {
    std::string text = t3_pipe();
    const auto at = text.find("(六)其他处理");
    text.replace(at, std::string("(六)").size(), "");
    const auto b = bind_text(text, "gov-2019");
    BOOST_TEST((b.model.table("t3")->row("r6")->how == model::label_match::variant));
}

BOOST_AUTO_TEST_CASE(explains_a_missing_table) {
    const auto b = bind_text(t3_pipe(), "gov-2019");
    BOOST_TEST(b.model.table("t3") != nullptr);
    BOOST_TEST(b.model.table("t4") == nullptr);
    const auto it = std::find_if(b.model.problems.begin(), b.model.problems.end(),
                                 [](const auto& p) { return p.id == "bind/table-missing"; });
    BOOST_REQUIRE(it != b.model.problems.end());
    BOOST_TEST((std::find(it->args.begin(), it->args.end(), "t2_5") != it->args.end()));
}

BOOST_AUTO_TEST_CASE(explains_a_table_that_matches_nothing_without_inventing_numbers) {
    const auto b =
        bind_text(t3_pipe() + "附注：\n水果 | 数量 |\n苹果 | 3 |\n香蕉 | 5 |\n", "gov-2019");
    BOOST_TEST(has_problem(b, "bind/table-unknown"));
    for (const auto& t : b.model.tables) {
        for (const auto& x : t.extras) {
            BOOST_TEST(x.label != "苹果");
        }
    }
}

BOOST_AUTO_TEST_CASE(explains_a_report_without_any_template) {
    const auto b = bind_text("一、总体情况\n今年没有表格。\n");
    BOOST_TEST(b.model.tpl == nullptr);
    BOOST_TEST(has_problem(b, "bind/no-template"));
}

BOOST_AUTO_TEST_CASE(detects_an_excerpt_without_fingerprints_by_its_structure) {
    const auto b = bind_text(t3_pipe().substr(t3_pipe().find("三、收到")));
    BOOST_REQUIRE(b.model.tpl != nullptr);
    BOOST_TEST(b.model.tpl->id == "gov-2019"); // （六）其他处理 is one row: 2019's table 3
    BOOST_TEST(b.model.template_reason == "structure: 23 rows bound");
    BOOST_TEST(value(b, "t3", "r7_total", "total") == 0);
}

BOOST_AUTO_TEST_CASE(does_not_guess_a_template_from_one_stray_row) {
    const auto b =
        bind_text("六、其他需要报告的事项\n行政许可 | 14 | ||\n我局无其他需要报告事项。\n");
    BOOST_TEST(b.model.tpl == nullptr);
    BOOST_TEST(has_problem(b, "bind/no-template"));
}

BOOST_AUTO_TEST_CASE(does_not_take_two_stray_figures_for_table_4) {
    const auto b = bind_text(
        t3_pipe() + "四、政府信息公开行政复议、行政诉讼情况\n行政复议 | 行政诉讼 |\n0 | 0 |\n",
        "gov-2019");
    BOOST_TEST(b.model.table("t4") == nullptr);
    BOOST_TEST(has_problem(b, "bind/table-unknown"));
}

BOOST_AUTO_TEST_CASE(uses_the_report_year_to_break_a_tie) {
    // One fingerprint of each template, each excluded by the other: the year decides.
    const std::string body = "本年新制作数量与本年制发件数。\n";
    BOOST_TEST(bind_text("某某镇2020年政府信息公开工作年度报告\n" + body).model.tpl->id
               == "gov-2019");
    BOOST_TEST(bind_text("某某镇2022年政府信息公开工作年度报告\n" + body).model.tpl->id
               == "gov-2021");
}

BOOST_AUTO_TEST_CASE(uses_a_template_from_a_template_directory) {
    namespace fs = std::filesystem;
    const fs::path dir = fs::temp_directory_path() / "nianbao-model-binding-test";
    fs::create_directories(dir);
    std::ofstream(dir / "local.tpl")
        << "template local-2020 extends gov-2019\nyears 2020\n"
           "fingerprint \"本年新制作数量\" \"对外公开总数量\" \"上一年项目数量\" \"本年增/减\"\n"
           "fingerprint \"第二十条第（九）项\" \"采购项目数量\" \"某省补充表\"\n";
    const auto set = model::load_templates({dir.string()});
    fs::remove_all(dir);
    BOOST_TEST(set.problems.empty());
    BOOST_REQUIRE(set.find("local-2020") != nullptr);
    const auto seed = bind_seed("000");
    std::string text = seed.doc.source().utf8 + "\n某省补充表\n";
    const auto doc = ast::parse(source::text{"t.txt", text, "UTF-8", ""});
    const auto m = model::bind(doc, set);
    BOOST_REQUIRE(m.tpl != nullptr);
    BOOST_TEST(m.tpl->id == "local-2020");
    BOOST_TEST(m.tables.size() == 7U); // the inherited tables bind
}

BOOST_AUTO_TEST_SUITE_END()
