// text/: punctuation and invisible blanks, each with a safe fix (byte-span replacements).
#include <algorithm>

#include "lint/lint.hpp"
#include "lint/rules/all.hpp"
#include "lint/rules/text_scan.hpp"

namespace nianbao::lint {

namespace {

// One finding per line, at its first mark, with one fix for the whole line: a paragraph typed
// with half-width commas is one thing to fix, not forty.
void half_width(context& ctx) {
    for (auto& found : half_width_lines(ctx.doc().text())) {
        // The arguments are moved in: an initializer list would copy them.
        std::vector<std::string> args;
        args.reserve(3);
        args.push_back(std::move(found.half));
        args.push_back(std::move(found.full));
        if (found.marks > 1) {
            args.push_back(std::to_string(found.marks));
        }
        auto& f =
            ctx.report(found.marks == 1 ? "text/half-width-punct" : "text/half-width-punct.line",
                       found.first, std::move(args));
        f.fix = lint::fix{std::move(found.edits)};
    }
}

// True if `s` holds nothing but spaces, TABs, U+00A0 and U+3000: what cell_text trims to
// nothing without being asked.
bool only_blanks(std::string_view s) {
    for (std::size_t i = 0; i < s.size();) {
        if (s[i] == ' ' || s[i] == '\t') {
            ++i;
        } else if (const std::uint32_t n = stray_blank_at(s, i); n != 0) {
            i += n;
        } else {
            return false;
        }
    }
    return true;
}

// Adds the removal of every U+00A0 and U+3000 of `cell` to `edits`; `covered` gets their offsets.
void empty_cell(std::string_view text, source::span cell, std::vector<edit>& edits,
                std::vector<std::uint32_t>& covered) {
    const std::string_view within = text.substr(0, cell.end);
    for (std::uint32_t i = cell.begin; i < cell.end;) {
        if (const std::uint32_t n = stray_blank_at(within, i); n != 0) {
            edits.push_back({{i, i + n}, ""});
            covered.push_back(i);
            i += n;
        } else {
            ++i;
        }
    }
}

// The cell of table `t` that holds byte `b`, or 0 if none does (it lies in a separator).
ast::node_id cell_holding(const ast::document& doc, ast::node_id t, std::uint32_t b) {
    // Nodes come in text order, each within its parent's span: the cell holding `b`, if any, is
    // the last node of the table that starts at or before `b`, or an ancestor of it.
    const auto& nodes = doc.nodes();
    const auto last = std::upper_bound(
        nodes.begin() + t + 1, nodes.begin() + doc[t].subtree_end, b,
        [](std::uint32_t offset, const ast::node& n) { return offset < n.span.begin; });
    for (auto c = static_cast<ast::node_id>(last - nodes.begin()) - 1; c > t; c = doc[c].parent) {
        if (doc[c].kind == ast::node_kind::cell && b < doc[c].span.end) {
            return c;
        }
    }
    return 0;
}

// Cells holding nothing but U+00A0 or U+3000: one finding per table, fixed together. Returns
// the offsets of the blanks they cover, ascending. Only the cells that hold a blank are looked
// at.
std::vector<std::uint32_t> blank_cells(context& ctx, const std::vector<std::uint32_t>& blanks) {
    const auto& doc = ctx.doc();
    std::vector<std::uint32_t> covered;
    // Tables hold rows and cells, never another table: the walk skips their subtrees.
    for (ast::node_id t = 0; t < doc.nodes().size();
         t = doc[t].kind == ast::node_kind::table ? std::max(t + 1, doc[t].subtree_end) : t + 1) {
        if (doc[t].kind != ast::node_kind::table) {
            continue;
        }
        std::vector<edit> edits;
        source::span first;
        std::size_t cells = 0;
        ast::node_id seen = 0;
        for (auto b = std::lower_bound(blanks.begin(), blanks.end(), doc[t].span.begin);
             b != blanks.end() && *b < doc[t].span.end; ++b) {
            const ast::node_id c = cell_holding(doc, t, *b);
            if (c == 0 || c == seen
                || !(only_blanks(doc.raw(c)) || ast::cell_text(doc, c).empty())) {
                continue;
            }
            seen = c;
            const auto before = edits.size();
            empty_cell(doc.text(), doc[c].span, edits, covered);
            if (edits.size() > before && cells++ == 0) {
                first = edits[before].where;
            }
        }
        if (!edits.empty()) {
            auto& f = ctx.report("text/stray-space.cells", first, {std::to_string(cells)});
            f.fix = lint::fix{std::move(edits)};
        }
    }
    std::sort(covered.begin(), covered.end());
    return covered;
}

// Only the lines holding a blank that no blank cell covers are read: the others have nothing
// more to report.
void stray_space(context& ctx) {
    const std::string_view text = ctx.doc().text();
    const std::vector<std::uint32_t> blanks = stray_blank_offsets(text);
    if (blanks.empty()) {
        return;
    }
    const std::vector<std::uint32_t> covered = blank_cells(ctx, blanks);
    table_cursor tables(ctx.doc());
    auto cover = covered.begin(); // the blanks of the cells are some of `blanks`
    for (auto blank = blanks.begin(); blank != blanks.end();) {
        while (cover != covered.end() && *cover < *blank) {
            ++cover;
        }
        if (cover != covered.end() && *cover == *blank) {
            ++blank;
            continue;
        }
        const source::span line = line_around(text, *blank);
        const auto first = std::lower_bound(blanks.begin(), blank, line.begin);
        const auto last = std::lower_bound(blank, blanks.end(), line.end);
        const std::uint32_t end =
            tables.inside(line.begin) ? line.end : trailing_of(text, line).begin;
        for (const auto& run : stray_runs(text, line, end, {first, last})) {
            if (std::binary_search(covered.begin(), covered.end(), run.where.begin)) {
                continue;
            }
            auto& f = ctx.report("text/stray-space", run.where, {run.name});
            f.fix = lint::fix{{{run.where, run.replacement}}};
        }
        blank = last;
    }
}

void trailing(context& ctx) {
    table_cursor tables(ctx.doc());
    for (const auto& [line, t] : lines_ending_in_blanks(ctx.doc().text())) {
        if (tables.inside(line.begin)) {
            continue;
        }
        const source::span where{t.begin, line.end};
        auto& f = ctx.report("text/trailing-space", where, {std::to_string(t.count)});
        f.fix = lint::fix{{{where, ""}}};
    }
}

} // namespace

void register_text_rules(registry& reg) {
    reg.add({"text/half-width-punct",
             source::severity::warning,
             "half-width punctuation between Chinese characters",
             "Chinese text takes full-width punctuation (GB/T 15834). A half-width `,` `:` `;` "
             "`?` `!` between two Chinese characters, or a pair of half-width parentheses next "
             "to or around Chinese text, is replaced by its full-width form with `--fix`: "
             "`2020年,我镇` → `2020年，我镇`, `(一)概述` → `（一）概述`. Labels are compared "
             "without punctuation, so the fix never changes how tables bind. A line with several "
             "such marks is reported once, at the first.",
             {{"text/half-width-punct", "半角标点「{0}」用在中文之间，应为全角「{1}」",
               "half-width \"{0}\" between Chinese characters; use the full-width \"{1}\""},
              {"text/half-width-punct.line",
               "半角标点「{0}」用在中文之间，应为全角「{1}」（本行共 {2} 处，--fix 一并修正）",
               "half-width \"{0}\" between Chinese characters; use the full-width \"{1}\" ({2} "
               "such marks on this line, fixed together by --fix)"}},
             true,
             half_width});
    reg.add({"text/stray-space",
             source::severity::warning,
             "a no-break space (U+00A0) or an ideographic space (U+3000) inside the text",
             "Text copied from web pages keeps `&nbsp;` as U+00A0, and U+3000 appears inside "
             "lines; both are invisible, break searches and make cells look filled. U+3000 used "
             "to indent a paragraph is fine. `--fix` removes them between Chinese characters and "
             "turns them into a space elsewhere; table cells that hold only such blanks are "
             "reported once per table and emptied.",
             {{"text/stray-space", "不可见空白 {0}，应删除或改为普通空格",
               "invisible blank {0}; remove it or use a plain space"},
              {"text/stray-space.cells", "本表 {0} 个空单元格中含有不可见空白（U+00A0/U+3000）",
               "{0} blank cells of this table hold invisible blanks (U+00A0/U+3000)"}},
             true,
             stray_space});
    reg.add({"text/trailing-space",
             source::severity::info,
             "blanks at the end of a line",
             "Spaces, TABs, U+00A0 or U+3000 before a line break (outside tables, where a TAB "
             "can separate cells) carry nothing and are removed by `--fix`: `行尾有 2 个空白字符`.",
             {{"text/trailing-space", "行尾有 {0} 个空白字符",
               "{0} blank characters at the end "
               "of the line"}},
             true,
             trailing});
}

} // namespace nianbao::lint
