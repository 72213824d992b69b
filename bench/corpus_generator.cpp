// nianbao_bench_corpus: builds a large benchmark corpus from the real reports, deterministically.
//
//   nianbao_bench_corpus [--small N] [--scale F] [--seed S] SEEDS_DIR OUT_DIR
//
// Every report is a real one (corpus/reports) whose tables are kept or re-laid out as pipe, tab
// or lines tables, with their real figures (grown tables get fresh ones). OUT_DIR receives:
//   small/     N separate reports (default 10,000; 5–15 KB each)
//   gb18030/   N/10 of them encoded in GB18030
//   concat/    one stream of reports cut at line ends into 5 KB … 100 MB files
//   rows/      one report per layout whose table grows to 10 MB of rows
//   cols/      tables of 1,000 columns per layout, and a pipe table of 10,000 columns
// `--scale` multiplies the sizes of concat/, rows/ and cols/ (0.1 for a quick run).
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "ast/tree.hpp"
#include "source/inputs.hpp"
#include "source/text.hpp"

namespace {

using namespace nianbao;
namespace fs = std::filesystem;

// splitmix64: the same numbers on every platform (std:: distributions are not specified).
class rng {
public:
    explicit rng(std::uint64_t seed) : state_(seed) {}
    std::uint64_t next() {
        std::uint64_t z = (state_ += 0x9E3779B97F4A7C15ULL);
        z = (z ^ (z >> 30U)) * 0xBF58476D1CE4E5B9ULL;
        z = (z ^ (z >> 27U)) * 0x94D049BB133111EBULL;
        return z ^ (z >> 31U);
    }
    std::size_t below(std::size_t n) { return static_cast<std::size_t>(next() % n); }

private:
    std::uint64_t state_;
};

enum class layout { original, pipe, tab, lines };
constexpr layout rendered_layouts[] = {layout::pipe, layout::tab, layout::lines};
constexpr const char* layout_names[] = {"original", "pipe", "tab", "lines"};

using table_rows = std::vector<std::vector<std::string>>;

// A report split into prose (kept byte for byte) and tables (kept as cells and as source).
struct piece {
    std::string text;
    bool is_table = false;
    table_rows rows;
};
struct seed_report {
    std::string name;
    std::vector<piece> pieces;
};

void collect(const ast::document& doc, ast::node_id id, std::vector<piece>& out) {
    if (doc[id].kind == ast::node_kind::table) {
        piece t{std::string(doc.raw(id)), true, {}};
        for (ast::node_id row : ast::table_rows(doc, id)) {
            auto& cells = t.rows.emplace_back();
            for (ast::node_id cell : ast::row_cells(doc, row)) {
                cells.push_back(ast::cell_text(doc, cell));
            }
        }
        out.push_back(std::move(t));
        return;
    }
    if (doc.is_leaf(id)) {
        if (out.empty() || out.back().is_table) {
            out.emplace_back();
        }
        out.back().text.append(doc.raw(id));
        return;
    }
    for (ast::node_id c : doc.children(id)) {
        collect(doc, c, out);
    }
}

std::vector<seed_report> load_seeds(const std::string& dir) {
    std::vector<seed_report> seeds;
    for (const auto& path : source::expand_inputs({dir})) {
        auto loaded = source::load(path, source::encoding::automatic);
        if (!std::holds_alternative<source::text>(loaded)) {
            fmt::print(stderr, "nianbao_bench_corpus: cannot read {}\n", path);
            continue;
        }
        const auto doc = ast::parse(std::get<source::text>(std::move(loaded)));
        seed_report s{fs::path(path).filename().string(), {}};
        for (ast::node_id c : doc.children(0)) {
            collect(doc, c, s.pieces);
        }
        seeds.push_back(std::move(s));
    }
    return seeds;
}

// Figures of grown tables get fresh values. Reports keep their real figures: they add up as
// the real reports do, so `check` finds in them what it finds in real reports (fresh figures
// would break nearly every equation and measure the printing of findings instead).
enum class figures { keep, fresh };

std::string cell_value(const std::string& text, figures f, rng& r) {
    const bool figure = !text.empty() && text.find_first_not_of("0123456789") == std::string::npos;
    if (!figure || f == figures::keep) {
        return text;
    }
    static constexpr std::uint64_t limits[] = {10, 100, 1000, 10000};
    return std::to_string(r.next() % limits[r.below(4)]);
}

std::string without_bars(std::string s) {
    for (std::size_t p = 0; (p = s.find('|', p)) != std::string::npos;) {
        s.replace(p, 1, "｜");
    }
    return s;
}

void append_row(std::string& out, const std::vector<std::string>& cells, layout l, bool first,
                figures f, rng& r) {
    if (l == layout::tab && !first) {
        out += '\n'; // a blank line ends the previous row
    }
    for (std::size_t i = 0; i < cells.size(); ++i) {
        const std::string v = without_bars(cell_value(cells[i], f, r));
        if (l == layout::tab) {
            out += '\t';
            out += v.empty() ? "\u00A0" : v;
            out += '\n';
            continue;
        }
        out += v.empty() ? "|" : v + " |";
        out += l == layout::lines ? "\n" : " ";
    }
    if (l == layout::pipe) {
        // A pipe row needs two bars: pad a one-cell caption row with an empty cell.
        out += cells.size() < 2 ? "|\n" : "\n";
    }
}

void append_table(std::string& out, const table_rows& rows, layout l, rng& r) {
    for (std::size_t i = 0; i < rows.size(); ++i) {
        append_row(out, rows[i], l, i == 0, figures::keep, r);
    }
    if (l == layout::tab) {
        out += '\n'; // a tab table's last cell would absorb a following prose line
    }
}

// One report: each table kept or re-laid out. Mode 4 picks a layout per table.
std::string render_report(const seed_report& s, std::size_t mode, rng& r) {
    std::string out;
    for (const auto& p : s.pieces) {
        if (!p.is_table) {
            out += p.text;
            continue;
        }
        const layout l = mode == 0   ? layout::original
                         : mode <= 3 ? rendered_layouts[mode - 1]
                                     : rendered_layouts[r.below(3)];
        if (l == layout::original) {
            out += p.text;
            if (!out.ends_with('\n')) {
                out += '\n';
            }
        } else {
            append_table(out, p.rows, l, r);
        }
    }
    if (!out.ends_with('\n')) {
        out += '\n';
    }
    return out;
}

std::string random_report(const std::vector<seed_report>& seeds, rng& r) {
    const auto& s = seeds[r.below(seeds.size())];
    return render_report(s, r.below(5), r);
}

void write_file(const fs::path& path, std::string_view data) {
    fs::create_directories(path.parent_path());
    std::ofstream(path, std::ios::binary)
        .write(data.data(), static_cast<std::streamsize>(data.size()));
}

// The largest table of the seeds, the prose before it and the prose after it.
struct table_frame {
    std::string head;
    table_rows rows;
    std::string tail;
};
table_frame largest_table(const std::vector<seed_report>& seeds) {
    table_frame best;
    for (const auto& s : seeds) {
        for (std::size_t i = 0; i < s.pieces.size(); ++i) {
            if (s.pieces[i].is_table && s.pieces[i].rows.size() > best.rows.size()) {
                best.rows = s.pieces[i].rows;
                best.head = i > 0 ? s.pieces[i - 1].text : "";
                best.tail = i + 1 < s.pieces.size() ? s.pieces[i + 1].text : "";
            }
        }
    }
    return best;
}

// A report whose one table grows to `target` bytes; `columns` > 0 widens every row to that many
// cells (a label, then figures).
std::string grown_table(const table_frame& f, layout l, std::size_t target, std::size_t columns,
                        rng& r) {
    std::string out = f.head;
    auto header = f.rows.front();
    for (std::size_t c = header.size(); c < columns; ++c) {
        header.push_back(fmt::format("第{}列", c + 1));
    }
    append_row(out, header, l, true, figures::fresh, r);
    const std::size_t body = f.rows.size() > 1 ? f.rows.size() - 1 : 1;
    for (std::size_t i = 0; out.size() < target; ++i) {
        auto row = f.rows[f.rows.size() > 1 ? 1 + i % body : 0];
        for (std::size_t c = row.size(); c < columns; ++c) {
            row.push_back("0");
        }
        append_row(out, row, l, false, figures::fresh, r);
    }
    if (l == layout::tab) {
        out += '\n';
    }
    return out + f.tail;
}

struct options {
    std::size_t small = 10000;
    double scale = 1.0;
    std::uint64_t seed = 20210120;
    std::string seeds_dir;
    std::string out_dir;
};

void generate(const options& o, const std::vector<seed_report>& seeds) {
    const fs::path out(o.out_dir);
    rng r(o.seed);
    std::string gb;
    for (std::size_t i = 0; i < o.small; ++i) {
        const std::string report = random_report(seeds, r);
        write_file(out / "small" / fmt::format("r{:05}.txt", i), report);
        if (i % 10 == 0 && source::encode(report, "GB18030", "", gb)) {
            write_file(out / "gb18030" / fmt::format("g{:05}.txt", i / 10), gb);
        }
    }
    // One stream of reports, cut at line ends: the smaller files are prefixes of the larger.
    const auto scaled = [&](double bytes) {
        return static_cast<std::size_t>(bytes * o.scale);
    };
    const std::pair<const char*, double> concat_sizes[] = {
        {"005k", 5e3}, {"050k", 5e4}, {"500k", 5e5}, {"005m", 5e6}, {"050m", 5e7}, {"100m", 1e8}};
    std::string stream;
    while (stream.size() < scaled(1e8)) {
        stream += random_report(seeds, r);
    }
    for (const auto& [name, bytes] : concat_sizes) {
        const std::size_t cut = stream.rfind('\n', std::max<std::size_t>(scaled(bytes), 1) - 1);
        write_file(out / "concat" / fmt::format("concat_{}.txt", name),
                   std::string_view(stream).substr(0, cut + 1));
    }
    stream = {};
    const table_frame frame = largest_table(seeds);
    if (frame.rows.empty()) {
        fmt::print(stderr,
                   "nianbao_bench_corpus: the seeds hold no table; rows/ and cols/ skipped\n");
        return;
    }
    for (layout l : rendered_layouts) {
        const char* n = layout_names[static_cast<int>(l)];
        write_file(out / "rows" / fmt::format("rows_{}_10m.txt", n),
                   grown_table(frame, l, scaled(1e7), 0, r));
        write_file(out / "cols" / fmt::format("cols_{}_1000.txt", n),
                   grown_table(frame, l, scaled(1e7), 1000, r));
    }
    write_file(out / "cols" / "cols_pipe_10000.txt",
               grown_table(frame, layout::pipe, scaled(1e7), 10000, r));
    // Half the rows of rows_tab_10m.txt: time and memory against table cells (written last, so
    // the files above stay what they were).
    write_file(out / "rows" / "rows_tab_05m.txt",
               grown_table(frame, layout::tab, scaled(5e6), 0, r));
}

} // namespace

