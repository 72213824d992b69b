// Checks are data: loops expand cell references, sides are sums, comparisons use a tolerance.
#include "lint/equations.hpp"

#include <algorithm>
#include <cmath>

#include "lint/lint.hpp"

namespace nianbao::lint {

namespace {

using bindings = std::vector<std::pair<std::string_view, std::string_view>>;

std::string_view substitute(const std::string& part, const bindings& vars) {
    if (part.starts_with('$')) {
        for (const auto& [name, value] : vars) {
            if (name == part) {
                return value;
            }
        }
    }
    return part;
}

// Resolves and sums one side; nothing if a cell is missing, unbound or not a number.
std::optional<side> evaluate_side(const model::expression& e, const model::report_model& model,
                                  const bindings& vars, const overrides& replaced) {
    side out;
    out.cells.reserve(e.terms.size());
    for (const auto& t : e.terms) {
        if (t.number) {
            out.value += t.sign * *t.number;
            out.constant += t.sign * *t.number;
            out.has_constant = true;
            continue;
        }
        cell_term c;
        c.sign = t.sign;
        c.table = model.table(substitute(t.ref.table, vars));
        if (c.table == nullptr) {
            return std::nullopt;
        }
        c.row = c.table->row(substitute(t.ref.row, vars));
        c.column = c.table->column_index(substitute(t.ref.column, vars));
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

// Calls `fn` for every combination of the loop variables' values.
template <class F>
void for_each_binding(const model::check_def& check, std::size_t depth, bindings& vars, F& fn) {
    if (depth == check.loops.size()) {
        fn(vars);
        return;
    }
    for (const auto& value : check.loops[depth].second) {
        vars[depth] = {check.loops[depth].first, value};
        for_each_binding(check, depth + 1, vars, fn);
    }
}

} // namespace

std::vector<evaluation> evaluate(const model::check_def& check, const model::report_model& model,
                                 const overrides& replaced) {
    std::vector<evaluation> out;
    bindings vars(check.loops.size());
    const auto one = [&](const bindings& v) {
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
    };
    for_each_binding(check, 0, vars, one);
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
