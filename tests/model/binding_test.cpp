// Binding: template detection, year and organ, and every layout artifact of TEMPLATES.md §7.
#include <filesystem>
#include <fstream>

#include <boost/test/unit_test.hpp>

#include "model/binding.hpp"
#include "support/corpus.hpp"

using namespace nianbao;

namespace {

const model::template_set& builtin() {
    static const model::template_set set = model::load_templates({});
    return set;
}

struct bound {
    ast::document doc;
    model::report_model model;
};

bound bind_text(std::string text, const char* forced = nullptr) {
    bound b{ast::parse(source::text{"t.txt", std::move(text), "UTF-8", ""}), {}};
    b.model = model::bind(b.doc, builtin(), forced ? builtin().find(forced) : nullptr);
    return b;
}

bound bind_seed(const std::string& prefix) {
    for (const auto& f : test::corpus_files()) {
        if (f.find("/reports/" + prefix) != std::string::npos) {
            return bind_text(test::read_file(f));
        }
    }
    BOOST_FAIL("no seed " + prefix);
    return bind_text("");
}

const model::bound_cell& cell(const bound& b, const char* table, const char* row, const char* col) {
    const auto* t = b.model.table(table);
    BOOST_REQUIRE_MESSAGE(t != nullptr, table);
    const auto* c = t->cell(row, col);
    BOOST_REQUIRE_MESSAGE(c != nullptr, std::string(table) + "." + row + "." + col);
    return *c;
}

double value(const bound& b, const char* table, const char* row, const char* col) {
    const auto& c = cell(b, table, row, col);
    BOOST_REQUIRE_MESSAGE(c.value.has_value(), std::string(row) + "." + col + " is empty");
    return *c.value;
}

bool has_problem(const bound& b, std::string_view id) {
    return std::any_of(b.model.problems.begin(), b.model.problems.end(),
                       [&](const auto& p) { return p.id == id; });
}

// A T2019 table 3 in the pipe layout, as seed 000 prints it; `edit` may change lines.
std::string t3_pipe() {
    const std::string seed = bind_seed("000").doc.source().utf8;
    const auto b = seed.find("三、收到和处理政府信息公开申请情况");
    const auto e = seed.find("四、政府信息公开行政复议");
    return "二、主动公开政府信息情况\n第二十条第（一）项 | |||\n信息内容 | 本年新制作数量 | 本年新公开数量 | "
           "对外公开总数量 |\n规章 | 0 | 0 | 0 |\n规范性文件 | 0 | 0 | 0 |\n"
           + seed.substr(b, e - b);
}

} // namespace

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

BOOST_AUTO_TEST_SUITE(model_binding) // reopened: one CTest test per file

