// The report year and the organ name, read from the title and the opening text.
#include <algorithm>
#include <cstdint>
#include <cstring>
#include <optional>

#include "model/binding.hpp"
#include "model/labels.hpp"

namespace nianbao::model {

namespace {

// The first "YYYY年" (with "度" after it when `fiscal`) in NFKC text, as a plausible year.
// (Digits are 0-9 in every locale: compared directly, not through isdigit's table.)
std::optional<int> find_year(const std::string& t, bool fiscal, std::size_t* at = nullptr) {
    const auto digit = [](char c) {
        return c >= '0' && c <= '9';
    };
    constexpr std::uint64_t highs = 0x8080808080808080ULL;
    for (std::size_t i = 0; i + 4 <= t.size(); ++i) {
        // Eight bytes of CJK text at a time: a byte of 0x80 or more is no digit.
        for (std::uint64_t w = 0; i + 8 <= t.size(); i += 8) {
            std::memcpy(&w, t.data() + i, 8);
            if ((w & highs) != highs) {
                break;
            }
        }
        if (i + 4 > t.size()) {
            break;
        }
        if (!digit(t[i]) || (i > 0 && digit(t[i - 1]))) {
            continue;
        }
        std::size_t j = i;
        while (j < t.size() && digit(t[j])) {
            ++j;
        }
        if (j - i != 4) {
            continue;
        }
        std::size_t k = j;
        while (k < t.size() && t[k] == ' ') {
            ++k;
        }
        const std::string_view rest = std::string_view(t).substr(k);
        const bool ok = fiscal ? rest.starts_with("年度") : rest.starts_with("年");
        const int year =
            (t[i] - '0') * 1000 + (t[i + 1] - '0') * 100 + (t[i + 2] - '0') * 10 + (t[i + 3] - '0');
        if (ok && year >= 2000 && year <= 2100) {
            if (at != nullptr) {
                *at = i;
            }
            return year;
        }
    }
    return std::nullopt;
}

// Text between `before` and `after` in `t`, if both are found in order and it is short.
std::string between(const std::string& t, std::string_view before, std::string_view after,
                    std::size_t from = 0) {
    const auto b = t.find(before, from);
    if (b == std::string::npos) {
        return {};
    }
    const auto start = b + before.size();
    const auto e = t.find(after, start);
    if (e == std::string::npos || e - start > 60 || e == start) {
        return {};
    }
    return t.substr(start, e - start);
}

// An organ name is a short run of letters: "曲江镇人民政府", "温泉镇". Anything holding
// punctuation or digits is a piece of a sentence, not a name.
bool plausible_organ(std::string_view s) {
    if (s.size() < 6 || s.size() > 90) { // 2 to 30 CJK characters
        return false;
    }
    static constexpr std::string_view bad[] = {"，", ",", "。", "《", "》", "、", "；", ";",
                                               "：", ":", "（", "(",  "我", "本", "年", "度"};
    for (auto b : bad) {
        if (s.find(b) != std::string_view::npos) {
            return false;
        }
    }
    return std::none_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

} // namespace

void read_report_info(const ast::document& doc, report_model& model) {
    std::vector<ast::node_id> opening; // title and paragraphs before the first table
    for (ast::node_id i = 1; i < doc.nodes().size() && doc[i].span.begin < 4000; ++i) {
        const auto k = doc[i].kind;
        if (k == ast::node_kind::table) {
            break;
        }
        // The year and organ are stated in short lines; a huge paragraph is not read.
        if ((k == ast::node_kind::title || k == ast::node_kind::paragraph)
            && doc[i].span.size() <= 3000) {
            opening.push_back(i);
        }
    }
    // Each opening line in NFKC, made when first needed.
    std::vector<std::optional<std::string>> norm(opening.size());
    const auto text = [&](std::size_t n) -> const std::string& {
        if (!norm[n]) {
            norm[n] = nfkc(ast::line_content(doc, opening[n]));
        }
        return *norm[n];
    };
    for (std::size_t n = 0; n < opening.size(); ++n) {
        const ast::node_id id = opening[n];
        if (doc[id].kind != ast::node_kind::title) {
            continue;
        }
        const std::string& t = text(n);
        std::size_t at = 0;
        if (const auto y = find_year(t, false, &at)) {
            model.year = y;
            model.year_source = "title";
            model.year_node = id;
            model.organ = t.substr(0, at);
        } else {
            model.organ = between(" " + t, " ", "政府信息公开");
        }
    }
    for (const bool fiscal : {true, false}) {
        for (std::size_t n = 0; n < opening.size() && !model.year; ++n) {
            if (const auto y = find_year(text(n), fiscal)) {
                model.year = y;
                model.year_source = "text";
                model.year_node = opening[n];
            }
        }
    }
    if (!plausible_organ(model.organ)) {
        model.organ.clear();
    }
    // Only the opening lines name the organ; later text names other bodies.
    for (std::size_t n = 0; n < opening.size() && n < 3 && model.organ.empty(); ++n) {
        const std::string& t = text(n);
        std::string candidate;
        if (const auto y = find_year(t, false)) {
            candidate = between(t, std::to_string(*y) + "年", "政府信息公开");
        }
        if (!plausible_organ(candidate)) {
            candidate = between(t, "本报告由", "根据");
        }
        if (plausible_organ(candidate)) {
            model.organ = candidate;
        }
    }
}

} // namespace nianbao::model
