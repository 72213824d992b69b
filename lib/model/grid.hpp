// The shared shape binding works on: every layout's table as rows of cells with label keys.
#pragma once

#include <string>
#include <vector>

#include "ast/tree.hpp"

namespace nianbao::model::detail {

/// A cell as the binder sees it.
struct grid_cell {
    std::uint32_t id = 0; ///< 0, 1, 2… over all cells of the report, in document order
    ast::node_id node = 0;
    std::string text; ///< normalised text
    std::string key;  ///< label_key(text)
    std::string bare; ///< bare_key(text)
    bool empty = true;
    bool numeric = false;
};

/// A row of a physical table.
struct grid_row {
    ast::node_id node = 0;
    std::vector<grid_cell> cells;
    std::size_t non_empty() const;
    std::size_t figures() const;
};

/// A physical table of the report.
struct grid {
    ast::node_id table = 0;
    std::vector<grid_row> rows;
};

/// Every table of `doc`, in document order.
std::vector<grid> read_grids(const ast::document& doc);

} // namespace nianbao::model::detail
