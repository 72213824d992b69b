// THE registration list of table dialects: adding a dialect is a header plus one line here.
#pragma once

#include <array>
#include <string_view>
#include <type_traits>

#include "grammar/table/lines.hpp"
#include "grammar/table/pipe.hpp"
#include "grammar/table/tab.hpp"

namespace nianbao::grammar::dialects {

// Order matters only for speed: the three detectors accept disjoint first lines (a TAB lead;
// exactly one trailing `|`; two or more `|`).
using all = tao::pegtl::type_list<tab::dialect, lines::dialect, pipe::dialect>;

namespace detail {
template <typename List>
struct info;
template <typename... D>
struct info<tao::pegtl::type_list<D...>> {
    static constexpr std::array<std::string_view, sizeof...(D)> ids{D::id...};
    template <typename Table>
    static constexpr int index_of_table() {
        int i = 0;
        int found = -1;
        ((std::is_same_v<typename D::table, Table>&& found < 0 ? found = i : 0, ++i), ...);
        return found;
    }
};
} // namespace detail

/// Dialect ids in registration order (`tab`, `lines`, `pipe`).
inline constexpr auto ids = detail::info<all>::ids;

/// The registration index of the dialect whose table rule is `Table`, or -1.
template <typename Table>
inline constexpr int index_of_table = detail::info<all>::template index_of_table<Table>();

} // namespace nianbao::grammar::dialects
