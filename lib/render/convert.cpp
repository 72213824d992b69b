// Converting tables between text dialects, and the texts a change of layout must keep.
#include "render/convert.hpp"

#include <algorithm>

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

} // namespace

namespace {
std::vector<std::pair<std::string, node_id>> layout_items(const ast::document& doc);
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
        const std::uint32_t earlier_end = previous_end;
        previous_end = span.end;
        const table_grid grid = read_table(doc, i);
        // Written after the lines that precede it here, back to the last blank line (or the
        // previous table, or the start of the text). Both found by fuzzing convert: a tab
        // table's first row takes in the lines before it when they can be its cell (a TAB-led
        // line and its continuation lines), an empty first cell is a line holding only a TAB,
        // which after a blank line reads as one more blank line, and a first line at the start
        // of the text may be the title.
        const std::string_view all = doc.text();
        std::size_t from = span.begin;
        bool after_blank = from == 0;
        while (from > earlier_end) {
            const std::size_t eol = from - 1; // the '\n' ending the line before `from`
            const std::size_t nl = eol == 0 ? std::string_view::npos : all.rfind('\n', eol - 1);
            const std::size_t start = nl == std::string_view::npos ? 0 : nl + 1;
            if (start < earlier_end) {
                break;
            }
            std::string_view line = all.substr(start, eol - start);
            if (line.ends_with('\r')) {
                line.remove_suffix(1);
            }
            if (is_blank_line(line)) {
                after_blank = true;
                break;
            }
            from = start;
            after_blank = start == 0;
        }
        {
            // At the start of the text nothing goes before it: there its first line may read
            // as the title.
            // With the document's line ending, as convert writes it (found by fuzzing: a CRLF
            // document's table written with LF read differently after CRLF lines).
            const std::string eol(document_eol(doc));
            std::string text;
            if (from != 0) {
                text = "一、表格" + eol + (after_blank ? eol : "");
            }
            text += all.substr(from, span.begin - from);
            to.write_table(grid, write_context{eol}, text);
            text += eol + "二、其他" + eol;
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
    }
    // Then the whole text: a table can also change how the text around it reads, where no
    // single table's probe shows it (found by fuzzing: the rows of a table and of the next one
    // merging with the lines between them). The table blamed is the first one that ends after
    // the first difference, else the last one.
    const ast::document back = ast::parse(source::text{"", convert_tables(doc, to), "UTF-8", ""});
    const auto a = layout_items(doc);
    const auto b = layout_items(back);
    std::size_t k = 0;
    while (k < a.size() && k < b.size() && a[k].first == b[k].first) {
        ++k;
    }
    if (k == a.size() && k == b.size()) {
        return 0;
    }
    const std::uint32_t at =
        k < a.size() ? doc[a[k].second].span.begin : static_cast<std::uint32_t>(doc.text().size());
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

namespace {

// The layout texts with the node each comes from.
std::vector<std::pair<std::string, node_id>> layout_items(const ast::document& doc) {
    std::vector<std::pair<std::string, node_id>> out;
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

} // namespace

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
    std::size_t i = 0;
    while (i < a.size() && i < b.size() && a[i].first == b[i].first) {
        ++i;
    }
    if (i == a.size() && i == b.size()) {
        return {};
    }
    // Where it happens: the line of the original (or its end), then what each side has there.
    const std::uint32_t line =
        i < a.size() ? before.begin_position(a[i].second).line : before.lines().line_count();
    const auto item = [](const auto& v, std::size_t k) {
        return k < v.size() ? v[k].first : std::string("(end)");
    };
    return "line " + std::to_string(line) + ": " + item(a, i) + " → " + item(b, i);
}

} // namespace nianbao::render
