// `nianbao templates`: the templates nianbao knows and where each was loaded from.
#include <fmt/format.h>

#include "common.hpp"

namespace nianbao::cli {

namespace {

int run_templates(const template_options& o, const global_options& g) {
    model::template_set set;
    const bool ok = load_templates(o, g, set);
    for (const auto& t : set.templates) {
        const std::string years = t.year_to >= 9999 ? fmt::format("{}–", t.year_from)
                                                    : fmt::format("{}–{}", t.year_from, t.year_to);
        fmt::print("{:<12} {:<10} {} {}{}\n", t.id, years, t.issued, t.title,
                   t.base.empty() ? "" : fmt::format(" (extends {})", t.base));
        fmt::print("{:<12} {} tables, {} checks, {} sections; from {}\n", "", t.tables.size(),
                   t.checks.size(), t.sections.size(), t.origin);
    }
    return ok ? exit_code::clean : exit_code::usage;
}

} // namespace

command make_templates_command(CLI::App& app, global_options& opts) {
    auto o = std::make_shared<template_options>();
    CLI::App* sub = app.add_subcommand("templates", "list the templates and where they come from");
    add_template_options(*sub, *o, false);
    add_global_options(*sub, opts);
    return {sub, [o, &opts] {
                return run_templates(*o, opts);
            }};
}

} // namespace nianbao::cli
