// `nianbao fmt`: the canonical layout of reports — printed, checked, shown as a diff or written.
#include <cstdio>

#include <fmt/format.h>

#include "ast/tree.hpp"
#include "common.hpp"
#include "render/convert.hpp"
#include "render/diagnostic_writer.hpp"
#include "source/atomic_write.hpp"
#include "source/inputs.hpp"

namespace nianbao::cli {

namespace {

struct fmt_options {
    bool check = false;
    bool diff = false;
    bool write = false;
    std::string dialect;
    std::vector<std::string> inputs;
};

class formatter {
public:
    formatter(const fmt_options& o, const global_options& g) : o_(o), g_(g) {}

    int run() {
        for (const auto& f : source::expand_inputs(o_.inputs)) {
            format_file(f);
        }
        if (error_) {
            return exit_code::usage;
        }
        return o_.check && changed_ ? exit_code::findings : exit_code::clean;
    }

private:
    void format_file(const std::string& file) {
        if (o_.write && file == "-") {
            fmt::print(stderr, "nianbao: fmt --write cannot write to standard input\n");
            error_ = true;
            return;
        }
        auto text = load_input(file, g_);
        if (!text) {
            error_ = true;
            return;
        }
        const source::text original = *text;
        const ast::document doc = ast::parse(std::move(*text));
        render::format_options opts;
        opts.dialect = o_.dialect.empty() ? nullptr : render::find_text_dialect(o_.dialect);
        if (opts.dialect != nullptr) {
            if (const ast::node_id t = render::first_unwritable_table(doc, *opts.dialect); t != 0) {
                const auto pos = doc.begin_position(t);
                fmt::print(stderr, "{}:{}:{}: error: {} [convert/unwritable-table]\n",
                           original.name, pos.line, pos.column,
                           source::format_message("convert/unwritable-table", g_.language(),
                                                  {o_.dialect}));
                error_ = true;
                return;
            }
        }
        std::string formatted = render::format_document(doc, opts);
        // The layout may change, the words and figures may not: refuse rather than write.
        const std::string diff = render::compare_layout(doc, formatted);
        if (!diff.empty()) {
            fmt::print(stderr, "{}: error: {} [fmt/text-changed]\n", original.name,
                       source::format_message("fmt/text-changed", g_.language(), {diff}));
            error_ = true;
            return;
        }
        const bool changed = formatted != original.utf8;
        changed_ = changed_ || changed;
        if (o_.check && changed && !o_.diff) {
            fmt::print(stderr, "{}: {}\n", original.name,
                       source::format_message("fmt/would-change", g_.language()));
        }
        if (o_.diff) {
            write_stdout(render::unified_diff(original.name, original.utf8, formatted));
        }
        if (o_.write && changed) {
            write(file, original, formatted);
        }
        if (!o_.check && !o_.diff && !o_.write) {
            std::string bytes;
            if (encode(original, formatted, bytes)) {
                write_stdout(bytes);
            }
        }
    }

    // The file keeps its encoding and BOM.
    bool encode(const source::text& original, const std::string& utf8, std::string& bytes) {
        if (!source::encode(utf8, original.encoding, original.bom, bytes)) {
            fmt::print(
                stderr, "{}: error: {} [io/write-failed]\n", original.name,
                source::format_message("io/write-failed", g_.language(), {original.encoding}));
            error_ = true;
            return false;
        }
        return true;
    }

    void write(const std::string& file, const source::text& original, const std::string& utf8) {
        std::string bytes;
        if (!encode(original, utf8, bytes)) {
            return;
        }
        std::string id;
        std::string detail;
        if (!source::write_atomically(file, bytes, id, detail)) {
            fmt::print(stderr, "{}: error: {} [{}]\n", file,
                       source::format_message(id, g_.language(), {detail}), id);
            error_ = true;
        }
    }

    const fmt_options& o_;
    const global_options& g_;
    bool changed_ = false;
    bool error_ = false;
};

} // namespace

command make_fmt_command(CLI::App& app, global_options& opts) {
    auto o = std::make_shared<fmt_options>();
    CLI::App* sub = app.add_subcommand(
        "fmt", "print reports in their canonical layout (tables aligned, blank lines tidied)");
    sub->add_flag("--check", o->check, "write nothing; exit 1 if a file would change");
    sub->add_flag("--diff", o->diff, "print a unified diff of the changes instead of the text");
    sub->add_flag("--write", o->write, "rewrite the files in place (atomically)");
    sub->add_option("--dialect", o->dialect, "also convert every table to pipe, tab or lines")
        ->check(CLI::IsMember({"pipe", "tab", "lines"}));
    sub->add_option("inputs", o->inputs, "files, directories, @list files, or - for stdin")
        ->required();
    add_global_options(*sub, opts);
    return {sub, [o, &opts] {
                formatter f(*o, opts);
                return f.run();
            }};
}

} // namespace nianbao::cli
