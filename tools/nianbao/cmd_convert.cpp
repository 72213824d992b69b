// `nianbao convert`: a report with its tables in another text layout, or as Markdown, HTML, JSON
// or CSV.
#include <cstdio>

#include <fmt/format.h>

#include "ast/tree.hpp"
#include "common.hpp"
#include "model/binding.hpp"
#include "render/convert.hpp"
#include "render/grid_writer.hpp"
#include "render/html.hpp"
#include "source/atomic_write.hpp"

namespace nianbao::cli {

namespace {

struct convert_options {
    std::string to;
    std::string output;
    template_options templates;
    std::string input;
};

// Text layouts keep the file's encoding and BOM, so a converted file replaces the original;
// the other formats are UTF-8.
bool encode_output(const convert_options& o, const source::text& src, const std::string& utf8,
                   std::string& bytes) {
    if (render::find_text_dialect(o.to) == nullptr) {
        bytes = utf8;
        return true;
    }
    return source::encode(utf8, src.encoding, src.bom, bytes);
}

bool emit(const convert_options& o, const std::string& bytes, source::lang lang) {
    if (o.output.empty()) {
        std::fwrite(bytes.data(), 1, bytes.size(), stdout);
        return true;
    }
    std::string id;
    std::string detail;
    if (!source::write_atomically(o.output, bytes, id, detail)) {
        fmt::print(stderr, "{}: error: {} [{}]\n", o.output,
                   source::format_message(id, lang, {detail}), id);
        return false;
    }
    return true;
}

std::optional<std::string> render_html(const convert_options& o, const global_options& g,
                                       const ast::document& doc) {
    model::template_set set;
    if (!load_templates(o.templates, g, set)) {
        return std::nullopt;
    }
    const model::template_def* forced = o.templates.id.empty() ? nullptr : set.find(o.templates.id);
    const model::report_model m = model::bind(doc, set, forced);
    render::html_options h;
    h.model = &m;
    h.language = g.language();
    return render::write_html(doc, h);
}

void report_unwritable(const ast::document& doc, ast::node_id table, std::string_view to,
                       source::lang lang) {
    const auto pos = doc.begin_position(table);
    fmt::print(stderr, "{}:{}:{}: error: {} [convert/unwritable-table]\n", doc.source().name,
               pos.line, pos.column,
               source::format_message("convert/unwritable-table", lang, {std::string(to)}));
}

int run_convert(const convert_options& o, const global_options& g) {
    auto text = load_input(o.input, g);
    if (!text) {
        return exit_code::usage;
    }
    const source::text original = *text;
    const ast::document doc = ast::parse(std::move(*text));
    std::string out;
    if (const render::text_dialect* d = render::find_text_dialect(o.to)) {
        if (const ast::node_id t = render::first_unwritable_table(doc, *d); t != 0) {
            report_unwritable(doc, t, o.to, g.language());
            return exit_code::usage;
        }
        out = render::convert_tables(doc, *d);
        // Never hand out a conversion that reads differently: words, figures and table shapes.
        const std::string diff = render::compare_layout(doc, out);
        if (!diff.empty()) {
            fmt::print(stderr, "{}: error: {} [convert/text-changed]\n", doc.source().name,
                       source::format_message("convert/text-changed", g.language(), {diff}));
            return exit_code::usage;
        }
    } else if (o.to == "markdown") {
        out = render::write_markdown(doc);
    } else if (o.to == "json") {
        out = render::write_grids_json(doc);
    } else if (o.to == "csv") {
        out = render::write_grids_csv(doc);
    } else {
        auto html = render_html(o, g, doc);
        if (!html) {
            return exit_code::usage;
        }
        out = std::move(*html);
    }
    std::string bytes;
    if (!encode_output(o, original, out, bytes)) {
        fmt::print(stderr, "{}: error: {} [io/write-failed]\n", doc.source().name,
                   source::format_message("io/write-failed", g.language(), {original.encoding}));
        return exit_code::usage;
    }
    return emit(o, bytes, g.language()) ? exit_code::clean : exit_code::usage;
}

} // namespace

command make_convert_command(CLI::App& app, global_options& opts) {
    auto o = std::make_shared<convert_options>();
    CLI::App* sub = app.add_subcommand(
        "convert",
        "write a report with its tables in another layout, or as markdown/html/json/csv");
    sub->add_option("--to", o->to,
                    "pipe, tab, lines (text layouts), markdown, html (a page to read and print), "
                    "json or csv (the raw table grids)")
        ->check(CLI::IsMember({"pipe", "tab", "lines", "markdown", "html", "json", "csv"}))
        ->required();
    sub->add_option("-o,--output", o->output, "write here (atomically) instead of to stdout");
    add_template_options(*sub, o->templates);
    sub->add_option("input", o->input, "a report file, or - for stdin")->required();
    add_global_options(*sub, opts);
    return {sub, [o, &opts] {
                return run_convert(*o, opts);
            }};
}

} // namespace nianbao::cli
