// Where a grammar rule stopped: the furthest point any sub-rule reached, in line and column.
#pragma once

#include <cstdint>
#include <ostream>
#include <string_view>

#include <tao/pegtl.hpp>

#include "source/line_index.hpp"

namespace nianbao::test {

namespace pegtl = tao::pegtl;

/// How a rule ended on an input: whether it matched, and the furthest code-point position that
/// any sub-rule consumed up to (look-aheads excluded). For a failing rule this is where the
/// input stopped fitting the grammar, the position an error message would name.
struct stop {
    bool matched = false;
    std::uint32_t line = 0;
    std::uint32_t column = 0;
};

namespace detail {

struct reach {
    const char* furthest;
};

// Records the end of every successful match outside look-aheads (apply_mode::nothing), so a
// `not_at<digit>` that peeks at "5" in "1.5万元" does not count as progress.
template <typename Rule>
struct reach_control : pegtl::normal<Rule> {
    template <pegtl::apply_mode A, pegtl::rewind_mode M, template <typename...> class Action,
              template <typename...> class Control, typename ParseInput>
    static bool match(ParseInput& in, reach& r) {
        const bool ok = pegtl::normal<Rule>::template match<A, M, Action, Control>(in, r);
        if (ok && A == pegtl::apply_mode::action && in.current() > r.furthest) {
            r.furthest = in.current();
        }
        return ok;
    }
};

} // namespace detail

/// Matches `Rule` at the start of `text` and reports where it stopped.
template <typename Rule>
stop stop_of(std::string_view text) {
    pegtl::memory_input in(text.data(), text.size(), "test");
    detail::reach r{text.data()};
    const bool ok = pegtl::parse<Rule, pegtl::nothing, detail::reach_control>(in, r);
    const source::line_index lines(text);
    const auto p = lines.locate(static_cast<std::uint32_t>(r.furthest - text.data()));
    return {ok, p.line, p.column};
}

/// A failed match that stopped at `line`:`column`.
inline stop stopped_at(std::uint32_t line, std::uint32_t column) {
    return {false, line, column};
}

inline bool operator==(const stop& a, const stop& b) {
    return a.matched == b.matched && a.line == b.line && a.column == b.column;
}

inline std::ostream& operator<<(std::ostream& os, const stop& s) {
    return os << (s.matched ? "matched, reached " : "failed at ") << s.line << ':' << s.column;
}

} // namespace nianbao::test
