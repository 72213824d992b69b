// Checks are data: loops expand cell references, sides are sums, comparisons use a tolerance.
#include "lint/equations.hpp"

#include <algorithm>
#include <cmath>

#include "lint/lint.hpp"

namespace nianbao::lint {

namespace {

namespace detail = model::detail;

// True if `p` points at an element of `v` (std::less orders pointers into different objects).
template <class T>
bool within(const T* p, const std::vector<T>& v) {
    const std::less<const T*> before;
    return !v.empty() && !before(p, v.data()) && before(p, v.data() + v.size());
}

bool compare(double a, std::string_view op, double b) {
    // The operators are "==", "!=", "<=", ">=", "<" and ">" (the template language's): told
    // apart by their characters rather than by string comparisons, as this runs for every
    // binding of every check.
    const double eps = 1e-6 * std::max({1.0, std::abs(a), std::abs(b)});
    const bool or_equal = op.size() == 2 && op[1] == '=';
    switch (op.empty() ? '\0' : op[0]) {
    case '=':
        return or_equal && std::abs(a - b) <= eps;
    case '!':
        return or_equal && std::abs(a - b) > eps;
    case '<':
        return or_equal ? a <= b + eps : op.size() == 1 && a < b - eps;
    case '>':
        return or_equal ? a + eps >= b : op.size() == 1 && a > b + eps;
    default:
        return false;
    }
}

} // namespace

check_evaluator::check_evaluator(const model::report_model& model) : model_(model) {
    if (model.tpl == nullptr) {
        return;
    }
    const auto& defs = model.tpl->tables;
    tables_.assign(defs.size(), nullptr);
    for (const auto& t : model.tables) {
        // Keys are unique within a template: the first bound table of a key is the one.
        const bool own = within(t.def, defs);
        const auto i = own ? static_cast<std::size_t>(t.def - defs.data())
                           : detail::index_of(model.tpl, t.def->key, {}, {}).table;
        if (i < tables_.size() && tables_[i] == nullptr) {
            tables_[i] = &t;
        }
    }
}

// The template's own checks were compiled when it was loaded; any other check is now, into
// `storage`.
const detail::compiled_check*
check_evaluator::compiled_of(const model::check_def& check,
                             std::optional<detail::compiled_check>& storage) const {
    const model::template_def* tpl = model_.tpl;
    if (tpl != nullptr && tpl->check_cells != nullptr && within(&check, tpl->checks)
        && tpl->check_cells->checks.size() == tpl->checks.size()) {
        return &tpl->check_cells->checks[static_cast<std::size_t>(&check - tpl->checks.data())];
    }
    storage = detail::compile_check(check, tpl);
    return &*storage;
}

bool check_evaluator::may_compare(const model::check_def& check,
                                  const model::bound_cell* cell) const {
    // Where the cell is: its template table, row and column.
    detail::cell_index at;
    for (std::size_t t = 0; t < tables_.size() && at.table == detail::no_index; ++t) {
        if (tables_[t] == nullptr) {
            continue;
        }
        const auto& rows = tables_[t]->rows;
        for (std::size_t r = 0; r < rows.size(); ++r) {
            const auto& cells = rows[r].cells;
            if (within(cell, cells)) {
                at = {static_cast<std::uint32_t>(t), static_cast<std::uint32_t>(r),
                      static_cast<std::uint32_t>(cell - cells.data())};
                break;
            }
        }
    }
    if (at.table == detail::no_index) {
        return false; // not a cell of this report's bound tables: no check refers to it
    }
    const auto may_be = [](const detail::ref_part& p, std::uint32_t i) {
        return p.loop == detail::no_index
                   ? p.fixed == i
                   : std::find(p.by_value.begin(), p.by_value.end(), i) != p.by_value.end();
    };
    std::optional<detail::compiled_check> storage;
    const detail::compiled_check* cc = compiled_of(check, storage);
    for (const auto* side : {&cc->lhs, &cc->rhs}) {
        for (const auto& t : *side) {
            if (!t.number
                && (t.ref
                    || (may_be(t.table, at.table) && may_be(t.row, at.row)
                        && may_be(t.column, at.column)))) {
                return true;
            }
        }
    }
    return false;
}

namespace {

// What `sum` adds to: a side with its cells, for an evaluation the caller sees.
struct full_sum {
    side& s;

