// A template's checks with their cell references turned into table, row and column indexes once,
// when the template is loaded: evaluating a check on a report then indexes the bound tables
// instead of comparing table, row and column keys for every binding of its loops.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <vector>

#include "model/template.hpp"

namespace nianbao::model::detail {

/// No such table, row or column in the template.
inline constexpr std::uint32_t no_index = 0xFFFFFFFF;

/// The table, row or column of a cell reference: one index, or one per value of a loop.
struct ref_part {
    std::uint32_t fixed = no_index;
    std::uint32_t loop = no_index;       ///< the loop whose variable this part is
    std::vector<std::uint32_t> by_value; ///< the index for each value of that loop

    std::uint32_t at(const std::vector<std::size_t>& binding) const noexcept {
        return loop == no_index ? fixed : by_value[binding[loop]];
    }
};

/// A term: a number, or a cell. When the table is a loop variable, the row and column are
/// resolved by key for each binding, from the reference as written.
struct compiled_term {
    int sign = 1;
    std::optional<double> number;
    ref_part table;
    ref_part row;
    ref_part column;
    std::optional<cell_ref> ref; ///< set when the table is a loop variable
};

using compiled_side = std::vector<compiled_term>;

/// A check's sides; the condition's are empty when it has none.
struct compiled_check {
    compiled_side condition_lhs;
    compiled_side condition_rhs;
    compiled_side lhs;
    compiled_side rhs;
};

/// The compiled checks of a template. Holds no pointers into the template, so a copy of the
/// template can share it.
struct check_cells {
    std::vector<compiled_check> checks; ///< parallel to template_def::checks
};

/// Compiles one check against the tables of `tpl` (nullptr: no table is known).
compiled_check compile_check(const check_def& check, const template_def* tpl);

/// The table, row and column indexes of a cell reference whose parts are given (no_index for
/// what `tpl` does not have).
struct cell_index {
    std::uint32_t table = no_index;
    std::uint32_t row = no_index;
    std::uint32_t column = no_index;
};
cell_index index_of(const template_def* tpl, std::string_view table, std::string_view row,
                    std::string_view column);

/// Compiles every check of `t`.
std::shared_ptr<const check_cells> build_check_cells(const template_def& t);

} // namespace nianbao::model::detail
