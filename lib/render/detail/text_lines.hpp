// Line helpers shared by convert and fmt: blanks at line ends, lines of a text.
#pragma once

#include <string_view>

#include "render/detail/cell_markup.hpp"

namespace nianbao::render::detail {

// Blanks as the grammar knows them (grammar/lexical.hpp): space, TAB, U+00A0, U+3000; and CR.
inline std::size_t blank_suffix(std::string_view s) {
    std::size_t n = 0;
    while (n < s.size()) {
        const std::string_view rest = s.substr(0, s.size() - n);
        if (rest.back() == ' ' || rest.back() == '\t' || rest.back() == '\r') {
            n += 1;
        } else if (rest.ends_with("\xC2\xA0")) {
            n += 2;
        } else if (rest.ends_with("\xE3\x80\x80")) {
            n += 3;
        } else {
            break;
        }
    }
    return n;
}

inline std::string_view trim_end(std::string_view s) {
    return s.substr(0, s.size() - blank_suffix(s));
}

inline bool is_blank_line(std::string_view line) {
    return blank_suffix(line) == line.size();
}

inline bool ends_with_bar(std::string_view line) {
    line = trim_padding(line);
    return !line.empty() && line.back() == '|';
}

// The line that starts at `pos` (without its line end).
inline std::string_view line_at(std::string_view text, std::size_t pos) {
    const std::size_t nl = text.find('\n', pos);
    std::string_view line = text.substr(pos, nl == std::string_view::npos ? nl : nl - pos);
    if (line.ends_with('\r')) {
        line.remove_suffix(1);
    }
    return line;
}

} // namespace nianbao::render::detail
