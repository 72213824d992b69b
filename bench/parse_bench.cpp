// nianbao_bench_parse: throughput, peak memory and instruction counts of reading and parsing.
//
//   nianbao_bench_parse [--reps N] SET...         wall-clock table (best of N, one thread)
//   nianbao_bench_parse --callgrind SET...        instructions per byte under callgrind
//   nianbao_bench_parse --verify SET...           round trip, diagnostics and tables found
//
// A SET is a file or a directory (its *.txt files, recursively) and makes one row. Phases:
// `wc -l` on the same files (a child process, the baseline), read+decode (source::load), parse
// (ast::parse on decoded text) and tree (render::write_tree_sexpr). Peak RSS is that of a child
// that loads and parses the set one file at a time, as `nianbao parse` does.
#include <algorithm>
#include <cstdio>
#include <limits>
#include <map>
#include <string>
#include <thread>
#include <vector>

#include <fmt/format.h>
#include <valgrind/callgrind.h>

#include "ast/tree.hpp"
#include "render/tree_writer.hpp"
#include "source/text.hpp"
#include "support.hpp"

namespace {

using namespace nianbao;
using bench::file_set;

constexpr double mb = 1e6;

std::vector<source::text> load_all(const file_set& s) {
    std::vector<source::text> texts;
    texts.reserve(s.files.size());
    for (const auto& f : s.files) {
        auto loaded = source::load(f, source::encoding::automatic);
        if (auto* t = std::get_if<source::text>(&loaded)) {
            texts.push_back(std::move(*t));
        }
    }
    return texts;
}

std::vector<ast::document> parse_all(std::vector<source::text> texts) {
    std::vector<ast::document> docs;
    docs.reserve(texts.size());
    for (auto& t : texts) {
        docs.push_back(ast::parse(std::move(t)));
    }
    return docs;
}

std::size_t write_all(const std::vector<ast::document>& docs) {
    std::size_t n = 0;
    for (const auto& d : docs) {
        n += render::write_tree_sexpr(d).size();
    }
    return n;
}

std::uint64_t text_bytes(const std::vector<source::text>& texts) {
    std::uint64_t n = 0;
    for (const auto& t : texts) {
        n += t.utf8.size();
    }
    return n;
}

struct row {
    double wc = std::numeric_limits<double>::max();
    double decode = std::numeric_limits<double>::max();
    double parse = std::numeric_limits<double>::max();
    double tree = std::numeric_limits<double>::max();
    std::uint64_t utf8_bytes = 0;
    long rss_kb = 0;
};

// A child's ru_maxrss includes the parent's peak at spawn time (posix_spawn shares the address
// space until exec), so every probe runs before the parent loads anything.
long probe_rss_kb(const file_set& s) {
    return bench::run_child({bench::self_exe(), "--probe-rss", s.path}).max_rss_kb;
}

row measure(const file_set& s, int reps) {
    row r;
    std::vector<source::text> texts;
    std::vector<ast::document> docs;
    for (int i = 0; i < reps; ++i) {
        r.wc = std::min(r.wc, bench::time_wc(s));
        double t0 = bench::now_seconds();
        auto loaded = load_all(s);
        r.decode = std::min(r.decode, bench::now_seconds() - t0);
        texts = std::move(loaded);
        auto copies = texts; // copied outside the clock: parse takes its text by value
        docs.clear();
        t0 = bench::now_seconds();
        auto parsed = parse_all(std::move(copies));
        r.parse = std::min(r.parse, bench::now_seconds() - t0);
        docs = std::move(parsed);
        t0 = bench::now_seconds();
        const std::size_t out = write_all(docs);
        r.tree = std::min(r.tree, bench::now_seconds() - t0);
        if (out == 0 && !docs.empty()) {
            fmt::print(stderr, "warning: empty tree output for {}\n", s.name);
        }
    }
    r.utf8_bytes = text_bytes(texts);
    return r;
}

// Throughput in MB/s (10^6 bytes: file bytes for wc -l and read+decode, decoded UTF-8 for parse
// and tree), reports (files) per second, and each phase's time as a multiple of wc -l's.
void print_header() {
    fmt::print("{:<20} {:>5} {:>7} | {:>6} | {:<21} | {:<21} | {:>5} | {:<13}\n", "set", "files",
               "MB", "wc -l", "read+decode", "parse", "tree", "peak RSS");
    fmt::print("{:<20} {:>5} {:>7} | {:>6} | {:>6} {:>7} {:>6} | {:>6} {:>7} {:>6} | {:>5} | "
               "{:>6} {:>6}\n",
               "", "", "", "MB/s", "MB/s", "rep/s", "×wc", "MB/s", "rep/s", "×wc", "MB/s", "MB",
               "×file");
}

void print_row(const file_set& s, const row& r) {
    const double in_mb = static_cast<double>(s.bytes) / mb;
    const double text_mb = static_cast<double>(r.utf8_bytes) / mb;
    const double files = static_cast<double>(s.files.size());
    const double rss_mb = static_cast<double>(r.rss_kb) * 1024 / mb;
    const double per_file =
        s.largest > 0 ? static_cast<double>(r.rss_kb) * 1024 / static_cast<double>(s.largest) : 0;
    fmt::print("{:<20} {:>5} {:>7.2f} | {:>6.0f} | {:>6.0f} {:>7.0f} {:>5.1f}× | {:>6.0f} {:>7.0f} "
               "{:>5.1f}× | {:>5.0f} | {:>6.1f} {:>5.1f}×\n",
               s.name, s.files.size(), in_mb, in_mb / r.wc, in_mb / r.decode, files / r.decode,
               r.decode / r.wc, text_mb / r.parse, files / r.parse, r.parse / r.wc,
               text_mb / r.tree, rss_mb, per_file);
    std::fflush(stdout);
}

// Child of --callgrind: counts instructions of one phase only.
int callgrind_child(const std::string& phase, const file_set& s) {
    if (phase == "decode") {
        CALLGRIND_START_INSTRUMENTATION;
        auto texts = load_all(s);
        CALLGRIND_STOP_INSTRUMENTATION;
        return texts.size() == s.files.size() ? 0 : 1;
    }
    auto texts = load_all(s);
    if (phase == "parse") {
        CALLGRIND_START_INSTRUMENTATION;
        auto docs = parse_all(std::move(texts));
        CALLGRIND_STOP_INSTRUMENTATION;
        return docs.size() == s.files.size() ? 0 : 1;
    }
    const auto docs = parse_all(std::move(texts));
    CALLGRIND_START_INSTRUMENTATION;
    const std::size_t n = write_all(docs);
    CALLGRIND_STOP_INSTRUMENTATION;
    return n > 0 ? 0 : 1;
}

int run_callgrind(const std::vector<file_set>& sets) {
    fmt::print("{:<22} {:>6} {:>10} | {:>10} {:>10} {:>10}   (instructions per input byte)\n",
               "set", "files", "bytes", "read+dec", "parse", "tree");
    for (std::size_t i = 0; i < sets.size(); ++i) {
        std::vector<double> per_byte;
        for (const char* phase : {"decode", "parse", "tree"}) {
            const std::string out = fmt::format("callgrind.nianbao.{}.{}.out", i, phase);
            const auto r =
                bench::run_child({"valgrind", "--tool=callgrind", "-q", "--instr-atstart=no",
                                  "--callgrind-out-file=" + out, bench::self_exe(),
                                  "--callgrind-child", phase, sets[i].path});
            const double ir = r.exit_code == 0 ? bench::callgrind_total(out) : 0;
            per_byte.push_back(ir / static_cast<double>(std::max<std::uint64_t>(sets[i].bytes, 1)));
        }
        fmt::print("{:<22} {:>6} {:>10} | {:>10.1f} {:>10.1f} {:>10.1f}\n", sets[i].name,
                   sets[i].files.size(), sets[i].bytes, per_byte[0], per_byte[1], per_byte[2]);
        std::fflush(stdout);
    }
    return 0;
}

// Round trip, diagnostics and tables per dialect: shows what a set exercises.
int run_verify(const std::vector<file_set>& sets) {
    int failures = 0;
    for (const auto& s : sets) {
        std::map<std::string_view, std::size_t> tables;
        std::size_t diags = 0;
        std::size_t mismatches = 0;
        for (const auto& f : s.files) {
            auto loaded = source::load(f, source::encoding::automatic);
            if (!std::holds_alternative<source::text>(loaded)) {
                ++mismatches;
                continue;
            }
            const auto doc = ast::parse(std::get<source::text>(std::move(loaded)));
            diags += doc.diagnostics().size();
            if (ast::print_source(doc) != doc.text()) {
                ++mismatches;
            }
            for (ast::node_id i = 0; i < doc.nodes().size(); ++i) {
                if (doc[i].kind == ast::node_kind::table) {
                    ++tables[ast::dialect_name(doc, i)];
                }
            }
        }
        fmt::print("{:<22} {:>6} files  round-trip failures {}  diagnostics {}  tables", s.name,
                   s.files.size(), mismatches, diags);
        for (const auto& [d, n] : tables) {
            if (n > 0) {
                fmt::print(" {}={}", d, n);
            }
        }
        fmt::print("\n");
        failures += static_cast<int>(mismatches + diags);
    }
    return failures == 0 ? 0 : 1;
}

} // namespace

