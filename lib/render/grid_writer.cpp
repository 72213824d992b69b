// JSON and CSV of a report's raw table grids.
#include "render/grid_writer.hpp"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "render/table_dialect.hpp"

namespace nianbao::render {

namespace {

using json = nlohmann::ordered_json;

std::string csv_field(std::string_view s) {
    if (s.find_first_of(",\"\r\n") == std::string_view::npos) {
        return std::string(s);
    }
    std::string out = "\"";
    for (char c : s) {
        out += c;
        if (c == '"') {
            out += '"';
        }
    }
    return out + '"';
}

std::vector<ast::node_id> tables_of(const ast::document& doc) {
    std::vector<ast::node_id> out;
    for (ast::node_id i = 0; i < doc.nodes().size(); ++i) {
        if (doc[i].kind == ast::node_kind::table) {
            out.push_back(i);
        }
    }
    return out;
}

json cell_json(const ast::document& doc, ast::node_id cell, const grid_cell& g) {
    json c;
    c["text"] = ast::cell_text(doc, cell);
    c["lines"] = g.lines;
    const auto p = doc.lines().locate(ast::content_span(doc, cell).begin);
    c["line"] = p.line;
    c["column"] = p.column;
    return c;
}

} // namespace

std::string write_grids_json(const ast::document& doc) {
    json j;
    j["version"] = 1;
    j["file"] = doc.source().name;
    j["encoding"] = doc.source().encoding;
    json tables = json::array();
    for (ast::node_id t : tables_of(doc)) {
        const table_grid grid = read_table(doc, t);
        json tj;
        tj["dialect"] = ast::dialect_name(doc, t);
        tj["line"] = doc.begin_position(t).line;
        tj["end_line"] = doc.end_position(t).line;
        json rows = json::array();
        const auto row_ids = ast::table_rows(doc, t);
        for (std::size_t r = 0; r < row_ids.size(); ++r) {
            json rj;
            rj["line"] = doc.begin_position(row_ids[r]).line;
            json cells = json::array();
            const auto cell_ids = ast::row_cells(doc, row_ids[r]);
            for (std::size_t c = 0; c < cell_ids.size(); ++c) {
                cells.push_back(cell_json(doc, cell_ids[c], grid.rows[r][c]));
            }
            rj["cells"] = std::move(cells);
            rows.push_back(std::move(rj));
        }
        tj["rows"] = std::move(rows);
        tables.push_back(std::move(tj));
    }
    j["tables"] = std::move(tables);
    return j.dump(2, ' ', false, json::error_handler_t::replace) + '\n';
}

std::string write_grids_csv(const ast::document& doc) {
    const auto tables = tables_of(doc);
    std::size_t width = 0;
    for (ast::node_id t : tables) {
        for (ast::node_id r : ast::table_rows(doc, t)) {
            width = std::max(width, ast::row_cells(doc, r).size());
        }
    }
    std::string out = "table,row";
    for (std::size_t c = 1; c <= width; ++c) {
        out += fmt::format(",{}", c);
    }
    out += '\n';
    for (std::size_t t = 0; t < tables.size(); ++t) {
        const auto rows = ast::table_rows(doc, tables[t]);
        for (std::size_t r = 0; r < rows.size(); ++r) {
            out += fmt::format("{},{}", t + 1, r + 1);
            const auto cells = ast::row_cells(doc, rows[r]);
            for (std::size_t c = 0; c < width; ++c) {
                out += ',';
                if (c < cells.size()) {
                    out += csv_field(ast::cell_text(doc, cells[c]));
                }
            }
            out += '\n';
        }
    }
    return out;
}

} // namespace nianbao::render
