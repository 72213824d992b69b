// The registration list of text dialects (grammar side: grammar/table/dialects.hpp) and what
// they share: reading tables as grids, `<br>` and `&#124;` in cells.
#include <algorithm>
#include <stdexcept>

#include "render/detail/cell_markup.hpp"
#include "render/table_dialect.hpp"

namespace nianbao::render {

namespace detail {

std::string_view trim_padding(std::string_view s) {
    const auto pad = [](char c) {
        return c == ' ' || c == '\t' || c == '\r';
    };
    while (!s.empty() && pad(s.front())) {
        s.remove_prefix(1);
    }
    while (!s.empty() && pad(s.back())) {
        s.remove_suffix(1);
    }
    return s;
}

grid_cell read_inline_cell(std::string_view raw) {
    const std::string decoded = ast::decode_cell_markup(raw);
    grid_cell cell;
    cell.lines.clear();
    std::size_t pos = 0;
    while (true) {
        const std::size_t nl = decoded.find('\n', pos);
        const std::string_view piece = std::string_view(decoded).substr(
            pos, nl == std::string::npos ? std::string::npos : nl - pos);
        cell.lines.emplace_back(trim_padding(piece));
        if (nl == std::string::npos) {
            break;
        }
        pos = nl + 1;
    }
    return cell;
}

std::string escape_bars(std::string_view line) {
    std::string out;
    out.reserve(line.size());
    for (char c : line) {
        if (c == '|') {
            out += "&#124;";
        } else {
            out += c;
        }
    }
    return out;
}

std::string inline_cell(const grid_cell& cell) {
    std::string out;
    for (std::size_t i = 0; i < cell.lines.size(); ++i) {
        if (i > 0) {
            out += "<br>";
        }
        out += escape_bars(cell.lines[i]);
    }
    return out;
}

} // namespace detail

std::size_t table_grid::width() const {
    std::size_t w = 0;
    for (const auto& r : rows) {
        w = std::max(w, r.size());
    }
    return w;
}

const std::vector<text_dialect>& text_dialects() {
    // One writer per grammar dialect; checked against ast::dialect_ids() at first use, so a
    // dialect added to the grammar without a writer fails loudly.
    static const std::vector<text_dialect> list = [] {
        std::vector<text_dialect> l{
            {"pipe", &read_pipe_cell, &write_pipe_table},
            {"tab", &read_tab_cell, &write_tab_table},
            {"lines", &read_lines_cell, &write_lines_table},
        };
        for (std::string_view id : ast::dialect_ids()) {
            if (std::none_of(l.begin(), l.end(),
                             [&](const text_dialect& d) { return d.id == id; })) {
                throw std::logic_error("no writer for table dialect " + std::string(id));
            }
        }
        return l;
    }();
    return list;
}

const text_dialect* find_text_dialect(std::string_view id) {
    for (const auto& d : text_dialects()) {
        if (d.id == id) {
            return &d;
        }
    }
    return nullptr;
}

table_grid read_table(const ast::document& doc, ast::node_id table) {
    const text_dialect* d = find_text_dialect(ast::dialect_name(doc, table));
    table_grid grid;
    for (ast::node_id r : ast::table_rows(doc, table)) {
        grid_row row;
        for (ast::node_id c : ast::row_cells(doc, r)) {
            row.push_back(d != nullptr ? d->read_cell(doc.raw(c))
                                       : detail::read_inline_cell(doc.raw(c)));
        }
        grid.rows.push_back(std::move(row));
    }
    return grid;
}

std::string_view document_eol(const ast::document& doc) {
    const std::string_view t = doc.text();
    const std::size_t nl = t.find('\n');
    return nl != std::string_view::npos && nl > 0 && t[nl - 1] == '\r' ? "\r\n" : "\n";
}

} // namespace nianbao::render
