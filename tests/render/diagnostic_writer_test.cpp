// lib/render/{diagnostic,sarif}_writer.cpp: positions, the snippet, JSON and SARIF, byte for byte
// as the straightforward versions they replaced (kept here as the reference) write them.
#include <algorithm>

#include <boost/test/unit_test.hpp>
#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "lint/registry.hpp"
#include "render/diagnostic_writer.hpp"

using namespace nianbao;

namespace {

ast::document parse(std::string text) {
    return ast::parse(source::text{"t.txt", std::move(text), "UTF-8", ""});
}

lint::finding finding(std::uint32_t begin, std::uint32_t end, std::vector<lint::edit> edits = {}) {
    lint::finding f;
    f.rule = "text/half-width-punct";
    f.message_id = "io/open-failed"; // "cannot open file: {0}"
    f.level = source::severity::warning;
    f.where = {begin, end};
    f.args = {"x"};
    if (!edits.empty()) {
        f.fix = lint::fix{std::move(edits)};
    }
    return f;
}

// ---- the reference: the code before it was made faster -------------------------------------

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
    return s == source::severity::error     ? "\x1b[1;31m"
           : s == source::severity::warning ? "\x1b[1;33m"
                                            : "\x1b[1;36m";
}

std::string snippet(const ast::document& doc, const render::located_finding& l, bool colour) {
    const std::string_view line = doc.lines().line_text(l.begin.line);
    const auto line_start = static_cast<std::size_t>(line.data() - doc.text().data());
    std::size_t from = l.begin.offset - line_start;
    std::size_t to = std::min<std::size_t>(
        line.size(), l.end.line == l.begin.line ? l.end.offset - line_start : line.size());
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

std::string reference_human(const ast::document& doc,
                            const std::vector<render::located_finding>& found, bool colour) {
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

std::string reference_json_items(const std::vector<render::located_finding>& found,
                                 std::size_t& written) {
    std::string out;
    for (const auto& l : found) {
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
        out += written++ == 0 ? "\n    " : ",\n    ";
        for (const char c : d.dump(2, ' ', false, nlohmann::json::error_handler_t::replace)) {
            out += c;
            if (c == '\n') {
                out += "    ";
            }
        }
    }
    return out;
}

std::string sarif_level(source::severity s) {
    return s == source::severity::error     ? "error"
           : s == source::severity::warning ? "warning"
                                            : "note";
}

nlohmann::ordered_json region(source::position b, source::position e) {
    return {{"startLine", b.line},
            {"startColumn", b.column},
            {"endLine", e.line},
            {"endColumn", e.column}};
}

std::string reference_sarif(const std::vector<render::located_finding>& found,
                            const lint::registry& reg, source::lang lang) {
    nlohmann::ordered_json results = nlohmann::ordered_json::array();
    for (const auto& l : found) {
        nlohmann::ordered_json res;
        res["ruleId"] = l.finding.rule;
        const auto& rules = reg.rules();
        const auto it = std::find_if(rules.begin(), rules.end(), [&](const lint::rule_info& r) {
            return r.id == l.finding.rule;
        });
        if (it != rules.end()) {
            res["ruleIndex"] = it - rules.begin();
        }
        res["level"] = sarif_level(l.finding.level);
        res["message"] = {{"text", l.message}};
        res["locations"] = nlohmann::ordered_json::array(
            {{{"physicalLocation",
               {{"artifactLocation", {{"uri", l.file}}}, {"region", region(l.begin, l.end)}}}}});
        if (!l.edits.empty()) {
            nlohmann::ordered_json reps = nlohmann::ordered_json::array();
            for (const auto& e : l.edits) {
                reps.push_back({{"deletedRegion", region(e.begin, e.end)},
                                {"insertedContent", {{"text", e.replacement}}}});
            }
            res["fixes"] = nlohmann::ordered_json::array(
                {{{"description", {{"text", l.message}}},
                  {"artifactChanges",
                   nlohmann::ordered_json::array(
                       {{{"artifactLocation", {{"uri", l.file}}}, {"replacements", reps}}})}}});
        }
        results.push_back(std::move(res));
    }
    nlohmann::ordered_json rules = nlohmann::ordered_json::array();
    for (const auto& r : reg.rules()) {
        nlohmann::ordered_json messages;
        for (const auto& m : r.messages) {
            messages[m.id] = {{"text", lang == source::lang::zh ? m.zh : m.en}};
        }
        rules.push_back({{"id", r.id},
                         {"shortDescription", {{"text", r.summary}}},
                         {"fullDescription", {{"text", r.doc}}},
                         {"help", {{"text", r.doc}, {"markdown", r.doc}}},
                         {"defaultConfiguration", {{"level", sarif_level(r.default_severity)}}},
                         {"messageStrings", messages}});
    }
    nlohmann::ordered_json run;
    run["tool"] = {{"driver", {{"name", "nianbao"}, {"version", "0.1.0"}, {"rules", rules}}}};
    run["columnKind"] = "unicodeCodePoints";
    run["results"] = std::move(results);
    nlohmann::ordered_json log;
    log["$schema"] = "https://json.schemastore.org/sarif-2.1.0.json";
    log["version"] = "2.1.0";
    log["runs"] = nlohmann::ordered_json::array({run});
    return log.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

// Every offset of `findings` located from scratch, as the old sweep did.
void check_positions(const ast::document& doc, const std::vector<lint::finding>& findings) {
    const auto found = render::locate("t.txt", doc, findings, source::lang::en);
    BOOST_REQUIRE(found.size() == findings.size());
    for (std::size_t i = 0; i < found.size(); ++i) {
        const auto& f = findings[i];
        BOOST_TEST((found[i].begin == doc.lines().locate(f.where.begin)), "finding " << i);
        BOOST_TEST((found[i].end == doc.lines().locate(f.where.end)), "finding " << i);
        BOOST_TEST(found[i].message == "cannot open file: x");
        BOOST_REQUIRE(found[i].edits.size() == (f.fix ? f.fix->edits.size() : 0U));
        for (std::size_t e = 0; e < found[i].edits.size(); ++e) {
            const auto& edit = f.fix->edits[e];
            BOOST_TEST((found[i].edits[e].begin == doc.lines().locate(edit.where.begin)));
            BOOST_TEST((found[i].edits[e].end == doc.lines().locate(edit.where.end)));
            BOOST_TEST(found[i].edits[e].replacement == edit.replacement);
        }
    }
}

// A finding on every span [b, e) of the text with e - b <= max_span, in text order.
std::vector<lint::finding> all_spans(std::uint32_t size, std::uint32_t max_span) {
    std::vector<lint::finding> out;
    for (std::uint32_t b = 0; b <= size; ++b) {
        for (std::uint32_t e = b; e <= std::min(size, b + max_span); ++e) {
            out.push_back(finding(b, e));
        }
    }
    return out;
}

// Texts that reach every branch of the snippet: TABs, CJK, CRLF and a lone CR, a line just over
// 120 bytes that is narrow and one that is wide, one over 480 bytes, a paragraph longer than a
// 4 KiB block, an empty last line.
std::string tricky_text() {
    std::string t = "一、总体\t情况\r\n\tok 表格\tx\r\nlone\rcr 中\n\n";
    t += std::string(130, 'a') + "\n";         // > 120 bytes, 130 columns
    t += "a\t" + std::string(125, 'b') + "\n"; // > 120 bytes, TAB counts 0 raw
    for (int i = 0; i < 45; ++i) {
        t += i % 2 == 0 ? "公开" : "a,"; // > 120 bytes, about 135 columns
    }
    t += "\r\n";
    for (int i = 0; i < 200; ++i) {
        t += i % 7 == 0 ? "\t," : "政府"; // > 480 bytes
    }
    t += "\n";
    for (int i = 0; i < 1500; ++i) {
        t += "信息,"; // a paragraph over 4 KiB
    }
    t += "\nend";
    return t;
}

} // namespace

BOOST_AUTO_TEST_SUITE(render_diagnostic_writer)

BOOST_AUTO_TEST_CASE(locates_every_offset_as_the_line_index_does) {
    const std::string small = "前言\r\n一、总体\t情况\n\n终";
    const auto doc = parse(small);
    check_positions(doc, all_spans(static_cast<std::uint32_t>(small.size()), 12));
    // Edits before the finding, after it, on other lines and out of order; unsorted findings;
    // offsets past the end.
    const auto tricky = parse(tricky_text());
    const auto size = static_cast<std::uint32_t>(tricky.text().size());
    std::vector<lint::finding> findings;
    for (std::uint32_t b = 0; b + 40 <= size; b += 37) {
        findings.push_back(finding(b, b + 40 + b % 300,
                                   {{{b / 2, b / 2 + 1}, "，"},
                                    {{b + 3, b + 3}, ""},
                                    {{b + 1, b + 2}, "x"},
                                    {{size, size + 5}, "\n"}}));
    }
    findings.push_back(finding(5, 9));
    findings.push_back(finding(size, size));
    check_positions(tricky, findings);
}

BOOST_AUTO_TEST_CASE(writes_human_snippets_as_before) {
    const std::string text = tricky_text();
    const auto doc = parse(text);
    const auto size = static_cast<std::uint32_t>(text.size());
    // Spans starting at every code point boundary of the text, of a few lengths: zero-width,
    // one character, long (past 60 characters), and across lines.
    std::vector<lint::finding> findings;
    for (std::uint32_t b = 0; b <= size; ++b) {
        if (b < size && (static_cast<unsigned char>(text[b]) & 0xC0U) == 0x80U) {
            continue;
        }
        if (b > 0 && text[b] == '\n' && text[b - 1] == '\r') {
            continue; // the old code threw here: see shows_a_span_on_a_line_ending_at_the_end…
        }
        for (const std::uint32_t len : {0U, 1U, 3U, 200U, 5000U}) {
            const std::uint32_t e = std::min(size, b + len);
            if (e == size || (static_cast<unsigned char>(text[e]) & 0xC0U) != 0x80U) {
                auto f = finding(b, e);
                f.level = static_cast<source::severity>(b % 3);
                findings.push_back(std::move(f));
            }
        }
    }
    const auto found = render::locate("t.txt", doc, std::move(findings), source::lang::zh);
    for (const bool colour : {false, true}) {
        const std::string got = render::write_human(doc, found, colour);
        const std::string want = reference_human(doc, found, colour);
        BOOST_TEST(got.size() == want.size());
        BOOST_TEST((got == want),
                   "first difference at byte "
                       << std::mismatch(got.begin(), got.end(), want.begin(), want.end()).first
                              - got.begin());
    }
}

BOOST_AUTO_TEST_CASE(shows_a_span_on_a_line_ending_at_the_end_of_its_line) {
    // A span that starts on the LF of a CRLF, or on its CR, starts past the line shown (which
    // ends before the CR): the old code threw std::out_of_range; the caret now stands after the
    // line's last character.
    const auto doc = parse("ab\r\ncd\n");
    for (const std::uint32_t at : {2U, 3U}) {
        const auto found = render::locate("t.txt", doc, {finding(at, at)}, source::lang::en);
        const std::string out = render::write_human(doc, found, false);
        BOOST_TEST_CONTEXT(at) {
            BOOST_TEST(out.substr(out.find('\n') + 1) == "    1 | ab\n      |   ^\n");
        }
    }
    BOOST_CHECK_THROW(
        reference_human(doc, render::locate("t.txt", doc, {finding(3, 3)}, source::lang::en),
                        false),
        std::out_of_range);
}

BOOST_AUTO_TEST_CASE(writes_wide_line_numbers_and_ill_formed_lines_as_before) {
    // Line 100 000 has a six-digit gutter. In the ill-formed line, removing the CR joins
    // E4 B8 AD into 中; a lone lead byte and a stray continuation byte count nothing.
    std::string text(100000, '\n');
    text += "a\xE4\r\xB8\xAD\tb\xC3 c\x80 d";
    const auto doc = parse(text);
    const auto last = static_cast<std::uint32_t>(text.size());
    std::vector<lint::finding> findings;
    for (std::uint32_t b = last - 16; b <= last; ++b) {
        findings.push_back(finding(b, std::min(last, b + 4)));
    }
    findings.push_back(finding(99998, 99999));
    std::sort(findings.begin(), findings.end(),
              [](const auto& a, const auto& b) { return a.where.begin < b.where.begin; });
    const auto found = render::locate("t.txt", doc, std::move(findings), source::lang::en);
    BOOST_TEST(render::write_human(doc, found, false) == reference_human(doc, found, false));
}

BOOST_AUTO_TEST_CASE(formats_messages_as_before) {
    // Repeated, missing and two-digit placeholders, stray braces, a brace at the end.
    const std::string zh = "{0}{0}「{1}」{9} {x} {12} {{0}} }{1";
    const std::string en = "{1}: {";
    source::register_message("test/placeholders", zh, en);
    const auto reference = [](std::string_view pattern, const std::vector<std::string>& args) {
        std::string out;
        for (std::size_t i = 0; i < pattern.size(); ++i) {
            if (pattern[i] == '{' && i + 2 < pattern.size() && pattern[i + 2] == '}'
                && pattern[i + 1] >= '0' && pattern[i + 1] <= '9') {
                const auto n = static_cast<std::size_t>(pattern[i + 1] - '0');
                out += n < args.size() ? args[n] : std::string();
                i += 2;
            } else {
                out += pattern[i];
            }
        }
        return out;
    };
    for (const std::vector<std::string>& args :
         {std::vector<std::string>{}, {"甲"}, {"a", "一段很长的参数，超过十五个字节"}}) {
        BOOST_TEST(source::format_message("test/placeholders", source::lang::zh, args)
                   == reference(zh, args));
        BOOST_TEST(source::format_message("test/placeholders", source::lang::en, args)
                   == reference(en, args));
    }
    BOOST_TEST(source::format_message("no/such-id", source::lang::en, {"a", "b"})
               == "no/such-id a b");
}

BOOST_AUTO_TEST_CASE(writes_json_items_and_sarif_as_nlohmann_does) {
    // Escapes, wide and four-byte characters, and ill-formed UTF-8 (a truncated character, an
    // overlong form, a surrogate, a code point past U+10FFFF) in every string field.
    const std::vector<std::string> strings = {
        "",
        "t.txt",
        "路径/报告.txt",
        "a\"b\\c/d",
        std::string("\0\x01\b\t\n\x0b\f\r\x1f\x7f", 10),
        "\xE2\x80\xA8 \xF0\x9F\x98\x80 ，",
        "bad \xC3 \xE4\xB8 \xED\xA0\x80 \xF4\x90\x80\x80 \xC0\x80 \xFF end",
        "\x80",
        "\xE4\xB8\xAD\xE4",
        "12345678\xE4\xB8\xAD"
        "90abcdef\n"};
    const std::size_t n = strings.size();
    std::vector<render::located_finding> found;
    for (std::uint32_t i = 0; i < 3 * n; ++i) {
        render::located_finding l;
        l.file = strings[i % n];
        l.finding.rule = strings[(i + 1) % n];
        l.message = strings[(i + 2) % n];
        l.finding.level = static_cast<source::severity>(i % 3);
        l.begin = {i, i + 1, i + 2};
        l.end = {i + 3, 100000 + i, 4294967295U - i};
        for (std::uint32_t k = 0; k < i % 4; ++k) {
            l.edits.push_back({{k, k + 1, 1}, {k + 1, k + 1, 2}, strings[(i + k) % n]});
        }
        found.push_back(std::move(l));
    }
    for (const std::size_t start : {0U, 7U}) {
        std::size_t written = start;
        std::size_t expected_written = start;
        BOOST_TEST(render::json_items(found, written)
                   == reference_json_items(found, expected_written));
        BOOST_TEST(written == expected_written);
    }
    std::size_t none = 0;
    BOOST_TEST(render::json_items({}, none).empty());
    BOOST_TEST(none == 0U);
    // SARIF: results with and without a rule of the registry, fixes, ill-formed strings; and
    // no results at all.
    const auto& reg = lint::builtin_registry();
    for (std::size_t i = 0; i < found.size(); i += 3) {
        found[i].finding.rule = reg.rules()[i % reg.rules().size()].id;
    }
    for (const auto lang : {source::lang::zh, source::lang::en}) {
        BOOST_TEST(render::write_sarif(found, reg, lang) == reference_sarif(found, reg, lang));
        BOOST_TEST(render::write_sarif({}, reg, lang) == reference_sarif({}, reg, lang));
    }
    // The whole document of well-formed findings reads back as nlohmann writes it.
    found.resize(6);
    const std::string doc = render::write_json(found);
    BOOST_TEST(doc == nlohmann::ordered_json::parse(doc).dump(2) + "\n");
}

BOOST_AUTO_TEST_SUITE_END()
