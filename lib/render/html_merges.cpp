// Merges the text layouts leave out, rebuilt for HTML: nested labels, header cells that span
// rows, and vertically merged label cells.
#include <algorithm>

#include "render/detail/html_layout.hpp"

namespace nianbao::render::detail {

namespace {

// The level of the ordinal a label starts with: 一、 1, （一） 2, 1. or 1、 3, （1） 4; 0 for none.
int ordinal_level(std::string_view s) {
    static constexpr std::string_view numerals[] = {"〇", "零", "一", "二", "三", "四", "五",
                                                    "六", "七", "八", "九", "十", "百", "两"};
    const auto skip = [&](std::size_t i, bool cjk) {
        while (i < s.size()) {
            const std::string_view rest = s.substr(i);
            if (!cjk && rest[0] >= '0' && rest[0] <= '9') {
                ++i;
            } else if (cjk
                       && std::any_of(std::begin(numerals), std::end(numerals),
                                      [&](std::string_view n) { return rest.starts_with(n); })) {
                i += 3;
            } else {
                break;
            }
        }
        return i;
    };
    const bool paren = s.starts_with("(") || s.starts_with("（");
    const std::size_t open = s.starts_with("(") ? 1 : paren ? 3 : 0;
    for (const bool cjk : {true, false}) {
        const std::size_t end = skip(open, cjk);
        if (end == open) {
            continue;
        }
        const std::string_view rest = s.substr(end);
        if (paren && (rest.starts_with(")") || rest.starts_with("）"))) {
            return cjk ? 2 : 4;
        }
        if (!paren
            && (rest.starts_with("、") || rest.starts_with("．")
                || (!cjk && rest.starts_with(".")))) {
            return cjk ? 1 : 3;
        }
    }
    return 0;
}

} // namespace

// Pipe and lines leave out the cells of a vertical merge: "(四)无法提供 | 1.本机关… | 0 …" is
// followed by "2.没有现成信息… | 0 …". A data row with fewer labels than label columns whose
// first label is a deeper ordinal than the label drawn over column 0 above it is nested under
// that label: its labels move right of it, and the caller widens the label above downwards.
bool nest_under(const ast::document& doc, const row_info& row, const html_cell& above,
                std::size_t labels, std::vector<cell_span>& spans) {
    const std::size_t k = row.first_figure;
    if (k == none || k == 0 || k >= labels || above.column != 0 || above.figure) {
        return false;
    }
    const std::size_t from = above.colspan;
    const int mine = ordinal_level(ast::cell_text(doc, row.cells[0]));
    const int theirs = ordinal_level(ast::cell_text(doc, above.shown));
    if (from + k > labels || theirs == 0 || mine <= theirs) {
        return false;
    }
    const std::size_t room = labels - from;
    for (std::size_t i = 0; i < k; ++i) {
        spans[i] = {from + i * (room / k), from + (i + 1) * (room / k)};
    }
    spans[k - 1].end = labels;
    return true;
}

// Pipe leaves out a header cell that spans rows: "自然人 | 法人或其他组织 | 总计" has no cell under
// the corner. When a row's first (last) cell belongs at a column but was widened to the edge,
// and the cells drawn above cover exactly the columns [from, to) it took, those cells grow down
// instead: true if they did.
bool join_gap(html_table& t, const drawn_cells& above, std::size_t from, std::size_t to) {
    std::vector<std::pair<std::size_t, std::size_t>> owners;
    for (std::size_t c = from; c < to; ++c) {
        if (!above[c]) {
            return false;
        }
        const html_cell& cell = t.rows[above[c]->first].cells[above[c]->second];
        if (cell.figure || cell.column < from || cell.column + cell.colspan > to) {
            return false;
        }
        if (std::find(owners.begin(), owners.end(), *above[c]) == owners.end()) {
            owners.push_back(*above[c]);
        }
    }
    for (const auto& [r, i] : owners) {
        ++t.rows[r].cells[i].rowspan;
    }
    return !owners.empty();
}

void vertical_merger::add(std::size_t r, std::size_t c, bool label, bool empty) {
    const html_cell& cell = t_.rows[r].cells[c];
    const auto key = std::make_pair(cell.column, cell.column + cell.colspan);
    auto it = open_.find(key);
    const bool continues = it != open_.end() && it->second.last_row + 1 == r;
    if (label && continues && (empty || !it->second.has_text)) {
        it->second.members.push_back({r, c});
        it->second.last_row = r;
        it->second.has_text = it->second.has_text || !empty;
        if (!empty) {
            it->second.text = {r, c};
        }
        return;
    }
    if (it != open_.end()) {
        close(it->second);
        open_.erase(it);
    }
    if (label) {
        group g;
        g.members.push_back({r, c});
        g.last_row = r;
        g.has_text = !empty;
        g.text = {r, c};
        open_.emplace(key, g);
    }
}

void vertical_merger::close(const group& g) {
    if (g.members.size() < 2) {
        return;
    }
    // HTML draws a row-spanning cell in its top row; it shows the text of the run.
    const auto [tr, tc] = g.members.front();
    html_cell& top = t_.rows[tr].cells[tc];
    const node_id shown = t_.rows[g.text.first].cells[g.text.second].node;
    top.rowspan = g.members.size();
    top.shown = shown;
    for (std::size_t m = 1; m < g.members.size(); ++m) {
        html_cell& c = t_.rows[g.members[m].first].cells[g.members[m].second];
        c.hidden = true;
        c.host = top.node;
    }
}

} // namespace nianbao::render::detail
