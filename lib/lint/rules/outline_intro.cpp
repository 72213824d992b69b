// outline/ (content): the intro's "本报告由…N部分组成" and the 2021 format's fee statement.
#include <algorithm>
#include <array>
#include <span>

#include "lint/lint.hpp"
#include "lint/rules/all.hpp"
#include "lint/rules/outline_support.hpp"

namespace nianbao::lint {

namespace {

bool is_numeral(std::string_view ch) {
    static constexpr std::string_view numerals = "〇一二三四五六七八九十两";
    return numerals.find(ch) != std::string_view::npos && ch.size() == 3;
}

// Top-level headings that are parts of the report (附件 headings are not).
std::size_t part_count(const ast::document& doc) {
    std::size_t n = 0;
    for (ast::node_id c : doc.children(0)) {
        if (doc[c].kind == ast::node_kind::section
            && !ast::heading_marker(doc, ast::section_heading(doc, c)).starts_with("附件")) {
            ++n;
        }
    }
    return n;
}

// The items named between "由" (or "包括") and the count: "A、B、C" or, when the names contain
// "、" themselves, "A,B,C".
std::size_t listed_count(std::string_view list) {
    for (std::string_view tail : {"等"}) {
        if (list.ends_with(tail)) {
            list.remove_suffix(tail.size());
        }
    }
    const bool commas =
        list.find("，") != std::string_view::npos || list.find(',') != std::string_view::npos;
    static constexpr std::array<std::string_view, 2> comma_separators{"，", ","};
    static constexpr std::array<std::string_view, 1> dun_separators{"、"};
    const auto separators = commas ? std::span<const std::string_view>(comma_separators)
                                   : std::span<const std::string_view>(dun_separators);
    std::size_t n = 0;
    std::size_t item = 0;
    for (std::size_t i = 0; i < list.size();) {
        std::size_t sep = 0;
        for (const std::string_view s : separators) {
            if (list.substr(i).starts_with(s)) {
                sep = s.size();
            }
        }
        if (sep > 0) {
            n += item > 0 ? 1 : 0;
            item = 0;
            i += sep;
        } else {
            ++item;
            ++i;
        }
    }
    return n + (item > 0 ? 1 : 0);
}

// Finds "N个部分" / "N部分" in one paragraph and compares it with the headings and the list.
void check_intro(context& ctx, ast::node_id para, std::size_t parts) {
    const auto& doc = ctx.doc();
    const std::string_view text = ast::line_content(doc, para);
    const std::uint32_t base = doc[para].span.begin;
    for (std::size_t at = text.find("部分"); at != std::string_view::npos;
         at = text.find("部分", at + 1)) {
        std::size_t end = at;
        if (text.substr(0, end).ends_with("个")) {
            end -= std::string_view("个").size();
        }
        // Walk back over the numeral (CJK numerals are 3 bytes in UTF-8, digits 1).
        std::size_t begin = end;
        while (begin > 0) {
            if (text[begin - 1] >= '0' && text[begin - 1] <= '9') {
                --begin;
            } else if (begin >= 3 && is_numeral(text.substr(begin - 3, 3))) {
                begin -= 3;
            } else {
                break;
            }
        }
        std::size_t length = 0;
        const auto stated = read_numeral(text.substr(begin, end - begin), length);
        if (begin == end || !stated) {
            continue;
        }
        const source::span where{base + static_cast<std::uint32_t>(begin),
                                 base + static_cast<std::uint32_t>(at + 6)};
        const std::string said(text.substr(begin, at + 6 - begin));
        if (static_cast<std::size_t>(*stated) != parts) {
            ctx.report("outline/intro-parts", where, {said, std::to_string(parts)});
        }
        const std::size_t sentence = text.rfind("。", begin);
        const std::size_t from = sentence == std::string_view::npos ? 0 : sentence;
        std::size_t by = text.rfind("由", begin);
        if (by == std::string_view::npos || by < from) {
            by = text.rfind("包括", begin);
        }
        if (by != std::string_view::npos && by >= from) {
            const std::size_t skip = text.substr(by).starts_with("由") ? 3 : 6;
            const std::size_t listed = listed_count(text.substr(by + skip, begin - by - skip));
            if (listed >= 2 && listed != static_cast<std::size_t>(*stated)) {
                ctx.report("outline/intro-parts.listed", where, {said, std::to_string(listed)});
            }
        }
        return;
    }
}

void intro_parts(context& ctx) {
    const auto& doc = ctx.doc();
    const std::size_t parts = part_count(doc);
    for (ast::node_id c : doc.children(0)) {
        if (doc[c].kind == ast::node_kind::section) {
            break;
        }
        if (doc[c].kind == ast::node_kind::paragraph || doc[c].kind == ast::node_kind::title) {
            check_intro(ctx, c, parts);
        }
    }
}

// T2021 asks 六 to state the 信息处理费 charged (国办函〔2020〕109号); the template's table 3
// has the fee row "逾期未按收费通知…" exactly when this applies.
void fee_statement(context& ctx) {
    const auto* tpl = ctx.model().tpl;
    const auto* t3 = tpl != nullptr ? tpl->table("t3") : nullptr;
    if (t3 == nullptr
        || std::none_of(t3->rows.begin(), t3->rows.end(), [](const model::row_def& r) {
               return r.labels.canonical.find("收费通知") != std::string::npos;
           })) {
        return;
    }
    for (const auto& s : ctx.model().sections) {
        if (s.def->key != "s6_other" || s.section == 0) {
            continue;
        }
        const auto& doc = ctx.doc();
        const std::string_view text =
            doc.text().substr(doc[s.section].span.begin, doc[s.section].span.size());
        if (text.find("信息处理费") == std::string_view::npos) {
            const ast::node_id h = ast::section_heading(doc, s.section);
            ctx.report("outline/fee-statement", title_span(doc, h), {ast::heading_title(doc, h)});
        }
    }
}

} // namespace

void register_outline_more(registry& reg) {
    reg.add({"outline/intro-parts",
             source::severity::warning,
             "the intro's part count disagrees with the headings or with its own list",
             "Reports often open with `本报告由…N部分组成`. The number must equal the number of "
             "top-level headings (附件 excluded) and the number of parts the sentence lists. Seed "
             "004 says `八部分` but lists seven names: `引言称报告由「八部分」组成，却列出了 7 个"
             "部分`.",
             {{"outline/intro-parts", "引言称报告由「{0}」组成，但正文有 {1} 个一级标题",
               "the intro says the report has \"{0}\", but it has {1} top-level headings"},
              {"outline/intro-parts.listed", "引言称报告由「{0}」组成，却列出了 {1} 个部分",
               "the intro says the report has \"{0}\", but lists {1} parts"}},
             false,
             intro_parts});
    reg.add(
        {"outline/fee-statement",
         source::severity::warning,
         "a 2021-format report does not state the 信息处理费 in part 六",
         "Under 国办公开办函〔2021〕30号, part 六 reports the information-processing fees "
         "charged under 《政府信息公开信息处理费管理办法》 (国办函〔2020〕109号), even when none "
         "were: `「其他需要报告的事项」没有说明信息处理费的收取情况`. Write e.g. "
         "`本年度未收取信息处理费。`",
         {{"outline/fee-statement", "「{0}」没有说明信息处理费的收取情况",
           "\"{0}\" does not state the information-processing fees charged"}},
         false,
         fee_statement});
}

} // namespace nianbao::lint
