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

// Writes JSON laid out as nlohmann's dump(2) lays it out, from a given depth: each member or
// element on a line of its own, indented two spaces a level; empty containers as {} and [].
class pretty_writer {
public:
    pretty_writer(std::string& out, int depth) : out_(out), depth_(depth) {}

    void open(std::string_view key, char bracket) {
        member(key);
        out_ += bracket;
        firsts_.push_back(true);
        ++depth_;
    }
    void close(char bracket) {
        --depth_;
        if (!firsts_.back()) {
            out_ += '\n';
            indent();
        }
        firsts_.pop_back();
        out_ += bracket;
    }
    void string(std::string_view key, std::string_view value) {
        member(key);
        append_json_string(out_, value);
    }
    void number(std::string_view key, std::int64_t value) {
        member(key);
        std::array<char, 24> digits{};
        out_.append(digits.data(),
                    std::to_chars(digits.data(), digits.data() + digits.size(), value).ptr);
    }
    void region(std::string_view key, source::position b, source::position e) {
        open(key, '{');
        number("startLine", b.line);
        number("startColumn", b.column);
        number("endLine", e.line);
        number("endColumn", e.column);
        close('}');
    }

private:
    // The comma, line break and indent before a member or element, and the key if a member
    // (keys here are identifiers: nothing to escape).
    void member(std::string_view key) {
        if (!firsts_.empty()) {
            out_ += firsts_.back() ? "\n"sv : ",\n"sv;
            firsts_.back() = false;
            indent();
        }
        if (!key.empty()) {
            out_ += '"';
            out_ += key;
            out_ += "\": "sv;
        }
    }
    void indent() {
        static constexpr std::string_view blanks = "                                ";
        for (std::size_t n = 2 * static_cast<std::size_t>(depth_); n > 0;) {
            const std::size_t run = std::min(n, blanks.size());
            out_ += blanks.substr(0, run);
            n -= run;
        }
    }

    std::string& out_;
    int depth_;
    std::vector<bool> firsts_; // per open container: nothing written in it yet
};

// The results array as it sits in the log (in runs[0], three levels down), written directly:
// building a nlohmann object per result and dumping it cost most of the format's time.
std::string sarif_results(const std::vector<located_finding>& found, const lint::registry& reg) {
    std::string out;
    pretty_writer w(out, 3);
    w.open("", '[');
    const auto& rules = reg.rules();
    for (const auto& l : found) {
        w.open("", '{');
        w.string("ruleId", l.finding.rule);
        const auto it = std::find_if(rules.begin(), rules.end(), [&](const lint::rule_info& r) {
            return r.id == l.finding.rule;
        });
        if (it != rules.end()) {
            w.number("ruleIndex", it - rules.begin());
        }
        w.string("level", sarif_level(l.finding.level));
        w.open("message", '{');
        w.string("text", l.message);
        w.close('}');
        w.open("locations", '[');
        w.open("", '{');
        w.open("physicalLocation", '{');
        w.open("artifactLocation", '{');
        w.string("uri", l.file);
        w.close('}');
        w.region("region", l.begin, l.end);
        w.close('}');
        w.close('}');
        w.close(']');
        if (!l.edits.empty()) {
            w.open("fixes", '[');
            w.open("", '{');
            w.open("description", '{');
            w.string("text", l.message);
            w.close('}');
            w.open("artifactChanges", '[');
            w.open("", '{');
            w.open("artifactLocation", '{');
            w.string("uri", l.file);
            w.close('}');
            w.open("replacements", '[');
            for (const auto& e : l.edits) {
                w.open("", '{');
                w.region("deletedRegion", e.begin, e.end);
                w.open("insertedContent", '{');
                w.string("text", e.replacement);
                w.close('}');
                w.close('}');
            }
            w.close(']');
            w.close('}');
            w.close(']');
            w.close('}');
            w.close(']');
        }
        w.close('}');
    }
    w.close(']');
    return out;
}

} // namespace

std::string write_sarif(const std::vector<located_finding>& found, const lint::registry& reg,
                        source::lang lang) {
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
    constexpr std::string_view tail = "[]\n    }\n  ]\n}\n";
    out.replace(out.size() - tail.size(), 2, sarif_results(found, reg));
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

std::string write_github(const std::vector<located_finding>& found) {
    std::string out;
    for (const auto& l : found) {
        const char* kind = l.finding.level == source::severity::error     ? "error"
                           : l.finding.level == source::severity::warning ? "warning"
                                                                          : "notice";
        out += fmt::format("::{} file={},line={},col={},endLine={},endColumn={},title={}::{}\n",
                           kind, escape(l.file, true), l.begin.line, l.begin.column, l.end.line,
                           l.end.column, escape(l.finding.rule, true),
                           escape(l.message + " [" + l.finding.rule + "]", false));
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
