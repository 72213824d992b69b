// Where the builder leaves PEGTL's generic matching for a scanner: `match_body` matches any rule,
// by a fast path of runs.hpp, prose.hpp or table_rows.hpp where one applies, otherwise as PEGTL
// would. Included by node_builder.hpp (builder.cpp and its tests; PEGTL stays out of public
// headers).
#pragma once

#include <cstddef>
#include <type_traits>

#include <tao/pegtl.hpp>

#include "ast/detail/prose.hpp"
#include "ast/detail/runs.hpp"
#include "ast/detail/table_rows.hpp"

namespace nianbao::ast::detail {

// Matches `Rule`: with a scanner where one applies (and `Fast`), otherwise as PEGTL would. Runs
// and prose paths stop before an LF, so the input is bumped within the line; row paths may take
// the line end too. The first state is the parse's `run_scanner` (the builder's state derives
// from it); row paths push their leaves into it.
template <typename Rule, pegtl::apply_mode A, pegtl::rewind_mode M,
          template <typename...> class Action, template <typename...> class Control, bool Fast,
          typename ParseInput, typename State, typename... States>
bool match_body(ParseInput& in, State& st, States&&... rest) {
    run_scanner& scan = st;
    constexpr run_kind kind = run_kind_of<Rule>;
    if constexpr (!Fast) {
        return pegtl::normal<Rule>::template match<A, M, Action, Control>(in, st, rest...);
    } else if constexpr (is_utf8_one<Rule>) {
        const unsigned size = utf8_one<typename Rule::rule_t>::match(in.current(), in.end());
        if (size == 0) {
            return false;
        }
        in.bump(size);
        return true;
    } else if constexpr (has_prose_path<Rule>) {
        const char* p = in.current();
        const char* stop = prose_end<Rule>(p, in.end(), scan);
        if (stop == nullptr) {
            return false;
        }
        in.bump_in_this_line(static_cast<std::size_t>(stop - p));
        return true;
    } else if constexpr (std::is_same_v<Rule, grammar::document::table> && table_start_as_assumed) {
        if (!may_start_table(in.current(), in.end(), scan)) {
            return false;
        }
        return pegtl::normal<Rule>::template match<A, M, Action, Control>(in, st, rest...);
    } else if constexpr (has_row_path<Rule>) {
        const auto mark = st.size();
        const leaf_sink<State, A == pegtl::apply_mode::action> leaf{st};
        const verdict v = match_row<Rule>(in.current(), in.end(), scan, leaf);
        if (!v.decided) {
            return pegtl::normal<Rule>::template match<A, M, Action, Control>(in, st, rest...);
        }
        if (v.end == nullptr) {
            st.truncate(mark);
            return false;
        }
        in.bump(static_cast<std::size_t>(v.end - in.current()));
        return true;
    } else if constexpr (kind == run_kind::none) {
        return pegtl::normal<Rule>::template match<A, M, Action, Control>(in, st, rest...);
    } else {
        const char* p = in.current();
        const char* stop = kind == run_kind::line   ? scan.line_run_end(p, in.end())
                           : kind == run_kind::cell ? scan.cell_run_end(p, in.end())
                                                    : blanks_end(p, in.end());
        if (run_rule<typename Rule::rule_t>::at_least_one && stop == p) {
            return false;
        }
        in.bump_in_this_line(static_cast<std::size_t>(stop - p));
        return true;
    }
}

} // namespace nianbao::ast::detail
