// Compiling a template's checks to cell indexes.
#include "model/check_cells.hpp"

namespace nianbao::model::detail {

namespace {

template <class Defs>
std::uint32_t first_with_key(const Defs& defs, std::string_view key) {
    for (std::size_t i = 0; i < defs.size(); ++i) {
        if (defs[i].key == key) {
            return static_cast<std::uint32_t>(i);
        }
    }
    return no_index;
}

// The loop `part` names (the first of that name, as `substitute` takes it), or no_index.
std::uint32_t loop_of(const check_def& check, std::string_view part) {
    for (std::size_t l = 0; l < check.loops.size(); ++l) {
        if (check.loops[l].first == part) {
            return static_cast<std::uint32_t>(l);
        }
    }
    return no_index;
}

// A part whose index is `find(value)`: fixed, or per value of its loop. A variable no loop
// binds resolves to nothing, as `substitute` does.
template <class Find>
ref_part compile_part(const check_def& check, std::string_view part, Find find) {
    ref_part out;
    if (!part.starts_with('$')) {
        out.fixed = find(part);
        return out;
    }
    out.loop = loop_of(check, part);
    if (out.loop == no_index) {
        return out;
    }
    for (const auto& value : check.loops[out.loop].second) {
        out.by_value.push_back(find(value));
    }
    return out;
}

compiled_side compile_side(const check_def& check, const expression& e, const template_def* tpl) {
    compiled_side out;
    out.reserve(e.terms.size());
    for (const auto& t : e.terms) {
        compiled_term c;
        c.sign = t.sign;
        c.number = t.number;
        if (!t.number) {
            c.table = compile_part(check, t.ref.table, [&](std::string_view key) {
                return tpl != nullptr ? first_with_key(tpl->tables, key) : no_index;
            });
            if (c.table.loop != no_index) {
                c.ref = t.ref;
            } else if (c.table.fixed != no_index) {
                const table_def& def = tpl->tables[c.table.fixed];
                c.row = compile_part(check, t.ref.row, [&](std::string_view key) {
                    return first_with_key(def.rows, key);
                });
                c.column = compile_part(check, t.ref.column, [&](std::string_view key) {
                    return first_with_key(def.columns, key);
                });
            }
        }
        out.push_back(std::move(c));
    }
    return out;
}

} // namespace

cell_index index_of(const template_def* tpl, std::string_view table, std::string_view row,
                    std::string_view column) {
    cell_index out;
    if (tpl == nullptr) {
        return out;
    }
    out.table = first_with_key(tpl->tables, table);
    if (out.table != no_index) {
        out.row = first_with_key(tpl->tables[out.table].rows, row);
        out.column = first_with_key(tpl->tables[out.table].columns, column);
    }
    return out;
}

compiled_check compile_check(const check_def& check, const template_def* tpl) {
    compiled_check out;
    if (check.condition) {
        out.condition_lhs = compile_side(check, check.condition->lhs, tpl);
        out.condition_rhs = compile_side(check, check.condition->rhs, tpl);
    }
    out.lhs = compile_side(check, check.assertion.lhs, tpl);
    out.rhs = compile_side(check, check.assertion.rhs, tpl);
    return out;
}

std::shared_ptr<const check_cells> build_check_cells(const template_def& t) {
    auto out = std::make_shared<check_cells>();
    out->checks.reserve(t.checks.size());
    for (const auto& c : t.checks) {
        out->checks.push_back(compile_check(c, &t));
    }
    return out;
}

} // namespace nianbao::model::detail
