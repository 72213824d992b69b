// Running the lint rules on a parsed, bound report: findings with spans, arguments and fixes.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "ast/tree.hpp"
#include "lint/registry.hpp"
#include "model/binding.hpp"
#include "source/diagnostic.hpp"
#include "source/span.hpp"

namespace nianbao::lint {

/// One replacement of a byte span of the decoded text.
struct edit {
    source::span where;
    std::string replacement;
};

/// A safe fix: edits that never overlap, in text order.
struct fix {
    std::vector<edit> edits;
};

/// A rule or message id held by a finding: a view of the registry's copy, which lives as long as
/// the program, so that reporting copies no string. Converts to std::string where a copy is
/// wanted; a temporary string, which would not outlive the view, is refused.
class id_ref : public std::string_view {
public:
    constexpr id_ref() noexcept = default;
    constexpr id_ref(std::string_view id) noexcept : std::string_view(id) {}
    constexpr id_ref(const char* id) noexcept : std::string_view(id) {}
    id_ref(const std::string& id) noexcept : std::string_view(id) {}
    id_ref(std::string&&) = delete;
    operator std::string() const { return std::string(data(), size()); }
};

/// One finding of one rule.
struct finding {
    id_ref rule;       ///< "figures/equation"
    id_ref message_id; ///< the catalogue id of its message
    source::severity level = source::severity::warning;
    source::span where;
    std::vector<std::string> args;
    std::optional<lint::fix> fix;
};

/// Which rules run and at what severity.
struct options {
    std::vector<std::string>
        select; ///< rule ids or families ("figures", "table/caption"); empty: all
    std::vector<std::string> ignore; ///< rule ids or families to skip
    std::map<std::string, std::optional<source::severity>, std::less<>>
        severities; ///< per rule id or family: a severity, or nullopt for "off"
};

/// True if `rule` is named by `pattern`: the same id, or its family ("table" or "table/").
bool rule_matches(std::string_view pattern, std::string_view rule);

/// What a rule sees and how it reports.
class context {
public:
    context(const ast::document& doc, const model::report_model& model, std::vector<finding>& out)
        : doc_(doc), model_(model), out_(out) {}

    const ast::document& doc() const noexcept { return doc_; }
    const model::report_model& model() const noexcept { return model_; }

    /// Reports the message `message_id` at `where`; the rule and its severity come from the
    /// registry. Returns the finding so that a fix can be attached.
    finding& report(std::string_view message_id, source::span where,
                    std::vector<std::string> args = {});
    /// Reports at a node's content (a cell's text without padding, a leaf without its line end).
    finding& report_node(std::string_view message_id, ast::node_id node,
                         std::vector<std::string> args = {});

private:
    const ast::document& doc_;
    const model::report_model& model_;
    std::vector<finding>& out_;
    // The message reported last and what it resolved to: rules report in runs of one message.
    id_ref last_rule_;
    id_ref last_message_;
    source::severity last_level_ = source::severity::error;
};

/// Runs every enabled rule and returns the findings sorted by position, then rule id, with the
/// configured severities applied and disabled rules removed.
std::vector<finding> run(const ast::document& doc, const model::report_model& model,
                         const options& opts = {});

/// Applies the fixes of `findings` to `text`, skipping any fix that overlaps one already taken.
/// Returns the new text; `applied` counts the fixes used.
std::string apply_fixes(std::string_view text, const std::vector<finding>& findings,
                        std::size_t* applied = nullptr);

/// Names a cell for messages: its row label and column label ("（七）总计 自然人").
std::string cell_name(const model::bound_table& table, const model::bound_row& row,
                      std::size_t column);

/// Formats a figure: integers without decimals, others in shortest form ("1190.1").
std::string format_number(double value);

} // namespace nianbao::lint
