// Diagnostic printers. Every format reports line and column in code points (DESIGN contract).
#include "render/diagnostic_writer.hpp"

#include <algorithm>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

namespace nianbao::render {

namespace {

// The position of `to`, counted on from `from` when both are on one line (else looked up).
source::position advance(const ast::document& doc, source::position from, std::uint32_t to) {
    const std::string_view text = doc.text();
    // Far apart, the line index is quicker than walking: it finds the line by binary search and
    // counts columns from a checkpoint at most 4 KiB back.
    constexpr std::uint32_t walk_limit = 256;
    if (to < from.offset || to - from.offset > walk_limit) {
        return doc.lines().locate(to);
    }
    source::position p = from;
    for (std::uint32_t i = from.offset; i < to; ++i) {
        if (text[i] == '\n' || text[i] == '\r') {
            return doc.lines().locate(to);
        }
        p.column += (static_cast<unsigned char>(text[i]) & 0xC0U) != 0x80U ? 1U : 0U;
    }
    p.offset = to;
    return p;
}

// Positions of many offsets, computed in one sweep over the sorted offsets: findings on one
// long line (a paragraph of 100 000 commas) cost linear time, not quadratic.
class position_table {
public:
    position_table(const ast::document& doc, std::vector<std::uint32_t> offsets)
        : offsets_(std::move(offsets)) {
        std::sort(offsets_.begin(), offsets_.end());
        offsets_.erase(std::unique(offsets_.begin(), offsets_.end()), offsets_.end());
        positions_.reserve(offsets_.size());
        for (std::size_t i = 0; i < offsets_.size(); ++i) {
            positions_.push_back(i == 0 ? doc.lines().locate(offsets_[i])
                                        : advance(doc, positions_.back(), offsets_[i]));
        }
    }
    source::position operator()(std::uint32_t offset) const {
        const auto it = std::lower_bound(offsets_.begin(), offsets_.end(), offset);
        return positions_[static_cast<std::size_t>(it - offsets_.begin())];
    }

private:
    std::vector<std::uint32_t> offsets_;
    std::vector<source::position> positions_;
};

} // namespace

std::vector<located_finding> locate(const std::string& file, const ast::document& doc,
                                    std::vector<lint::finding> findings, source::lang lang) {
    std::vector<std::uint32_t> offsets;
    for (const auto& f : findings) {
        offsets.push_back(f.where.begin);
        offsets.push_back(f.where.end);
        if (f.fix) {
            for (const auto& e : f.fix->edits) {
                offsets.push_back(e.where.begin);
                offsets.push_back(e.where.end);
            }
        }
    }
    const position_table at(doc, std::move(offsets));
    std::vector<located_finding> out;
    out.reserve(findings.size());
    for (auto& f : findings) {
        located_finding l;
        l.file = file;
        l.begin = at(f.where.begin);
        l.end = at(f.where.end);
        l.message = source::format_message(f.message_id, lang, f.args);
        if (f.fix) {
            l.edits.reserve(f.fix->edits.size());
            for (const auto& e : f.fix->edits) {
                l.edits.push_back({at(e.where.begin), at(e.where.end), e.replacement});
            }
        }
        l.finding = std::move(f);
        out.push_back(std::move(l));
    }
    return out;
}

namespace {

std::string expand_tabs(std::string_view s) {
    std::string out;
    for (char c : s) {
        if (c == '\t') {
            out += "    ";
        } else if (c != '\r') {
            out += c;
        }
    }
    return out;
}

// Byte offset `n` code points before / after `at` in valid UTF-8.
std::size_t back_chars(std::string_view s, std::size_t at, int n) {
    while (at > 0 && n > 0) {
        --at;
        while (at > 0 && (static_cast<unsigned char>(s[at]) & 0xC0U) == 0x80U) {
            --at;
        }
        --n;
    }
    return at;
}

std::size_t forward_chars(std::string_view s, std::size_t at, int n) {
    while (at < s.size() && n > 0) {
        ++at;
        while (at < s.size() && (static_cast<unsigned char>(s[at]) & 0xC0U) == 0x80U) {
            ++at;
        }
        --n;
    }
    return at;
}

const char* colour_of(source::severity s) {
    switch (s) {
    case source::severity::error:
        return "\x1b[1;31m";
    case source::severity::warning:
        return "\x1b[1;33m";
    case source::severity::info:
        return "\x1b[1;36m";
    }
    return "";
}

// The source line and a caret line under the span's part on its first line.
std::string snippet(const ast::document& doc, const located_finding& l, bool colour) {
    const std::string_view line = doc.lines().line_text(l.begin.line);
    // The line is a view into the document's text, so its offset is its distance from the start.
    const auto line_start = static_cast<std::size_t>(line.data() - doc.text().data());
    std::size_t from = l.begin.offset - line_start;
    std::size_t to = std::min<std::size_t>(
        line.size(), l.end.line == l.begin.line ? l.end.offset - line_start : line.size());
    // Long lines (a whole paragraph) are shown as a window of 24 characters on each side, and a
    // long span by its first 60 characters (measuring a huge line once per finding would be
    // quadratic, so its byte length decides first).
    std::string shown;
    if (line.size() > 480 || (line.size() > 120 && source::display_width(line) > 120)) {
        to = std::min(to, forward_chars(line, from, 60));
        const std::size_t first = back_chars(line, from, 24);
        const std::size_t last = forward_chars(line, to, 24);
        shown = (first > 0 ? "…" : "") + std::string(line.substr(first, last - first))
                + (last < line.size() ? "…" : "");
        const std::size_t lead = first > 0 ? std::string_view("…").size() : 0;
        from = from - first + lead;
        to = to - first + lead;
    } else {
        shown = std::string(line);
    }
    const std::string_view view = shown;
    const std::size_t pad = source::display_width(expand_tabs(view.substr(0, from)));
    const std::size_t width =
        std::max<std::size_t>(1, source::display_width(expand_tabs(view.substr(from, to - from))));
    const std::string gutter = fmt::format("{:>5} | ", l.begin.line);
    std::string caret = std::string(pad, ' ') + "^" + std::string(width - 1, '~');
    if (colour) {
        caret = std::string(colour_of(l.finding.level)) + caret + "\x1b[0m";
    }
    return gutter + expand_tabs(view) + "\n" + std::string(gutter.size() - 2, ' ') + "| " + caret
           + "\n";
}

} // namespace

std::string write_human(const ast::document& doc, const std::vector<located_finding>& found,
                        bool colour) {
    std::string out;
    for (const auto& l : found) {
        const std::string sev(source::name(l.finding.level));
        out += fmt::format("{}:{}:{}: {}{}{}: {} [{}]\n", l.file, l.begin.line, l.begin.column,
                           colour ? colour_of(l.finding.level) : "", sev, colour ? "\x1b[0m" : "",
                           l.message, l.finding.rule);
        out += snippet(doc, l, colour);
    }
    return out;
}

void tally::add(const std::vector<located_finding>& found) {
    ++files;
    for (const auto& l : found) {
        switch (l.finding.level) {
        case source::severity::error:
            ++errors;
            break;
        case source::severity::warning:
            ++warnings;
            break;
        case source::severity::info:
            ++infos;
            break;
        }
        fixable += l.finding.fix ? 1U : 0U;
    }
}

std::string write_summary(const tally& t, source::lang lang, bool colour) {
    std::string s =
        lang == source::lang::zh
            ? fmt::format("共 {} 个错误、{} 个警告、{} 个提示（{} 个文件）", t.errors, t.warnings,
                          t.infos, t.files)
            : fmt::format("{} error{}, {} warning{}, {} info{} in {} file{}", t.errors,
                          t.errors == 1 ? "" : "s", t.warnings, t.warnings == 1 ? "" : "s", t.infos,
                          t.infos == 1 ? "" : "s", t.files, t.files == 1 ? "" : "s");
    if (t.fixable > 0) {
        s += lang == source::lang::zh ? fmt::format("；{} 个可用 --fix 自动修复", t.fixable)
                                      : fmt::format("; {} fixable with --fix", t.fixable);
    }
    if (colour) {
        s = "\x1b[1m" + s + "\x1b[0m";
    }
    return s + "\n";
}

namespace {

nlohmann::ordered_json diagnostic_json(const located_finding& l) {
    nlohmann::ordered_json d;
    d["file"] = l.file;
    d["rule"] = l.finding.rule;
    d["severity"] = source::name(l.finding.level);
    d["line"] = l.begin.line;
    d["column"] = l.begin.column;
    d["end_line"] = l.end.line;
    d["end_column"] = l.end.column;
    d["message"] = l.message;
    if (!l.edits.empty()) {
        nlohmann::ordered_json edits = nlohmann::ordered_json::array();
        for (const auto& e : l.edits) {
            edits.push_back({{"line", e.begin.line},
                             {"column", e.begin.column},
                             {"end_line", e.end.line},
                             {"end_column", e.end.column},
                             {"replacement", e.replacement}});
        }
        d["fix"] = {{"edits", edits}};
    }
    return d;
}

} // namespace

// Written as nlohmann's dump(2) would write the whole document: items indented by four.
std::string json_begin() {
    return "{\n  \"version\": 1,\n  \"diagnostics\": [";
}

std::string json_items(const std::vector<located_finding>& found, std::size_t& written) {
    std::string out;
    for (const auto& l : found) {
        out += written++ == 0 ? "\n    " : ",\n    ";
        const std::string item =
            diagnostic_json(l).dump(2, ' ', false, nlohmann::json::error_handler_t::replace);
        for (const char c : item) {
            out += c;
            if (c == '\n') {
                out += "    ";
            }
        }
    }
    return out;
}

std::string json_end(std::size_t written) {
    return written == 0 ? "]\n}\n" : "\n  ]\n}\n";
}

std::string write_json(const std::vector<located_finding>& found) {
    std::size_t written = 0;
    std::string out = json_begin();
    out += json_items(found, written);
    out += json_end(written);
    return out;
}

} // namespace nianbao::render
