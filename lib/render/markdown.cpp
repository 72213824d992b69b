// Markdown of a whole report: headings, paragraphs and GFM pipe tables.
#include <algorithm>

#include "render/grid_writer.hpp"
#include "render/table_dialect.hpp"

namespace nianbao::render {

namespace {

using ast::node_id;
using ast::node_kind;

// Backslash-escapes what Markdown would read as markup inside a line: emphasis, code, links,
// HTML, table bars.
std::string escape_inline(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    for (char c : s) {
        if (c == '\\' || c == '`' || c == '*' || c == '_' || c == '[' || c == ']' || c == '<'
            || c == '>' || c == '|' || c == '~') {
            out += '\\';
        }
        out += c;
    }
    return out;
}

// A line of prose as a paragraph: leading ASCII blanks would make a code block and are dropped;
// a line that starts like a heading, a list item or a quote is escaped ("1. " and "- ").
std::string paragraph_line(std::string_view line) {
    while (!line.empty() && (line.front() == ' ' || line.front() == '\t')) {
        line.remove_prefix(1);
    }
    std::string out = escape_inline(line);
    if (!out.empty() && (out[0] == '#' || out[0] == '-' || out[0] == '+' || out[0] == '=')) {
        out.insert(0, "\\");
    }
    const std::size_t digits = out.find_first_not_of("0123456789");
    if (digits > 0 && digits != std::string::npos && (out[digits] == '.' || out[digits] == ')')) {
        out.insert(digits, "\\");
    }
    return out;
}

// | 信息内容 | 本年新制作数量 |
// | --- | --- |
// | 规章 | 0 |
void write_table(const table_grid& grid, std::string& out) {
    const std::size_t width = std::max<std::size_t>(grid.width(), 1);
    const auto row_line = [&](const grid_row* row) {
        out += '|';
        for (std::size_t c = 0; c < width; ++c) {
            out += ' ';
            if (row != nullptr && c < row->size()) {
                const auto& lines = (*row)[c].lines;
                for (std::size_t i = 0; i < lines.size(); ++i) {
                    out += i > 0 ? "<br>" : "";
                    out += escape_inline(lines[i]);
                }
            }
            out += " |";
        }
        out += '\n';
    };
    row_line(grid.rows.empty() ? nullptr : &grid.rows[0]);
    out += '|';
    for (std::size_t c = 0; c < width; ++c) {
        out += " --- |";
    }
    out += '\n';
    for (std::size_t r = 1; r < grid.rows.size(); ++r) {
        row_line(&grid.rows[r]);
    }
}

} // namespace

std::string write_markdown(const ast::document& doc) {
    std::string out;
    const auto block = [&](std::string text) {
        if (!out.empty()) {
            out += '\n';
        }
        out += text;
        out += '\n';
    };
    const auto& nodes = doc.nodes();
    for (node_id i = 1; i < nodes.size();) {
        switch (nodes[i].kind) {
        case node_kind::title:
            block("# " + escape_inline(ast::line_content(doc, i)));
            break;
        case node_kind::heading: {
            const std::string marks(std::min<std::size_t>(nodes[i].level + 1U, 6U), '#');
            std::string_view line = ast::line_content(doc, i);
            block(marks + ' ' + paragraph_line(line));
            break;
        }
        case node_kind::paragraph:
        case node_kind::signature:
        case node_kind::date:
            block(paragraph_line(ast::line_content(doc, i)));
            break;
        case node_kind::table: {
            std::string t;
            write_table(read_table(doc, i), t);
            t.pop_back();
            block(std::move(t));
            break;
        }
        default:
            ++i;
            continue;
        }
        i = nodes[i].subtree_end;
    }
    return out;
}

} // namespace nianbao::render
