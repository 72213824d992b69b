// Reading template files (internal to lib/model): the statements of each template as read, and the
// loader that resolves `extends`, applies statements (template_statements.cpp) and validates checks
// (template_loader.cpp).
#pragma once

#include <map>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "ast/template_syntax.hpp"
#include "model/template.hpp"
#include "source/line_index.hpp"

namespace nianbao::model::detail {

/// One template's statements as read, before `extends` is resolved.
struct raw_template {
    std::string id;
    std::string base;
    std::size_t source = 0; // index into the loader's sources
    source::span where;
    std::vector<ast::template_statement> statements;
};

/// Reads template sources into a template set: statements, `extends`, keys, validated checks.
class loader {
public:
    explicit loader(const std::vector<template_source>& sources) : sources_(sources) {
        for (const auto& s : sources_) {
            indexes_.emplace_back(std::make_unique<source::line_index>(s.text));
        }
    }

    /// The templates of every source, in the order first seen, with every problem found.
    template_set run();

private:
    void problem(std::size_t src, source::span at, std::string id,
                 std::vector<std::string> args = {});

    /// Splits a source's statements among the templates they follow.
    void read(std::size_t src);

    /// Builds a template: its base first (depth-first, detecting cycles), then its statements.
    const template_def* resolve(const std::string& id);

    void apply(const raw_template& raw, template_def& t);
    void apply_table_statement(const raw_template& raw, const ast::template_statement& st,
                               table_def& table);
    bool parse_labels(const raw_template& raw, const std::vector<ast::template_token>& args,
                      std::size_t& i, label_set& out);
    bool parse_comparison(const raw_template& raw, const ast::template_statement& st,
                          comparison& out);
    void validate(template_def& t, const raw_template& raw);

    const std::vector<template_source>& sources_;
    std::vector<std::unique_ptr<source::line_index>> indexes_;
    std::map<std::string, raw_template> raw_;
    std::vector<std::string> order_;
    std::map<std::string, template_def> done_;
    std::set<std::string> visiting_;
    template_set set_;
};

} // namespace nianbao::model::detail
