// `nianbao check`: lint reports; print findings as human text, JSON, SARIF or GitHub annotations;
// `--fix` applies safe fixes in place, `--diff` shows them.
#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <map>
#include <memory>
#include <span>
#include <unistd.h>

#include <fmt/format.h>

#include "ast/tree.hpp"
#include "common.hpp"
#include "lint/config.hpp"
#include "lint/fixer.hpp"
#include "lint/lint.hpp"
#include "model/binding.hpp"
#include "render/diagnostic_writer.hpp"
#include "render/html.hpp"
#include "source/atomic_write.hpp"
#include "source/batch.hpp"
#include "source/inputs.hpp"

namespace nianbao::cli {

namespace {

struct check_options {
    std::string format = "human";
    std::vector<std::string> select;
    std::vector<std::string> ignore;
    bool fix = false;
    bool diff = false;
    std::string config;
    std::string fail_on;
    template_options templates;
    std::vector<std::string> inputs;
    bool lang_given = false;
    unsigned jobs = 0;
    bool follow_symlinks = false;
};

// A configuration and the templates it makes available, loaded once per file.
struct setup {
    lint::config cfg;
    model::template_set templates;
    bool ok = false;
};

class checker {
public:
    checker(const check_options& o, const global_options& g) : o_(o), g_(g) {
        colour_ = o.format == "human" && isatty(fileno(stdout)) != 0
                  && std::getenv("NO_COLOR") == nullptr;
    }

    int run() {
        const auto files = source::expand_inputs(o_.inputs);
        if (o_.format == "html" && files.size() != 1) {
            fmt::print(stderr, "nianbao: --format html writes one page: give one report\n");
            return exit_code::usage;
        }
        // Configurations and templates are loaded on this thread, once per configuration file;
        // the workers then only read them.
        plans_.resize(files.size());
        for (std::size_t i = 0; i < files.size(); ++i) {
            const setup& s = setup_for(files[i]);
            plans_[i] = {&s, o_.lang_given || !s.cfg.lang ? g_.language()
                             : *s.cfg.lang == "en"        ? source::lang::en
                                                          : source::lang::zh};
        }
        lang_ = plans_.empty() ? g_.language() : plans_.front().lang;
        one_at_a_time_ = source::batch_jobs(o_.jobs, files.size()) == 1;
        found_.resize(files.size());
        names_.resize(files.size());
        fails_.assign(files.size(), 0);
        if (o_.format == "json") {
            write_stdout(render::json_begin());
        } else if (o_.format == "sarif") {
            write_stdout(render::sarif_begin(lint::builtin_registry(), lang_));
        }
        const auto summary = source::run_batch(
            files, [&](std::size_t i, const std::string& f) { return check_file(i, f); },
            [&](std::size_t i, source::job_result& r) { emit(i, r); }, {o_.jobs, true});
        if (o_.format == "json") {
            write_stdout(render::json_end(written_));
        } else if (o_.format == "sarif") {
            write_stdout(render::sarif_end(written_));
        } else if (o_.format == "human" && !o_.diff) {
            std::fputs(render::write_summary(tally_, lang_, colour_).c_str(), stdout);
        }
        if (files.size() > 1) {
            fmt::print(stderr, "{}\n", source::format_summary(summary));
        }
        return io_error_ ? exit_code::usage : failed_ ? exit_code::findings : exit_code::clean;
    }

private:
    const setup& setup_for(const std::string& file) {
        const std::string path = o_.config.empty() ? configs_.find(file) : o_.config;
        auto [it, fresh] = setups_.try_emplace(path);
        setup& s = it->second;
        if (!fresh) {
            return s;
        }
        lint::config_error err;
        if (!path.empty() && !lint::load_config(path, s.cfg, err)) {
            fmt::print(stderr, "{}:{}:{}: error: {} [config]\n", err.path, err.line, err.column,
                       err.message);
            return s;
        }
        template_options t = o_.templates;
        t.dirs.insert(t.dirs.begin(), s.cfg.template_dirs.begin(), s.cfg.template_dirs.end());
        if (t.id.empty() && s.cfg.template_id) {
            t.id = *s.cfg.template_id;
        }
        s.ok = load_templates(t, g_, s.templates);
        return s;
    }

    lint::options rule_options(const lint::config& cfg) const {
        lint::options opts = cfg.rules;
        opts.select.insert(opts.select.end(), o_.select.begin(), o_.select.end());
        opts.ignore.insert(opts.ignore.end(), o_.ignore.begin(), o_.ignore.end());
        return opts;
    }

    source::severity fail_level(const lint::config& cfg) const {
        source::severity s = source::severity::error;
        bool off = false;
        if (!o_.fail_on.empty()) {
            lint::parse_severity(o_.fail_on, s, off);
        } else if (cfg.fail_on) {
            s = *cfg.fail_on;
        }
        return s;
    }

