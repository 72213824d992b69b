// Heading spans and ordinal numbers for the outline rules.
#include "lint/rules/outline_support.hpp"

#include <array>

namespace nianbao::lint {

namespace {

constexpr std::array<std::string_view, 10> digits = {"〇", "一", "二", "三", "四",
                                                     "五", "六", "七", "八", "九"};

source::span child_span(const ast::document& doc, ast::node_id heading, ast::node_kind kind) {
    for (ast::node_id c : doc.children(heading)) {
        if (doc[c].kind == kind) {
            return doc[c].span;
        }
    }
    return doc[heading].span;
}

} // namespace

source::span title_span(const ast::document& doc, ast::node_id heading) {
    source::span s = child_span(doc, heading, ast::node_kind::heading_text);
    // Without trailing blanks or the line end, so that carets sit under the words.
    const std::string_view text = doc.text().substr(s.begin, s.size());
    std::size_t n = text.size();
    while (n > 0
           && (text[n - 1] == ' ' || text[n - 1] == '\n' || text[n - 1] == '\r'
               || text[n - 1] == '\t')) {
        --n;
    }
    s.end = s.begin + static_cast<std::uint32_t>(n);
    return s;
}

source::span marker_span(const ast::document& doc, ast::node_id heading) {
    return child_span(doc, heading, ast::node_kind::marker);
}

std::optional<int> read_numeral(std::string_view text, std::size_t& length) {
    length = 0;
    if (!text.empty() && text[0] >= '0' && text[0] <= '9') {
        int n = 0;
        while (length < text.size() && text[length] >= '0' && text[length] <= '9' && n < 10000) {
            n = n * 10 + (text[length] - '0');
            ++length;
        }
        return n;
    }
    // CJK: [digit] 十 [digit] | digit.
    int value = 0;
    int pending = -1;
    bool any = false;
    while (length + 3 <= text.size()) {
        const std::string_view ch = text.substr(length, 3);
        int d = -1;
        for (std::size_t i = 0; i < digits.size(); ++i) {
            if (ch == digits[i]) {
                d = static_cast<int>(i);
            }
        }
        if (ch == "两") {
            d = 2;
        }
        if (d >= 0) {
            if (pending >= 0) {
                break;
            }
            pending = d;
        } else if (ch == "十") {
            value += (pending >= 0 ? pending : 1) * 10;
            pending = -1;
        } else {
            break;
        }
        any = true;
        length += 3;
    }
    if (!any) {
        return std::nullopt;
    }
    return value + (pending >= 0 ? pending : 0);
}

std::optional<int> marker_number(std::string_view marker) {
    std::size_t start = 0;
    for (std::string_view open : {"（", "("}) {
        if (marker.starts_with(open)) {
            start = open.size();
        }
    }
    std::size_t length = 0;
    return read_numeral(marker.substr(start), length);
}

std::string cjk_numeral(int n) {
    if (n < 0 || n >= 10000) {
        return std::to_string(n); // no outline counts that far; a text may still say so
    }
    if (n < 10) {
        return std::string(digits[static_cast<std::size_t>(n)]);
    }
    if (n < 100) {
        std::string out = n >= 20 ? std::string(digits[static_cast<std::size_t>(n / 10)]) : "";
        out += "十";
        if (n % 10 != 0) {
            out += digits[static_cast<std::size_t>(n % 10)];
        }
        return out;
    }
    // 一百零一, 一百一十, 一千零一十: a run of zeros between digits is one 零.
    constexpr std::array<std::string_view, 4> units = {"", "十", "百", "千"};
    constexpr std::array<int, 4> powers = {1, 10, 100, 1000};
    std::string out;
    bool zero = false;
    for (std::size_t p = 4; p-- > 0;) {
        const int d = n / powers[p] % 10;
        if (d == 0) {
            zero = !out.empty();
            continue;
        }
        if (zero) {
            out += "零";
            zero = false;
        }
        out += digits[static_cast<std::size_t>(d)];
        out += units[p];
    }
    return out;
}

std::string renumber(std::string_view marker, int n) {
    std::size_t start = 0;
    for (std::string_view open : {"（", "("}) {
        if (marker.starts_with(open)) {
            start = open.size();
        }
    }
    std::size_t length = 0;
    if (!read_numeral(marker.substr(start), length)) {
        return std::string(marker);
    }
    const bool arabic = marker[start] >= '0' && marker[start] <= '9';
    return std::string(marker.substr(0, start)) + (arabic ? std::to_string(n) : cjk_numeral(n))
           + std::string(marker.substr(start + length));
}

} // namespace nianbao::lint