int main(int argc, char** argv) {
    int reps = 5;
    std::string mode = "time";
    std::vector<std::string> paths;
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        if (a == "--reps" && i + 1 < argc) {
            reps = std::max(1, std::stoi(argv[++i]));
        } else if (a == "--callgrind" || a == "--verify") {
            mode = a.substr(2);
        } else if (a == "--callgrind-child" && i + 2 < argc) {
            return callgrind_child(argv[i + 1], bench::make_set(argv[i + 2]));
        } else if (a == "--probe-rss" && i + 1 < argc) {
            // Child of the timing mode: one file at a time, as a batch run would.
            for (const auto& f : bench::make_set(argv[i + 1]).files) {
                auto loaded = source::load(f, source::encoding::automatic);
                if (auto* t = std::get_if<source::text>(&loaded)) {
                    (void)ast::parse(std::move(*t));
                }
            }
            return 0;
        } else {
            paths.push_back(a);
        }
    }
    if (paths.empty()) {
        fmt::print(stderr,
                   "usage: nianbao_bench_parse [--reps N | --callgrind | --verify] SET...\n");
        return 2;
    }
    std::vector<file_set> sets;
    for (const auto& p : paths) {
        sets.push_back(bench::make_set(p));
    }
    if (mode == "callgrind") {
        return run_callgrind(sets);
    }
    if (mode == "verify") {
        return run_verify(sets);
    }
    std::vector<long> rss;
    for (const auto& s : sets) {
        rss.push_back(probe_rss_kb(s));
    }
    bench::print_machine("one thread used");
    print_header();
    for (std::size_t i = 0; i < sets.size(); ++i) {
        row r = measure(sets[i], reps);
        r.rss_kb = rss[i];
        print_row(sets[i], r);
    }
    return 0;
}
