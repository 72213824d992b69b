// table/ (values): what a cell holds — numbers, signs, units — and cells the template lacks.
#include <algorithm>

#include "lint/lint.hpp"
#include "lint/rules/all.hpp"
#include "model/labels.hpp"

namespace nianbao::lint {

namespace {

using model::value_type;

std::string row_label(const model::bound_table& t, const model::bound_row& r) {
    return r.def->unlabeled ? t.def->title : r.def->labels.canonical;
}

// Calls `fn(table, row, column index, cell)` for every present cell of every bound row.
template <typename Fn>
void each_cell(const context& ctx, Fn fn) {
    for (const auto& t : ctx.model().tables) {
        for (const auto& r : t.rows) {
            for (std::size_t i = 0; i < r.cells.size(); ++i) {
                if (r.cells[i].node != 0) {
                    fn(t, r, i, r.cells[i]);
                }
            }
        }
    }
}

// A cell rejected only because its unit differs from the column's is a unit problem.
bool unit_conflict(const model::bound_cell& c, const model::column_def& col) {
    const auto f = model::read_figure(c.text);
    return f && !f->unit.empty() && !col.unit.empty() && f->unit != col.unit;
}

void non_numeric(context& ctx) {
    each_cell(ctx, [&](const auto& t, const auto& r, std::size_t i, const auto& c) {
        if (c.invalid && !unit_conflict(c, t.def->columns[i])) {
            ctx.report_node(
                "table/non-numeric", c.node,
                {c.text, cell_name(t, r, i), std::string(model::name(t.def->columns[i].type))});
        }
    });
}

void negative(context& ctx) {
    each_cell(ctx, [&](const auto& t, const auto& r, std::size_t i, const auto& c) {
        if (c.value && *c.value < 0 && t.def->columns[i].type != value_type::signed_) {
            ctx.report_node("table/negative", c.node, {c.text, cell_name(t, r, i)});
        }
    });
}

void unit_mismatch(context& ctx) {
    each_cell(ctx, [&](const auto& t, const auto& r, std::size_t i, const auto& c) {
        const auto& col = t.def->columns[i];
        if (c.invalid && unit_conflict(c, col)) {
            ctx.report_node("table/unit-mismatch", c.node,
                            {model::read_figure(c.text)->unit, col.unit, cell_name(t, r, i)});
        }
    });
}

// An amount without a unit cannot be compared (元 or 万元?); 0 needs none.
void unit_missing(context& ctx) {
    each_cell(ctx, [&](const auto& t, const auto& r, std::size_t i, const auto& c) {
        const auto& col = t.def->columns[i];
        if (col.type == value_type::amount && col.unit.empty() && c.value && *c.value != 0
            && c.unit.empty()) {
            ctx.report_node("table/unit-missing", c.node, {c.text, cell_name(t, r, i)});
        }
    });
}

void spare_cells(context& ctx) {
    for (const auto& t : ctx.model().tables) {
        for (const auto& r : t.rows) {
            if (r.spare_cells.empty()) {
                continue;
            }
            source::span where = ast::content_span(ctx.doc(), r.spare_cells.front());
            where.end = ast::content_span(ctx.doc(), r.spare_cells.back()).end;
            std::string texts;
            for (ast::node_id c : r.spare_cells) {
                texts += (texts.empty() ? "" : "、") + ast::cell_text(ctx.doc(), c);
            }
            ctx.report("table/spare-cells", where,
                       {row_label(t, r), texts, std::to_string(t.def->columns.size())});
        }
    }
}

void extra_row(context& ctx) {
    for (const auto& t : ctx.model().tables) {
        for (const auto& x : t.extras) {
            const auto cells = ast::row_cells(ctx.doc(), x.row);
            ctx.report_node("table/extra-row", cells.front(), {x.label, t.def->title});
        }
    }
}

} // namespace

void register_table_values(registry& reg) {
    reg.add({"table/non-numeric",
             source::severity::warning,
             "a figure cell holds text that is not a number",
             "A cell of a figure column must hold a number of the column's type (a count is a "
             "whole number ≥ 0). Text such as `无` or `见附件` cannot be checked and is left out "
             "of the equations: `「无」不是数值（行政许可 处理决定数量，应为 count）`.",
             {{"table/non-numeric", "「{0}」不是数值（{1}，应为 {2}）",
               "\"{0}\" is not a number ({1}; expected {2})"}},
             false,
             non_numeric});
    reg.add({"table/negative",
             source::severity::error,
             "a count is negative",
             "Counts of applications, items and cases cannot be negative; only 本年增/减 is "
             "signed: `「-2」为负数（结果维持）`.",
             {{"table/negative", "「{0}」为负数（{1}）：此项不能为负",
               "\"{0}\" is negative ({1}); this figure cannot be"}},
             false,
             negative});
    reg.add({"table/unit-mismatch",
             source::severity::warning,
             "a cell's unit differs from the unit the template states",
             "When the header fixes the unit (T2021 （八） 本年收费金额 is in 万元), a cell that "
             "writes another unit is ambiguous and is not read: `单位「元」与表头规定的「万元」"
             "不符`.",
             {{"table/unit-mismatch", "单位「{0}」与表头规定的「{1}」不符（{2}）",
               "the unit \"{0}\" differs from the header's \"{1}\" ({2})"}},
             false,
             unit_mismatch});
    reg.add({"table/unit-missing",
             source::severity::info,
             "an amount has no unit and the header gives none",
             "T2019 （九） 采购总金额 has no unit in its header; reports write `1190.1万元` or "
             "`251000元`. A bare non-zero amount cannot be compared across reports: "
             "`「251000」没有单位（政府集中采购 采购总金额）`.",
             {{"table/unit-missing", "「{0}」没有单位（{1}）：请注明元或万元",
               "\"{0}\" has no unit ({1}): write 元 or 万元"}},
             false,
             unit_missing});
    reg.add({"table/spare-cells",
             source::severity::info,
             "a row has non-empty cells beyond the template's columns",
             "A grid artifact of T2019 （八） and （九）: a third figure column that the format "
             "does not have, usually `0`. The value is ignored: `行「行政事业性收费」有多余的"
             "单元格「0」（模板只有 2 列）`.",
             {{"table/spare-cells", "行「{0}」有多余的单元格「{1}」（模板只有 {2} 列），已忽略",
               "the row \"{0}\" has extra cells \"{1}\" (the template has {2} columns); ignored"}},
             false,
             spare_cells});
    reg.add({"table/extra-row",
             source::severity::info,
             "a row with figures matches no row of the template",
             "Local tables add rows (a township table's 主动公开机构领导…); they are kept but not "
             "checked. In a national format an extra row is often a misspelt label: `行「4.无正当"
             "理由大量申请」不在模板「收到和处理政府信息公开申请情况」中`.",
             {{"table/extra-row", "行「{0}」不在模板「{1}」中（已保留，不参与校验）",
               "the row \"{0}\" is not in the template's \"{1}\" (kept, not checked)"}},
             false,
             extra_row});
}

} // namespace nianbao::lint
