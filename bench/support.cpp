// Benchmark helpers: file sets, clocks and child processes timed and measured with wait4.
#include "support.hpp"

#include <algorithm>
#include <chrono>
#include <climits>
#include <cstdio>
#include <fcntl.h>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <spawn.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>

#include <fmt/format.h>

#include "source/inputs.hpp"

extern char** environ; // NOLINT(readability-redundant-declaration): POSIX leaves it undeclared

namespace nianbao::bench {

file_set make_set(const std::string& path) {
    file_set s;
    s.path = path;
    s.name = std::filesystem::path(path).filename().string();
    if (s.name.empty()) { // "dir/" has an empty file name
        s.name = std::filesystem::path(path).parent_path().filename().string();
    }
    s.files = source::expand_inputs({path});
    for (const auto& f : s.files) {
        std::error_code ec;
        const auto size = std::filesystem::file_size(f, ec);
        if (!ec) {
            s.bytes += size;
            s.largest = std::max<std::uint64_t>(s.largest, size);
        }
    }
    return s;
}

double now_seconds() {
    using clock = std::chrono::steady_clock;
    return std::chrono::duration<double>(clock::now().time_since_epoch()).count();
}

child_result run_child(const std::vector<std::string>& argv, const std::string& stdout_path,
                       const std::string& stderr_path) {
    child_result r;
    std::vector<char*> args;
    args.reserve(argv.size() + 1);
    for (const auto& a : argv) {
        args.push_back(const_cast<char*>(a.c_str()));
    }
    args.push_back(nullptr);
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, stdout_path.c_str(),
                                     O_WRONLY | O_CREAT | O_TRUNC, 0644);
    if (!stderr_path.empty()) {
        posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, stderr_path.c_str(),
                                         O_WRONLY | O_CREAT | O_TRUNC, 0644);
    }
    pid_t pid = 0;
    const double start = now_seconds();
    const int rc = posix_spawnp(&pid, args[0], &actions, nullptr, args.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    if (rc != 0) {
        return r;
    }
    int status = 0;
    rusage usage{};
    if (wait4(pid, &status, 0, &usage) != pid) {
        return r;
    }
    r.seconds = now_seconds() - start;
    r.max_rss_kb = usage.ru_maxrss;
    r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    return r;
}

std::string self_exe() {
    std::error_code ec;
    const auto p = std::filesystem::read_symlink("/proc/self/exe", ec);
    return ec ? std::string("/proc/self/exe") : p.string();
}

std::string read_file(const std::string& path) {
    std::ifstream f(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(f), {}};
}

double time_wc(const file_set& s) {
    double total = 0;
    for (std::size_t i = 0; i < s.files.size(); i += 2000) {
        std::vector<std::string> argv{"wc", "-l"};
        const auto end = std::min(s.files.size(), i + 2000);
        argv.insert(argv.end(), s.files.begin() + static_cast<std::ptrdiff_t>(i),
                    s.files.begin() + static_cast<std::ptrdiff_t>(end));
        total += run_child(argv).seconds;
    }
    return total;
}

void print_machine(std::string_view threads_used) {
    const std::string cpu = read_file("/proc/cpuinfo");
    const auto model = cpu.find("model name");
    const auto colon = cpu.find(':', model);
    const std::string name = model == std::string::npos || colon == std::string::npos
                                 ? "unknown CPU"
                                 : cpu.substr(colon + 2, cpu.find('\n', colon) - colon - 2);
    std::string load = read_file("/proc/loadavg");
    load = load.substr(0, load.find(' '));
    fmt::print("machine: {}, {} hardware threads, load average {} ({})\n", name,
               std::thread::hardware_concurrency(), load.empty() ? "?" : load, threads_used);
}

double callgrind_total(const std::string& path) {
    const std::string out = read_file(path);
    for (const char* key : {"\ntotals: ", "\nsummary: "}) {
        const auto p = out.find(key);
        if (p != std::string::npos) {
            return std::stod(out.substr(p + std::char_traits<char>::length(key)));
        }
    }
    return 0;
}

} // namespace nianbao::bench
