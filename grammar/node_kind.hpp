// Node kinds that grammar rules tag; the builder in lib/ast turns tagged matches into nodes.
#pragma once

#include <cstdint>
#include <string_view>

namespace nianbao::grammar {

/// The kind of a syntax-tree node. Trivia kinds (`eol`, `sep`) cover bytes that carry no
/// meaning of their own but keep the tree lossless.
enum class node_kind : std::uint8_t {
    document,
    section, // built after parsing: a heading and what follows it
    title,   // the report title line
    heading, // 一、总体情况
    marker,  // 一、 / （一） / 1.
    heading_text,
    paragraph,
    signature, // 曲江镇人民政府
    date,      // 2021年1月20日
    blank,     // a run of blank lines
    table,
    row,
    cell,
    sep, // trivia: `|`, a leading TAB, ` |`, a row-separating blank line
    eol, // trivia: a line ending
};

/// The lower-case name used in trees, JSON and tests.
constexpr std::string_view name(node_kind k) noexcept {
    constexpr std::string_view names[] = {"document", "section",      "title",     "heading",
                                          "marker",   "heading_text", "paragraph", "signature",
                                          "date",     "blank",        "table",     "row",
                                          "cell",     "sep",          "eol"};
    return names[static_cast<std::uint8_t>(k)];
}

/// Trivia nodes exist for losslessness and are hidden by the tree and JSON printers.
constexpr bool is_trivia(node_kind k) noexcept {
    return k == node_kind::sep || k == node_kind::eol;
}

} // namespace nianbao::grammar
