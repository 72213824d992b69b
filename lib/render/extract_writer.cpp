// Extraction writers.
#include "render/extract_writer.hpp"

#include <fmt/format.h>

#include "render/json_writer.hpp"

namespace nianbao::render {

namespace {

void put_position(json_writer& w, const ast::document& doc, ast::node_id id) {
    const auto p =
        doc.lines().locate(doc[id].kind == ast::node_kind::cell ? ast::content_span(doc, id).begin
                                                                : doc[id].span.begin);
    w.key("line").unsigned_integer(p.line);
    w.key("column").unsigned_integer(p.column);
}

void put_cell(json_writer& w, const ast::document& doc, const model::bound_cell& c) {
    w.begin_object();
    w.key("value");
    if (c.value) {
        w.number(*c.value);
    } else {
        w.null();
    }
    if (c.node == 0) {
        w.key("missing").boolean(true);
        w.end_object();
        return;
    }
    w.key("raw").string(c.text);
    w.key("unit");
    if (c.unit.empty()) {
        w.null();
    } else {
        w.string(c.unit);
    }
    if (c.invalid) {
        w.key("invalid").boolean(true);
    }
    put_position(w, doc, c.node);
    w.end_object();
}

void put_table(json_writer& w, const ast::document& doc, const model::bound_table& t) {
    w.begin_object();
    w.key("title").string(t.def->title);
    w.key("dialect").string(ast::dialect_name(doc, t.table));
    put_position(w, doc, t.first_row);
    if (t.caption_cell != 0) {
        w.key("caption").begin_object();
        w.key("text").string(ast::cell_text(doc, t.caption_cell));
        w.key("match").string(model::name(t.caption_how));
        w.end_object();
    }
    w.key("rows").begin_object();
    for (const auto& r : t.rows) {
        w.key(r.def->key).begin_object();
        w.key("match").string(model::name(r.how));
        if (r.row != 0) {
            put_position(w, doc, r.row);
            w.key("cells").begin_object();
            for (std::size_t c = 0; c < r.cells.size(); ++c) {
                w.key(t.def->columns[c].key);
                put_cell(w, doc, r.cells[c]);
            }
            w.end_object();
            if (!r.spare_cells.empty()) {
                w.key("spare_cells").begin_array();
                for (auto id : r.spare_cells) {
                    w.string(ast::cell_text(doc, id));
                }
                w.end_array();
            }
        }
        w.end_object();
    }
    w.end_object();
    w.key("extra_rows").begin_array();
    for (const auto& x : t.extras) {
        w.begin_object();
        w.key("label").string(x.label);
        put_position(w, doc, x.row);
        w.key("values").begin_array();
        for (auto id : x.value_cells) {
            w.string(ast::cell_text(doc, id));
        }
        w.end_array();
        w.end_object();
    }
    w.end_array();
    w.end_object();
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
    // Written as it goes (docs/performance.md); the layout is nlohmann's, as before.
    std::string out;
    out.reserve(doc.text().size() * 2 + 4096); // about the size of the JSON of a report
    json_writer w(out, indent);
    w.begin_object();
    w.key("file").string(doc.source().name);
    w.key("encoding").string(doc.source().encoding);
    w.key("template");
    if (model.tpl != nullptr) {
        w.string(model.tpl->id);
    } else {
        w.null();
    }
    w.key("template_reason").string(model.template_reason);
    w.key("year");
    if (model.year) {
        w.integer(*model.year);
        w.key("year_source").string(model.year_source);
    } else {
        w.null();
        w.key("year_source").null();
    }
    w.key("organ");
    if (model.organ.empty()) {
        w.null();
    } else {
        w.string(model.organ);
    }
    w.key("tables").begin_object();
    for (const auto& t : model.tables) {
        w.key(t.def->key);
        put_table(w, doc, t);
    }
    w.end_object();
    w.key("problems").begin_array();
    for (const auto& p : model.problems) {
        w.begin_object();
        w.key("id").string(p.id);
        w.key("message").string(source::format_message(p.id, language, p.args));
        if (p.node != 0) {
            put_position(w, doc, p.node);
        }
        w.end_object();
    }
    w.end_array();
    w.end_object();
    out += '\n';
    return out;
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
