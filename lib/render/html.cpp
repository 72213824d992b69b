// The HTML page of a report: the text set like an official document, tables with their merged
// cells, and findings highlighted where they point.
#include "render/html.hpp"

#include <algorithm>
#include <map>

#include <fmt/format.h>

#include "render/detail/html_parts.hpp"
#include "render/table_dialect.hpp"

namespace nianbao::render {

namespace {

using ast::node_id;
using ast::node_kind;

bool attachable(node_kind k) {
    return k == node_kind::title || k == node_kind::heading || k == node_kind::paragraph
           || k == node_kind::signature || k == node_kind::date || k == node_kind::table
           || k == node_kind::row || k == node_kind::cell;
}

} // namespace

// A page being written: which node each finding belongs to, then the blocks in order.
class html_page {
public:
    html_page(const ast::document& doc, const html_options& opts) : doc_(doc), opts_(opts) {
        for (std::size_t d = 0; d < opts.diagnostics.size(); ++d) {
            at_[target(opts.diagnostics[d].where)].push_back(d);
        }
    }

    std::string write();

private:
    // The deepest node the span lies in (a cell rather than its row); 0 for the whole report.
    node_id target(source::span s) const {
        node_id best = 0;
        for (node_id i = 1; i < doc_.nodes().size(); ++i) {
            const auto& n = doc_[i];
            if (!attachable(n.kind) || n.span.empty()) {
                continue;
            }
            const bool inside = s.empty() ? n.span.begin <= s.begin && s.begin < n.span.end
                                          : n.span.begin <= s.begin && s.end <= n.span.end;
            if (inside) {
                best = i;
            }
        }
        return best;
    }

    std::string severity_class(const std::vector<std::size_t>& ds) const {
        source::severity worst = source::severity::info;
        for (std::size_t d : ds) {
            worst = std::max(worst, opts_.diagnostics[d].level);
        }
        return std::string(source::name(worst));
    }

