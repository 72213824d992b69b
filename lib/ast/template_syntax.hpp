// The syntax of template files: statements of tokens with spans (meaning is lib/model's job).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "source/diagnostic.hpp"
#include "source/span.hpp"

namespace nianbao::ast {

/// One token of a template statement.
struct template_token {
    enum class kind { string, name, number, op };
    kind type = kind::name;
    std::string text; ///< strings are unquoted and unescaped
    source::span span;
};

/// `keyword token…` on one line.
struct template_statement {
    template_token keyword;
    std::vector<template_token> args;
    source::span span;
};

/// A parsed template file. Lines with syntax errors are skipped and reported, so one file can
/// report several errors.
struct template_syntax {
    std::vector<template_statement> statements;
    std::vector<source::diagnostic> diagnostics;
};

/// Parses template-language text (valid UTF-8).
template_syntax parse_template_syntax(std::string_view text);

} // namespace nianbao::ast