    void start() {
        s.value = 0;
        s.constant = 0;
        s.has_constant = false;
        s.cells.clear();
    }
    void constant(double v) {
        s.value += v;
        s.constant += v;
        s.has_constant = true;
    }
    void cell(const cell_term& c) {
        s.value += c.sign * c.value;
        s.cells.push_back(c);
    }
};

// A side's value and no more than `run` needs to decide whether a binding holds: most do, and
// their cells are never looked at.
struct quick_sum {
    double value = 0;
    std::size_t cells = 0;
    const model::bound_cell* first = nullptr;
    bool has_constant = false;

    void start() { *this = {}; }
    void constant(double v) {
        value += v;
        has_constant = true;
    }
    void cell(const cell_term& c) {
        value += c.sign * c.value;
        first = cells++ == 0 ? c.cell : first;
    }
};

} // namespace

// Resolves and sums one side into `out`; false if a cell is missing, unbound or not a number.
// Both kinds of sum add the same terms in the same order, so they come to the same value.
template <class Out>
bool check_evaluator::sum(const detail::compiled_side& terms, const model::check_def& check,
                          const std::vector<std::size_t>& at, const overrides& replaced,
                          Out& out) const {
    out.start();
    for (const auto& t : terms) {
        if (t.number) {
            out.constant(t.sign * *t.number);
            continue;
        }
        detail::cell_index ix{t.table.at(at), t.row.at(at), t.column.at(at)};
        if (t.ref) {
            // The table is a loop variable: its row and column keys are looked up now.
            const auto b = model::binding_at(check, at);
            const auto table = model::substitute(t.ref->table, b);
            const auto row = model::substitute(t.ref->row, b);
            const auto column = model::substitute(t.ref->column, b);
            if (!table || !row || !column) {
                return false;
            }
            ix = detail::index_of(model_.tpl, *table, *row, *column);
        }
        if (ix.table >= tables_.size() || tables_[ix.table] == nullptr) {
            return false;
        }
        cell_term c;
        c.sign = t.sign;
        c.table = tables_[ix.table];
        if (ix.row >= c.table->rows.size()) {
            return false;
        }
        c.row = &c.table->rows[ix.row];
        c.column = ix.column == detail::no_index ? c.table->def->columns.size() : ix.column;
        if (c.row->how == model::label_match::missing || c.column >= c.row->cells.size()) {
            return false;
        }
        c.cell = &c.row->cells[c.column];
        if (c.cell->node == 0 || c.cell->invalid || (!c.cell->empty && !c.cell->value)) {
            return false;
        }
        const auto r = replaced.empty() ? replaced.end() : replaced.find(c.cell);
        c.value = r != replaced.end() ? r->second : c.cell->value.value_or(0.0);
        out.cell(c);
    }
    return true;
}

void check_evaluator::run(const model::check_def& check, const overrides& replaced,
                          bool failures_only, const std::function<void(evaluation&&)>& fn) {
    std::optional<detail::compiled_check> compiled;
    const detail::compiled_check* cc = compiled_of(check, compiled);
    model::for_each_binding_index(check, [&](const std::vector<std::size_t>& at) {
        quick_sum lhs;
        quick_sum rhs;
        if (check.condition) {
            if (!sum(cc->condition_lhs, check, at, replaced, lhs)
                || !sum(cc->condition_rhs, check, at, replaced, rhs)
                || !compare(lhs.value, check.condition->op, rhs.value)) {
                return;
            }
        }
        if (!sum(cc->lhs, check, at, replaced, lhs) || !sum(cc->rhs, check, at, replaced, rhs)) {
            return;
        }
        if (lhs.cells == 1 && !lhs.has_constant && lhs.first->empty
            && !replaced.contains(lhs.first)) {
            return;
        }
        const bool holds = compare(lhs.value, check.assertion.op, rhs.value);
        if (!holds || !failures_only) {
            // The caller sees the cells: the sides are summed again, keeping them.
            full_sum full_lhs{lhs_};
            full_sum full_rhs{rhs_};
            sum(cc->lhs, check, at, replaced, full_lhs);
            sum(cc->rhs, check, at, replaced, full_rhs);
            fn(evaluation{&check, model::binding_at(check, at), lhs_, rhs_, holds});
        }
    });
}

std::vector<evaluation> evaluate(const model::check_def& check, const model::report_model& model,
                                 const overrides& replaced) {
    std::vector<evaluation> out;
    check_evaluator(model).run(check, replaced, false,
                               [&](evaluation&& e) { out.push_back(std::move(e)); });
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
