// Converting tables between text dialects, and the texts a change of layout must keep.
#include "render/convert.hpp"

#include <algorithm>
#include <optional>

#include "ast/table/dialect_support.hpp"
#include "render/detail/text_lines.hpp"

namespace nianbao::render {

namespace {

using ast::node_id;
using ast::node_kind;
using detail::ends_with_bar;
using detail::is_blank_line;
using detail::line_at;
using detail::trim_end;

// The line that ends just before `pos`, a line start; "" at the start of the text.
std::string_view line_before(std::string_view text, std::size_t pos) {
    if (pos < 2) {
        return {};
    }
    const std::size_t nl = text.rfind('\n', pos - 2);
    return line_at(text, nl == std::string_view::npos ? 0 : nl + 1);
}

bool needs_gap_before(std::string_view to, std::string_view previous_line) {
    return to != "tab" && ends_with_bar(previous_line);
}

bool needs_gap_after(std::string_view to, std::string_view next_line) {
    if (is_blank_line(next_line)) {
        return false;
    }
    if (to == "tab") {
        return next_line.starts_with('\t') || ast::table::tab_continues_cell(next_line);
    }
    return ends_with_bar(next_line);
}

} // namespace

namespace {

bool only_blank_lines(std::string_view text) {
    for (std::size_t pos = 0; pos < text.size();) {
        const std::size_t nl = text.find('\n', pos);
        if (!is_blank_line(text.substr(pos, nl == std::string_view::npos ? nl : nl - pos))) {
            return false;
        }
        pos = nl == std::string_view::npos ? text.size() : nl + 1;
    }
    return true;
}

bool same_grid(const table_grid& a, const table_grid& b) {
    return std::equal(a.rows.begin(), a.rows.end(), b.rows.begin(), b.rows.end(),
                      [](const grid_row& x, const grid_row& y) {
                          return std::equal(x.begin(), x.end(), y.begin(), y.end(),
                                            [](const grid_cell& p, const grid_cell& q) {
                                                return p.lines == q.lines;
                                            });
                      });
}

using layout_list = std::vector<std::pair<std::string, node_id>>;

// The layout texts with the node each comes from.
layout_list layout_items(const ast::document& doc) {
    layout_list out;
    const auto trimmed = [&](node_id id) {
        return std::string(trim_end(ast::line_content(doc, id)));
    };
    for (node_id i = 0; i < doc.nodes().size(); ++i) {
        switch (doc[i].kind) {
        case node_kind::title:
        case node_kind::paragraph:
        case node_kind::signature:
        case node_kind::date:
            out.emplace_back(std::string(grammar::name(doc[i].kind)) + ' ' + trimmed(i), i);
            break;
        case node_kind::heading:
            out.emplace_back("heading " + std::string(ast::heading_marker(doc, i)) + ' '
                                 + ast::heading_title(doc, i),
                             i);
            break;
        case node_kind::table:
        case node_kind::row:
            out.emplace_back(std::string(grammar::name(doc[i].kind)), i);
            break;
        case node_kind::cell:
            out.emplace_back("cell " + ast::cell_text(doc, i), i);
            break;
        default:
            break;
        }
    }
    return out;
}

// Where two layout lists first differ: an index (the size of the shorter when one is a prefix
// of the other), or nothing when they are the same.
std::optional<std::size_t> first_mismatch(const layout_list& a, const layout_list& b) {
    const auto [ia, ib] =
        std::mismatch(a.begin(), a.end(), b.begin(), b.end(),
                      [](const auto& x, const auto& y) { return x.first == y.first; });
    if (ia == a.end() && ib == b.end()) {
        return std::nullopt;
    }
    return static_cast<std::size_t>(ia - a.begin());
}

} // namespace

ast::node_id first_unwritable_table(const ast::document& doc, const text_dialect& to) {
    std::uint32_t previous_end = 0;
    for (node_id i = 0; i < doc.nodes().size(); ++i) {
        if (doc[i].kind != node_kind::table) {
            continue;
        }
        // In tab a blank line separates rows: two tables with only blank lines between are one.
        const auto& span = doc[i].span;
        if (to.id == "tab" && previous_end > 0
            && only_blank_lines(doc.text().substr(previous_end, span.begin - previous_end))) {
            return i;
        }
        previous_end = span.end;
        // The table alone, between two headings: does the layout read back its rows?
        const table_grid grid = read_table(doc, i);
        std::string text = "一、表格\n";
        to.write_table(grid, {}, text);
        text += "\n二、其他\n";
        const ast::document back = ast::parse(source::text{"", std::move(text), "UTF-8", ""});
        std::vector<node_id> tables;
        for (node_id j = 0; j < back.nodes().size(); ++j) {
            if (back[j].kind == node_kind::table) {
                tables.push_back(j);
            }
        }
        if (tables.size() != 1 || ast::dialect_name(back, tables[0]) != to.id
            || !same_grid(read_table(back, tables[0]), grid)) {
            return i;
        }
    }
    // Then the whole text, written as convert writes it: a table can change how the text
    // around it reads (found by fuzzing convert: a tab row taking in the TAB-led lines before
    // it, an empty first cell after a blank line read as one more blank line, a first line at
    // the start of the text read as the title). The table blamed is the first one that ends
    // after the first difference, else the last one.
    const ast::document back = ast::parse(source::text{"", convert_tables(doc, to), "UTF-8", ""});
    const auto a = layout_items(doc);
    const auto k = first_mismatch(a, layout_items(back));
    if (!k) {
        return 0;
    }
    const std::uint32_t at = *k < a.size() ? doc[a[*k].second].span.begin
                                           : static_cast<std::uint32_t>(doc.text().size());
    node_id last = 0;
    for (node_id i = 0; i < doc.nodes().size(); ++i) {
        if (doc[i].kind == node_kind::table) {
            if (doc[i].span.end > at) {
                return i;
            }
            last = i;
        }
    }
    return last;
}

std::string convert_tables(const ast::document& doc, const text_dialect& to) {
    const std::string_view text = doc.text();
    const write_context ctx{document_eol(doc)};
    std::string out;
    out.reserve(text.size() + text.size() / 4);
    std::size_t pos = 0;
    for (node_id i = 0; i < doc.nodes().size(); ++i) {
        if (doc[i].kind != node_kind::table) {
            continue;
        }
        const auto& span = doc[i].span;
        out.append(text.substr(pos, span.begin - pos));
        if (needs_gap_before(to.id, line_before(text, span.begin))) {
            out += ctx.eol;
        }
        to.write_table(read_table(doc, i), ctx, out);
        pos = span.end;
        if (pos < text.size() && needs_gap_after(to.id, line_at(text, pos))) {
            out += ctx.eol;
        }
    }
    out.append(text.substr(pos));
    return out;
}

std::vector<std::string> layout_texts(const ast::document& doc) {
    std::vector<std::string> out;
    for (auto& [text, node] : layout_items(doc)) {
        out.push_back(std::move(text));
    }
    return out;
}

std::size_t first_difference(const std::vector<std::string>& a, const std::vector<std::string>& b) {
    const auto [ia, ib] = std::mismatch(a.begin(), a.end(), b.begin(), b.end());
    if (ia == a.end() && ib == b.end()) {
        return static_cast<std::size_t>(-1);
    }
    return static_cast<std::size_t>(ia - a.begin());
}

std::string compare_layout(const ast::document& before, std::string after) {
    const ast::document reparsed = ast::parse(source::text{"", std::move(after), "UTF-8", ""});
    const auto a = layout_items(before);
    const auto b = layout_items(reparsed);
    const auto diff = first_mismatch(a, b);
    if (!diff) {
        return {};
    }
    const std::size_t i = *diff;
    // Where it happens: the line of the original (or its end), then what each side has there.
    const std::uint32_t line =
        i < a.size() ? before.begin_position(a[i].second).line : before.lines().line_count();
    const auto item = [](const auto& v, std::size_t k) {
        return k < v.size() ? v[k].first : std::string("(end)");
    };
    return "line " + std::to_string(line) + ": " + item(a, i) + " → " + item(b, i);
}

} // namespace nianbao::render
