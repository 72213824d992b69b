// The report's tables as binding reads them: every cell's normalised text, key and kind, read
// once per bind into flat arrays of views (internal to lib/model).
#pragma once

#include <cstdint>
#include <cstring>
#include <memory>
#include <span>
#include <string_view>
#include <vector>

#include "ast/tree.hpp"
#include "model/labels.hpp"

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

// A cell as the binder sees it, in 40 bytes: a table of short cells holds millions. The views
// point into the document or the grids' arena. A figure's value, number and unit are not kept:
// cell_figure reads them again for the few cells that are bound.
struct grid_cell {
    ast::node_id node = 0;
    std::uint32_t text_size = 0;
    const char* text_data = nullptr; // normalised text
    const char* key_data = nullptr;  // label_key(text); empty for an empty cell
    std::uint32_t key_size = 0;
    std::uint32_t bare_at = 0; // bare_key(text) is the key from here on
    bool empty = true;
    bool digits = false;  // plain digits ("0", "14"): its own key
    bool numeric = false; // plain digits or a figure
    bool figure = false;  // read_figure reads the text

    std::string_view text() const { return {text_data, text_size}; }
    std::string_view key() const { return {key_data, key_size}; }
    std::string_view bare() const { return key().substr(bare_at); }
};

// A row of a physical table.
struct grid_row {
    std::span<const grid_cell> cells;
    ast::node_id node = 0;
    std::uint32_t non_empty = 0;
    std::uint32_t figures = 0; // numeric cells
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

/// A cell's figure as read_figure reads its text; the views point into the text or the scratch.
struct cell_value {
    double value = 0;
    std::string_view number;
    std::string_view unit;
};

/// Reads the figure of `cell` into `out` (plain digits without a call, any other figure through
/// read_figure into `scratch`). False if the cell is no figure.
bool cell_figure(const grid_cell& cell, figure& scratch, cell_value& out);

/// True when label_key(text) is `text` itself and bare_key(text) too: ASCII letters and digits
/// and CJK ideographs only ("行政许可", "2019年度"), no blank, punctuation or marker.
bool is_own_key(std::string_view text) noexcept;

} // namespace nianbao::model::detail
