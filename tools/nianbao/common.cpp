// Shared wiring for the subcommands.
#include "common.hpp"

#include <fmt/format.h>

namespace nianbao::cli {

void add_global_options(CLI::App& sub, global_options& opts) {
    sub.add_option("--encoding", opts.encoding, "input encoding: auto, utf-8, gb18030")
        ->capture_default_str();
    sub.add_option("--lang", opts.lang, "message language: zh or en")
        ->check(CLI::IsMember({"zh", "en"}))
        ->capture_default_str();
}

std::string format_input_error(const std::string& file, const source::input_error& e,
                               source::lang lang) {
    std::vector<std::string> args{e.detail};
    std::string message = source::format_message(e.id, lang, args);
    if (e.has_offset) {
        message += lang == source::lang::zh ? fmt::format("（字节偏移 {}）", e.offset)
                                            : fmt::format(" (byte offset {})", e.offset);
        return fmt::format("{}:{}:{}: error: {} [{}]\n", file, e.line, e.column, message, e.id);
    }
    return fmt::format("{}: error: {} [{}]\n", file, message, e.id);
}

void write_stdout(std::string_view s) {
    std::fwrite(s.data(), 1, s.size(), stdout);
}

void print_input_error(const std::string& file, const source::input_error& e, source::lang lang) {
    std::fputs(format_input_error(file, e, lang).c_str(), stderr);
}

std::optional<source::text> load_input(const std::string& path, const global_options& opts) {
    source::encoding enc = source::encoding::automatic;
    if (!source::parse_encoding(opts.encoding, enc)) {
        fmt::print(stderr, "nianbao: unknown encoding '{}'\n", opts.encoding);
        return std::nullopt;
    }
    auto loaded = source::load(path, enc);
    if (auto* e = std::get_if<source::input_error>(&loaded)) {
        print_input_error(path == "-" ? "<stdin>" : path, *e, opts.language());
        return std::nullopt;
    }
    return std::get<source::text>(std::move(loaded));
}

} // namespace nianbao::cli

namespace nianbao::cli {

void add_template_options(CLI::App& sub, template_options& opts, bool with_id) {
    sub.add_option("--template-dir", opts.dirs,
                   "directory of *.tpl template files (repeatable; later ones override)");
    if (with_id) {
        sub.add_option("--template", opts.id, "use this template instead of detecting one");
    }
}

bool load_templates(const template_options& opts, const global_options& g,
                    model::template_set& out) {
    out = model::load_templates(opts.dirs);
    for (const auto& p : out.problems) {
        const std::string message = source::format_message(p.diag.id, g.language(), p.diag.args);
        if (p.line > 0) {
            fmt::print(stderr, "{}:{}:{}: error: {} [{}]\n", p.file, p.line, p.column, message,
                       p.diag.id);
        } else {
            fmt::print(stderr, "{}: error: {} [{}]\n", p.file, message, p.diag.id);
        }
    }
    if (!opts.id.empty() && out.find(opts.id) == nullptr) {
        fmt::print(stderr, "nianbao: unknown template '{}' (see `nianbao templates`)\n", opts.id);
        return false;
    }
    return out.problems.empty();
}

} // namespace nianbao::cli
