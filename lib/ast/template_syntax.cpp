// Parsing template files line by line with grammar/template_lang.hpp, recovering at each line.
#include "ast/template_syntax.hpp"

#include <tao/pegtl.hpp>

#include "grammar/errors.hpp"

namespace nianbao::ast {

namespace {

namespace pegtl = tao::pegtl;
namespace tl = grammar::template_lang;

struct line_state {
    const char* base; // start of the whole text, for spans
    std::vector<template_statement> statements;
};

template <typename Rule>
struct action : pegtl::nothing<Rule> {};

source::span span_of(const char* base, const char* b, const char* e) {
    return {static_cast<std::uint32_t>(b - base), static_cast<std::uint32_t>(e - base)};
}

template <>
struct action<tl::keyword> {
    template <typename In>
    static void apply(const In& in, line_state& st) {
        template_statement s;
        s.keyword = {template_token::kind::name, in.string(),
                     span_of(st.base, in.begin(), in.end())};
        s.span = s.keyword.span;
        st.statements.push_back(std::move(s));
    }
};

template <template_token::kind K>
struct token_action {
    template <typename In>
    static void apply(const In& in, line_state& st) {
        auto& s = st.statements.back();
        s.args.push_back({K, in.string(), span_of(st.base, in.begin(), in.end())});
        s.span.end = s.args.back().span.end;
    }
};

template <>
struct action<tl::name> : token_action<template_token::kind::name> {};
template <>
struct action<tl::number> : token_action<template_token::kind::number> {};
template <>
struct action<tl::op> : token_action<template_token::kind::op> {};

template <>
struct action<tl::string_> {
    template <typename In>
    static void apply(const In& in, line_state& st) {
        // Drop the quotes and resolve \" \\ \n.
        const std::string_view raw(in.begin() + 1, in.size() - 2);
        std::string text;
        for (std::size_t i = 0; i < raw.size(); ++i) {
            if (raw[i] == '\\' && i + 1 < raw.size()) {
                ++i;
                text += raw[i] == 'n' ? '\n' : raw[i];
            } else {
                text += raw[i];
            }
        }
        auto& s = st.statements.back();
        s.args.push_back({template_token::kind::string, std::move(text),
                          span_of(st.base, in.begin(), in.end())});
        s.span.end = s.args.back().span.end;
    }
};

template <typename Rule>
using control = pegtl::must_if<grammar::errors>::control<Rule>;

} // namespace

template_syntax parse_template_syntax(std::string_view text) {
    template_syntax out;
    line_state st{text.data(), {}};
    std::size_t pos = 0;
    while (pos < text.size()) {
        const std::size_t nl = text.find('\n', pos);
        const std::size_t end = nl == std::string_view::npos ? text.size() : nl + 1;
        pegtl::memory_input in(text.data() + pos, end - pos, "template");
        const auto kept = st.statements.size();
        try {
            pegtl::parse<tl::line, action, control>(in, st);
        } catch (const pegtl::parse_error& e) {
            st.statements.resize(kept); // drop the half-read statement of a bad line
            const auto at = static_cast<std::uint32_t>(pos + e.positions().front().byte);
            out.diagnostics.push_back(
                {std::string(e.message()), source::severity::error, {at, at + 1}, {}});
        }
        pos = end;
    }
    out.statements = std::move(st.statements);
    return out;
}

} // namespace nianbao::ast
