// Writers for the syntax tree: an indented S-expression for people, JSON for programs.
#pragma once

#include <string>

#include "ast/tree.hpp"

namespace nianbao::render {

/// Options for the tree writers.
struct tree_options {
    bool trivia = false; ///< include `sep` and `eol` leaves
};

/// The tree as indented S-expressions with spans, tree-sitter style:
/// `(cell 12:5-12:9 "14")`. Paragraph text is shortened to 24 characters.
std::string write_tree_sexpr(const ast::document& doc, tree_options opts = {});

/// The tree as JSON: `{"version":1,"file","encoding","root":{kind, span, …, children}}`.
std::string write_tree_json(const ast::document& doc, tree_options opts = {});

} // namespace nianbao::render
