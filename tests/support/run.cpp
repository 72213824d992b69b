// Running the CLI through the shell with redirections to temporary files.
#include "support/run.hpp"

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <sys/wait.h>

#include "support/corpus.hpp"

namespace nianbao::test {

namespace {

std::string quote(const std::string& s) {
    std::string out = "'";
    for (char c : s) {
        out += c == '\'' ? std::string("'\\''") : std::string(1, c);
    }
    return out + "'";
}

} // namespace

run_result run_cli(const std::vector<std::string>& args, const std::string& input) {
    namespace fs = std::filesystem;
    static int counter = 0;
    const fs::path dir =
        fs::temp_directory_path()
        / ("nianbao-cli-" + std::to_string(::getpid()) + "-" + std::to_string(counter++));
    fs::create_directories(dir);
    std::ofstream(dir / "in", std::ios::binary) << input;
    std::string cmd = "cd " + quote(source_dir()) + " && " + quote(NIANBAO_CLI_PATH);
    for (const auto& a : args) {
        cmd += " " + quote(a);
    }
    cmd += " <" + quote((dir / "in").string()) + " >" + quote((dir / "out").string()) + " 2>"
           + quote((dir / "err").string());
    const int status = std::system(cmd.c_str());
    run_result r;
    r.code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    r.out = read_file((dir / "out").string());
    r.err = read_file((dir / "err").string());
    fs::remove_all(dir);
    return r;
}

} // namespace nianbao::test
