// `nianbao check`: lint reports; print findings as human text, JSON, SARIF or GitHub annotations;
// `--fix` applies safe fixes in place, `--diff` shows them.
#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <unistd.h>

#include <fmt/format.h>

#include "ast/tree.hpp"
#include "common.hpp"
#include "lint/config.hpp"
#include "lint/fixer.hpp"
#include "lint/lint.hpp"
#include "model/binding.hpp"
#include "render/diagnostic_writer.hpp"
#include "source/atomic_write.hpp"
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
};

void print(const std::string& s) {
    std::fwrite(s.data(), 1, s.size(), stdout);
}

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
        for (const auto& f : files) {
            check_file(f);
        }
        if (o_.format == "json") {
            print(render::write_json(all_));
        } else if (o_.format == "sarif") {
            print(render::write_sarif(all_, lint::builtin_registry(), lang_));
        } else if (o_.format == "human" && !o_.diff) {
            std::fputs(render::write_summary(tally_, lang_, colour_).c_str(), stdout);
        }
        return io_error_ ? exit_code::usage : failed_ ? exit_code::findings : exit_code::clean;
    }

private:
    const setup& setup_for(const std::string& file) {
        const std::string path = o_.config.empty() ? lint::find_config(file) : o_.config;
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
    bool write_fixed(const std::string& file, const source::text& text, const std::string& utf8) {
        std::string bytes;
        if (!source::encode(utf8, text.encoding, text.bom, bytes)) {
            fmt::print(stderr, "{}: error: {} [io/write-failed]\n", file,
                       source::format_message("io/write-failed", lang_, {"encoding"}));
            return false;
        }
        std::string id;
        std::string detail;
        if (!source::write_atomically(file, bytes, id, detail)) {
            fmt::print(stderr, "{}: error: {} [{}]\n", file,
                       source::format_message(id, lang_, {detail}), id);
            return false;
        }
        return true;
    }

    void check_file(const std::string& file) {
        const setup& s = setup_for(file);
        if (!s.ok) {
            io_error_ = true;
            return;
        }
        lang_ = o_.lang_given || !s.cfg.lang ? g_.language()
                : *s.cfg.lang == "en"        ? source::lang::en
                                             : source::lang::zh;
        if (o_.fix && file == "-") {
            fmt::print(stderr, "nianbao: --fix cannot write to standard input; use --diff\n");
            io_error_ = true;
            return;
        }
        auto text = load_input(file, g_);
        if (!text) {
            io_error_ = true;
            return;
        }
        const std::string id =
            !o_.templates.id.empty() ? o_.templates.id : s.cfg.template_id.value_or("");
        const model::template_def* forced = id.empty() ? nullptr : s.templates.find(id);
        const lint::options opts = rule_options(s.cfg);
        if (o_.fix || o_.diff) {
            const auto outcome = lint::fix_report(*text, s.templates, forced, opts);
            if (o_.diff) {
                print(render::unified_diff(text->name, text->utf8, outcome.utf8));
                failed_ = failed_ || outcome.utf8 != text->utf8;
                return;
            }
            if (outcome.utf8 != text->utf8) {
                if (!write_fixed(file, *text, outcome.utf8)) {
                    io_error_ = true;
                    return;
                }
                text->utf8 = outcome.utf8;
            }
        }
        const std::string name = text->name;
        const ast::document doc = ast::parse(std::move(*text));
        const model::report_model m = model::bind(doc, s.templates, forced);
        const auto located = render::locate(name, doc, lint::run(doc, m, opts), lang_);
        const auto fail = fail_level(s.cfg);
        for (const auto& l : located) {
            failed_ = failed_ || l.finding.level >= fail;
        }
        tally_.add(located);
        if (o_.format == "human") {
            print(render::write_human(doc, located, colour_));
        } else if (o_.format == "github") {
            print(render::write_github(located));
        } else {
            all_.insert(all_.end(), located.begin(), located.end());
        }
    }

    const check_options& o_;
    const global_options& g_;
    std::map<std::string, setup> setups_;
    std::vector<render::located_finding> all_;
    render::tally tally_;
    source::lang lang_ = source::lang::zh;
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
    sub->add_option("--format", o->format, "human, json, sarif or github")
        ->check(CLI::IsMember({"human", "json", "sarif", "github"}))
        ->capture_default_str();
    sub->add_option("--select", o->select, "only these rules or families (comma-separated)")
        ->delimiter(',');
    sub->add_option("--ignore", o->ignore, "skip these rules or families (comma-separated)")
        ->delimiter(',');
    sub->add_flag("--fix", o->fix, "apply safe fixes in place (atomically)");
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
