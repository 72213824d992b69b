// S-expression and JSON writers for the syntax tree.
#include "render/tree_writer.hpp"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

namespace nianbao::render {

namespace {

using ast::node_id;
using ast::node_kind;

// Trivia, and the marker and text leaves of headings (shown as heading attributes), are hidden
// unless asked for.
bool hidden(node_kind k) {
    return grammar::is_trivia(k) || k == node_kind::marker || k == node_kind::heading_text;
}

// Quotes a string for the S-expression format: backslash, quote and line breaks escaped.
std::string quote(std::string_view s) {
    std::string out = "\"";
    for (char c : s) {
        switch (c) {
        case '"':
            out += "\\\"";
            break;
        case '\\':
            out += "\\\\";
            break;
        case '\n':
            out += "\\n";
            break;
        case '\r':
            out += "\\r";
            break;
        case '\t':
            out += "\\t";
            break;
        default:
            out += c;
        }
    }
    return out + '"';
}

// The first `n` code points of `s`, with "…" when shortened.
std::string shorten(std::string_view s, std::size_t n) {
    std::size_t i = 0;
    std::size_t count = 0;
    while (i < s.size() && count < n) {
        ++i;
        while (i < s.size() && (static_cast<unsigned char>(s[i]) & 0xC0U) == 0x80U) {
            ++i;
        }
        ++count;
    }
    return i < s.size() ? std::string(s.substr(0, i)) + "…" : std::string(s);
}

std::string attributes(const ast::document& doc, node_id id) {
    const auto& n = doc[id];
    switch (n.kind) {
    case node_kind::section:
        return fmt::format(" level={} {}", n.level, quote(ast::heading_title(doc, id + 1)));
    case node_kind::heading:
        return fmt::format(" level={} marker={} title={}", n.level,
                           quote(ast::heading_marker(doc, id)), quote(ast::heading_title(doc, id)));
    case node_kind::table: {
        std::size_t cols = 0;
        const auto rows = ast::table_rows(doc, id);
        for (node_id r : rows) {
            cols = std::max(cols, ast::row_cells(doc, r).size());
        }
        return fmt::format(" dialect={} rows={} cols={}", ast::dialect_name(doc, id), rows.size(),
                           cols);
    }
    case node_kind::cell:
        return " " + quote(ast::cell_text(doc, id));
    case node_kind::paragraph:
    case node_kind::title:
    case node_kind::signature:
    case node_kind::date:
        return " " + quote(shorten(ast::line_content(doc, id), 24));
    default:
        return {};
    }
}

void sexpr(const ast::document& doc, node_id id, int depth, const tree_options& opts,
           std::string& out) {
    const auto b = doc.begin_position(id);
    const auto e = doc.end_position(id);
    out.append(static_cast<std::size_t>(depth) * 2, ' ');
    fmt::format_to(std::back_inserter(out), "({} {}:{}-{}:{}{}", grammar::name(doc[id].kind),
                   b.line, b.column, e.line, e.column, attributes(doc, id));
    for (node_id c : doc.children(id)) {
        if (!opts.trivia && hidden(doc[c].kind)) {
            continue;
        }
        out += '\n';
        sexpr(doc, c, depth + 1, opts, out);
    }
    out += ')';
}

nlohmann::ordered_json json_node(const ast::document& doc, node_id id, const tree_options& opts) {
    const auto& n = doc[id];
    const auto b = doc.begin_position(id);
    const auto e = doc.end_position(id);
    nlohmann::ordered_json j;
    j["kind"] = grammar::name(n.kind);
    j["span"] = {{"begin", n.span.begin}, {"end", n.span.end},  {"line", b.line},
                 {"column", b.column},    {"end_line", e.line}, {"end_column", e.column}};
    switch (n.kind) {
    case node_kind::section:
        j["level"] = n.level;
        j["title"] = ast::heading_title(doc, id + 1);
        break;
    case node_kind::heading:
        j["level"] = n.level;
        j["marker"] = ast::heading_marker(doc, id);
        j["title"] = ast::heading_title(doc, id);
        break;
    case node_kind::table:
        j["dialect"] = ast::dialect_name(doc, id);
        break;
    case node_kind::cell:
        j["text"] = ast::cell_text(doc, id);
        j["raw"] = doc.raw(id);
        break;
    case node_kind::paragraph:
    case node_kind::title:
    case node_kind::signature:
    case node_kind::date:
        j["text"] = ast::line_content(doc, id);
        break;
    default:
        break;
    }
    if (!doc.is_leaf(id)) {
        auto children = nlohmann::ordered_json::array();
        for (node_id c : doc.children(id)) {
            if (opts.trivia || !hidden(doc[c].kind)) {
                children.push_back(json_node(doc, c, opts));
            }
        }
        j["children"] = std::move(children);
    }
    return j;
}

} // namespace

std::string write_tree_sexpr(const ast::document& doc, tree_options opts) {
    std::string out;
    sexpr(doc, 0, 0, opts, out);
    out += '\n';
    return out;
}

std::string write_tree_json(const ast::document& doc, tree_options opts) {
    nlohmann::ordered_json j;
    j["version"] = 1;
    j["file"] = doc.source().name;
    j["encoding"] = doc.source().encoding;
    j["root"] = json_node(doc, 0, opts);
    // File names may hold bytes that are not UTF-8; never throw on them.
    return j.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) + '\n';
}

} // namespace nianbao::render