int main(int argc, char** argv) {
    options o;
    std::vector<std::string> positional;
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        if (a == "--small" && i + 1 < argc) {
            o.small = std::stoul(argv[++i]);
        } else if (a == "--scale" && i + 1 < argc) {
            o.scale = std::stod(argv[++i]);
        } else if (a == "--seed" && i + 1 < argc) {
            o.seed = std::stoull(argv[++i]);
        } else {
            positional.push_back(a);
        }
    }
    if (positional.size() != 2) {
        fmt::print(stderr, "usage: nianbao_bench_corpus [--small N] [--scale F] [--seed S] "
                           "SEEDS_DIR OUT_DIR\n");
        return 2;
    }
    o.seeds_dir = positional[0];
    o.out_dir = positional[1];
    const auto seeds = load_seeds(o.seeds_dir);
    if (seeds.empty()) {
        fmt::print(stderr, "nianbao_bench_corpus: no reports in {}\n", o.seeds_dir);
        return 2;
    }
    fs::remove(fs::path(o.out_dir) / ".complete");
    generate(o, seeds);
    // The bench target's stamp: written last, so an interrupted run is redone.
    write_file(fs::path(o.out_dir) / ".complete",
               fmt::format("seed {} small {} scale {}\n", o.seed, o.small, o.scale));
    fmt::print("nianbao_bench_corpus: {} seeds → {}\n", seeds.size(), o.out_dir);
    return 0;
}