// Binding looks cell keys up in the template's label index; tables past the 64th are scored
// through the index's maps instead of its per-table bits, with the same outcome.
BOOST_AUTO_TEST_CASE(binds_tables_past_the_sixty_fourth) {
    std::string tpl = "template many\nyears 2019 2020\nfingerprint \"多表指纹\"\n";
    for (int t = 0; t < 66; ++t) {
        tpl += "table t" + std::to_string(t) + " \"表" + std::to_string(t) + "\"\n";
        tpl += "  column n \"数量\" count\n";
        tpl += "  row a \"甲项" + std::to_string(t) + "\"\n";
        tpl += "  row b \"乙项" + std::to_string(t) + "\"\n";
    }
    const auto set = model::load_template_sources({{"many.tpl", tpl}});
    BOOST_REQUIRE(set.problems.empty());
    BOOST_REQUIRE(set.templates.at(0).labels != nullptr); // built by the loader
    for (const int t : {3, 65}) {
        const std::string n = std::to_string(t);
        const std::string text = "多表指纹\n\n甲项" + n + " | 5 |\n乙项" + n + " | 6 |\n";
        const ast::document doc = ast::parse(source::text{"t.txt", text, "UTF-8", ""});
        const auto m = model::bind(doc, set);
        BOOST_REQUIRE(m.tpl == &set.templates[0]);
        const auto* table = m.table("t" + n);
        BOOST_REQUIRE(table != nullptr);
        BOOST_TEST(table->cell("a", "n")->value.value_or(-1) == 5.0);
        BOOST_TEST(table->cell("b", "n")->value.value_or(-1) == 6.0);
    }
    // A template made in code, without the loader's index, binds the same way.
    model::template_set copy = set;
    copy.templates[0].labels = nullptr;
    const std::string text = "多表指纹\n\n甲项65 | 5 |\n乙项65 | 6 |\n";
    const ast::document doc = ast::parse(source::text{"t.txt", text, "UTF-8", ""});
    const auto m = model::bind(doc, copy);
    BOOST_REQUIRE(m.table("t65") != nullptr);
    BOOST_TEST(m.table("t65")->cell("b", "n")->value.value_or(-1) == 6.0);
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(model_binding) // reopened: one CTest test per file

// Cells in the forms reports write them: full-width digits and signs, units, separators, U+3000
// inside a label, and labels broken by <br>; what is no value of the column is invalid.
BOOST_AUTO_TEST_CASE(reads_cells_in_every_form_a_report_writes) {
    std::string text = t3_pipe();
    const std::string row = "一、本年新收政府信息公开申请数量 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |";
    text.replace(
        text.find(row), row.size(),
        "一、本年新收\u3000政府信息公开申请数量 | １２ | +3 | 4件 | －２ | 无 | 1.5 | 1,234 |");
    text.replace(text.find("社会 公益 组织"), std::string("社会 公益 组织").size(),
                 "社会<br>公益<br>组织");
    text.replace(text.find("1.本机关不掌握相关政府信息"),
                 std::string("1.本机关不掌握相关政府信息").size(),
                 "１．本机关不掌握<br>相关政府信息");
    const auto b = bind_text(text, "gov-2019");
    const auto* t3 = b.model.table("t3");
    BOOST_REQUIRE(t3 != nullptr);
    BOOST_TEST((t3->row("new")->how == model::label_match::canonical));
    BOOST_TEST((t3->row("r4_1")->how == model::label_match::canonical));
    BOOST_TEST((t3->columns[3].how == model::label_match::canonical)); // 社会<br>公益<br>组织
    const auto& np = cell(b, "t3", "new", "np");
    BOOST_TEST(np.text == "１２");
    BOOST_TEST(np.number == "12");
    BOOST_TEST(np.value.value_or(-1) == 12);
    BOOST_TEST(cell(b, "t3", "new", "biz").number == "3");
    BOOST_TEST(cell(b, "t3", "new", "sci").unit == "件");
    BOOST_TEST(value(b, "t3", "new", "sci") == 4);
    BOOST_TEST(cell(b, "t3", "new", "ngo").number == "-2");
    BOOST_TEST(value(b, "t3", "new", "ngo") == -2);
    for (const char* bad : {"law", "oth"}) { // 无, and 1.5 in a count column
        BOOST_TEST(cell(b, "t3", "new", bad).invalid, bad);
        BOOST_TEST(!cell(b, "t3", "new", bad).value.has_value(), bad);
        BOOST_TEST(cell(b, "t3", "new", bad).number.empty(), bad);
    }
    BOOST_TEST(cell(b, "t3", "new", "total").number == "1234");
    BOOST_TEST(cell(b, "t3", "new", "total").text == "1,234");
}

// row(), column_index(), cell() and table() find what a search of the keys finds, through the
// loader's index and without it (a template made in code).
BOOST_AUTO_TEST_CASE(looks_keys_up_as_a_search_of_them_would) {
    const auto check = [](const model::report_model& m, bool indexed) {
        BOOST_TEST(m.table("no_such_table") == nullptr);
        BOOST_TEST(m.table("") == nullptr);
        for (const auto& t : m.tables) {
            BOOST_TEST_CONTEXT(t.def->key) {
                BOOST_TEST((t.row_keys != nullptr) == indexed);
                BOOST_TEST((t.column_keys != nullptr) == indexed);
                BOOST_TEST(m.table(t.def->key) == &t);
                for (std::size_t r = 0; r < t.rows.size(); ++r) {
                    BOOST_TEST(t.row(t.def->rows[r].key) == &t.rows[r]);
                }
                for (std::size_t c = 0; c < t.def->columns.size(); ++c) {
                    BOOST_TEST(t.column_index(t.def->columns[c].key) == c);
                }
                for (const char* unknown : {"", "x", "no_such_key", "r3_10", "totals"}) {
                    BOOST_TEST(t.row(unknown) == nullptr);
                    BOOST_TEST(t.column_index(unknown) == t.def->columns.size());
                }
                if (!t.def->columns.empty() && !t.rows.empty()) {
                    const auto& r = t.def->rows.back().key;
                    const auto& c = t.def->columns.back().key;
                    BOOST_TEST(
                        t.cell(r, c)
                        == (t.rows.back().cells.empty() ? nullptr : &t.rows.back().cells.back()));
                    BOOST_TEST(t.cell(r, "x") == nullptr);
                    BOOST_TEST(t.cell("x", c) == nullptr);
                }
            }
        }
    };
    model::template_set plain = builtin();
    for (auto& t : plain.templates) {
        t.labels = nullptr;
    }
    for (const char* seed : {"000", "001", "002", "003", "004"}) {
        BOOST_TEST_CONTEXT(seed) {
            const auto b = bind_seed(seed);
            BOOST_TEST(!b.model.tables.empty());
            check(b.model, true);
            const auto m = model::bind(b.doc, plain);
            BOOST_TEST(m.tables.size() == b.model.tables.size());
            check(m, false);
        }
    }
}

// Fingerprints are found in cells and lines whatever their length: a one-character fingerprint
// in a one-character cell, a long one in a heading, and none that spans two cells.
BOOST_AUTO_TEST_CASE(finds_fingerprints_of_any_length_in_cells_and_lines) {
    const std::string tpl = "template short\nfingerprint \"甲\"\n"
                            "template long\nfingerprint \"乙丙丁戊己庚\"\n"
                            "template split\nfingerprint \"辛壬\" \"辛\" \"壬\"\n"
                            "table t \"表\"\n  column n \"数量\" count\n  row a \"子\"\n";
    const auto set = model::load_template_sources({{"t.tpl", tpl}});
    BOOST_REQUIRE(set.problems.empty());
    const auto detected = [&](const std::string& text) {
        const ast::document doc = ast::parse(source::text{"t.txt", text, "UTF-8", ""});
        const auto m = model::bind(doc, set);
        return m.tpl == nullptr ? std::string() : m.tpl->id + " " + m.template_reason;
    };
    BOOST_TEST(detected("说明\n\n甲 | 1 |\n子 | 2 |\n") == "short fingerprints 1/1");
    BOOST_TEST(detected("一、乙丙丁戊己庚\n\n子 | 2 |\n") == "long fingerprints 1/1");
    BOOST_TEST(detected("说明\n\n辛 | 壬 |\n子 | 2 |\n") == "split fingerprints 2/3");
}

BOOST_AUTO_TEST_SUITE_END()
