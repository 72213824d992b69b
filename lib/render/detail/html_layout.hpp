// Laying out a table for HTML (internal to lib/render): the rows as read, and the merges that
// rebuild cells the layouts leave out (html_merges.cpp); html_table.cpp places the cells.
#pragma once

#include <cstddef>
#include <map>
#include <optional>
#include <utility>
#include <vector>

#include "render/html.hpp"

namespace nianbao::render::detail {

using ast::node_id;
inline constexpr std::size_t none = static_cast<std::size_t>(-1);

/// A row as the layout shows it: its cells (in pipe without the empty ones at its end, merged-cell
/// padding), which cells hold figures, and where its figures start.
struct row_info {
    node_id node = 0;
    std::vector<node_id> cells;
    std::vector<bool> empty;
    std::vector<bool> figure;
    std::size_t first_figure = none;
    bool caption() const { return cells.size() == 1 && first_figure == none; }
};

/// Columns [begin, end) a cell is drawn over.
struct cell_span {
    std::size_t begin = 0;
    std::size_t end = 0;
};

/// The cell drawn over each column so far, as (row, index): what a cell missing below joins.
using drawn_cells = std::vector<std::optional<std::pair<std::size_t, std::size_t>>>;

/// Pipe and lines leave out the cells of a vertical merge: "(四)无法提供 | 1.本机关… | 0 …" is
/// followed by "2.没有现成信息… | 0 …". A data row with fewer labels than label columns whose
/// first label is a deeper ordinal than the label drawn over column 0 above it is nested under
/// that label: its labels move right of it, and the caller widens the label above downwards.
bool nest_under(const ast::document& doc, const row_info& row, const html_cell& above,
                std::size_t labels, std::vector<cell_span>& spans);

/// Pipe leaves out a header cell that spans rows: "自然人 | 法人或其他组织 | 总计" has no cell
/// under the corner. When a row's first (last) cell belongs at a column but was widened to the
/// edge, and the cells drawn above cover exactly the columns [from, to) it took, those cells grow
/// down instead: true if they did.
bool join_gap(html_table& t, const drawn_cells& above, std::size_t from, std::size_t to);

/// Vertical merges (tab: "vertically merged cells appear as empty leading cells"): in a label
/// column, a run of cells of the same columns, all empty but at most one, becomes one cell that
/// spans the run's rows and shows the text. Figures and caption rows end runs.
class vertical_merger {
public:
    explicit vertical_merger(html_table& t) : t_(t) {}

    /// Adds cell `c` of row `r`: a label cell (or not), empty (or not).
    void add(std::size_t r, std::size_t c, bool label, bool empty);

    void finish() {
        for (auto& [key, g] : open_) {
            close(g);
        }
        open_.clear();
    }

private:
    struct group {
        std::vector<std::pair<std::size_t, std::size_t>> members;
        std::pair<std::size_t, std::size_t> text;
        std::size_t last_row = 0;
        bool has_text = false;
    };

    void close(const group& g);

    html_table& t_;
    std::map<std::pair<std::size_t, std::size_t>, group> open_;
};

} // namespace nianbao::render::detail
