// `nianbao check` and `nianbao rules` end to end: formats, exit codes, config, --fix, --diff.
#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <unistd.h>

#include <boost/test/unit_test.hpp>
#include <nlohmann/json.hpp>

#include "support/corpus.hpp"
#include "support/run.hpp"

using nianbao::test::run_cli;
namespace fs = std::filesystem;

namespace {

const std::string seed000 = "corpus/reports/000_e366c3bcfb1dd8a2.txt";
const std::string seed003 = "corpus/reports/003_c6867b7eba30610a.txt";

// A scratch directory with copies of the seeds, removed afterwards.
struct scratch {
    fs::path dir;
    scratch() {
        dir = fs::temp_directory_path()
              / ("nianbao-check-" + std::to_string(::getpid()) + "-" + std::to_string(counter()++));
        fs::create_directories(dir);
    }
    ~scratch() {
        std::error_code ec;
        fs::remove_all(dir, ec);
    }
    static int& counter() {
        static int n = 0;
        return n;
    }
    std::string copy(const std::string& rel) const {
        const fs::path to = dir / fs::path(rel).filename();
        fs::copy_file(fs::path(nianbao::test::source_dir()) / rel, to);
        return to.string();
    }
    std::string write(const std::string& name, const std::string& text) const {
        std::ofstream(dir / name, std::ios::binary) << text;
        return (dir / name).string();
    }
};

} // namespace

BOOST_AUTO_TEST_SUITE(cli_check)

BOOST_AUTO_TEST_CASE(exits_0_1_and_2) {
    BOOST_TEST(run_cli({"check", seed000}).code == 0); // warnings only
    const auto bad = run_cli({"check", seed003});
    BOOST_TEST(bad.code == 1);
    BOOST_TEST(run_cli({"check", "no/such/file.txt"}).code == 2);
    BOOST_TEST(run_cli({"check", "--format", "xml", seed000}).code == 2);
    BOOST_TEST(run_cli({"check", "--select", "nope/rule", seed000}).code == 2);
    BOOST_TEST(run_cli({"check", "--fail-on", "warning", seed000}).code == 1);
    BOOST_TEST(run_cli({"check", "--ignore", "figures,table/caption", seed003}).code == 0);
}

