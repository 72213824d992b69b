// `nianbao parse`: formats, stdin, directories, and exit code 2 with a position for bad input.
#include <boost/test/unit_test.hpp>
#include <nlohmann/json.hpp>

#include "support/corpus.hpp"
#include "support/run.hpp"

using nianbao::test::read_file;
using nianbao::test::run_cli;

BOOST_AUTO_TEST_SUITE(cli_parse)

BOOST_AUTO_TEST_CASE(prints_the_source_back_byte_for_byte) {
    for (const char* seed :
         {"corpus/reports/001_e091965162a3741c.txt", "corpus/reports/004_ce2193055e7efe2f.txt"}) {
        const auto r = run_cli({"parse", "--format", "source", seed});
        BOOST_TEST(r.code == 0);
        BOOST_TEST((r.out == read_file(nianbao::test::source_dir() + "/" + seed)));
    }
}

BOOST_AUTO_TEST_CASE(reads_standard_input) {
    const auto r = run_cli({"parse", "--format", "source", "-"}, "一、总体情况\r\n无。");
    BOOST_TEST(r.code == 0);
    BOOST_TEST(r.out == "一、总体情况\r\n无。");
}

BOOST_AUTO_TEST_CASE(writes_json_with_kinds_spans_and_dialects) {
    const auto r =
        run_cli({"parse", "--format", "json", "corpus/reports/004_ce2193055e7efe2f.txt"});
    BOOST_REQUIRE(r.code == 0);
    const auto j = nlohmann::json::parse(r.out);
    BOOST_TEST(j["version"] == 1);
    BOOST_TEST(j["encoding"] == "UTF-8");
    BOOST_TEST(j["root"]["kind"] == "document");
    const auto& span = j["root"]["children"][1]["span"];
    for (const char* k : {"begin", "end", "line", "column", "end_line", "end_column"}) {
        BOOST_TEST(span.contains(k), k);
    }
    const auto& appendix = j["root"]["children"].back();
    BOOST_TEST(appendix["kind"] == "section");
    const auto& heading = appendix["children"][0];
    BOOST_TEST(heading["marker"] == "附件2");
    const auto& table = appendix["children"].back();
    BOOST_TEST(table["kind"] == "table");
    BOOST_TEST(table["dialect"] == "lines");
    BOOST_TEST(table["children"][0]["children"][0]["text"] == "统 计 指 标");
}

BOOST_AUTO_TEST_CASE(parses_every_file_of_a_directory_in_order) {
    const auto r = run_cli({"parse", "--format", "source", "corpus/reports"});
    BOOST_TEST(r.code == 0);
    std::string all;
    for (const auto& f : nianbao::test::corpus_files()) {
        if (f.find("/reports/") != std::string::npos) {
            all += read_file(f);
        }
    }
    BOOST_TEST((r.out == all));
}

BOOST_AUTO_TEST_CASE(exits_2_with_byte_offset_for_invalid_bytes) {
    const auto r = run_cli({"parse", "--lang", "en", "-"}, std::string("一、总体\n") + "\xFF\xFE");
    BOOST_TEST(r.code == 2);
    BOOST_TEST(r.out.empty());
    BOOST_TEST(r.err
               == "<stdin>:2:1: error: invalid UTF-8 that is not valid GB18030 either "
                  "(byte offset 13) [decode/invalid-utf8]\n");
}

BOOST_AUTO_TEST_CASE(exits_2_for_nul_bytes_missing_files_and_directories_as_files) {
    const auto nul = run_cli({"parse", "-"}, std::string("ab\0", 3));
    BOOST_TEST(nul.code == 2);
    BOOST_TEST(nul.err.find(":1:3: error:") != std::string::npos);
    BOOST_TEST(nul.err.find("[decode/nul-byte]") != std::string::npos);
    const auto missing = run_cli({"parse", "no/such/file.txt"});
    BOOST_TEST(missing.code == 2);
    BOOST_TEST(missing.err.find("no/such/file.txt: error:") == 0U);
}

BOOST_AUTO_TEST_CASE(decodes_gb18030_input) {
    const auto r =
        run_cli({"parse", "--format", "json", "-"}, "\xB6\xFE\xA1\xA2\xD6\xF7\xB6\xAF\n");
    BOOST_REQUIRE(r.code == 0);
    const auto j = nlohmann::json::parse(r.out);
    BOOST_TEST(j["encoding"] == "GB18030");
    BOOST_TEST(j["root"]["children"][0]["title"] == "主动");
}

BOOST_AUTO_TEST_CASE(exits_2_on_usage_errors) {
    BOOST_TEST(run_cli({"parse", "--format", "xml", "x.txt"}).code == 2);
    BOOST_TEST(run_cli({"frobnicate"}).code == 2);
    BOOST_TEST(run_cli({}).code == 2);
}

BOOST_AUTO_TEST_SUITE_END()