    // Writes the fixed text back in the file's own encoding, BOM and line endings.
    bool write_fixed(const std::string& file, const source::text& text, const std::string& utf8,
                     source::lang lang, std::string& err) const {
        std::string bytes;
        if (!source::encode(utf8, text.encoding, text.bom, bytes)) {
            err += fmt::format("{}: error: {} [io/write-failed]\n", file,
                               source::format_message("io/write-failed", lang, {"encoding"}));
            return false;
        }
        std::string id;
        std::string detail;
        if (!source::write_atomically(file, bytes, id, detail, {o_.follow_symlinks})) {
            err += fmt::format("{}: error: {} [{}]\n", file,
                               source::format_message(id, lang, {detail}), id);
            return false;
        }
        return true;
    }

    // One file, on a worker thread: everything it prints goes into the result, which the
    // calling thread writes out in input order (emit).
    source::job_result check_file(std::size_t index, const std::string& file) const {
        source::job_result r;
        const setup& s = *plans_[index].config;
        const source::lang lang = plans_[index].lang;
        if (!s.ok) {
            r.failed = true;
            return r;
        }
        if (o_.fix && file == "-") {
            r.err = "nianbao: --fix cannot write to standard input; use --diff\n";
            r.failed = true;
            return r;
        }
        source::encoding enc = source::encoding::automatic;
        source::parse_encoding(g_.encoding, enc);
        auto loaded = source::load(file, enc);
        if (auto* e = std::get_if<source::input_error>(&loaded)) {
            r.err = format_input_error(file == "-" ? "<stdin>" : file, *e, lang);
            r.failed = true;
            return r;
        }
        auto text = std::get<source::text>(std::move(loaded));
        r.bytes = text.utf8.size();
        const std::string id =
            !o_.templates.id.empty() ? o_.templates.id : s.cfg.template_id.value_or("");
        const model::template_def* forced = id.empty() ? nullptr : s.templates.find(id);
        const lint::options opts = rule_options(s.cfg);
        if (o_.fix || o_.diff) {
            const auto outcome = lint::fix_report(text, s.templates, forced, opts);
            if (o_.diff) {
                r.out = render::unified_diff(text.name, text.utf8, outcome.utf8);
                r.errors = outcome.utf8 != text.utf8 ? 1 : 0; // --diff fails when it would change
                return r;
            }
            if (outcome.utf8 != text.utf8) {
                if (!write_fixed(file, text, outcome.utf8, lang, r.err)) {
                    r.failed = true;
                    return r;
                }
                text.utf8 = outcome.utf8;
            }
        }
        // The located findings view the name, which is kept until they are written (emit).
        names_[index] = text.name;
        auto doc = std::make_shared<const ast::document>(ast::parse(std::move(text)));
        std::vector<render::located_finding> located;
        {
            // The model is let go before the output is written: only the page needs it.
            const model::report_model m = model::bind(*doc, s.templates, forced);
            // Only JSON and SARIF show where each edit of a fix lies.
            located = render::locate(names_[index], *doc, lint::run(*doc, m, opts), lang,
                                     {.edits = o_.format == "json" || o_.format == "sarif"});
            if (o_.format == "html") {
                // The report as a page with every finding highlighted where it points.
                render::html_options page;
                page.model = &m;
                page.language = lang;
                for (const auto& l : located) {
                    page.diagnostics.push_back(
                        {l.finding.where, l.finding.level, l.message, l.finding.rule});
                }
                r.out = render::write_html(*doc, page);
            }
        }
        const auto fail = fail_level(s.cfg);
        for (const auto& l : located) {
            r.errors += l.finding.level == source::severity::error ? 1 : 0;
            r.warnings += l.finding.level == source::severity::warning ? 1 : 0;
            r.infos += l.finding.level == source::severity::info ? 1 : 0;
            fails_[index] = static_cast<char>(fails_[index] != 0 || l.finding.level >= fail);
        }
        if (o_.format == "human" || o_.format == "github") {
            const bool human = o_.format == "human";
            if (one_at_a_time_) {
                // Emitted as soon as this returns: written from the findings in slices rather
                // than held whole (a report can have hundreds of thousands of findings).
                r.write_later = [this, index, doc, human] {
                    const std::span<const render::located_finding> all(found_[index]);
                    for (std::size_t from = 0; from < all.size(); from += slice) {
                        const auto part = all.subspan(from, std::min(slice, all.size() - from));
                        write_stdout(human ? render::write_human(*doc, part, colour_)
                                           : render::write_github(part));
                    }
                };
            } else {
                r.out = human ? render::write_human(*doc, located, colour_)
                              : render::write_github(located);
            }
        }
        found_[index] = std::move(located);
        return r;
    }

