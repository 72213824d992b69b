// The lossless syntax tree: nodes in pre-order in one vector, each with a byte span.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "grammar/node_kind.hpp"
#include "source/diagnostic.hpp"
#include "source/line_index.hpp"
#include "source/span.hpp"
#include "source/text.hpp"

namespace nianbao::ast {

using grammar::node_kind;
using node_id = std::uint32_t;

/// One node. Nodes are stored in pre-order: a node's descendants are the ids
/// `(id, subtree_end)`. Every byte of the text lies in exactly one leaf's span.
struct node {
    node_kind kind = node_kind::document;
    std::uint8_t level = 0;   ///< headings and sections: 1 (一、) … 4 (（1）)
    std::int8_t dialect = -1; ///< tables: index into `dialect_ids()`
    source::span span;
    node_id subtree_end = 0;
    node_id parent = 0;
};

/// Iterates the children of a node.
class child_range {
public:
    class iterator {
    public:
        iterator(const std::vector<node>* nodes, node_id id) : nodes_(nodes), id_(id) {}
        node_id operator*() const noexcept { return id_; }
        iterator& operator++() noexcept {
            id_ = (*nodes_)[id_].subtree_end;
            return *this;
        }
        bool operator!=(const iterator& o) const noexcept { return id_ != o.id_; }

    private:
        const std::vector<node>* nodes_;
        node_id id_;
    };
    child_range(const std::vector<node>* nodes, node_id parent) : nodes_(nodes), parent_(parent) {}
    iterator begin() const { return {nodes_, parent_ + 1}; }
    iterator end() const { return {nodes_, (*nodes_)[parent_].subtree_end}; }

private:
    const std::vector<node>* nodes_;
    node_id parent_;
};

/// A parsed report: owns its decoded text, its nodes and its line index.
class document {
public:
    explicit document(source::text text);

    const source::text& source() const noexcept { return *text_; }
    std::string_view text() const noexcept { return text_->utf8; }
    const source::line_index& lines() const noexcept { return *lines_; }
    const std::vector<node>& nodes() const noexcept { return nodes_; }
    const node& operator[](node_id id) const { return nodes_[id]; }
    child_range children(node_id id) const { return {&nodes_, id}; }
    bool is_leaf(node_id id) const { return nodes_[id].subtree_end == id + 1; }

    /// The source bytes of a node.
    std::string_view raw(node_id id) const {
        return text().substr(nodes_[id].span.begin, nodes_[id].span.size());
    }
    /// Start and end positions (end is exclusive, as in the span).
    source::position begin_position(node_id id) const {
        return lines_->locate(nodes_[id].span.begin);
    }
    source::position end_position(node_id id) const { return lines_->locate(nodes_[id].span.end); }

    /// Parse problems (rare: every line is at least a paragraph).
    const std::vector<source::diagnostic>& diagnostics() const noexcept { return diagnostics_; }

    // Used by the builder only.
    std::vector<node>& mutable_nodes() noexcept { return nodes_; }
    std::vector<source::diagnostic>& mutable_diagnostics() noexcept { return diagnostics_; }

private:
    std::unique_ptr<source::text> text_;
    std::unique_ptr<source::line_index> lines_;
    std::vector<node> nodes_;
    std::vector<source::diagnostic> diagnostics_;
};

/// Parses a decoded report into a lossless tree, nests headings into sections and groups the
/// cells of `lines` tables into rows. Never throws on any valid UTF-8 input.
///
/// **Example**
/// ```
/// auto doc = nianbao::ast::parse(std::get<nianbao::source::text>(nianbao::source::load(p, {})));
/// for (auto id : doc.children(0)) { /* sections, paragraphs, tables … */ }
/// ```
document parse(source::text text);

/// Registered dialect ids, in registration order.
const std::vector<std::string_view>& dialect_ids();
/// The dialect id of a table node ("pipe", "tab", "lines").
std::string_view dialect_name(const document& doc, node_id table);

/// The text printed back from the tree's leaves: equal to `doc.text()` for every input.
std::string print_source(const document& doc);

/// A cell's normalised text: continuation lines joined (with a space only between two ASCII
/// letters or digits), blanks incl. U+00A0 and U+3000 trimmed, so a U+00A0-only cell is empty.
std::string cell_text(const document& doc, node_id cell);
/// The span of a cell's text without surrounding blanks (the cell's own span if it is blank):
/// where a diagnostic about the cell points.
source::span content_span(const document& doc, node_id cell);
/// Normalises raw cell source the same way (`cell_text` applies it to a node).
std::string normalise_cell(std::string_view raw);
/// Raw cell source with the markup nianbao writes into cells (docs/convert.md) read: `<br>`
/// (also `<br/>`, `<br />`, `<BR>`) becomes a line feed, `&#124;` a bar, `&#12290;` `&#65281;`
/// `&#65311;` the sentence ends 。！？. Nothing else changes.
std::string decode_cell_markup(std::string_view raw);
/// A heading's marker ("一、") and title ("总体情况", trimmed); empty for other nodes.
std::string_view heading_marker(const document& doc, node_id heading);
std::string heading_title(const document& doc, node_id heading);
/// The heading node of a section.
node_id section_heading(const document& doc, node_id section);
/// A leaf's text without its line ending (paragraph, title, date, signature).
std::string_view line_content(const document& doc, node_id id);
/// The cells of a row, in order.
std::vector<node_id> row_cells(const document& doc, node_id row);
/// The rows of a table, in order.
std::vector<node_id> table_rows(const document& doc, node_id table);

} // namespace nianbao::ast
