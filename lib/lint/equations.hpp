// Evaluating a template's consistency checks (勾稽关系) on a bound report, generically.
#pragma once

#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/binding.hpp"
#include "model/check_cells.hpp"

namespace nianbao::lint {

/// A cell a check refers to, resolved in the report.
struct cell_term {
    int sign = 1;
    const model::bound_table* table = nullptr;
    const model::bound_row* row = nullptr;
    std::size_t column = 0;
    const model::bound_cell* cell = nullptr;
    double value = 0; ///< a blank cell counts 0
};

/// One side of a comparison, evaluated.
struct side {
    double value = 0;
    std::vector<cell_term> cells;
    double constant = 0;
    bool has_constant = false;
};

/// One binding of a check's loop variables, evaluated.
struct evaluation {
    const model::check_def* check = nullptr;
    model::loop_binding vars; ///< the loop variables' values: ("$c", "np")
    side lhs;
    side rhs;
    bool holds = true;
};

/// Values that replace cells during evaluation (xref: a figure stated in the text).
using overrides = std::map<const model::bound_cell*, double>;

/// Evaluates checks on one report. The checks of the report's template come compiled to cell
/// indexes (model/check_cells.hpp); the bound table of each template table is looked up once
/// here, so a binding costs a few array lookups per cell. Not for use by two threads at once.
class check_evaluator {
public:
    explicit check_evaluator(const model::report_model& model);

    /// Calls `fn` with each evaluation `evaluate` returns; with `failures_only`, only with
    /// those that do not hold.
    void run(const model::check_def& check, const overrides& replaced, bool failures_only,
             const std::function<void(evaluation&&)>& fn);

    /// False if no binding of `check` can have `cell` on a side of its assertion (true for a
    /// check whose table is a loop variable): evaluating it with `cell` replaced changes nothing
    /// that refers to the cell.
    bool may_compare(const model::check_def& check, const model::bound_cell* cell) const;

private:
    const model::detail::compiled_check*
    compiled_of(const model::check_def& check,
                std::optional<model::detail::compiled_check>& storage) const;
    template <class Out>
    bool sum(const model::detail::compiled_side& terms, const model::check_def& check,
             const std::vector<std::size_t>& at, const overrides& replaced, Out& out) const;

    const model::report_model& model_;
    std::vector<const model::bound_table*> tables_; ///< by template table index
    side lhs_;                                      ///< reused for every binding
    side rhs_;
};

/// Evaluates every binding of `check` whose cells all exist, are numeric or blank, and whose
/// `when` condition holds; a binding whose left side is a single blank cell is skipped (the
/// blank is reported as an empty cell instead).
std::vector<evaluation> evaluate(const model::check_def& check, const model::report_model& model,
                                 const overrides& replaced = {});

/// Names one side for a message: "（七）总计 自然人", "A + B", or for three or more cells the
/// part of the check's description after "等于" ("各项办理结果之和").
std::string side_name(const side& s, const model::check_def& check, bool is_rhs);

/// The first cell node of a side (0 if none): where a finding about it points.
ast::node_id first_node(const side& s);

} // namespace nianbao::lint
