// Running the built `nianbao` binary from tests: exit code, stdout and stderr.
#pragma once

#include <string>
#include <vector>

namespace nianbao::test {

/// What a run of the CLI produced.
struct run_result {
    int code = -1;
    std::string out;
    std::string err;
};

/// Runs `nianbao ARGS…` (path from NIANBAO_CLI_PATH) in the repository root with `input` on
/// standard input.
run_result run_cli(const std::vector<std::string>& args, const std::string& input = "");

} // namespace nianbao::test
