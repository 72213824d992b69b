// The rule registry: every lint rule's id, default severity, documentation and message ids.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "source/diagnostic.hpp"

namespace nianbao::lint {

class context;

/// A rule's check: reads the tree and the model, reports through the context.
using rule_fn = void (*)(context&);

/// A message of a rule: its id in the lib/source catalogue and its text in both languages.
struct message_info {
    std::string id; ///< "figures/equation" or "outline/intro-parts.listed"
    std::string zh;
    std::string en;
};

/// What the registry knows about one rule.
struct rule_info {
    std::string id; ///< "family/name", lowercase kebab after the slash
    source::severity default_severity = source::severity::warning;
    std::string summary;                ///< one line
    std::string doc;                    ///< one Markdown paragraph with an example
    std::vector<message_info> messages; ///< the messages the rule reports
    bool fixable = false;               ///< it attaches safe fixes to its findings
    rule_fn check = nullptr;            ///< what runs the rule
};

/// All rules, in registration order, with a lookup from message id to rule.
class registry {
public:
    /// Adds a rule and registers its messages in the catalogue.
    void add(rule_info rule);
    const std::vector<rule_info>& rules() const noexcept { return rules_; }
    /// The rule with this id, or nullptr.
    const rule_info* find(std::string_view id) const;
    /// The rule a message id belongs to, or nullptr.
    const rule_info* rule_of_message(std::string_view message_id) const;
    /// The rules sorted by id (for listings and docs).
    std::vector<const rule_info*> sorted() const;

private:
    std::vector<rule_info> rules_;
    std::map<std::string, std::size_t, std::less<>> by_message_; ///< message id → first rule
};

/// The built-in rules (every family, registered once on first use).
const registry& builtin_registry();

/// Markdown documentation of every rule in `reg`: the text of docs/rules.md.
std::string rules_markdown(const registry& reg);

/// Parses "off"/"info"/"warning"/"error"; false if unknown ("off" sets `off`).
bool parse_severity(std::string_view text, source::severity& out, bool& off);

} // namespace nianbao::lint
