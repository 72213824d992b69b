// Grammar test helpers in the style of PEGTL's verify_rule and toml++'s parsing_should_fail.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include <tao/pegtl.hpp>

#include "grammar/errors.hpp"
#include "source/line_index.hpp"

namespace nianbao::test {

namespace pegtl = tao::pegtl;

/// Whether a rule is expected to match.
enum class expect { success, failure };

/// Matches `Rule` at the start of `text`; on success also checks how many bytes are left.
template <typename Rule>
bool check_match(std::string_view text, expect e, std::size_t remaining = 0) {
    pegtl::memory_input in(text.data(), text.size(), "test");
    bool ok = false;
    try {
        ok = pegtl::parse<Rule>(in);
    } catch (const pegtl::parse_error&) {
        ok = false;
    }
    if (e == expect::failure) {
        return !ok;
    }
    return ok && in.size() == remaining;
}

/// Bytes that `Rule` consumes at the start of `text` under PEGTL's normal control, or -1.
template <typename Rule>
long matched_length(std::string_view text) {
    pegtl::memory_input in(text.data(), text.size(), "test");
    return pegtl::parse<Rule>(in) ? static_cast<long>(in.current() - text.data()) : -1;
}

/// Every string of up to `max_pieces` pieces from `alphabet`, the empty one first.
inline std::vector<std::string> all_strings(const std::vector<std::string>& alphabet,
                                            std::size_t max_pieces) {
    std::vector<std::string> out{""};
    for (std::size_t begin = 0, len = 0; len < max_pieces; ++len) {
        const std::size_t end = out.size();
        for (std::size_t i = begin; i < end; ++i) {
            for (const auto& c : alphabet) {
                out.push_back(out[i] + c);
            }
        }
        begin = end;
    }
    return out;
}

/// Result of a failing parse: message id and code-point position.
struct error_at {
    std::string id;
    std::uint32_t line = 0;
    std::uint32_t column = 0;
};

/// Parses `Rule` with the must_if control and returns where it raised (id empty if it did not).
template <typename Rule>
error_at check_error(std::string_view text) {
    pegtl::memory_input in(text.data(), text.size(), "test");
    try {
        (void)pegtl::parse<Rule, pegtl::nothing, pegtl::must_if<grammar::errors>::control>(in);
    } catch (const pegtl::parse_error& e) {
        const source::line_index lines(text);
        const auto p = lines.locate(static_cast<std::uint32_t>(e.positions().front().byte));
        return {std::string(e.message()), p.line, p.column};
    }
    return {};
}

} // namespace nianbao::test