BOOST_AUTO_TEST_CASE(prints_human_findings_with_a_caret_and_a_summary) {
    const auto r = run_cli({"check", "--select", "figures", seed003});
    BOOST_TEST(r.out.find(seed003 + ":342:2: error: （七）总计 自然人 = 1，但各项办理结果之和 = 0")
               != std::string::npos);
    BOOST_TEST(r.out.find("  342 | \t1") == std::string::npos); // TABs are expanded
    BOOST_TEST(r.out.find("  342 |     1\n      |     ^\n") != std::string::npos);
    BOOST_TEST(r.out.find("共 2 个错误、0 个警告、0 个提示（1 个文件）") != std::string::npos);
    BOOST_TEST(r.out.find("\x1b[") == std::string::npos); // not a terminal: no colour
    const auto en = run_cli({"check", "--lang", "en", "--select", "table/caption", seed003});
    BOOST_TEST(en.out.find("error: the caption \"第二十六条第（六）项\" is wrong")
               != std::string::npos);
    BOOST_TEST(en.out.find("1 error, 0 warnings, 0 infos in 1 file") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(aligns_the_caret_by_display_width) {
    const auto r = run_cli({"check", "--select", "table/caption", seed003});
    // "第二十六条第（六）项" is 10 wide characters: 20 columns, one caret and 19 tildes.
    BOOST_TEST(
        r.out.find("   48 |     第二十六条第（六）项\n      |     ^" + std::string(19, '~') + "\n")
        != std::string::npos);
    const auto c = run_cli(
        {"check", "--select", "text/half-width-punct", "corpus/reports/002_f2d57d5ded702b88.txt"});
    BOOST_TEST(c.out.find("    2 | 2021年度,我局") != std::string::npos);
    BOOST_TEST(c.out.find("\n      |           ^\n") != std::string::npos); // 2021年度 = 4 + 2 × 3
}

BOOST_AUTO_TEST_CASE(streams_json_as_one_document_in_the_library_layout) {
    // A batch writes each report's findings as they come; the document must read as the one
    // nlohmann writes whole (two-space indents), with none, one and many reports.
    const std::string seeds = "corpus/reports";
    for (const std::vector<std::string>& args :
         {std::vector<std::string>{"check", "--format", "json", "-j", "2", seeds},
          std::vector<std::string>{"check", "--format", "json", seed003},
          std::vector<std::string>{"check", "--format", "json", "--select", "meta/no-template",
                                   seed003}}) {
        const auto r = run_cli(args);
        const auto j = nlohmann::ordered_json::parse(r.out);
        BOOST_TEST(r.out == j.dump(2) + "\n");
        BOOST_TEST(j["diagnostics"].is_array());
    }
}

BOOST_AUTO_TEST_CASE(streams_a_report_of_many_findings_in_pieces_as_one_document) {
    // 9,000 findings in one report are written a few thousand at a time: the pieces must join
    // into the document nlohmann writes whole, each finding once.
    scratch s;
    std::string text;
    for (int i = 0; i < 9000; ++i) {
        text += "中,文\n";
    }
    const std::string file = s.write("many.txt", text);
    const auto r = run_cli({"check", "--format", "json", "--select", "text", file});
    const auto j = nlohmann::ordered_json::parse(r.out);
    BOOST_TEST(r.out == j.dump(2) + "\n");
    BOOST_REQUIRE_EQUAL(j["diagnostics"].size(), 9000U);
    BOOST_TEST(j["diagnostics"][4096]["line"] == 4097);
    BOOST_TEST(j["diagnostics"][8999]["line"] == 9000);
}

BOOST_AUTO_TEST_CASE(writes_a_report_of_many_findings_in_slices_as_it_would_whole) {
    // A report checked alone is written a slice of findings at a time (4,096); in a batch on
    // two threads it is held whole. Both must read the same, findings on long (windowed) lines
    // and on lines cut between slices included.
    scratch s;
    std::string text;
    for (int i = 0; i < 9000; ++i) {
        text += i % 7 == 0 ? "这一行很长，" + std::string(300, 'x') + "中,文在窗口里,中,文\n"
                           : "中,文\n";
    }
    const std::string one = s.write("one.txt", text);
    const std::string two = s.write("two.txt", text);
    for (const char* format : {"human", "github"}) {
        BOOST_TEST_CONTEXT(format) {
            const auto alone =
                run_cli({"check", "--format", format, "--select", "text", "-j", "1", one});
            const auto batch =
                run_cli({"check", "--format", format, "--select", "text", "-j", "2", one, two});
            // The human format ends in a summary of the files checked; the rest is the report's.
            const auto findings = [&](const std::string& out) {
                return std::string(format) == "human" ? out.substr(0, out.rfind("共 ")) : out;
            };
            const std::string mine = findings(alone.out);
            BOOST_TEST(mine.size() > 9000U * 40);
            BOOST_TEST(batch.out.substr(0, mine.size()) == mine);
            // and nothing of the first report comes after it.
            BOOST_TEST(batch.out.find(one + ":", mine.size()) == std::string::npos);
            BOOST_TEST(batch.out.find(one + ",", mine.size()) == std::string::npos);
            BOOST_TEST(batch.out.find(two) != std::string::npos);
        }
    }
}

BOOST_AUTO_TEST_CASE(writes_json_diagnostics) {
    const auto r = run_cli({"check", "--format", "json", seed003});
    BOOST_REQUIRE(r.code == 1);
    const auto j = nlohmann::json::parse(r.out);
    BOOST_TEST(j["version"] == 1);
    bool found = false;
    for (const auto& d : j["diagnostics"]) {
        if (d["rule"] == "table/caption") {
            found = true;
            BOOST_TEST(d["file"] == seed003);
            BOOST_TEST(d["severity"] == "error");
            BOOST_TEST(d["line"] == 48);
            BOOST_TEST(d["column"] == 2);
            BOOST_TEST(d["end_line"] == 48);
            BOOST_TEST(d["end_column"] == 12);
            BOOST_TEST(!d.contains("fix"));
        }
        if (d["rule"] == "text/stray-space") {
            BOOST_TEST(d["fix"]["edits"].size() >= 1U);
        }
    }
    BOOST_TEST(found);
}

BOOST_AUTO_TEST_CASE(writes_sarif_2_1_0_with_rule_metadata) {
    const auto r = run_cli({"check", "--format", "sarif", seed003});
    const auto j = nlohmann::json::parse(r.out);
    BOOST_TEST(j["version"] == "2.1.0");
    const auto& run = j["runs"][0];
    BOOST_TEST(run["tool"]["driver"]["name"] == "nianbao");
    BOOST_TEST(run["tool"]["driver"]["rules"].size() >= 20U);
    BOOST_TEST(run["columnKind"] == "unicodeCodePoints");
    for (const auto& res : run["results"]) {
        const auto& rule = run["tool"]["driver"]["rules"][res["ruleIndex"].get<std::size_t>()];
        BOOST_TEST(rule["id"] == res["ruleId"]);
        BOOST_TEST(res["locations"][0]["physicalLocation"]["region"]["startLine"].get<int>() >= 1);
    }
}

BOOST_AUTO_TEST_CASE(streams_a_batch_as_one_sarif_log) {
    // Each report's results are written once it is checked, not held to the end of the batch:
    // the pieces must read as the log nlohmann writes whole, every report's results in order.
    const auto batch = run_cli({"check", "--format", "sarif", "-j", "2", "corpus/reports"});
    const auto j = nlohmann::ordered_json::parse(batch.out);
    BOOST_TEST(batch.out == j.dump(2) + "\n");
    std::vector<std::string> uris;
    for (const auto& res : j["runs"][0]["results"]) {
        uris.push_back(res["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]);
    }
    std::vector<std::string> seeds;
    for (const auto& e :
         fs::directory_iterator(fs::path(nianbao::test::source_dir()) / "corpus/reports")) {
        if (e.path().extension() == ".txt") {
            seeds.push_back("corpus/reports/" + e.path().filename().string());
        }
    }
    BOOST_REQUIRE(seeds.size() >= 5U);
    std::size_t alone = 0;
    for (const auto& seed : seeds) {
        const auto one = nlohmann::json::parse(run_cli({"check", "--format", "sarif", seed}).out);
        const auto n = one["runs"][0]["results"].size();
        BOOST_TEST(std::count(uris.begin(), uris.end(), seed) == static_cast<long>(n));
        alone += n;
    }
    BOOST_TEST(uris.size() == alone);
    BOOST_TEST(std::is_sorted(uris.begin(), uris.end()));
}

BOOST_AUTO_TEST_CASE(writes_github_annotations) {
    const auto r = run_cli({"check", "--format", "github", "--select", "table/caption", seed003});
    BOOST_TEST(r.out.find("::error file=" + seed003
                          + ",line=48,col=2,endLine=48,endColumn=12,"
                            "title=table/caption::表格标题")
               != std::string::npos);
}

BOOST_AUTO_TEST_CASE(lists_and_explains_rules) {
    const auto list = run_cli({"rules"});
    BOOST_TEST(list.code == 0);
    BOOST_TEST(list.out.find("figures/equation") != std::string::npos);
    const auto one = run_cli({"rules", "table/caption"});
    BOOST_TEST(one.out.find("第二十六条第（六）项") != std::string::npos);
    BOOST_TEST(run_cli({"rules", "nope"}).code == 2);
    const auto md = run_cli({"rules", "--markdown"});
    BOOST_TEST(md.out == nianbao::test::read_file(nianbao::test::source_dir() + "/docs/rules.md"));
}

BOOST_AUTO_TEST_CASE(reads_nianbao_toml_upward_and_from_config) {
    scratch s;
    const std::string file = s.copy(seed003);
    fs::create_directories(s.dir / "sub");
    const std::string nested = (s.dir / "sub" / "r.txt").string();
    fs::copy_file(file, nested);
    s.write(".nianbao.toml", "lang = \"en\"\nfail-on = \"error\"\n[rules]\nfigures = \"warning\"\n"
                             "\"table/caption\" = \"off\"\n");
    const auto r = run_cli({"check", nested});
    BOOST_TEST(r.code == 0);
    BOOST_TEST(r.out.find("warning: （七）总计") != std::string::npos);
    BOOST_TEST(r.out.find("[table/caption]") == std::string::npos);
    BOOST_TEST(r.out.find(" in 1 file") != std::string::npos); // English from the config
    const std::string other = s.write("other.toml", "fail-on = \"info\"\n");
    BOOST_TEST(run_cli({"check", "--config", other, nested}).code == 1);
    const std::string broken = s.write("broken.toml", "[rules]\n\"nope/x\" = \"error\"\n");
    const auto b = run_cli({"check", "--config", broken, nested});
    BOOST_TEST(b.code == 2);
    BOOST_TEST(b.err.find("broken.toml:2:12: error: unknown rule") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(select_and_ignore_take_one_value_an_occurrence) {
    // `--select figures report.txt`: the report is an input, not a second rule.
    const auto one = run_cli({"check", "--select", "figures", seed003});
    BOOST_TEST(one.code == 1);
    BOOST_TEST(one.out.find("[figures/equation]") != std::string::npos);
    BOOST_TEST(one.out.find("[table/") == std::string::npos);
    // Repeated and comma-separated values add up.
    const auto both = run_cli({"check", "--select", "figures", "--select", "table,xref", seed003});
    BOOST_TEST(both.out.find("[figures/equation]") != std::string::npos);
    BOOST_TEST(both.out.find("[table/caption]") != std::string::npos);
    BOOST_TEST(both.out.find("[xref/narrative]") != std::string::npos);
    BOOST_TEST(both.out.find("[text/") == std::string::npos);
    const auto ignored =
        run_cli({"check", "--ignore", "figures", "--ignore", "text,table", seed003});
    BOOST_TEST(ignored.out.find("[xref/narrative]") != std::string::npos);
    for (const char* family : {"[figures/", "[text/", "[table/"}) {
        BOOST_TEST(ignored.out.find(family) == std::string::npos);
    }
}

BOOST_AUTO_TEST_CASE(takes_the_template_from_the_config) {
    scratch s;
    const std::string file = s.copy("corpus/reports/001_e091965162a3741c.txt");
    s.write(".nianbao.toml", "template = \"gov-2021\"\n");
    const auto r = run_cli({"check", "--select", "meta", file});
    BOOST_TEST(r.out.find(":1:4: warning: 报告年度为 2020 年，但所用模板 gov-2021")
               != std::string::npos);
    // The command line wins over the file.
    BOOST_TEST(run_cli({"check", "--select", "meta", "--template", "gov-2019", file})
                   .out.find("[meta/template-year]")
               == std::string::npos);
}

BOOST_AUTO_TEST_CASE(fixes_a_copy_of_every_seed_in_place) {
    for (const auto& path : nianbao::test::corpus_files()) {
        if (path.find("/reports/") == std::string::npos) {
            continue;
        }
        scratch s;
        const std::string rel = path.substr(nianbao::test::source_dir().size() + 1);
        const std::string file = s.copy(rel);
        const auto before = nlohmann::json::parse(run_cli({"check", "--format", "json", file}).out);
        const auto figures = run_cli({"extract", "--format", "csv", file}).out;
        const auto diff = run_cli({"check", "--diff", file});
        const auto fixed = run_cli({"check", "--fix", file});
        BOOST_TEST_CONTEXT(rel) {
            BOOST_TEST(fixed.code != 2);
            const auto after =
                nlohmann::json::parse(run_cli({"check", "--format", "json", file}).out);
            BOOST_TEST(after["diagnostics"].size() < before["diagnostics"].size());
            BOOST_TEST(run_cli({"extract", "--format", "csv", file}).out == figures);
            BOOST_TEST(diff.out.find("+++ " + file + " (fixed)") != std::string::npos);
            BOOST_TEST(run_cli({"check", "--diff", file}).out.empty()); // nothing left to fix
            BOOST_TEST(run_cli({"parse", file}).code == 0);
        }
    }
}

BOOST_AUTO_TEST_CASE(keeps_encoding_bom_and_line_endings_when_fixing) {
    scratch s;
    // GB18030 bytes of "我们,他们\r\n" with CRLF; and a UTF-8 file with a BOM.
    const std::string gb = "\xce\xd2\xc3\xc7,\xcb\xfb\xc3\xc7\r\n";
    const std::string gfile = s.write("gb.txt", gb);
    BOOST_TEST(run_cli({"check", "--fix", "--encoding", "gb18030", gfile}).code == 0);
    BOOST_TEST(nianbao::test::read_file(gfile) == "\xce\xd2\xc3\xc7\xa3\xac\xcb\xfb\xc3\xc7\r\n");
    const std::string ufile = s.write("bom.txt", "\xef\xbb\xbf我们,他们\n");
    BOOST_TEST(run_cli({"check", "--fix", ufile}).code == 0);
    BOOST_TEST(nianbao::test::read_file(ufile) == "\xef\xbb\xbf我们，他们\n");
    BOOST_TEST(run_cli({"check", "--fix", "-"}, "我们,他们\n").code == 2);
}

BOOST_AUTO_TEST_CASE(never_leaves_a_truncated_file_when_killed_during_fix) {
    scratch s;
    std::string big;
    for (int i = 0; i < 40; ++i) {
        big += nianbao::test::read_file(nianbao::test::source_dir() + "/" + seed000) + "\n";
    }
    const std::string reference = s.write("reference.txt", big);
    BOOST_REQUIRE(run_cli({"check", "--fix", reference}).code != 2);
    const std::string fixed = nianbao::test::read_file(reference);
    BOOST_REQUIRE(fixed != big);
    // Kill the process at different moments; the file is always the old or the new text.
    for (const char* delay : {"0.02", "0.05", "0.1", "0.2", "0.4", "0.8", "1.6"}) {
        const std::string file = s.write("victim.txt", big);
        const std::string cmd = std::string("timeout -s KILL ") + delay + " " + NIANBAO_CLI_PATH
                                + " check --fix " + file + " > /dev/null 2>&1";
        [[maybe_unused]] const int rc = std::system(cmd.c_str());
        const std::string now = nianbao::test::read_file(file);
        BOOST_TEST_CONTEXT("killed after " << delay << " s") {
            BOOST_TEST((now == big || now == fixed));
        }
    }
}

BOOST_AUTO_TEST_CASE(writes_an_html_page_with_the_findings_in_place) {
    const auto r = run_cli({"check", "--format", "html", "--lang", "en", seed003});
    BOOST_TEST(r.code == 1); // the page is written; the errors still fail the check
    BOOST_TEST(r.out.starts_with("<!DOCTYPE html>"));
    BOOST_TEST(r.out.find("第二十六条第（六）项") != std::string::npos);
    BOOST_TEST(r.out.find("table/caption") != std::string::npos);
    BOOST_TEST(r.out.find("figures/equation") != std::string::npos);
    BOOST_TEST(r.out.find("class=\"diag error\"") != std::string::npos);
    BOOST_TEST(run_cli({"check", "--format", "html", seed003, seed000}).code == 2); // one page
}

BOOST_AUTO_TEST_SUITE_END()
