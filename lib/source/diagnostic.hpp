// Diagnostics: a message id, a severity, a span and arguments; text comes from the catalogue.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "source/span.hpp"

namespace nianbao::source {

/// Severity, ordered: `info < warning < error`.
enum class severity : std::uint8_t { info, warning, error };

/// "info", "warning" or "error".
std::string_view name(severity s) noexcept;

/// Reads a severity by its name (what `name` gives); false, and `out` unchanged, for other text.
inline bool parse_severity(std::string_view text, severity& out) noexcept {
    for (const severity s : {severity::info, severity::warning, severity::error}) {
        if (text == name(s)) {
            out = s;
            return true;
        }
    }
    return false;
}

/// One finding. `span` is in the decoded text; `args` fill the `{0}`, `{1}`… of the message.
struct diagnostic {
    std::string id;
    severity level = severity::error;
    span where;
    std::vector<std::string> args;
};

/// Message language.
enum class lang { zh, en };

/// The message text of `id` in `language` with its arguments substituted; an unknown id yields
/// the id itself followed by the arguments (never an empty message).
std::string format_message(std::string_view id, lang language,
                           const std::vector<std::string>& args = {});

/// True if the catalogue has both a Chinese and an English text for `id`.
bool has_message(std::string_view id);

/// Registers a message at start-up (used by lib/lint for rule messages). Not thread-safe:
/// call before any formatting happens on other threads.
void register_message(std::string id, std::string zh, std::string en);

} // namespace nianbao::source