    void emit(std::size_t index, source::job_result& r) {
        std::fputs(r.err.c_str(), stderr);
        write_stdout(r.out);
        if (r.write_later) {
            try {
                r.write_later();
            } catch (const std::exception& e) {
                // As for a job that throws: the report counts as failed, the batch goes on.
                fmt::print(stderr, "{}: error: internal error: {}\n", names_[index], e.what());
                r.failed = true;
            }
        }
        io_error_ = io_error_ || r.failed;
        failed_ = failed_ || fails_[index] != 0 || (o_.diff && r.errors > 0);
        tally_.add(found_[index]);
        if (o_.format == "json" || o_.format == "sarif") {
            // Streamed: a batch holds one report's findings at a time, and a report with
            // hundreds of thousands of findings is written a few thousand at a time.
            const std::span<const render::located_finding> all(found_[index]);
            for (std::size_t from = 0; from < all.size(); from += slice) {
                const auto part = all.subspan(from, std::min(slice, all.size() - from));
                write_stdout(o_.format == "json"
                                 ? render::json_items(part, written_)
                                 : render::sarif_items(part, lint::builtin_registry(), written_));
            }
        }
        // Release, not clear: `= {}` would assign an empty initializer_list and keep the
        // capacity, so memory would grow with every report of the batch.
        std::vector<render::located_finding>().swap(found_[index]);
        std::string().swap(names_[index]);
    }

    struct plan {
        const setup* config = nullptr;
        source::lang lang = source::lang::zh;
    };

    const check_options& o_;
    const global_options& g_;
    std::map<std::string, setup> setups_;
    lint::config_finder configs_;
    std::vector<plan> plans_;
    // Each worker writes only its own element (sized before the batch starts); the calling
    // thread reads it in emit(), after the batch runner's mutex handed the result over.
    mutable std::vector<std::vector<render::located_finding>> found_;
    mutable std::vector<std::string> names_; // of the reports, which located findings view
    mutable std::vector<char> fails_;
    std::size_t written_ = 0; // findings written so far in the JSON or SARIF document
    render::tally tally_;
    source::lang lang_ = source::lang::zh;
    // Findings are written a slice at a time: JSON and SARIF always, the human and GitHub
    // formats when each report is emitted as soon as it is checked.
    static constexpr std::size_t slice = 4096;
    bool one_at_a_time_ = false;
    bool colour_ = false;
    bool io_error_ = false;
    bool failed_ = false;
};

bool known_rule(const std::string& pattern) {
    const auto& rules = lint::builtin_registry().rules();
    return std::any_of(rules.begin(), rules.end(),
                       [&](const lint::rule_info& r) { return lint::rule_matches(pattern, r.id); });
}

} // namespace

command make_check_command(CLI::App& app, global_options& opts) {
    auto o = std::make_shared<check_options>();
    CLI::App* sub = app.add_subcommand("check", "lint reports before they are published");
    sub->add_option("--format", o->format,
                    "human, json, sarif, github, or html (one report as a page, findings in place)")
        ->check(CLI::IsMember({"human", "json", "sarif", "github", "html"}))
        ->capture_default_str();
    // One comma-separated value an occurrence: `--select figures report.txt` selects figures
    // and checks report.txt (repeat the option for more).
    sub->add_option("--select", o->select, "only these rules or families (comma-separated)")
        ->delimiter(',')
        ->allow_extra_args(false);
    sub->add_option("--ignore", o->ignore, "skip these rules or families (comma-separated)")
        ->delimiter(',')
        ->allow_extra_args(false);
    sub->add_flag("--fix", o->fix, "apply safe fixes in place (atomically)");
    sub->add_option("-j,--jobs", o->jobs, "worker threads (default: all cores)");
    sub->add_flag("--follow-symlinks", o->follow_symlinks,
                  "with --fix, write through a symlink to its target (refused by default)");
    sub->add_flag("--diff", o->diff, "print what --fix would change as a unified diff");
    sub->add_option("--config", o->config, "use this .nianbao.toml instead of searching upward");
    sub->add_option("--fail-on", o->fail_on, "lowest severity that fails: info, warning, error")
        ->check(CLI::IsMember({"info", "warning", "error"}));
    add_template_options(*sub, o->templates);
    sub->add_option("inputs", o->inputs, "files, directories, @list files, or - for stdin")
        ->required();
    add_global_options(*sub, opts);
    return {sub, [o, &opts, sub] {
                o->lang_given = sub->count("--lang") > 0;
                for (const auto& r : o->select) {
                    if (!known_rule(r)) {
                        fmt::print(stderr, "nianbao: unknown rule or family '{}'\n", r);
                        return exit_code::usage;
                    }
                }
                for (const auto& r : o->ignore) {
                    if (!known_rule(r)) {
                        fmt::print(stderr, "nianbao: unknown rule or family '{}'\n", r);
                        return exit_code::usage;
                    }
                }
                return checker(*o, opts).run();
            }};
}

} // namespace nianbao::cli
