// Diagnostic printers. Every format reports line and column in code points (DESIGN contract).
#include "render/diagnostic_writer.hpp"

#include <algorithm>
#include <array>
#include <charconv>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "render/json_writer.hpp"
#include "source/messages.hpp"

namespace nianbao::render {

using namespace std::string_view_literals;

namespace {

// The catalogue text of each message id met, by the id's address: within one call two ids of
// one address and size are one id, as the findings keep their ids alive. Findings come in runs
// of a few messages, and a hash lookup costs more than a whole finding otherwise.
class message_cache {
public:
    const source::message_text* operator()(std::string_view id, source::lang lang) {
        slot& s = slots_[(reinterpret_cast<std::uintptr_t>(id.data()) >> 3U) % slots_.size()];
        if (s.id != id.data() || s.size != id.size()) {
            s = {id.data(), id.size(), source::message_pattern(id, lang)};
        }
        return s.text;
    }

private:
    struct slot {
        const char* id = nullptr;
        std::size_t size = 0;
        const source::message_text* text = nullptr;
    };
    std::array<slot, 16> slots_{};
};

} // namespace

std::vector<located_finding> locate(std::string_view file, const ast::document& doc,
                                    std::vector<lint::finding> findings, source::lang lang,
                                    locate_options opts) {
    const source::line_index& lines = doc.lines();
    std::vector<located_finding> out(findings.size());
    // Each position is counted on from an earlier one: findings come sorted by their start, and
    // a span's end and its edits mostly lie shortly after it, so a paragraph of 100 000 findings
    // costs linear time. An offset on another line is looked up (a binary search).
    source::position last; // offset 0: line 1, column 1
    message_cache messages;
    for (std::size_t i = 0; i < findings.size(); ++i) {
        lint::finding& f = findings[i];
        located_finding& l = out[i];
        l.file = file;
        l.begin = lines.locate(f.where.begin, last);
        l.end = lines.locate(f.where.end, l.begin);
        if (const source::message_text* text = messages(f.message_id, lang); text != nullptr) {
            text->append_to(l.message, f.args);
        } else {
            l.message = source::format_message(f.message_id, lang, f.args);
        }
        std::vector<std::string>().swap(f.args); // in the message now
        if (f.fix && opts.edits) {
            l.edits.reserve(f.fix->edits.size());
            source::position at = l.begin;
            for (const auto& e : f.fix->edits) {
                const source::position begin = lines.locate(e.where.begin, at);
                l.edits.push_back({begin, lines.locate(e.where.end, begin), e.replacement});
                at = begin;
            }
        }
        l.finding = std::move(f);
        last = l.begin;
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

namespace {

void append_number(std::string& out, std::uint32_t n) {
    std::array<char, 10> digits{};
    const auto end = std::to_chars(digits.data(), digits.data() + digits.size(), n).ptr;
    out.append(digits.data(), end);
}

// The four position members of a diagnostic (after its message's comma) or of an edit (first in
// it), each a ready `,\n`, indent and key: one append a member.
struct position_keys {
    std::string_view line;
    std::string_view column;
    std::string_view end_line;
    std::string_view end_column;
};
constexpr position_keys item_keys{",\n      \"line\": ", ",\n      \"column\": ",
                                  ",\n      \"end_line\": ", ",\n      \"end_column\": "};
constexpr position_keys edit_keys{
    "\n            \"line\": ", ",\n            \"column\": ", ",\n            \"end_line\": ",
    ",\n            \"end_column\": "};

void append_position(std::string& out, const position_keys& keys, source::position begin,
                     source::position end) {
    out += keys.line;
    append_number(out, begin.line);
    out += keys.column;
    append_number(out, begin.column);
    out += keys.end_line;
    append_number(out, end.line);
    out += keys.end_column;
    append_number(out, end.column);
}

// One diagnostic as nlohmann's dump(2) writes the object (its keys in this order), indented by
// four more, as it sits in the "diagnostics" array.
void append_json_item(std::string& out, const located_finding& l) {
    out += "{\n      \"file\": "sv;
    append_json_string(out, l.file);
    out += ",\n      \"rule\": "sv;
    append_json_string(out, l.finding.rule);
    out += ",\n      \"severity\": "sv;
    append_json_string(out, source::name(l.finding.level));
    append_position(out, item_keys, l.begin, l.end);
    out += ",\n      \"message\": "sv;
    append_json_string(out, l.message);
    if (!l.edits.empty()) {
        out += ",\n      \"fix\": {\n        \"edits\": ["sv;
        for (std::size_t i = 0; i < l.edits.size(); ++i) {
            out += i == 0 ? "\n          {"sv : ",\n          {"sv;
            append_position(out, edit_keys, l.edits[i].begin, l.edits[i].end);
            out += ",\n            \"replacement\": "sv;
            append_json_string(out, l.edits[i].replacement);
            out += "\n          }"sv;
        }
        out += "\n        ]\n      }"sv;
    }
    out += "\n    }"sv;
}

} // namespace

// Written as nlohmann's dump(2) would write the whole document: items indented by four.
std::string json_begin() {
    return "{\n  \"version\": 1,\n  \"diagnostics\": [";
}

std::string json_items(std::span<const located_finding> found, std::size_t& written) {
    std::string out;
    for (const auto& l : found) {
        out += written++ == 0 ? "\n    "sv : ",\n    "sv;
        append_json_item(out, l);
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
