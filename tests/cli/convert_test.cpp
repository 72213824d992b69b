// `nianbao convert` end to end: every target, stdin, -o, encodings and exit codes.
#include <filesystem>
#include <fstream>
#include <unistd.h>

#include <boost/test/unit_test.hpp>
#include <nlohmann/json.hpp>

#include "support/corpus.hpp"
#include "support/run.hpp"

using nianbao::test::read_file;
using nianbao::test::run_cli;
namespace fs = std::filesystem;

namespace {

const std::string seed002 = "corpus/reports/002_f2d57d5ded702b88.txt";
const std::string seed003 = "corpus/reports/003_c6867b7eba30610a.txt";

} // namespace

BOOST_AUTO_TEST_SUITE(cli_convert)

BOOST_AUTO_TEST_CASE(converts_to_each_layout_and_back_through_stdin) {
    const auto canonical = run_cli({"fmt", seed002});
    BOOST_REQUIRE(canonical.code == 0);
    for (const char* layout : {"tab", "lines", "pipe"}) {
        const auto there = run_cli({"convert", "--to", layout, "-"}, canonical.out);
        BOOST_REQUIRE(there.code == 0);
        const auto back = run_cli({"convert", "--to", "pipe", "-"}, there.out);
        BOOST_TEST(back.code == 0);
        BOOST_TEST((back.out == canonical.out), layout);
    }
}

BOOST_AUTO_TEST_CASE(writes_the_output_file_atomically) {
    const fs::path out =
        fs::temp_directory_path() / ("nianbao-convert-" + std::to_string(getpid()) + ".txt");
    std::ofstream(out) << "old";
    const auto r = run_cli({"convert", "--to", "lines", "-o", out.string(), seed003});
    BOOST_TEST(r.code == 0);
    BOOST_TEST(r.out.empty());
    BOOST_TEST((read_file(out.string()) == run_cli({"convert", "--to", "lines", seed003}).out));
    fs::remove(out);
    BOOST_TEST(run_cli({"convert", "--to", "tab", "-o", "/no/such/dir/x.txt", seed003}).code == 2);
}

BOOST_AUTO_TEST_CASE(keeps_the_encoding_of_the_input_in_text_layouts) {
    const auto r = run_cli({"convert", "--to", "tab", "corpus/cases/encoding/gb18030.txt"});
    BOOST_REQUIRE(r.code == 0);
    BOOST_TEST(r.out.find("\t\xB9\xE6\xD5\xC2\n") != std::string::npos); // 规章 in GB18030
    const auto html = run_cli({"convert", "--to", "html", "corpus/cases/encoding/gb18030.txt"});
    BOOST_TEST(html.out.find("<td>规章</td>") != std::string::npos); // UTF-8
}

BOOST_AUTO_TEST_CASE(writes_html_markdown_json_and_csv) {
    const auto html = run_cli({"convert", "--to", "html", seed003});
    BOOST_TEST(html.code == 0);
    BOOST_TEST(html.out.starts_with("<!DOCTYPE html>"));
    const auto md = run_cli({"convert", "--to", "markdown", seed003});
    BOOST_TEST(md.out.find("\n| 第二十条第（一）项 |  |  |  |\n| --- | --- | --- | --- |\n")
               != std::string::npos);
    const auto json = nlohmann::json::parse(run_cli({"convert", "--to", "json", seed003}).out);
    BOOST_TEST(json["tables"].size() == 3U);
    const auto csv = run_cli({"convert", "--to", "csv", seed003});
    BOOST_TEST(csv.out.starts_with("table,row,1,2,"));
}

BOOST_AUTO_TEST_CASE(refuses_unknown_targets_and_missing_files) {
    BOOST_TEST(run_cli({"convert", "--to", "docx", seed003}).code == 2);
    BOOST_TEST(run_cli({"convert", seed003}).code == 2);
    BOOST_TEST(run_cli({"convert", "--to", "tab", "no/such/file.txt"}).code == 2);
}

BOOST_AUTO_TEST_SUITE_END()
