// Report templates as data: sections, tables, labels, value types and consistency checks.
#pragma once

#include <algorithm>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "source/diagnostic.hpp"

namespace nianbao::model {

/// What a cell of a column holds.
enum class value_type : std::uint8_t {
    count,   ///< integer ≥ 0 ("0", "14")
    signed_, ///< integer with sign ("+1036", "-3")
    decimal, ///< number ≥ 0 with decimals ("0.5")
    amount,  ///< number with an optional unit in the cell ("1190.1万元", "251000元")
    text,    ///< free text (not a figure)
    unit,    ///< the unit of the row's figures ("条", "万元")
};

/// "count", "signed", "decimal", "amount", "text", "unit".
std::string_view name(value_type t) noexcept;

/// A canonical label and its known variants, with their comparison keys (see label_key).
struct label_set {
    std::string canonical;
    std::vector<std::string> variants;
    std::string key;                       ///< label_key(canonical), set when loaded
    std::vector<std::string> variant_keys; ///< label_key of each variant
    std::string bare;                      ///< bare_key(canonical)
    std::vector<std::string> variant_bare; ///< bare_key of each variant
};

/// A column of a template table.
struct column_def {
    std::string key;
    label_set labels;
    value_type type = value_type::count;
    std::string unit; ///< unit stated by the template ("万元"), empty if none
};

/// A row of a template table. An unlabeled row (table 4's only row) is bound by position.
struct row_def {
    std::string key;
    label_set labels;
    bool unlabeled = false;
};

/// A table of a template.
struct table_def {
    std::string key;
    std::string title;
    label_set caption;             ///< caption row ("第二十条第（一）项"); empty if none
    std::string section;           ///< key of the section the table belongs in
    std::vector<label_set> header; ///< corner labels that are neither rows nor columns ("信息内容")
    std::vector<label_set> groups; ///< group label cells ("（三）不予公开")
    std::vector<column_def> columns;
    std::vector<row_def> rows;
};

/// A top-level section of a template.
struct section_def {
    std::string key;
    label_set titles; ///< titles without their ordinal marker
    bool optional = false;
};

/// A cell reference in a check: `t3.new.$c`. Components starting with `$` are loop variables.
struct cell_ref {
    std::string table;
    std::string row;
    std::string column;
};

/// A sum of signed terms: numbers and cell references.
struct expression {
    struct term {
        int sign = 1;
        std::optional<double> number;
        cell_ref ref;
    };
    std::vector<term> terms;
};

/// `lhs op rhs` with op one of == != <= >= < >.
struct comparison {
    expression lhs;
    std::string op;
    expression rhs;
};

/// A consistency equation (勾稽关系): for every binding of its loops, when `condition` holds,
/// `assertion` must hold.
struct check_def {
    std::string key;
    source::severity level = source::severity::error;
    std::string description;
    std::vector<std::pair<std::string, std::vector<std::string>>> loops; ///< $var and its values
    std::optional<comparison> condition;
    comparison assertion;
    std::string assertion_text; ///< the `expect` line as written, for messages
    std::string origin;         ///< file of the `expect` line
    std::uint32_t line = 0;     ///< its line and column, for problems found in validation
    std::uint32_t column = 0;
};

/// One binding of a check's loop variables: ("$c", "np") pairs pointing into the check.
using loop_binding = std::vector<std::pair<std::string_view, std::string_view>>;

/// Calls `fn(at)` for every binding of `check`'s loops, `at[l]` being the index of the value of
/// loop `l`, the last loop turning fastest (once, with no loops; never if a loop has no values).
template <class F>
void for_each_binding_index(const check_def& check, F&& fn) {
    const auto& loops = check.loops;
    if (std::any_of(loops.begin(), loops.end(), [](const auto& l) { return l.second.empty(); })) {
        return;
    }
    std::vector<std::size_t> at(loops.size(), 0);
    for (;;) {
        fn(static_cast<const std::vector<std::size_t>&>(at));
        std::size_t l = loops.size();
        while (l > 0 && ++at[l - 1] == loops[l - 1].second.size()) {
            at[--l] = 0;
        }
        if (l == 0) {
            return;
        }
    }
}

/// Calls `fn(binding)` for every binding of `check`'s loops, the last loop turning fastest
/// (once, with no variables, for a check without loops; never if a loop has no values).
/// Bindings are walked, never stored: there are as many as the product of the loops' sizes.
template <class F>
void for_each_binding(const check_def& check, F&& fn) {
    const auto& loops = check.loops;
    loop_binding b(loops.size());
    for_each_binding_index(check, [&](const std::vector<std::size_t>& at) {
        for (std::size_t l = 0; l < loops.size(); ++l) {
            b[l] = {loops[l].first, loops[l].second[at[l]]};
        }
        fn(static_cast<const loop_binding&>(b));
    });
}

/// The binding at `at` (as for_each_binding_index gives it) as variable-value pairs.
inline loop_binding binding_at(const check_def& check, const std::vector<std::size_t>& at) {
    loop_binding b(check.loops.size());
    for (std::size_t l = 0; l < b.size(); ++l) {
        b[l] = {check.loops[l].first, check.loops[l].second[at[l]]};
    }
    return b;
}

/// `part` of a cell reference with its loop variable replaced ("$c" → "np"); `part` itself if
/// it is no variable, nothing if it is one `binding` does not bind.
inline std::optional<std::string_view> substitute(std::string_view part,
                                                  const loop_binding& binding) {
    if (!part.starts_with('$')) {
        return part;
    }
    for (const auto& [name, value] : binding) {
        if (name == part) {
            return value;
        }
    }
    return std::nullopt;
}

namespace detail {
struct label_index;
struct check_cells;
} // namespace detail

/// A whole template.
struct template_def {
    std::string id;
    std::string title;
    std::string issued;
    std::string base;   ///< the template it extends, if any
    std::string origin; ///< where it was loaded from ("built-in:gov-2019.tpl" or a path)
    int year_from = 0;
    int year_to = 9999;
    std::vector<std::string> fingerprints;
    std::vector<std::string> excludes;
    std::vector<section_def> sections;
    std::vector<table_def> tables;
    std::vector<check_def> checks;
    /// The labels as keys, for binding; set by the loader (binding builds it when null).
    std::shared_ptr<const detail::label_index> labels;
    /// The checks' cell references as table, row and column indexes; set by the loader (lint
    /// resolves them when null).
    std::shared_ptr<const detail::check_cells> check_cells;

    const table_def* table(std::string_view key) const;
    const section_def* section(std::string_view key) const;
};

/// A problem in a template file, located in that file.
struct template_problem {
    std::string file;
    std::uint32_t line = 0;
    std::uint32_t column = 0;
    source::diagnostic diag;
};

/// Templates from the built-in set and from directories, with the problems found loading them.
struct template_set {
    std::vector<template_def> templates;
    std::vector<template_problem> problems;

    const template_def* find(std::string_view id) const;
};

/// Loads the built-in templates, then every `*.tpl` in `dirs` in order (a template with the
/// same id replaces the earlier one). Never throws; problems are collected.
template_set load_templates(const std::vector<std::string>& dirs);

/// A template file's origin (a path, or "built-in:NAME") and text.
struct template_source {
    std::string origin;
    std::string text;
};

/// Loads templates from sources in order, resolves `extends` (reporting cycles and unknown
/// bases) and validates every check against the tables it names.
template_set load_template_sources(const std::vector<template_source>& sources);

/// The built-in template files: (file name, text) pairs compiled into the binary.
const std::vector<std::pair<std::string_view, std::string_view>>& builtin_template_files();

} // namespace nianbao::model
