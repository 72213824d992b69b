// lib/render/{diagnostic,sarif}_writer.cpp: positions, messages, JSON and SARIF, byte for byte
// as the straightforward versions they replaced (kept here as the reference) write them.
#include <algorithm>

#include <boost/test/unit_test.hpp>
#include <nlohmann/json.hpp>

#include "lint/registry.hpp"
#include "render/diagnostic_support.hpp"
#include "render/diagnostic_writer.hpp"

using namespace nianbao;
using test::finding;
using test::parse;

namespace {

// ---- the reference: the code before it was made faster -------------------------------------

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

} // namespace

BOOST_AUTO_TEST_SUITE(render_diagnostic_writer)

BOOST_AUTO_TEST_CASE(locates_every_offset_as_the_line_index_does) {
    const std::string small = "前言\r\n一、总体\t情况\n\n终";
    const auto doc = parse(small);
    check_positions(doc, all_spans(static_cast<std::uint32_t>(small.size()), 12));
    // Edits before the finding, after it, on other lines and out of order; unsorted findings;
    // offsets past the end.
    const auto tricky = parse(test::tricky_text());
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

BOOST_AUTO_TEST_CASE(formats_each_finding_with_its_own_message_and_resolves_edits_if_asked) {
    // Runs of one message and changes of message, a message the catalogue lacks, both languages;
    // with and without the edits of fixes.
    source::register_message("test/one", "一{0}", "one {0}");
    source::register_message("test/two", "二「{1}」{0}", "two {1} {0}");
    const auto doc = parse("前言\r\n一、总体\t情况\n\n终");
    const std::vector<std::string> ids = {"test/one", "test/one", "test/two", "no/such-id",
                                          "test/two", "test/two", "test/one", "io/open-failed"};
    std::vector<lint::finding> findings;
    for (std::uint32_t i = 0; i < ids.size(); ++i) {
        auto f = finding(i, i + 2, {{{i + 1, i + 2}, "，"}});
        f.message_id = ids[i];
        f.args = {std::to_string(i), "参数"};
        findings.push_back(std::move(f));
    }
    const std::string file = "报告.txt";
    for (const auto lang : {source::lang::zh, source::lang::en}) {
        for (const bool edits : {true, false}) {
            const auto found = render::locate(file, doc, findings, lang, {.edits = edits});
            BOOST_REQUIRE(found.size() == findings.size());
            for (std::size_t i = 0; i < found.size(); ++i) {
                BOOST_TEST_CONTEXT(i << (edits ? " with edits" : "")) {
                    BOOST_TEST(found[i].message
                               == source::format_message(ids[i], lang, findings[i].args));
                    BOOST_TEST(found[i].file == file);
                    BOOST_TEST(found[i].finding.fix.has_value());
                    BOOST_TEST(found[i].edits.size() == (edits ? 1U : 0U));
                    BOOST_TEST(found[i].finding.args.empty()); // used up by the message
                }
            }
        }
    }
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
        // Written in pieces, as a batch does: one report's findings at a time, some with none.
        const std::span<const render::located_finding> all(found);
        std::size_t written = 0;
        std::string pieces = render::sarif_begin(reg, lang);
        pieces += render::sarif_items(all.first(0), reg, written);
        pieces += render::sarif_items(all.first(2), reg, written);
        pieces += render::sarif_items(all.subspan(2, 0), reg, written);
        pieces += render::sarif_items(all.subspan(2), reg, written);
        pieces += render::sarif_end(written);
        BOOST_TEST(written == found.size());
        BOOST_TEST(pieces == reference_sarif(found, reg, lang));
    }
    // The whole document of well-formed findings reads back as nlohmann writes it.
    found.resize(6);
    const std::string doc = render::write_json(found);
    BOOST_TEST(doc == nlohmann::ordered_json::parse(doc).dump(2) + "\n");
}

BOOST_AUTO_TEST_SUITE_END()
