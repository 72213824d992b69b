// The canonical layout of a report (`nianbao fmt`).
#include <string>
#include <vector>

#include "render/convert.hpp"
#include "render/detail/text_lines.hpp"

namespace nianbao::render {

namespace {

using ast::node_id;
using ast::node_kind;
using detail::ends_with_bar;
using detail::line_at;
using detail::trim_end;

// A line of the canonical layout before blank lines are settled.
struct layout_line {
    std::string text;
    bool table = false;     ///< written by a table writer (never trimmed or merged)
    bool table_end = false; ///< the last line of a table
};

// Splits text into lines without their line ends; a last line without one counts.
void split_lines(std::string_view text, bool table, std::vector<layout_line>& out) {
    std::size_t pos = 0;
    while (pos < text.size()) {
        const std::string_view line = line_at(text, pos);
        out.push_back({table ? std::string(line) : std::string(trim_end(line)), table, false});
        const std::size_t nl = text.find('\n', pos);
        pos = nl == std::string_view::npos ? text.size() : nl + 1;
    }
}

std::vector<layout_line> canonical_lines(const ast::document& doc, const format_options& opts) {
    const std::string_view text = doc.text();
    const write_context ctx{"\n"};
    std::vector<layout_line> lines;
    std::size_t pos = 0;
    for (node_id i = 0; i < doc.nodes().size(); ++i) {
        if (doc[i].kind != node_kind::table) {
            continue;
        }
        split_lines(text.substr(pos, doc[i].span.begin - pos), false, lines);
        const text_dialect* d =
            opts.dialect != nullptr ? opts.dialect : find_text_dialect(ast::dialect_name(doc, i));
        std::string written;
        d->write_table(read_table(doc, i), ctx, written);
        split_lines(written, true, lines);
        lines.back().table_end = true;
        pos = doc[i].span.end;
    }
    split_lines(text.substr(pos), false, lines);
    return lines;
}

} // namespace

std::string format_document(const ast::document& doc, const format_options& opts) {
    const std::vector<layout_line> lines = canonical_lines(doc, opts);
    const std::string_view eol = document_eol(doc);
    std::string out;
    out.reserve(doc.text().size() + doc.text().size() / 4);
    bool blank_due = false; // blank lines were skipped since the last line written
    const layout_line* previous = nullptr;
    for (const auto& line : lines) {
        if (!line.table && line.text.empty()) {
            blank_due = previous != nullptr;
            continue;
        }
        const bool table_start =
            line.table && (previous == nullptr || !previous->table || previous->table_end);
        if (previous != nullptr
            && (blank_due || previous->table_end
                || (table_start && !previous->table && ends_with_bar(previous->text)))) {
            out += eol;
        }
        blank_due = false;
        out += line.text;
        out += eol;
        previous = &line;
    }
    return out;
}

} // namespace nianbao::render
