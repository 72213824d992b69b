// `nianbao extract` and `nianbao templates` end to end, including a --template-dir template.
#include <boost/test/unit_test.hpp>
#include <nlohmann/json.hpp>

#include "support/run.hpp"

using nianbao::test::run_cli;

BOOST_AUTO_TEST_SUITE(cli_extract)

BOOST_AUTO_TEST_CASE(writes_one_json_line_per_report) {
    const auto r = run_cli({"extract", "--format", "jsonl", "corpus/reports"});
    BOOST_TEST(r.code == 0);
    std::vector<std::string> templates;
    std::size_t pos = 0;
    while (pos < r.out.size()) {
        const auto nl = r.out.find('\n', pos);
        templates.push_back(nlohmann::json::parse(r.out.substr(pos, nl - pos))["template"]);
        pos = nl + 1;
    }
    const std::vector<std::string> expected{"gov-2019", "gov-2019", "gov-2021", "gov-2019",
                                            "gov-2014"};
    BOOST_TEST(templates == expected, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(writes_an_array_for_several_reports_in_json) {
    const auto r = run_cli({"extract", "corpus/reports/000_e366c3bcfb1dd8a2.txt",
                            "corpus/reports/004_ce2193055e7efe2f.txt"});
    BOOST_REQUIRE(r.code == 0);
    const auto j = nlohmann::json::parse(r.out);
    BOOST_REQUIRE(j.is_array());
    BOOST_TEST(j.size() == 2U);
    BOOST_TEST(j[1]["tables"]["stats"]["rows"]["a2_2"]["cells"]["value"]["value"] == 33);
}

BOOST_AUTO_TEST_CASE(uses_a_template_from_template_dir) {
    const auto r = run_cli({"extract", "--format", "csv", "--template-dir", "docs/examples",
                            "docs/examples/sc-2021-report.txt"});
    BOOST_REQUIRE(r.code == 0);
    BOOST_TEST(r.out.find("docs/examples/sc-2021-report.txt,sc-2021,2021,sc_media,wechat,posts,5,,"
                          "25,13\n")
               != std::string::npos);
    BOOST_TEST(r.out.find(",t2_1,local_docs,in_force,5,,11,19\n") != std::string::npos);
    // Without the directory the same report is a gov-2021 report with an unknown table.
    const auto plain = run_cli({"extract", "--format", "csv", "docs/examples/sc-2021-report.txt"});
    BOOST_TEST(plain.out.find(",gov-2021,") != std::string::npos);
    BOOST_TEST(plain.out.find("sc_media") == std::string::npos);
}

BOOST_AUTO_TEST_CASE(forces_a_template) {
    const auto r = run_cli({"extract", "--format", "jsonl", "--template", "gov-2021",
                            "corpus/reports/001_e091965162a3741c.txt"});
    BOOST_REQUIRE(r.code == 0);
    const auto j = nlohmann::json::parse(r.out);
    BOOST_TEST(j["template"] == "gov-2021");
    BOOST_TEST(j["template_reason"] == "--template");
    BOOST_TEST(run_cli({"extract", "--template", "nope", "x.txt"}).code == 2);
}

BOOST_AUTO_TEST_CASE(explains_unbindable_input_on_stderr) {
    const auto r = run_cli({"extract", "--lang", "en", "--format", "jsonl", "-"},
                           "一、总体情况\n本年度无表格。\n");
    BOOST_TEST(r.code == 0);
    const auto j = nlohmann::json::parse(r.out);
    BOOST_TEST(j["template"].is_null());
    BOOST_TEST(j["tables"].empty());
    BOOST_TEST(j["problems"][0]["id"] == "bind/no-template");
    BOOST_TEST(r.err.find("[bind/no-template]") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(reports_template_errors_with_positions_and_exits_2) {
    const auto r =
        run_cli({"templates", "--lang", "en", "--template-dir", "tests/cli/bad-templates"});
    BOOST_TEST(r.code == 2);
    BOOST_TEST(r.err.find("tests/cli/bad-templates/cycle.tpl:1:1: error: template a extends "
                          "itself (cycle) [template/extends-cycle]")
               != std::string::npos);
    BOOST_TEST(r.err.find("tests/cli/bad-templates/unknown-key.tpl:6:3: error: check c refers to "
                          "unknown cell t.r.zz [template/unknown-key]")
               != std::string::npos);
    BOOST_TEST(r.out.find("gov-2019") != std::string::npos); // the good templates still load
}

BOOST_AUTO_TEST_SUITE_END()
