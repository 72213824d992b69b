// `nianbao rules`: the rule registry — a list, one rule explained, or docs/rules.md.
#include <algorithm>

#include <fmt/format.h>

#include "common.hpp"
#include "lint/lint.hpp"
#include "lint/registry.hpp"

namespace nianbao::cli {

namespace {

struct rules_options {
    std::string id;
    bool markdown = false;
};

void explain(const lint::rule_info& r, source::lang lang) {
    fmt::print("{}  ({}{})\n\n{}\n\n{}\n\n", r.id, source::name(r.default_severity),
               r.fixable ? (lang == source::lang::zh ? "，可自动修复" : ", fixable") : "",
               r.summary, r.doc);
    fmt::print("{}\n", lang == source::lang::zh ? "消息：" : "Messages:");
    for (const auto& m : r.messages) {
        fmt::print("  {}: {}\n", m.id, lang == source::lang::zh ? m.zh : m.en);
    }
}

int run_rules(const rules_options& o, const global_options& g) {
    const auto& reg = lint::builtin_registry();
    if (o.markdown && o.id.empty()) {
        fmt::print("{}", lint::rules_markdown(reg));
        return exit_code::clean;
    }
    std::vector<const lint::rule_info*> chosen;
    for (const auto* r : reg.sorted()) {
        if (o.id.empty() || lint::rule_matches(o.id, r->id)) {
            chosen.push_back(r);
        }
    }
    if (chosen.empty()) {
        fmt::print(stderr, "nianbao: unknown rule or family '{}' (see `nianbao rules`)\n", o.id);
        return exit_code::usage;
    }
    if (o.markdown) {
        lint::registry some;
        for (const auto* r : chosen) {
            some.add(*r);
        }
        fmt::print("{}", lint::rules_markdown(some));
        return exit_code::clean;
    }
    if (chosen.size() == 1 && chosen.front()->id == o.id) {
        explain(*chosen.front(), g.language());
        return exit_code::clean;
    }
    for (const auto* r : chosen) {
        fmt::print("{:<30} {:<8} {}{}\n", r->id, source::name(r->default_severity), r->summary,
                   r->fixable ? " [fix]" : "");
    }
    return exit_code::clean;
}

} // namespace

command make_rules_command(CLI::App& app, global_options& opts) {
    auto o = std::make_shared<rules_options>();
    CLI::App* sub = app.add_subcommand("rules", "list the lint rules or explain one");
    sub->add_option("id", o->id, "a rule id (table/caption) or a family (table)");
    sub->add_flag("--markdown", o->markdown, "print the rule documentation as Markdown");
    add_global_options(*sub, opts);
    return {sub, [o, &opts] {
                return run_rules(*o, opts);
            }};
}

} // namespace nianbao::cli
