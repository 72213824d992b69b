// SARIF 2.1.0, GitHub annotations and unified diffs of fixes.
#include <algorithm>
#include <array>
#include <charconv>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "render/diagnostic_writer.hpp"
#include "render/json_writer.hpp"

namespace nianbao::render {

using namespace std::string_view_literals;

namespace {

std::string sarif_level(source::severity s) {
    return s == source::severity::error     ? "error"
           : s == source::severity::warning ? "warning"
                                            : "note";
}

nlohmann::ordered_json sarif_rules(const lint::registry& reg, source::lang lang) {
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
    return rules;
}

} // namespace

namespace {

void region(json_writer& w, std::string_view key, source::position b, source::position e) {
    w.key(key).begin_object();
    w.key("startLine").unsigned_integer(b.line);
    w.key("startColumn").unsigned_integer(b.column);
    w.key("endLine").unsigned_integer(e.line);
    w.key("endColumn").unsigned_integer(e.column);
    w.end_object();
}

// One result as it sits in the log's results array (in runs[0], four levels down), written
// directly: building a nlohmann object per result and dumping it cost most of the format's time.
void append_result(std::string& out, const located_finding& l, const lint::registry& reg) {
    json_writer w(out, 2, 4);
    w.begin_object();
    w.key("ruleId").string(l.finding.rule);
    const auto& rules = reg.rules();
    const auto it = std::find_if(rules.begin(), rules.end(),
                                 [&](const lint::rule_info& r) { return r.id == l.finding.rule; });
    if (it != rules.end()) {
        w.key("ruleIndex").integer(it - rules.begin());
    }
    w.key("level").string(sarif_level(l.finding.level));
    w.key("message").begin_object().key("text").string(l.message).end_object();
    w.key("locations").begin_array().begin_object();
    w.key("physicalLocation").begin_object();
    w.key("artifactLocation").begin_object().key("uri").string(l.file).end_object();
    region(w, "region", l.begin, l.end);
    w.end_object().end_object().end_array();
    if (!l.edits.empty()) {
        w.key("fixes").begin_array().begin_object();
        w.key("description").begin_object().key("text").string(l.message).end_object();
        w.key("artifactChanges").begin_array().begin_object();
        w.key("artifactLocation").begin_object().key("uri").string(l.file).end_object();
        w.key("replacements").begin_array();
        for (const auto& e : l.edits) {
            w.begin_object();
            region(w, "deletedRegion", e.begin, e.end);
            w.key("insertedContent").begin_object().key("text").string(e.replacement);
            w.end_object().end_object();
        }
        w.end_array().end_object().end_array().end_object().end_array();
    }
    w.end_object();
}

// What closes the results array (at six spaces when it holds anything) and the log after it.
constexpr std::string_view log_tail = "\n    }\n  ]\n}\n";

} // namespace

std::string sarif_begin(const lint::registry& reg, source::lang lang) {
    // The log with an empty results array, dumped by nlohmann; the results, written directly in
    // its layout, then take the place of that "[]" (results is the log's last member).
    nlohmann::ordered_json run;
    run["tool"] = {
        {"driver", {{"name", "nianbao"}, {"version", "0.1.0"}, {"rules", sarif_rules(reg, lang)}}}};
    run["columnKind"] = "unicodeCodePoints";
    run["results"] = nlohmann::ordered_json::array();
    nlohmann::ordered_json log;
    log["$schema"] = "https://json.schemastore.org/sarif-2.1.0.json";
    log["version"] = "2.1.0";
    log["runs"] = nlohmann::ordered_json::array({run});
    std::string out = log.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
    out.resize(out.size() - log_tail.size() - 1); // "[" stays open
    return out;
}

std::string sarif_items(std::span<const located_finding> found, const lint::registry& reg,
                        std::size_t& written) {
    std::string out;
    for (const auto& l : found) {
        out += written++ == 0 ? "\n        "sv : ",\n        "sv;
        append_result(out, l, reg);
    }
    return out;
}

std::string sarif_end(std::size_t written) {
    return std::string(written == 0 ? "]" : "\n      ]") + std::string(log_tail);
}

std::string write_sarif(const std::vector<located_finding>& found, const lint::registry& reg,
                        source::lang lang) {
    std::size_t written = 0;
    std::string out = sarif_begin(reg, lang);
    out += sarif_items(found, reg, written);
    out += sarif_end(written);
    return out;
}

namespace {

// Workflow-command escaping: data escapes % CR LF; properties also , and :.
std::string escape(std::string_view s, bool property) {
    std::string out;
    for (char c : s) {
        if (c == '%') {
            out += "%25";
        } else if (c == '\r') {
            out += "%0D";
        } else if (c == '\n') {
            out += "%0A";
        } else if (property && c == ':') {
            out += "%3A";
        } else if (property && c == ',') {
            out += "%2C";
        } else {
            out += c;
        }
    }
    return out;
}

} // namespace

std::string write_github(std::span<const located_finding> found) {
    std::string out;
    for (const auto& l : found) {
        const char* kind = l.finding.level == source::severity::error     ? "error"
                           : l.finding.level == source::severity::warning ? "warning"
                                                                          : "notice";
        out += fmt::format("::{} file={},line={},col={},endLine={},endColumn={},title={}::{}\n",
                           kind, escape(l.file, true), l.begin.line, l.begin.column, l.end.line,
                           l.end.column, escape(l.finding.rule, true),
                           escape(fmt::format("{} [{}]", l.message, l.finding.rule), false));
    }
    return out;
}

namespace {

std::vector<std::string_view> lines_of(std::string_view s) {
    std::vector<std::string_view> out;
    std::size_t start = 0;
    while (start < s.size()) {
        const auto nl = s.find('\n', start);
        const auto end = nl == std::string_view::npos ? s.size() : nl + 1;
        out.push_back(s.substr(start, end - start));
        start = end;
    }
    return out;
}

struct op {
    char kind; // ' ', '-', '+'
    std::string_view line;
};

// Line edit script by LCS between the common prefix and suffix (fixes rarely move lines).
std::vector<op> script(const std::vector<std::string_view>& a,
                       const std::vector<std::string_view>& b) {
    std::size_t pre = 0;
    while (pre < a.size() && pre < b.size() && a[pre] == b[pre]) {
        ++pre;
    }
    std::size_t suf = 0;
    while (suf < a.size() - pre && suf < b.size() - pre
           && a[a.size() - 1 - suf] == b[b.size() - 1 - suf]) {
        ++suf;
    }
    const std::size_t n = a.size() - pre - suf;
    const std::size_t m = b.size() - pre - suf;
    std::vector<op> out;
    for (std::size_t i = 0; i < pre; ++i) {
        out.push_back({' ', a[i]});
    }
    std::vector<std::vector<std::uint32_t>> lcs(n + 1, std::vector<std::uint32_t>(m + 1, 0));
    for (std::size_t i = n; i-- > 0;) {
        for (std::size_t j = m; j-- > 0;) {
            lcs[i][j] = a[pre + i] == b[pre + j] ? lcs[i + 1][j + 1] + 1
                                                 : std::max(lcs[i + 1][j], lcs[i][j + 1]);
        }
    }
    std::size_t i = 0;
    std::size_t j = 0;
    while (i < n || j < m) {
        if (i < n && j < m && a[pre + i] == b[pre + j]) {
            out.push_back({' ', a[pre + i]});
            ++i;
            ++j;
        } else if (i < n && (j == m || lcs[i + 1][j] >= lcs[i][j + 1])) {
            out.push_back({'-', a[pre + i++]});
        } else {
            out.push_back({'+', b[pre + j++]});
        }
    }
    for (std::size_t k = a.size() - suf; k < a.size(); ++k) {
        out.push_back({' ', a[k]});
    }
    return out;
}

} // namespace

std::string unified_diff(const std::string& path, std::string_view before, std::string_view after) {
    if (before == after) {
        return {};
    }
    const auto ops = script(lines_of(before), lines_of(after));
    std::string out = "--- " + path + "\n+++ " + path + " (fixed)\n";
    constexpr std::size_t context = 3;
    std::size_t k = 0;
    while (k < ops.size()) {
        if (ops[k].kind == ' ') {
            ++k;
            continue;
        }
        // A hunk: from `context` lines before this change to `context` after the last change
        // that is within 2 × context of the previous one.
        std::size_t start = k >= context ? k - context : 0;
        std::size_t end = k;
        for (std::size_t x = k; x < ops.size(); ++x) {
            if (ops[x].kind != ' ') {
                end = x;
            } else if (x - end > 2 * context) {
                break;
            }
        }
        end = std::min(ops.size(), end + context + 1);
        std::size_t old_line = 1;
        std::size_t new_line = 1;
        for (std::size_t x = 0; x < start; ++x) {
            old_line += ops[x].kind != '+' ? 1U : 0U;
            new_line += ops[x].kind != '-' ? 1U : 0U;
        }
        std::size_t old_count = 0;
        std::size_t new_count = 0;
        std::string body;
        for (std::size_t x = start; x < end; ++x) {
            old_count += ops[x].kind != '+' ? 1U : 0U;
            new_count += ops[x].kind != '-' ? 1U : 0U;
            body += ops[x].kind;
            body += ops[x].line;
            if (!ops[x].line.ends_with('\n')) {
                body += "\n\\ No newline at end of file\n";
            }
        }
        out += fmt::format("@@ -{},{} +{},{} @@\n", old_line, old_count, new_line, new_count);
        out += body;
        k = end;
    }
    return out;
}

} // namespace nianbao::render
