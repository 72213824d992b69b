// Checks are data: loops expand cell references, sides are sums, comparisons use a tolerance.
#include "lint/equations.hpp"

#include <algorithm>
#include <cmath>

#include "lint/lint.hpp"

namespace nianbao::lint {

namespace {

using model::loop_binding;

// Resolves and sums one side; nothing if a cell is missing, unbound or not a number.
std::optional<side> evaluate_side(const model::expression& e, const model::report_model& model,
                                  const loop_binding& vars, const overrides& replaced) {
    side out;
    out.cells.reserve(e.terms.size());
    for (const auto& t : e.terms) {
        if (t.number) {
            out.value += t.sign * *t.number;
            out.constant += t.sign * *t.number;
            out.has_constant = true;
            continue;
        }
        const auto table = model::substitute(t.ref.table, vars);
        const auto row = model::substitute(t.ref.row, vars);
        const auto column = model::substitute(t.ref.column, vars);
        if (!table || !row || !column) {
            return std::nullopt;
        }
        cell_term c;
        c.sign = t.sign;
        c.table = model.table(*table);
        if (c.table == nullptr) {
            return std::nullopt;
        }
        c.row = c.table->row(*row);
        c.column = c.table->column_index(*column);
        if (c.row == nullptr || c.row->how == model::label_match::missing
            || c.column >= c.row->cells.size()) {
            return std::nullopt;
        }
        c.cell = &c.row->cells[c.column];
        if (c.cell->node == 0 || c.cell->invalid || (!c.cell->empty && !c.cell->value)) {
            return std::nullopt;
        }
        const auto r = replaced.empty() ? replaced.end() : replaced.find(c.cell);
        c.value = r != replaced.end() ? r->second : c.cell->value.value_or(0.0);
        out.value += c.sign * c.value;
        out.cells.push_back(c);
    }
    return out;
}

bool compare(double a, const std::string& op, double b) {
    const double eps = 1e-6 * std::max({1.0, std::abs(a), std::abs(b)});
    if (op == "==") {
        return std::abs(a - b) <= eps;
    }
    if (op == "!=") {
        return std::abs(a - b) > eps;
    }
    if (op == "<=") {
        return a <= b + eps;
    }
    if (op == ">=") {
        return a + eps >= b;
    }
    if (op == "<") {
        return a < b - eps;
    }
    return op == ">" && a > b + eps;
}

} // namespace

std::vector<evaluation> evaluate(const model::check_def& check, const model::report_model& model,
                                 const overrides& replaced) {
    std::vector<evaluation> out;
    model::for_each_binding(check, [&](const loop_binding& v) {
        if (check.condition) {
            const auto l = evaluate_side(check.condition->lhs, model, v, replaced);
            const auto r = evaluate_side(check.condition->rhs, model, v, replaced);
            if (!l || !r || !compare(l->value, check.condition->op, r->value)) {
                return;
            }
        }
        auto l = evaluate_side(check.assertion.lhs, model, v, replaced);
        auto r = evaluate_side(check.assertion.rhs, model, v, replaced);
        if (!l || !r) {
            return;
        }
        if (l->cells.size() == 1 && !l->has_constant && l->cells[0].cell->empty
            && !replaced.contains(l->cells[0].cell)) {
            return;
        }
        evaluation e{&check, v, std::move(*l), std::move(*r), true};
        e.holds = compare(e.lhs.value, check.assertion.op, e.rhs.value);
        out.push_back(std::move(e));
    });
    return out;
}

std::string side_name(const side& s, const model::check_def& check, bool is_rhs) {
    if (s.cells.size() >= 3) {
        const auto at = check.description.find("等于");
        if (is_rhs && at != std::string::npos) {
            return check.description.substr(at + std::string_view("等于").size());
        }
    }
    std::string out;
    for (const auto& c : s.cells) {
        if (!out.empty()) {
            out += c.sign < 0 ? " − " : " + ";
        } else if (c.sign < 0) {
            out += "−";
        }
        out += cell_name(*c.table, *c.row, c.column);
    }
    if (s.has_constant && (s.constant != 0 || out.empty())) {
        out += (out.empty() ? "" : (s.constant < 0 ? " − " : " + "))
               + format_number(out.empty() ? s.constant : std::abs(s.constant));
    }
    return out;
}

ast::node_id first_node(const side& s) {
    for (const auto& c : s.cells) {
        if (c.cell->node != 0) {
            return c.cell->node;
        }
    }
    return 0;
}

} // namespace nianbao::lint
