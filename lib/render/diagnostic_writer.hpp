// Printing lint findings: human (source line and caret), JSON, SARIF 2.1.0, GitHub annotations.
#pragma once

#include <span>
#include <string>
#include <vector>

#include "ast/tree.hpp"
#include "lint/lint.hpp"
#include "lint/registry.hpp"

namespace nianbao::render {

/// A finding with its file, positions and message text resolved.
struct located_finding {
    std::string_view file; ///< the name given to locate, which must outlive the finding
    lint::finding finding;
    source::position begin;
    source::position end; ///< exclusive
    std::string message;
    struct located_edit {
        source::position begin;
        source::position end;
        std::string replacement;
    };
    std::vector<located_edit> edits; ///< the fix, if any
};

/// What locate resolves besides each finding's span and message.
struct locate_options {
    bool edits = true; ///< the positions of each fix's edits (JSON and SARIF show them)
};

/// Resolves the positions and messages of one report's findings (which it takes over). The
/// findings view `file`, which must outlive them. Each finding's `args` go into its message and
/// are not kept (a report can have hundreds of thousands of findings).
std::vector<located_finding> locate(std::string_view file, const ast::document& doc,
                                    std::vector<lint::finding> findings, source::lang lang,
                                    locate_options opts = {});

/// `file:line:column: severity: message [rule]`, the source line and a caret under the span,
/// aligned by display width (CJK = 2 columns, TAB shown as 4 spaces). ANSI colour if `colour`.
/// The findings of a report may be written a slice at a time: the pieces add up to the whole.
std::string write_human(const ast::document& doc, std::span<const located_finding> found,
                        bool colour);

/// Counts by severity.
struct tally {
    std::size_t errors = 0;
    std::size_t warnings = 0;
    std::size_t infos = 0;
    std::size_t fixable = 0;
    std::size_t files = 0;
    void add(const std::vector<located_finding>& found);
};

/// The closing summary line of the human format.
std::string write_summary(const tally& t, source::lang lang, bool colour);

/// `{"version":1,"diagnostics":[…]}` with one object per finding (and its `fix`).
std::string write_json(const std::vector<located_finding>& found);

/// The same document written in pieces, so that a batch holds no more than one report's
/// findings: json_begin(), then json_items() for each report's findings, then json_end().
/// `written` counts the items so far (commas and the empty array depend on it).
std::string json_begin();
std::string json_items(std::span<const located_finding> found, std::size_t& written);
std::string json_end(std::size_t written);

/// A SARIF 2.1.0 log with the rules' metadata; columns are Unicode code points.
std::string write_sarif(const std::vector<located_finding>& found, const lint::registry& reg,
                        source::lang lang);

/// The same log written in pieces, as json_begin/json_items/json_end: sarif_begin() (everything
/// up to the results), sarif_items() for each report's findings, then sarif_end().
std::string sarif_begin(const lint::registry& reg, source::lang lang);
std::string sarif_items(std::span<const located_finding> found, const lint::registry& reg,
                        std::size_t& written);
std::string sarif_end(std::size_t written);

/// GitHub Actions workflow commands: `::error file=…,line=…,col=…,…::message`.
std::string write_github(std::span<const located_finding> found);

/// A unified diff (`---`/`+++`, hunks with three lines of context) between two texts.
std::string unified_diff(const std::string& path, std::string_view before, std::string_view after);

} // namespace nianbao::render
