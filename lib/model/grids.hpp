// The report's tables as binding reads them: every cell's normalised text, key and figure, read
// once per bind into flat arrays of views (internal to lib/model).
#pragma once

#include <cstdint>
#include <cstring>
#include <memory>
#include <span>
#include <string_view>
#include <vector>

#include "ast/tree.hpp"

namespace nianbao::model::detail {

// Text a bind makes that is not in the document (joined cell lines, keys, figures), copied into
// blocks that live as long as the bind: no string per cell.
class text_arena {
public:
    std::string_view copy(std::string_view s) {
        if (s.empty()) {
            return {};
        }
        if (s.size() > left_) {
            const std::size_t n = std::max(s.size(), block_size);
            blocks_.emplace_back(new char[n]);
            next_ = blocks_.back().get();
            left_ = n;
        }
        char* const p = next_;
        std::memcpy(p, s.data(), s.size());
        next_ += s.size();
        left_ -= s.size();
        return {p, s.size()};
    }

private:
    static constexpr std::size_t block_size = 16384; // the keys of a typical report
    std::vector<std::unique_ptr<char[]>> blocks_;
    char* next_ = nullptr;
    std::size_t left_ = 0;
};

// A cell as the binder sees it. The views point into the document or the grids' arena.
struct grid_cell {
    std::uint32_t id = 0; // 0, 1, 2… over all cells of the report, in document order
    ast::node_id node = 0;
    std::string_view text; // normalised text
    std::string_view key;  // label_key(text); empty for an empty cell
    std::string_view bare; // bare_key(text): the tail of `key`
    bool empty = true;
    bool digits = false;   // plain digits ("0", "14"): its own key
    bool numeric = false;  // plain digits or a figure
    bool figure = false;   // read_figure reads the text: `value`, `number` and `unit` are set
    bool integral = false; // a figure without a decimal point
    double value = 0;
    std::string_view number;
    std::string_view unit;
};

// A row of a physical table.
struct grid_row {
    ast::node_id node = 0;
    std::span<const grid_cell> cells;
    std::size_t non_empty = 0;
    std::size_t figures = 0; // numeric cells
};

// A physical table of the report.
struct grid {
    ast::node_id table = 0;
    std::size_t first_row = 0; // index of its first row in report_grids::rows
    std::span<const grid_row> rows;
};

// Every table of a report, its rows and cells each in one array.
struct report_grids {
    std::vector<grid_cell> cells;
    std::vector<grid_row> rows;
    std::vector<grid> tables;
    text_arena text;
};

/// Every table of `doc`, in document order.
report_grids read_grids(const ast::document& doc);

} // namespace nianbao::model::detail
