// table/: each template table present and bound, its captions, labels, shape and cell values.
#include <algorithm>
#include <set>

#include "lint/lint.hpp"
#include "lint/rules/all.hpp"
#include "model/labels.hpp"

namespace nianbao::lint {

namespace {

using model::label_match;

ast::node_id heading_or_node(const ast::document& doc, ast::node_id node) {
    return doc[node].kind == ast::node_kind::section ? ast::section_heading(doc, node) : node;
}

// "「a」、「b」、「c」等" — at most three labels.
std::string label_list(const std::vector<std::string>& labels) {
    std::string out;
    for (std::size_t i = 0; i < labels.size() && i < 3; ++i) {
        out += (i > 0 ? "、「" : "「") + labels[i] + "」";
    }
    return out + (labels.size() > 3 ? "等" : "");
}

void missing(context& ctx) {
    for (const auto& p : ctx.model().problems) {
        if (p.id == "bind/table-missing" && p.node == 0) {
            ctx.report("table/missing", {0, 0}, p.args); // its section is missing too
        } else if (p.id == "bind/table-missing") {
            ctx.report_node("table/missing", heading_or_node(ctx.doc(), p.node), p.args);
        }
    }
}

void unknown(context& ctx) {
    for (const auto& p : ctx.model().problems) {
        if (p.id == "bind/table-unknown") {
            const auto cells = ast::row_cells(ctx.doc(), p.node);
            ctx.report_node("table/unknown", cells.empty() ? p.node : cells.front(), p.args);
        }
    }
}

void caption(context& ctx) {
    for (const auto& t : ctx.model().tables) {
        if (t.caption_cell != 0 && t.caption_how == label_match::missing) {
            ctx.report_node("table/caption", t.caption_cell,
                            {ast::cell_text(ctx.doc(), t.caption_cell), t.def->caption.canonical});
        }
    }
}

// Group cells ("（三）不予以公开") sit left of the first row of their group.
void group_labels(context& ctx, const model::bound_table& t, const model::bound_row& r) {
    for (ast::node_id c : ctx.doc().children(r.row)) {
        if (ctx.doc()[c].kind != ast::node_kind::cell) {
            continue;
        }
        if (c == r.label_cell) {
            break;
        }
        const std::string key = model::label_key(ast::cell_text(ctx.doc(), c));
        for (const auto& g : t.def->groups) {
            if (std::find(g.variant_keys.begin(), g.variant_keys.end(), key)
                != g.variant_keys.end()) {
                ctx.report_node("table/non-canonical-label", c,
                                {ast::cell_text(ctx.doc(), c), g.canonical});
            }
        }
    }
}

void non_canonical(context& ctx) {
    const auto& doc = ctx.doc();
    for (const auto& t : ctx.model().tables) {
        if (t.caption_cell != 0 && t.caption_how == label_match::variant) {
            ctx.report_node("table/non-canonical-label", t.caption_cell,
                            {ast::cell_text(doc, t.caption_cell), t.def->caption.canonical});
        }
        for (const auto& c : t.columns) {
            if (c.how == label_match::variant && c.cell != 0) {
                ctx.report_node("table/non-canonical-label", c.cell,
                                {ast::cell_text(doc, c.cell), c.def->labels.canonical});
            }
        }
        for (const auto& r : t.rows) {
            if (r.how == label_match::variant && r.label_cell != 0) {
                ctx.report_node("table/non-canonical-label", r.label_cell,
                                {ast::cell_text(doc, r.label_cell), r.def->labels.canonical});
            }
            if (r.row != 0 && r.label_cell != 0) {
                group_labels(ctx, t, r);
            }
        }
    }
}

// The non-empty header cells of a bound table: its rows before the first bound data row.
std::vector<ast::node_id> header_cells(const ast::document& doc, const model::bound_table& t) {
    std::set<ast::node_id> data_rows;
    for (const auto& r : t.rows) {
        if (r.row != 0) {
            data_rows.insert(r.row);
        }
    }
    for (const auto& x : t.extras) {
        data_rows.insert(x.row);
    }
    std::vector<ast::node_id> out;
    bool started = false;
    for (ast::node_id row : doc.children(t.table)) {
        if (doc[row].kind != ast::node_kind::row) {
            continue;
        }
        started = started || row == t.first_row;
        if (!started) {
            continue;
        }
        if (data_rows.contains(row)) {
            break;
        }
        for (ast::node_id c : doc.children(row)) {
            if (doc[c].kind == ast::node_kind::cell && c != t.caption_cell
                && !ast::cell_text(doc, c).empty()) {
                out.push_back(c);
            }
        }
    }
    return out;
}

void damaged_header(context& ctx) {
    const auto& doc = ctx.doc();
    for (const auto& t : ctx.model().tables) {
        const bool any = std::any_of(t.columns.begin(), t.columns.end(),
                                     [](const auto& c) { return c.how != label_match::missing; });
        const bool missing = std::any_of(t.columns.begin(), t.columns.end(), [](const auto& c) {
            return c.how == label_match::missing;
        });
        if (!any || !missing) {
            continue;
        }
        auto cells = header_cells(doc, t);
        std::set<ast::node_id> used;
        for (const auto& c : t.columns) {
            used.insert(c.cell);
        }
        std::vector<std::string> absent;
        std::vector<std::string> keys; // of `cells`, computed for the first missing column
        // A truncated label is a prefix of the label it should be ("结果" for "结果纠正").
        for (const auto& c : t.columns) {
            if (c.how != label_match::missing) {
                continue;
            }
            if (keys.size() != cells.size()) {
                for (ast::node_id id : cells) {
                    keys.push_back(model::label_key(ast::cell_text(doc, id)));
                }
            }
            const auto& want = c.def->labels.key;
            std::size_t hit = 0;
            while (hit < cells.size()
                   && (used.contains(cells[hit]) || keys[hit].empty()
                       || keys[hit].size() >= want.size() || !want.starts_with(keys[hit]))) {
                ++hit;
            }
            if (hit < cells.size()) {
                used.insert(cells[hit]);
                ctx.report_node("table/damaged-header", cells[hit],
                                {ast::cell_text(doc, cells[hit]), c.def->labels.canonical});
            } else {
                absent.push_back(c.def->labels.canonical);
            }
        }
        if (!absent.empty()) {
            ctx.report_node("table/damaged-header.absent", t.first_row,
                            {label_list(absent), t.def->title});
        }
    }
}

// One finding per table: a local 统计表 can lack dozens of national rows.
void missing_row(context& ctx) {
    for (const auto& t : ctx.model().tables) {
        std::vector<std::string> labels;
        for (const auto& r : t.rows) {
            if (r.how == label_match::missing) {
                labels.push_back(r.def->unlabeled ? r.def->key : r.def->labels.canonical);
            }
        }
        if (labels.empty()) {
            continue;
        }
        const auto cells = ast::row_cells(ctx.doc(), t.first_row);
        const ast::node_id at = cells.empty() ? t.first_row : cells.front();
        if (labels.size() == 1) {
            ctx.report_node("table/missing-row", at, {labels[0], t.def->title});
        } else {
            ctx.report_node("table/missing-row.many", at,
                            {label_list(labels), t.def->title, std::to_string(labels.size())});
        }
    }
}

void row_width(context& ctx) {
    for (const auto& t : ctx.model().tables) {
        for (const auto& r : t.rows) {
            const auto present = std::count_if(r.cells.begin(), r.cells.end(),
                                               [](const auto& c) { return c.node != 0; });
            if (r.row != 0 && static_cast<std::size_t>(present) < r.cells.size()) {
                const ast::node_id at =
                    r.label_cell != 0 ? r.label_cell : ast::row_cells(ctx.doc(), r.row).front();
                ctx.report_node("table/row-width", at,
                                {r.def->unlabeled ? t.def->title : r.def->labels.canonical,
                                 std::to_string(present), std::to_string(r.cells.size())});
            }
        }
    }
}

// One finding per run of blank cells in a row, spanning the run.
void empty_cells(context& ctx) {
    for (const auto& t : ctx.model().tables) {
        for (const auto& r : t.rows) {
            for (std::size_t i = 0; i < r.cells.size();) {
                if (r.cells[i].node == 0 || !r.cells[i].empty) {
                    ++i;
                    continue;
                }
                std::size_t j = i;
                std::string names;
                while (j < r.cells.size() && r.cells[j].node != 0 && r.cells[j].empty) {
                    names += names.empty() ? "" : "、";
                    names += t.def->columns[j].labels.canonical;
                    ++j;
                }
                source::span where = ast::content_span(ctx.doc(), r.cells[i].node);
                where.end = ast::content_span(ctx.doc(), r.cells[j - 1].node).end;
                const std::string label = r.def->unlabeled ? t.def->title : r.def->labels.canonical;
                ctx.report(j - i == 1 ? "table/empty-cell" : "table/empty-cell.run", where,
                           {label, names, std::to_string(j - i)});
                i = j;
            }
        }
    }
}

} // namespace

void register_table_rules(registry& reg) {
    reg.add({"table/missing",
             source::severity::error,
             "a table of the template is missing",
             "Sections 二, 三 and 四 of the 2019 and 2021 formats consist of fixed tables, and a "
             "2014–2018 report attaches the 统计表. A table that cannot be found — published as an "
             "image, left out, or too damaged to recognise — is reported at the heading of the "
             "section it belongs in: `未找到表格 t4（政府信息公开行政复议、行政诉讼情况）`.",
             {{"table/missing", "未找到表格 {0}（{1}）：报告中没有与之对应的表格",
               "table {0} ({1}) not found: no table in the report matches it"}},
             false,
             missing});
    reg.add({"table/unknown",
             source::severity::warning,
             "a table matches no table of the template",
             "A table whose labels match none of the template's tables is kept but cannot be "
             "checked. It is often a table of another format (a 2021 table in a 2020 report) or "
             "one whose labels were lost when the report was copied: `这张表格（4 行）与模板中"
             "的任何表格都对应不上`.",
             {{"table/unknown", "这张表格（{0} 行）与模板中的任何表格都对应不上",
               "this table ({0} rows) matches no table of the template"}},
             false,
             unknown});
    reg.add({"table/caption",
             source::severity::error,
             "a table caption cites the wrong article of the 条例",
             "Each part of table 2 opens with the item of 第二十条 it reports on. A caption that "
             "names another article misinforms the reader; seed 003 has `第二十六条第（六）项` "
             "where `第二十条第（六）项` is meant.",
             {{"table/caption", "表格标题「{0}」有误，应为「{1}」",
               "the caption \"{0}\" is wrong; it should be \"{1}\""}},
             false,
             caption});
    reg.add({"table/non-canonical-label",
             source::severity::warning,
             "a row, column, group or caption label is a known variant, not the official wording",
             "Labels are matched to the template with their known variants, so figures are still "
             "read; the official wording is preferred, e.g. `商业机构` for `商业企业`, "
             "`7.属于行政执法案件` for `7.属于行政执法案卷`, `（三）不予以公开` for "
             "`（三）不予公开`.",
             {{"table/non-canonical-label", "「{0}」不是规范写法，应为「{1}」",
               "\"{0}\" is not the official wording \"{1}\""}},
             false,
             non_canonical});
    reg.add({"table/damaged-header",
             source::severity::warning,
             "a header label is truncated or missing; figures are read by position",
             "When a table is flattened, header labels can be cut (`结果` for `结果纠正`, `尚未` "
             "for `尚未审结`). The figures are still bound by position, but the header no longer "
             "says what they are: `表头「结果」残缺，应为「结果纠正」`.",
             {{"table/damaged-header", "表头「{0}」残缺，应为「{1}」（数值按位置对应）",
               "the header label \"{0}\" is truncated; it should be \"{1}\" (figures read by "
               "position)"},
              {"table/damaged-header.absent", "表格「{1}」的表头中没有{0}",
               "the header of \"{1}\" has no {0}"}},
             false,
             damaged_header});
    reg.add(
        {"table/missing-row",
         source::severity::warning,
         "a row of the template is missing",
         "Every row of the template's table should be present even when its figures are 0; "
         "a missing row usually means a label was changed beyond recognition: `表格「收到和"
         "处理政府信息公开申请情况」缺少行「（六）其他处理」`.",
         {{"table/missing-row", "表格「{1}」缺少行「{0}」", "\"{1}\" has no row \"{0}\""},
          {"table/missing-row.many", "表格「{1}」缺少 {2} 行：{0}", "\"{1}\" lacks {2} rows: {0}"}},
         false,
         missing_row});
    reg.add({"table/row-width",
             source::severity::warning,
             "a row has fewer figures than the template's columns",
             "A row that ends before the last column leaves figures unknown: `行「行政许可」只有 "
             "2 个数值单元格，应有 3 个`.",
             {{"table/row-width", "行「{0}」只有 {1} 个数值单元格，应有 {2} 个",
               "the row \"{0}\" has {1} figure cells; {2} expected"}},
             false,
             row_width});
    reg.add(
        {"table/empty-cell",
         source::severity::info,
         "a figure cell is blank (counted as 0)",
         "Blank cells (empty, `—`, `/`, or only U+00A0) are read as 0 for the equations, but a "
         "published table should write 0. Consecutive blank cells of a row are reported "
         "together: `行「（一）予以公开」有 6 个空单元格（自然人、商业企业、…、其他），按 0 计`.",
         {{"table/empty-cell", "行「{0}」的「{1}」为空，按 0 计",
           "\"{1}\" of the row \"{0}\" is blank (counted as 0)"},
          {"table/empty-cell.run", "行「{0}」有 {2} 个空单元格（{1}），按 0 计",
           "the row \"{0}\" has {2} blank cells ({1}), counted as 0"}},
         false,
         empty_cells});
    register_table_values(reg);
}

} // namespace nianbao::lint
