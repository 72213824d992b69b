// Reading the report's tables for binding: one pass over the cells, each normalised, keyed and
// classified once.
#include "model/grids.hpp"

#include <algorithm>

#include "ast/table/dialect_support.hpp"
#include "ast/text.hpp"
#include "model/labels.hpp"

namespace nianbao::model::detail {

namespace {

bool plain_digits(std::string_view s) {
    return !s.empty()
           && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// Scratch strings reused over the cells of a report.
struct cell_scratch {
    std::string lines; // a cell's joined lines
    std::string key;
    figure fig;
};

std::uint32_t size32(std::string_view s) {
    return static_cast<std::uint32_t>(s.size());
}

void read_cell_text(std::string_view raw, grid_cell& cell, text_arena& arena, cell_scratch& s) {
    std::string_view text = ast::normalise_cell(raw, s.lines);
    if (!text.empty() && text.data() == s.lines.data()) {
        text = arena.copy(text);
    }
    cell.text_data = text.data();
    cell.text_size = size32(text);
    if (plain_digits(text)) {
        // "0", "14": most cells of the statistics tables are their own keys and figures. Up to
        // 18 digits are read exactly; beyond, from_chars may find the number out of range.
        cell.empty = false;
        cell.digits = true;
        cell.numeric = true;
        cell.figure = text.size() <= 18 || read_figure(text, s.fig);
        cell.key_data = text.data();
        cell.key_size = size32(text);
        return;
    }
    // Normalised text has no blanks at its ends, and every empty spelling is short.
    cell.empty = text.size() <= 6 && ast::table::looks_empty(text);
    if (cell.empty) {
        return;
    }
    // A text that starts with an ideograph is no figure (read_figure's first look): not called.
    const auto lead = static_cast<unsigned char>(text[0]);
    if (!(lead >= 0xE4 && lead <= 0xE9 && text.size() >= 3) && read_figure(text, s.fig)) {
        cell.numeric = true;
        cell.figure = true;
    }
    if (is_own_key(text)) { // "行政许可": the key is the text, kept nowhere else
        cell.key_data = text.data();
        cell.key_size = size32(text);
        return;
    }
    s.key.clear();
    const std::size_t bare = append_label_key(text, s.key);
    const std::string_view key = arena.copy(s.key);
    cell.key_data = key.data();
    cell.key_size = size32(key);
    cell.bare_at = static_cast<std::uint32_t>(bare);
}

} // namespace

report_grids read_grids(const ast::document& doc) {
    report_grids out;
    // Counted first, the arrays never move: rows and tables point into them as they are read.
    std::vector<ast::node_id> tables;
    std::size_t rows = 0;
    std::size_t cells = 0;
    // Tables are blocks of the document or of its sections (ast::parse puts every block there).
    for (ast::node_id i = 1; i < doc.nodes().size();) {
        const auto& n = doc[i];
        if (n.kind == ast::node_kind::section) {
            ++i;
            continue;
        }
        if (n.kind == ast::node_kind::table) {
            tables.push_back(i);
            for (ast::node_id r : doc.children(i)) {
                if (doc[r].kind == ast::node_kind::row) {
                    ++rows;
                    for (ast::node_id c : doc.children(r)) {
                        cells += doc[c].kind == ast::node_kind::cell ? 1U : 0U;
                    }
                }
            }
        }
        i = n.subtree_end;
    }
    out.cells.reserve(cells);
    out.rows.reserve(rows);
    out.tables.reserve(tables.size());
    cell_scratch scratch;
    for (const ast::node_id t : tables) {
        const std::size_t first_row = out.rows.size();
        for (ast::node_id r : doc.children(t)) {
            if (doc[r].kind != ast::node_kind::row) {
                continue;
            }
            grid_row& row = out.rows.emplace_back();
            row.node = r;
            const std::size_t first = out.cells.size();
            for (ast::node_id c : doc.children(r)) {
                if (doc[c].kind != ast::node_kind::cell) {
                    continue;
                }
                grid_cell& cell = out.cells.emplace_back();
                cell.node = c;
                read_cell_text(doc.raw(c), cell, out.text, scratch);
                row.non_empty += cell.empty ? 0U : 1U;
                row.figures += cell.numeric ? 1U : 0U;
            }
            row.cells = {out.cells.data() + first, out.cells.size() - first};
        }
        out.tables.push_back(
            {t, first_row, {out.rows.data() + first_row, out.rows.size() - first_row}});
    }
    return out;
}

bool cell_figure(const grid_cell& cell, figure& scratch, cell_value& out) {
    const std::string_view text = cell.text();
    if (cell.digits && text.size() <= 18) { // exact in 64 bits, rounded once, as read_figure does
        std::uint64_t v = 0;
        for (const char c : text) {
            v = v * 10 + static_cast<std::uint64_t>(c - '0');
        }
        out = {static_cast<double>(v), text, {}};
        return true;
    }
    if (!cell.figure || !read_figure(text, scratch)) {
        return false;
    }
    out = {scratch.value, scratch.number, scratch.unit};
    return true;
}

bool is_own_key(std::string_view text) noexcept {
    // The bytes append_label_key copies as they are: ASCII letters and digits, and the three
    // bytes of a character led by E4–E9 (U+4000–U+9FFF). Without punctuation there is no marker.
    const auto* p = reinterpret_cast<const unsigned char*>(text.data());
    const std::size_t n = text.size();
    for (std::size_t i = 0; i < n;) {
        const unsigned char c = p[i];
        if (c >= 0xE4 && c <= 0xE9 && i + 2 < n) {
            i += 3;
        } else if ((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) {
            ++i;
        } else {
            return false;
        }
    }
    return true;
}

} // namespace nianbao::model::detail
