// Shared helpers for the benchmark programs: file sets, wall clocks and timed child processes.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace nianbao::bench {

/// The files of one benchmark row: a file, or a directory's `*.txt` files (recursive, sorted).
struct file_set {
    std::string path;
    std::string name; ///< the last component of `path`
    std::vector<std::string> files;
    std::uint64_t bytes = 0;   ///< total size of the files
    std::uint64_t largest = 0; ///< size of the largest file
};

/// Expands `path` like `nianbao parse` does and sums the file sizes.
file_set make_set(const std::string& path);

/// Seconds on a monotonic clock.
double now_seconds();

/// How a child process ended.
struct child_result {
    int exit_code = -1;  ///< -1 if it could not be started or was killed
    double seconds = 0;  ///< wall clock from spawn to reaped
    long max_rss_kb = 0; ///< the child's peak resident set (getrusage via wait4)
};

/// Runs `argv` (looked up in PATH) with standard output sent to `stdout_path` (and standard
/// error to `stderr_path` unless empty), and waits.
child_result run_child(const std::vector<std::string>& argv,
                       const std::string& stdout_path = "/dev/null",
                       const std::string& stderr_path = "");

/// The path of the running executable (for re-running itself as a child).
std::string self_exe();

/// Seconds `wc -l` takes over the files (one process per 2,000 files): the baseline.
double time_wc(const file_set& s);

/// Prints the CPU model and the load average, which wall-clock figures mean little without.
void print_machine(std::string_view threads_used);

/// The instruction total of a callgrind output file ("totals:" or "summary:"), 0 if none.
double callgrind_total(const std::string& path);

/// Reads a whole file; empty if it cannot be read.
std::string read_file(const std::string& path);

} // namespace nianbao::bench
