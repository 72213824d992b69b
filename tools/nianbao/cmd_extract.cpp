// `nianbao extract`: the figures of each report as JSON, JSON Lines or long-format CSV.
#include <cstdio>

#include <fmt/format.h>

#include "ast/tree.hpp"
#include "common.hpp"
#include "model/binding.hpp"
#include "render/extract_writer.hpp"
#include "source/batch.hpp"
#include "source/inputs.hpp"

namespace nianbao::cli {

namespace {

struct extract_options {
    std::string format = "json";
    unsigned jobs = 0;
    template_options templates;
    std::vector<std::string> inputs;
};

// Binding problems go to stderr as diagnostics, so a clerk sees them without reading JSON.
std::string problems_text(const ast::document& doc, const model::report_model& m,
                          source::lang lang) {
    std::string out;
    for (const auto& p : m.problems) {
        const auto pos = doc.lines().locate(doc[p.node].span.begin);
        out += fmt::format("{}:{}:{}: warning: {} [{}]\n", doc.source().name, pos.line, pos.column,
                           source::format_message(p.id, lang, p.args), p.id);
    }
    return out;
}

// One report: parse, bind, write. Runs on a worker thread; everything it shares is read-only.
source::job_result extract_one(const std::string& path, const extract_options& o,
                               const global_options& g, const model::template_set& set,
                               const model::template_def* forced) {
    source::job_result r;
    source::encoding enc = source::encoding::automatic;
    source::parse_encoding(g.encoding, enc);
    auto loaded = source::load(path, enc);
    if (auto* e = std::get_if<source::input_error>(&loaded)) {
        r.failed = true;
        r.err = format_input_error(path == "-" ? "<stdin>" : path, *e, g.language());
        return r;
    }
    const ast::document doc = ast::parse(std::get<source::text>(std::move(loaded)));
    r.bytes = doc.text().size();
    const model::report_model m = model::bind(doc, set, forced);
    r.err = problems_text(doc, m, g.language());
    r.warnings = m.problems.size();
    if (o.format == "csv") {
        r.out = render::write_extract_csv(doc, m);
    } else {
        r.out = render::write_extract_json(doc, m, o.format == "json" ? 2 : -1, g.language());
    }
    return r;
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
        write_stdout(render::extract_csv_header());
    }
    const bool array = o.format == "json" && files.size() > 1;
    if (array) {
        write_stdout("[\n");
    }
    bool first = true;
    const auto summary = source::run_batch(
        files,
        [&](std::size_t, const std::string& path) { return extract_one(path, o, g, set, forced); },
        [&](std::size_t, source::job_result& r) {
            std::fputs(r.err.c_str(), stderr);
            if (r.failed) {
                return;
            }
            if (array) {
                r.out.pop_back(); // the newline: a comma or the closing bracket follows
                write_stdout(first ? r.out : ",\n" + r.out);
            } else {
                write_stdout(r.out);
            }
            first = false;
        },
        {o.jobs, true});
    if (array) {
        write_stdout("\n]\n");
    }
    if (files.size() > 1) {
        fmt::print(stderr, "{}\n", source::format_summary(summary));
    }
    return ok && summary.failed == 0 ? exit_code::clean : exit_code::usage;
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
    sub->add_option("-j,--jobs", o->jobs, "worker threads (default: all cores)");
    sub->add_option("inputs", o->inputs, "files, directories, @list files, or - for stdin")
        ->required();
    add_global_options(*sub, opts);
    return {sub, [o, &opts] {
                return run_extract(*o, opts);
            }};
}

} // namespace nianbao::cli
