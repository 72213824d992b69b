// `nianbao parse`: print the syntax tree (tree, json) or the text printed back from it (source).
#include <cstdio>

#include <fmt/format.h>

#include "ast/tree.hpp"
#include "common.hpp"
#include "render/tree_writer.hpp"
#include "source/inputs.hpp"

namespace nianbao::cli {

namespace {

struct parse_options {
    std::string format = "tree";
    bool trivia = false;
    std::vector<std::string> inputs;
};

int run_parse(const parse_options& p, const global_options& g) {
    int rc = exit_code::clean;
    for (const auto& path : source::expand_inputs(p.inputs)) {
        auto text = load_input(path, g);
        if (!text) {
            rc = exit_code::usage;
            continue;
        }
        const ast::document doc = ast::parse(std::move(*text));
        for (const auto& d : doc.diagnostics()) {
            const auto pos = doc.lines().locate(d.where.begin);
            fmt::print(stderr, "{}:{}:{}: error: {} [{}]\n", doc.source().name, pos.line,
                       pos.column, source::format_message(d.id, g.language(), d.args), d.id);
        }
        std::string out;
        if (p.format == "json") {
            out = render::write_tree_json(doc, {p.trivia});
        } else if (p.format == "source") {
            out = ast::print_source(doc);
        } else {
            out = render::write_tree_sexpr(doc, {p.trivia});
        }
        std::fwrite(out.data(), 1, out.size(), stdout);
    }
    return rc;
}

} // namespace

command make_parse_command(CLI::App& app, global_options& opts) {
    auto p = std::make_shared<parse_options>();
    CLI::App* sub = app.add_subcommand("parse", "print the syntax tree of reports");
    sub->add_option("--format", p->format, "tree, json or source")
        ->check(CLI::IsMember({"tree", "json", "source"}))
        ->capture_default_str();
    sub->add_flag("--trivia", p->trivia, "include separator and line-end leaves");
    sub->add_option("inputs", p->inputs, "files, directories, @list files, or - for stdin")
        ->required();
    add_global_options(*sub, opts);
    return {sub, [p, &opts] {
                return run_parse(*p, opts);
            }};
}

} // namespace nianbao::cli
