// `nianbao extract`: the figures of each report as JSON, JSON Lines or long-format CSV.
#include <cstdio>

#include <fmt/format.h>

#include "ast/tree.hpp"
#include "common.hpp"
#include "model/binding.hpp"
#include "render/extract_writer.hpp"
#include "source/inputs.hpp"

namespace nianbao::cli {

namespace {

struct extract_options {
    std::string format = "json";
    template_options templates;
    std::vector<std::string> inputs;
};

void print(const std::string& s) {
    std::fwrite(s.data(), 1, s.size(), stdout);
}

// Binding problems go to stderr as diagnostics, so a clerk sees them without reading JSON.
void report_problems(const ast::document& doc, const model::report_model& m, source::lang lang) {
    for (const auto& p : m.problems) {
        const auto pos = doc.lines().locate(doc[p.node].span.begin);
        fmt::print(stderr, "{}:{}:{}: warning: {} [{}]\n", doc.source().name, pos.line, pos.column,
                   source::format_message(p.id, lang, p.args), p.id);
    }
}

int run_extract(const extract_options& o, const global_options& g) {
    model::template_set set;
    bool ok = load_templates(o.templates, g, set);
    if (!o.templates.id.empty() && set.find(o.templates.id) == nullptr) {
        return exit_code::usage;
    }
    const model::template_def* forced = o.templates.id.empty() ? nullptr : set.find(o.templates.id);
    const auto files = source::expand_inputs(o.inputs);
    if (o.format == "csv") {
        print(render::extract_csv_header());
    }
    const bool array = o.format == "json" && files.size() > 1;
    if (array) {
        print("[\n");
    }
    bool first = true;
    for (const auto& path : files) {
        auto text = load_input(path, g);
        if (!text) {
            ok = false;
            continue;
        }
        const ast::document doc = ast::parse(std::move(*text));
        const model::report_model m = model::bind(doc, set, forced);
        report_problems(doc, m, g.language());
        if (o.format == "csv") {
            print(render::write_extract_csv(doc, m));
        } else {
            std::string out =
                render::write_extract_json(doc, m, o.format == "json" ? 2 : -1, g.language());
            if (array) {
                out.pop_back(); // the newline: a comma or the closing bracket follows
                print(first ? out : ",\n" + out);
            } else {
                print(out);
            }
            first = false;
        }
    }
    if (array) {
        print("\n]\n");
    }
    return ok ? exit_code::clean : exit_code::usage;
}

} // namespace

command make_extract_command(CLI::App& app, global_options& opts) {
    auto o = std::make_shared<extract_options>();
    CLI::App* sub = app.add_subcommand("extract", "extract the figures of reports as data");
    sub->add_option("--format", o->format,
                    "json (an object, or an array for several reports), "
                    "jsonl (one object a line) or csv (long format)")
        ->check(CLI::IsMember({"json", "jsonl", "csv"}))
        ->capture_default_str();
    add_template_options(*sub, o->templates);
    sub->add_option("inputs", o->inputs, "files, directories, @list files, or - for stdin")
        ->required();
    add_global_options(*sub, opts);
    return {sub, [o, &opts] {
                return run_extract(*o, opts);
            }};
}

} // namespace nianbao::cli
