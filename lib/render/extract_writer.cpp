// Extraction writers.
#include "render/extract_writer.hpp"

#include <cmath>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

namespace nianbao::render {

namespace {

using json = nlohmann::ordered_json;

json number_json(double v) {
    if (std::floor(v) == v && std::fabs(v) < 1e15) {
        return static_cast<std::int64_t>(v);
    }
    return v;
}

void put_position(json& j, const ast::document& doc, ast::node_id id) {
    const auto p =
        doc.lines().locate(doc[id].kind == ast::node_kind::cell ? ast::content_span(doc, id).begin
                                                                : doc[id].span.begin);
    j["line"] = p.line;
    j["column"] = p.column;
}

json cell_json(const ast::document& doc, const model::bound_cell& c) {
    json j;
    j["value"] = c.value ? number_json(*c.value) : json(nullptr);
    if (c.node == 0) {
        j["missing"] = true;
        return j;
    }
    j["raw"] = c.text;
    j["unit"] = c.unit.empty() ? json(nullptr) : json(c.unit);
    if (c.invalid) {
        j["invalid"] = true;
    }
    put_position(j, doc, c.node);
    return j;
}

json table_json(const ast::document& doc, const model::bound_table& t) {
    json j;
    j["title"] = t.def->title;
    j["dialect"] = ast::dialect_name(doc, t.table);
    put_position(j, doc, t.first_row);
    if (t.caption_cell != 0) {
        j["caption"] = {{"text", ast::cell_text(doc, t.caption_cell)},
                        {"match", model::name(t.caption_how)}};
    }
    json rows = json::object();
    for (const auto& r : t.rows) {
        json row;
        row["match"] = model::name(r.how);
        if (r.row != 0) {
            put_position(row, doc, r.row);
            json cells = json::object();
            for (std::size_t c = 0; c < r.cells.size(); ++c) {
                cells[t.def->columns[c].key] = cell_json(doc, r.cells[c]);
            }
            row["cells"] = std::move(cells);
            if (!r.spare_cells.empty()) {
                json spare = json::array();
                for (auto id : r.spare_cells) {
                    spare.push_back(ast::cell_text(doc, id));
                }
                row["spare_cells"] = std::move(spare);
            }
        }
        rows[r.def->key] = std::move(row);
    }
    j["rows"] = std::move(rows);
    json extras = json::array();
    for (const auto& x : t.extras) {
        json e;
        e["label"] = x.label;
        put_position(e, doc, x.row);
        json values = json::array();
        for (auto id : x.value_cells) {
            values.push_back(ast::cell_text(doc, id));
        }
        e["values"] = std::move(values);
        extras.push_back(std::move(e));
    }
    j["extra_rows"] = std::move(extras);
    return j;
}

std::string csv_field(std::string_view s) {
    if (s.find_first_of(",\"\n\r") == std::string_view::npos) {
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

} // namespace

std::string write_extract_json(const ast::document& doc, const model::report_model& model,
                               int indent, source::lang language) {
    json j;
    j["file"] = doc.source().name;
    j["encoding"] = doc.source().encoding;
    j["template"] = model.tpl != nullptr ? json(model.tpl->id) : json(nullptr);
    j["template_reason"] = model.template_reason;
    j["year"] = model.year ? json(*model.year) : json(nullptr);
    j["year_source"] = model.year ? json(model.year_source) : json(nullptr);
    j["organ"] = model.organ.empty() ? json(nullptr) : json(model.organ);
    json tables = json::object();
    for (const auto& t : model.tables) {
        tables[t.def->key] = table_json(doc, t);
    }
    j["tables"] = std::move(tables);
    json problems = json::array();
    for (const auto& p : model.problems) {
        json pj;
        pj["id"] = p.id;
        pj["message"] = source::format_message(p.id, language, p.args);
        if (p.node != 0) {
            put_position(pj, doc, p.node);
        }
        problems.push_back(std::move(pj));
    }
    j["problems"] = std::move(problems);
    return j.dump(indent, ' ', false, json::error_handler_t::replace) + '\n';
}

std::string extract_csv_header() {
    return "file,template,year,table,row,column,value,unit,line,col\n";
}

std::string write_extract_csv(const ast::document& doc, const model::report_model& model) {
    std::string out;
    const std::string prefix =
        fmt::format("{},{},{},", csv_field(doc.source().name),
                    model.tpl != nullptr ? model.tpl->id : "", model.year ? *model.year : 0);
    auto line = [&](std::string_view table, std::string_view row, std::string_view column,
                    std::string_view value, std::string_view unit, ast::node_id node) {
        const auto p = doc.lines().locate(ast::content_span(doc, node).begin);
        out += prefix;
        out += fmt::format("{},{},{},{},{},{},{}\n", table, csv_field(row), column, value,
                           csv_field(unit), p.line, p.column);
    };
    for (const auto& t : model.tables) {
        for (const auto& r : t.rows) {
            for (std::size_t c = 0; c < r.cells.size(); ++c) {
                const auto& col = t.def->columns[c];
                const auto& cell = r.cells[c];
                if (cell.node == 0 || col.type == model::value_type::unit
                    || col.type == model::value_type::text) {
                    continue;
                }
                line(t.def->key, r.def->key, col.key, cell.value ? cell.number : "", cell.unit,
                     cell.node);
            }
        }
        for (std::size_t x = 0; x < t.extras.size(); ++x) {
            const auto& cells = t.extras[x].value_cells;
            for (std::size_t c = 0; c < cells.size(); ++c) {
                line(t.def->key, fmt::format("extra.{}", x + 1), std::to_string(c + 1),
                     csv_field(ast::cell_text(doc, cells[c])), "", cells[c]);
            }
        }
    }
    return out;
}

} // namespace nianbao::render
