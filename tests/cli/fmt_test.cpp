// `nianbao fmt` end to end: --check, --diff, --write, --dialect and exit codes.
#include <filesystem>
#include <fstream>
#include <unistd.h>

#include <boost/test/unit_test.hpp>

#include "support/corpus.hpp"
#include "support/run.hpp"

using nianbao::test::read_file;
using nianbao::test::run_cli;
namespace fs = std::filesystem;

namespace {

const std::string seed000 = "corpus/reports/000_e366c3bcfb1dd8a2.txt";

// A copy of a corpus file in a scratch directory, removed afterwards.
struct scratch_copy {
    fs::path dir = fs::temp_directory_path() / ("nianbao-fmt-" + std::to_string(getpid()));
    fs::path file;
    explicit scratch_copy(const std::string& rel) {
        fs::create_directories(dir);
        file = dir / fs::path(rel).filename();
        fs::copy_file(fs::path(nianbao::test::source_dir()) / rel, file,
                      fs::copy_options::overwrite_existing);
    }
    ~scratch_copy() {
        std::error_code ec;
        fs::remove_all(dir, ec);
    }
};

} // namespace

BOOST_AUTO_TEST_SUITE(cli_fmt)

BOOST_AUTO_TEST_CASE(checks_whether_a_file_would_change) {
    const auto r = run_cli({"fmt", "--check", seed000});
    BOOST_TEST(r.code == 1);
    BOOST_TEST(r.out.empty());
    BOOST_TEST(r.err.find(seed000) != std::string::npos);
    const auto canonical = run_cli({"fmt", seed000});
    BOOST_TEST(run_cli({"fmt", "--check", "-"}, canonical.out).code == 0);
}

BOOST_AUTO_TEST_CASE(prints_a_unified_diff) {
    const auto r = run_cli({"fmt", "--diff", seed000});
    BOOST_TEST(r.code == 0);
    BOOST_TEST(r.out.starts_with("--- "));
    BOOST_TEST(r.out.find("\n+规章 ") != std::string::npos);
    BOOST_TEST(run_cli({"fmt", "--check", "--diff", seed000}).code == 1);
}

BOOST_AUTO_TEST_CASE(writes_files_in_place_in_their_encoding) {
    const scratch_copy copy("corpus/cases/encoding/gb18030.txt");
    const std::string before = read_file(copy.file.string());
    BOOST_TEST(run_cli({"fmt", "--write", copy.file.string()}).code == 0);
    const std::string after = read_file(copy.file.string());
    BOOST_TEST(after != before);
    BOOST_TEST(after.find("\xB9\xE6\xD5\xC2") != std::string::npos); // 规章, still GB18030
    BOOST_TEST(run_cli({"fmt", "--check", copy.file.string()}).code == 0);
    // A second run changes nothing.
    BOOST_TEST(run_cli({"fmt", "--write", copy.file.string()}).code == 0);
    BOOST_TEST((read_file(copy.file.string()) == after));
}

BOOST_AUTO_TEST_CASE(converts_tables_with_dialect) {
    const auto r = run_cli({"fmt", "--dialect", "lines", seed000});
    BOOST_TEST(r.code == 0);
    BOOST_TEST(r.out.find("\n规章 |\n0 |\n0 |\n0 |\n") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(refuses_a_change_that_would_lose_a_line) {
    // A line of a TAB, a lone CR and a TAB is a paragraph (a lone CR is text), but it holds only
    // blanks: trimming them would turn it into a blank line. fmt names it and writes nothing.
    const scratch_copy copy("corpus/reports/000_e366c3bcfb1dd8a2.txt");
    std::ofstream(copy.file, std::ios::binary) << "一、总体情况\n\t\r\t\n无。\n";
    const auto r = run_cli({"fmt", "--write", copy.file.string()});
    BOOST_TEST(r.code == 2);
    BOOST_TEST(r.err.find("line 2: paragraph  → paragraph 无。") != std::string::npos);
    BOOST_TEST(r.err.find("[fmt/text-changed]") != std::string::npos);
    BOOST_TEST(read_file(copy.file.string()) == "一、总体情况\n\t\r\t\n无。\n");
}

BOOST_AUTO_TEST_CASE(refuses_to_write_standard_input_and_unknown_dialects) {
    BOOST_TEST(run_cli({"fmt", "--write", "-"}, "一、总体情况\n").code == 2);
    BOOST_TEST(run_cli({"fmt", "--dialect", "csv", seed000}).code == 2);
    BOOST_TEST(run_cli({"fmt", "no/such/file.txt"}).code == 2);
}

BOOST_AUTO_TEST_SUITE_END()
