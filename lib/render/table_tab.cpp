// The tab dialect's reader and writer: a TAB-led line per cell, continuation lines, a blank line
// between rows.
#include "ast/table/dialect_support.hpp"
#include "render/detail/cell_markup.hpp"
#include "render/table_dialect.hpp"

namespace nianbao::render {

namespace {

// A cell's physical lines (a bar needs no escape here): a line of the cell starts a line of its
// own when the grammar reads it as a continuation; otherwise it follows `<br>` on the line
// before (an empty or blank line, a heading-like "（一）予以公开").
std::vector<std::string> physical_lines(const grid_cell& cell) {
    std::vector<std::string> out{cell.lines[0]};
    for (std::size_t i = 1; i < cell.lines.size(); ++i) {
        const std::string& line = cell.lines[i];
        if (ast::table::tab_continues_cell(line)) {
            out.push_back(line);
        } else {
            out.back() += "<br>" + line;
        }
    }
    return out;
}

std::string escape_sentence_ends(std::string_view line) {
    std::string out;
    for (std::size_t i = 0; i < line.size();) {
        const std::string_view rest = line.substr(i);
        if (rest.starts_with("。")) {
            out += "&#12290;";
        } else if (rest.starts_with("！")) {
            out += "&#65281;";
        } else if (rest.starts_with("？")) {
            out += "&#65311;";
        } else {
            out += line[i++];
            continue;
        }
        i += 3;
    }
    return out;
}

} // namespace

// \t商业
// 企业
// \t<U+00A0>
grid_cell read_tab_cell(std::string_view raw) {
    return detail::read_inline_cell(raw);
}

// \t信息内容
// \t本年新制作数量
//
// \t规章
// \t0
void write_tab_table(const table_grid& grid, const write_context& ctx, std::string& out) {
    for (std::size_t r = 0; r < grid.rows.size(); ++r) {
        if (r > 0) {
            out += ctx.eol;
        }
        for (std::size_t c = 0; c < grid.rows[r].size(); ++c) {
            std::vector<std::string> lines = physical_lines(grid.rows[r][c]);
            // "\t无。" would read as indented prose and end the table: on a row's first line
            // the sentence ends are written as character references.
            if (c == 0 && !ast::table::tab_starts_row(lines[0])) {
                lines[0] = escape_sentence_ends(lines[0]);
            }
            out += '\t';
            for (std::size_t i = 0; i < lines.size(); ++i) {
                if (i > 0) {
                    out += ctx.eol;
                }
                out += lines[i];
            }
            out += ctx.eol;
        }
    }
}

} // namespace nianbao::render
