// Binding, cell by cell: cells in every form reports write, key lookups, fingerprints, and
// templates with more tables than the per-table bits hold.

#include <boost/test/unit_test.hpp>

#include "model/binding_fixture.hpp"

using namespace nianbao;
using namespace nianbao::test;

BOOST_AUTO_TEST_SUITE(model_binding_cells)

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

// A report's keys are searched in pieces of 64 KB: a fingerprint and an excluded string read
// after many table keys still count.
BOOST_AUTO_TEST_CASE(finds_fingerprints_after_many_table_keys) {
    const std::string tpl =
        "template late\nyears 2019 2020\nfingerprint \"最后出现的指纹\"\n"
        "exclude \"最后出现的排除\"\ntable t \"表\"\n  column n \"数量\" count\n"
        "  row a \"甲项\"\n";
    const auto set = model::load_template_sources({{"late.tpl", tpl}});
    BOOST_REQUIRE(set.problems.empty());
    std::string text = "甲项 | 5 |\n";
    for (int r = 0; r < 3000; ++r) {
        text += "很长很长的行标签" + std::to_string(r) + " | 1 |\n";
    }
    for (const char* tail : {"\n最后出现的指纹\n", "\n最后出现的指纹\n\n最后出现的排除\n"}) {
        const ast::document doc = ast::parse(source::text{"t.txt", text + tail, "UTF-8", ""});
        BOOST_REQUIRE(doc.text().size() > 65536U);
        std::string reason;
        BOOST_TEST(model::detect_template(doc, set, &reason) == &set.templates[0]);
        const bool excluded = std::string_view(tail).find("排除") != std::string_view::npos;
        BOOST_TEST(reason == (excluded ? "fingerprints 1/1, excluded 1" : "fingerprints 1/1"));
    }
}

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
