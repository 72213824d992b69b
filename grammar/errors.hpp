// Error message ids for every must<> point, one block per grammar header (see STYLE §4).
#pragma once

#include "grammar/document.hpp"
#include "grammar/template_lang.hpp"

namespace nianbao::grammar {

/// The message id raised when `Rule` fails at a must<> point; nullptr for every other rule.
template <typename Rule>
inline constexpr const char* error_message = nullptr;

//=== document.hpp ===//
template <>
inline constexpr auto error_message<document::end_of_report> = "parse/document-unparsed";

//=== template_lang.hpp ===//
template <>
inline constexpr auto error_message<template_lang::string_body> =
    "parse/template-string-body"; // unreachable: star<> cannot fail
template <>
inline constexpr auto error_message<template_lang::string_close> =
    "parse/template-unterminated-string";
template <>
inline constexpr auto error_message<template_lang::line_end> = "parse/template-unexpected-text";
template <>
inline constexpr auto error_message<template_lang::statement> = "parse/template-expected-keyword";

/// The `Errors` parameter of `pegtl::must_if`: messages are raised only at must<> points.
struct errors {
    template <typename Rule>
    static constexpr bool raise_on_failure = false;
    template <typename Rule>
    static constexpr auto message = error_message<Rule>;
};

} // namespace nianbao::grammar
