// Each file of a `check` batch takes the `.nianbao.toml` of its own directory, whether the files
// are named by absolute paths or by paths relative to the working directory (which the finder
// asks for once a batch).
#include <filesystem>
#include <fstream>
#include <string>
#include <unistd.h>
#include <vector>

#include <boost/test/unit_test.hpp>

#include "support/corpus.hpp"
#include "support/run.hpp"

namespace fs = std::filesystem;
using nianbao::test::run_cli;

namespace {

const std::string seed003 = "corpus/reports/003_c6867b7eba30610a.txt";

// Directories a (figures off), a/b (its own config, which leaves figures on) and c (none) under
// a fresh temporary directory, removed afterwards.
struct tree {
    fs::path dir = fs::temp_directory_path() / ("nianbao-config-" + std::to_string(::getpid()));
    std::vector<fs::path> files;
    tree() {
        fs::remove_all(dir);
        for (const char* d : {"a/b", "c"}) {
            fs::create_directories(dir / d);
        }
        const fs::path seed = fs::path(nianbao::test::source_dir()) / seed003;
        std::ofstream(dir / "a/.nianbao.toml") << "[rules]\nfigures = \"off\"\n";
        std::ofstream(dir / "a/b/.nianbao.toml") << "[rules]\ntable = \"off\"\n";
        for (const char* d : {"a", "c", "a/b", "a", "c"}) {
            files.push_back(dir / d / ("r" + std::to_string(files.size()) + ".txt"));
            fs::copy_file(seed, files.back());
        }
    }
    ~tree() {
        std::error_code ec;
        fs::remove_all(dir, ec);
    }
};

} // namespace

BOOST_AUTO_TEST_SUITE(cli_check_config)

// Directories a (figures off), a/b (its own config: figures on) and c (none), visited in an
// interleaved order: the answer for a directory is kept, never another's.
BOOST_AUTO_TEST_CASE(each_file_of_a_batch_takes_the_config_of_its_own_directory) {
    const tree t;
    // run_cli runs in the source directory: relative names are relative to it.
    const fs::path cwd = fs::path(nianbao::test::source_dir());
    for (const bool relative : {false, true}) {
        BOOST_TEST_CONTEXT((relative ? "relative paths" : "absolute paths")) {
            std::vector<std::string> args = {"check"};
            for (const auto& f : t.files) {
                args.push_back(relative ? fs::relative(f, cwd).string() : f.string());
                BOOST_REQUIRE(fs::path(args.back()).is_relative() == relative);
            }
            args.insert(args.end(), {"--select", "figures"});
            const auto r = run_cli(args);
            BOOST_REQUIRE_EQUAL(r.code, 1);
            for (std::size_t i = 1; i + 2 < args.size(); ++i) {
                const bool off = args[i].find("/a/r") != std::string::npos;
                BOOST_TEST_CONTEXT(args[i]) {
                    BOOST_TEST((r.out.find(args[i] + ":342:2: error:") == std::string::npos)
                               == off);
                }
            }
        }
    }
    // The directory named relatively is walked, and its files keep their own configs too.
    const auto whole = run_cli({"check", fs::relative(t.dir, cwd).string(), "--select", "figures"});
    BOOST_REQUIRE_EQUAL(whole.code, 1);
    for (const auto& f : t.files) {
        const bool off = f.parent_path().filename() == "a";
        BOOST_TEST_CONTEXT(f) {
            const std::string shown = (fs::relative(t.dir, cwd) / fs::relative(f, t.dir)).string();
            BOOST_TEST((whole.out.find(shown + ":342:2: error:") == std::string::npos) == off);
        }
    }
}

BOOST_AUTO_TEST_SUITE_END()