    std::string refs(const std::vector<std::size_t>& ds) const {
        std::string out;
        for (std::size_t d : ds) {
            out += fmt::format(R"(<sup class="ref"><a href="#d{0}">{0}</a></sup>)", d + 1);
        }
        return out;
    }

    std::string titles(const std::vector<std::size_t>& ds) const {
        std::string out;
        for (std::size_t d : ds) {
            out += (out.empty() ? "" : "\n") + opts_.diagnostics[d].message;
        }
        return detail::escape_html(out);
    }

    std::string notes(const std::vector<std::size_t>& ds) const;
    std::string marked_line(node_id id) const;
    std::string block(node_id id, std::string_view tag, std::string_view cls) const;
    std::string table(node_id id) const;
    std::string cell(const html_cell& c,
                     const std::map<node_id, std::vector<std::size_t>>& by_cell) const;

    const ast::document& doc_;
    const html_options& opts_;
    std::map<node_id, std::vector<std::size_t>> at_;
};

std::string html_page::notes(const std::vector<std::size_t>& ds) const {
    return detail::write_notes(opts_.diagnostics, ds, opts_.language);
}

namespace {

// Leading indentation (ASCII blanks, U+3000) that CSS replaces.
std::size_t indent_of(std::string_view s) {
    std::size_t n = 0;
    while (n < s.size()) {
        if (s[n] == ' ' || s[n] == '\t') {
            n += 1;
        } else if (s.substr(n, 3) == "\xE3\x80\x80") {
            n += 3;
        } else {
            break;
        }
    }
    return n;
}

// Moves a byte offset back to the start of its UTF-8 character.
std::size_t char_start(std::string_view s, std::size_t i) {
    while (i > 0 && i < s.size() && (static_cast<unsigned char>(s[i]) & 0xC0U) == 0x80U) {
        --i;
    }
    return i;
}

} // namespace

// A line of text with the words findings point at marked; a finding on the line as a whole (or
// on its line end) marks all of it.
std::string html_page::marked_line(node_id id) const {
    std::string_view line = ast::line_content(doc_, id);
    const std::size_t lead = indent_of(line);
    line.remove_prefix(lead);
    const std::size_t base = doc_[id].span.begin + lead;
    const auto it = at_.find(id);
    if (it == at_.end()) {
        return detail::escape_html(line);
    }
    struct range {
        std::size_t begin, end, diag;
    };
    std::vector<range> ranges;
    std::vector<std::size_t> cuts{0, line.size()};
    for (std::size_t d : it->second) {
        const auto w = opts_.diagnostics[d].where;
        std::size_t b = std::clamp<std::size_t>(w.begin, base, base + line.size()) - base;
        std::size_t e = std::clamp<std::size_t>(w.end, base, base + line.size()) - base;
        if (b >= e) {
            b = 0;
            e = line.size();
        }
        b = char_start(line, b);
        e = char_start(line, e);
        ranges.push_back({b, e, d});
        cuts.push_back(b);
        cuts.push_back(e);
    }
    std::sort(cuts.begin(), cuts.end());
    cuts.erase(std::unique(cuts.begin(), cuts.end()), cuts.end());
    std::string out;
    for (std::size_t k = 0; k + 1 < cuts.size(); ++k) {
        const std::size_t x = cuts[k];
        const std::size_t y = cuts[k + 1];
        std::vector<std::size_t> covering;
        std::vector<std::size_t> ending;
        for (const auto& r : ranges) {
            if (r.begin <= x && y <= r.end) {
                covering.push_back(r.diag);
            }
            if (r.end == y) {
                ending.push_back(r.diag);
            }
        }
        const std::string seg = detail::escape_html(line.substr(x, y - x));
        if (covering.empty()) {
            out += seg;
        } else {
            out += fmt::format(R"(<mark class="diag {}" title="{}">{}</mark>)",
                               severity_class(covering), titles(covering), seg);
        }
        out += refs(ending);
    }
    return out;
}

std::string html_page::block(node_id id, std::string_view tag, std::string_view cls) const {
    std::string out =
        fmt::format("<{}{}>", tag, cls.empty() ? "" : fmt::format(" class=\"{}\"", cls));
    out += marked_line(id);
    out += fmt::format("</{}>\n", tag);
    const auto it = at_.find(id);
    return it == at_.end() ? out : out + notes(it->second);
}

std::string html_page::cell(const html_cell& c,
                            const std::map<node_id, std::vector<std::size_t>>& by_cell) const {
    const text_dialect* d =
        find_text_dialect(ast::dialect_name(doc_, doc_[doc_[c.node].parent].parent));
    const grid_cell g = d != nullptr ? d->read_cell(doc_.raw(c.shown)) : grid_cell{};
    std::string content;
    for (std::size_t i = 0; i < g.lines.size(); ++i) {
        content += (i > 0 ? "<br>" : "") + detail::escape_html(g.lines[i]);
    }
    std::string cls = c.figure ? "num" : "";
    const auto it = by_cell.find(c.node);
    if (it != by_cell.end() && !it->second.empty()) {
        const std::string sev = severity_class(it->second);
        cls += (cls.empty() ? "" : " ") + std::string("diag ") + sev;
        content = fmt::format(R"(<mark class="diag {}" title="{}">{}</mark>{})", sev,
                              titles(it->second), content, refs(it->second));
    }
    const std::string_view tag = c.header && !c.figure ? "th" : "td";
    std::string attrs;
    if (c.colspan > 1) {
        attrs += fmt::format(" colspan=\"{}\"", c.colspan);
    }
    if (c.rowspan > 1) {
        attrs += fmt::format(" rowspan=\"{}\"", c.rowspan);
    }
    if (!cls.empty()) {
        attrs += fmt::format(" class=\"{}\"", cls);
    }
    return fmt::format("<{0}{1}>{2}</{0}>", tag, attrs, content);
}

std::string html_page::table(node_id id) const {
    const html_table t = lay_out_table(doc_, id, opts_.model);
    // Findings on a cell show on the cell that draws it; on a padding cell, on its row.
    std::map<node_id, std::vector<std::size_t>> by_cell;
    std::map<node_id, std::vector<std::size_t>> by_row;
    std::vector<std::size_t> all;
    const auto take = [&](node_id n, std::vector<std::size_t>& into) {
        if (const auto it = at_.find(n); it != at_.end()) {
            into.insert(into.end(), it->second.begin(), it->second.end());
            all.insert(all.end(), it->second.begin(), it->second.end());
        }
    };
    take(id, by_row[id]);
    for (const auto& row : t.rows) {
        take(row.node, by_row[row.node]);
        std::vector<node_id> drawn;
        for (const auto& c : row.cells) {
            take(c.node, by_cell[c.hidden ? c.host : c.node]);
            drawn.push_back(c.node);
        }
        for (node_id c : ast::row_cells(doc_, row.node)) {
            if (std::find(drawn.begin(), drawn.end(), c) == drawn.end()) {
                take(c, by_row[row.node]);
            }
        }
    }
    std::string out = "<table";
    if (!by_row[id].empty()) {
        out += fmt::format(R"( class="diag {}" title="{}")", severity_class(by_row[id]),
                           titles(by_row[id]));
    }
    out += ">\n";
    for (const auto& row : t.rows) {
        const auto& rd = by_row[row.node];
        out += rd.empty() ? "<tr>"
                          : fmt::format(R"(<tr class="diag {}" title="{}">)", severity_class(rd),
                                        titles(rd));
        std::string cells;
        for (const auto& c : row.cells) {
            if (!c.hidden) {
                cells += cell(c, by_cell);
            }
        }
        if (cells.empty()) {
            cells = fmt::format(R"(<td colspan="{}"></td>)", t.columns);
        }
        // A finding on the row itself is numbered in its last cell (a <tr> holds cells only).
        cells.insert(cells.rfind("</t"), refs(rd));
        out += cells;
        out += "</tr>\n";
    }
    out += "</table>\n";
    return out + notes(all);
}

std::string html_page::write() {
    std::string title = doc_.source().name;
    for (node_id i = 0; i < doc_.nodes().size(); ++i) {
        if (doc_[i].kind == node_kind::title) {
            title = std::string(ast::line_content(doc_, i));
            break;
        }
    }
    std::string out = "<!DOCTYPE html>\n<html lang=\"";
    out += opts_.language == source::lang::en ? "en" : "zh-CN";
    out += "\">\n<head>\n<meta charset=\"utf-8\">\n"
           "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
           "<meta name=\"generator\" content=\"nianbao\">\n";
    out += fmt::format("<title>{}</title>\n<style>{}</style>\n</head>\n<body>\n",
                       detail::escape_html(title), detail::page_style());
    const auto whole = at_.find(0);
    out += detail::write_summary(doc_, opts_.diagnostics,
                                 whole != at_.end() ? whole->second : std::vector<std::size_t>{},
                                 opts_.language);
    out += "<article>\n";
    const auto& nodes = doc_.nodes();
    for (node_id i = 1; i < nodes.size();) {
        switch (nodes[i].kind) {
        case node_kind::section:
            ++i;
            continue;
        case node_kind::title:
            out += block(i, "h1", "title");
            break;
        case node_kind::heading:
            out += block(i, fmt::format("h{}", std::clamp<int>(nodes[i].level + 1, 2, 5)), "");
            break;
        case node_kind::paragraph:
            out += block(i, "p", "");
            break;
        case node_kind::signature:
            out += block(i, "p", "signature");
            break;
        case node_kind::date:
            out += block(i, "p", "date");
            break;
        case node_kind::table:
            out += table(i);
            break;
        default:
            break;
        }
        i = nodes[i].subtree_end;
    }
    out += "</article>\n</body>\n</html>\n";
    return out;
}

std::string write_html(const ast::document& doc, const html_options& opts) {
    return html_page(doc, opts).write();
}

} // namespace nianbao::render
