// Hostile inputs (issue 6): each has a clear outcome — a result or an error, never a crash or a
// hang (CTest's timeout turns a hang into a failure).
#include <filesystem>
#include <fstream>

#include <boost/test/unit_test.hpp>

#include "support/corpus.hpp"
#include "support/run.hpp"

using nianbao::test::run_cli;
namespace fs = std::filesystem;

namespace {

// A scratch file under the system temp directory, removed at the end of the test.
struct scratch {
    fs::path dir = fs::temp_directory_path() / ("nianbao-hostile-" + std::to_string(::getpid()));
    scratch() { fs::create_directories(dir); }
    ~scratch() { fs::remove_all(dir); }
    std::string write(const std::string& name, const std::string& bytes) const {
        std::ofstream(dir / name, std::ios::binary) << bytes;
        return (dir / name).string();
    }
};

std::size_t count(const std::string& s, std::string_view what) {
    std::size_t n = 0;
    for (auto p = s.find(what); p != std::string::npos; p = s.find(what, p + 1)) {
        ++n;
    }
    return n;
}

} // namespace

BOOST_AUTO_TEST_SUITE(cli_hostile)

BOOST_AUTO_TEST_CASE(handles_an_empty_file) {
    const scratch s;
    const auto f = s.write("empty.txt", "");
    const auto tree = run_cli({"parse", f});
    BOOST_TEST(tree.code == 0);
    BOOST_TEST(tree.out == "(document 1:1-1:1)\n");
    const auto ex = run_cli({"extract", "--format", "jsonl", f});
    BOOST_TEST(ex.code == 0);
    BOOST_TEST(ex.out.find("\"template\":null") != std::string::npos);
    BOOST_TEST(ex.err.find("[bind/no-template]") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(handles_a_100_mb_single_line) {
    const scratch s;
    std::string line;
    line.reserve(100U << 20);
    while (line.size() < (100U << 20)) {
        line += "公开|";
    }
    const auto f = s.write("long.txt", line);
    const auto src = run_cli({"parse", "--format", "source", f});
    BOOST_TEST(src.code == 0);
    BOOST_TEST((src.out == line)); // no bar at the end: one paragraph, printed back whole
    const auto ex = run_cli({"extract", "--format", "csv", f});
    BOOST_TEST(ex.code == 0);
    // The text rules read the line in place (they once held 12 bytes per character of it).
    const auto ck = run_cli({"check", "--format", "json", f});
    BOOST_TEST(ck.code <= 1);
    BOOST_TEST(ck.out.find("\"diagnostics\"") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(handles_a_table_with_10000_columns) {
    const scratch s;
    std::string header;
    std::string values;
    for (int i = 0; i < 10000; ++i) {
        header += "列" + std::to_string(i) + " | ";
        values += std::to_string(i) + " | ";
    }
    const auto f = s.write("wide.txt", "一、总体情况\n" + header + "\n" + values + "\n");
    const auto r = run_cli({"parse", f});
    BOOST_TEST(r.code == 0);
    BOOST_TEST(r.out.find("dialect=pipe rows=2 cols=10000") != std::string::npos);
    BOOST_TEST(count(r.out, "(cell ") == 20000U);
}

BOOST_AUTO_TEST_CASE(handles_a_table_with_a_million_rows) {
    const scratch s;
    std::string text = "序号 | 数值 |\n";
    for (int i = 0; i < 1000000; ++i) {
        text += "第" + std::to_string(i) + "行 | " + std::to_string(i % 97) + " |\n";
    }
    const auto f = s.write("tall.txt", text);
    const auto src = run_cli({"parse", "--format", "source", f});
    BOOST_TEST(src.code == 0);
    BOOST_TEST((src.out == text));
    BOOST_TEST(run_cli({"extract", "--format", "jsonl", f}).code == 0);
}

BOOST_AUTO_TEST_CASE(handles_10000_nested_looking_ordinal_markers) {
    const scratch s;
    std::string text;
    const char* markers[] = {"一、", "（一）", "1.", "（1）"};
    for (int i = 0; i < 10000; ++i) {
        text += std::string(markers[i % 4]) + "标题\n";
    }
    for (int i = 0; i < 10000; ++i) {
        text += "（一）";
    }
    text += "\n";
    const auto f = s.write("markers.txt", text);
    const auto r = run_cli({"parse", f});
    BOOST_TEST(r.code == 0);
    BOOST_TEST(count(r.out, "(heading ") == 10000U);
    BOOST_TEST(count(r.out, "(section ") == 10000U);
    BOOST_TEST(count(r.out, "(paragraph ") == 1U); // the 10000 markers in a row are prose
    BOOST_TEST(run_cli({"parse", "--format", "json", f}).code == 0);
}

BOOST_AUTO_TEST_CASE(reports_invalid_utf8_in_the_middle_with_its_offset) {
    const scratch s;
    std::string text;
    for (int i = 0; i < 1000; ++i) {
        text += "一、总体情况\n";
    }
    const std::size_t bad = text.size() + 3;
    text += "abc\xC3\x28 rest\n";
    const auto r = run_cli({"parse", "--lang", "en", s.write("bad.txt", text)});
    BOOST_TEST(r.code == 2);
    BOOST_TEST(r.out.empty());
    BOOST_TEST(
        r.err.find(":1001:4: error: invalid UTF-8 that is not valid GB18030 either (byte offset "
                   + std::to_string(bad) + ") [decode/invalid-utf8]")
        != std::string::npos);
}

BOOST_AUTO_TEST_CASE(reports_mixed_gbk_and_utf8) {
    const scratch s;
    const std::string gbk = "\xB6\xFE\xA1\xA2\xD6\xF7\xB6\xAF\n"; // 二、主动 in GBK
    const auto r = run_cli({"parse", s.write("mixed.txt", "一、总体情况\n" + gbk)});
    BOOST_TEST(r.code == 2);
    BOOST_TEST(r.err.find("[decode/invalid-") != std::string::npos);
    BOOST_TEST(r.err.find("mixed.txt:") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(reports_nul_bytes_a_dangling_link_and_an_empty_directory) {
    const scratch s;
    const auto nul = run_cli({"parse", s.write("nul.txt", std::string("一、\0总体", 10))});
    BOOST_TEST(nul.code == 2);
    BOOST_TEST(nul.err.find(":1:3: error:") != std::string::npos);
    fs::create_symlink(s.dir / "nowhere.txt", s.dir / "link.txt");
    const auto link = run_cli({"parse", (s.dir / "link.txt").string()});
    BOOST_TEST(link.code == 2);
    BOOST_TEST(link.err.find("[io/open-failed]") != std::string::npos);
    fs::create_directories(s.dir / "empty");
    const auto dir = run_cli({"extract", (s.dir / "empty").string()});
    BOOST_TEST(dir.code == 2);
    BOOST_TEST(dir.err.find("[io/is-directory]") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(keeps_going_after_a_bad_file_in_a_batch) {
    const scratch s;
    fs::create_directories(s.dir / "batch");
    std::ofstream(s.dir / "batch" / "a.txt") << "一、总体情况\n";
    std::ofstream(s.dir / "batch" / "b.txt", std::ios::binary) << std::string("\0", 1);
    std::ofstream(s.dir / "batch" / "c.txt") << "二、主动公开政府信息情况\n";
    const auto r =
        run_cli({"extract", "--format", "jsonl", "--jobs", "2", (s.dir / "batch").string()});
    BOOST_TEST(r.code == 2);
    BOOST_TEST(count(r.out, "\n") == 2U); // a and c, in order
    BOOST_TEST(r.out.find("a.txt") < r.out.find("c.txt"));
    BOOST_TEST(r.err.find("3 reports") != std::string::npos);
    BOOST_TEST(r.err.find("1 failed") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(checks_a_batch_in_input_order_on_several_threads) {
    const scratch s;
    fs::create_directories(s.dir / "batch");
    const std::string seed = nianbao::test::read_file(nianbao::test::source_dir()
                                                      + "/corpus/reports/003_c6867b7eba30610a.txt");
    for (int i = 0; i < 12; ++i) {
        std::ofstream(s.dir / "batch" / ("r" + std::to_string(10 + i) + ".txt")) << seed;
    }
    std::ofstream(s.dir / "batch" / "r15.txt", std::ios::binary) << std::string("\0", 1);
    const auto one = run_cli({"check", "--lang", "en", "--jobs", "1", (s.dir / "batch").string()});
    const auto many = run_cli({"check", "--lang", "en", "--jobs", "4", (s.dir / "batch").string()});
    BOOST_TEST(one.code == 2); // r15 could not be decoded; the others were checked
    BOOST_TEST(many.code == 2);
    BOOST_TEST((one.out == many.out)); // the same bytes whatever the threads
    BOOST_TEST(count(many.out, "[figures/equation]") == 2U * 11U);
    BOOST_TEST(many.out.find("r10.txt") < many.out.find("r21.txt"));
    BOOST_TEST(many.err.find("12 reports, 33 errors") != std::string::npos);
    BOOST_TEST(many.err.find("1 failed") != std::string::npos);
}

BOOST_AUTO_TEST_SUITE_END()
