// The message catalogue for callers that format many messages: a pattern looked up once.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "source/diagnostic.hpp"

namespace nianbao::source {

/// A message text split once at its `{N}` placeholders, to be formatted many times.
class message_text {
public:
    message_text(std::string text); // NOLINT: implicit, so that the catalogue lists plain strings
    message_text(const char* text) : message_text(std::string(text)) {} // NOLINT: as above

    const std::string& text() const noexcept { return text_; }
    /// Appends the text with each `{N}` replaced by `args[N]` (or by nothing past the last), as
    /// format_message does.
    void append_to(std::string& out, const std::vector<std::string>& args) const;

private:
    // A run of the text, then the argument it names (none if negative).
    struct piece {
        std::uint32_t begin;
        std::uint32_t size;
        int arg;
    };
    std::string text_;
    std::vector<piece> pieces_;
};

/// The text of `id` in `language`, or nullptr if the catalogue lacks `id`. The pointer stays
/// valid for the program (registering `id` again changes the text it points to).
const message_text* message_pattern(std::string_view id, lang language);

} // namespace nianbao::source
