// meta/: parsing, the template and the report year, and the publication deadline.
#include <algorithm>
#include <optional>
#include <tuple>

#include "lint/lint.hpp"
#include "lint/rules/all.hpp"
#include "lint/rules/outline_support.hpp"
#include "model/labels.hpp"

namespace nianbao::lint {

namespace {

void parse_problems(context& ctx) {
    for (const auto& d : ctx.doc().diagnostics()) {
        ctx.report("meta/parse", d.where,
                   {source::format_message(d.id, source::lang::zh, d.args),
                    source::format_message(d.id, source::lang::en, d.args), d.id});
    }
}

void no_template(context& ctx) {
    for (const auto& p : ctx.model().problems) {
        if (p.id == "bind/no-template") {
            ctx.report("meta/no-template", {0, 0});
        }
    }
}

// Where the year is written: the digits in the line it was read from.
source::span year_span(const context& ctx, int year) {
    const auto& doc = ctx.doc();
    const ast::node_id n = ctx.model().year_node;
    if (n == 0) {
        return {0, 0};
    }
    const std::string_view line = ast::line_content(doc, n);
    const auto at = line.find(std::to_string(year));
    if (at == std::string_view::npos) {
        return {doc[n].span.begin, doc[n].span.begin};
    }
    const auto b = doc[n].span.begin + static_cast<std::uint32_t>(at);
    return {b, b + 4};
}

void template_year(context& ctx) {
    const auto& m = ctx.model();
    if (m.tpl == nullptr || !m.year) {
        return;
    }
    if (*m.year < m.tpl->year_from || *m.year > m.tpl->year_to) {
        // A template without an end year is for "2021 and later".
        const bool open = m.tpl->year_to >= 9999;
        const std::string range =
            open ? std::to_string(m.tpl->year_from)
                 : std::to_string(m.tpl->year_from) + "–" + std::to_string(m.tpl->year_to);
        ctx.report(open ? "meta/template-year.open" : "meta/template-year", year_span(ctx, *m.year),
                   {std::to_string(*m.year), m.tpl->id, range});
    }
}

struct date {
    int year = 0;
    int month = 0;
    int day = 0;
};

// "2021年1月20日" (digits in any width).
std::optional<date> read_date(std::string_view text) {
    const std::string t = model::nfkc(text);
    date d;
    int* parts[] = {&d.year, &d.month, &d.day};
    static constexpr std::string_view units[] = {"年", "月", "日"};
    std::size_t i = 0;
    for (std::size_t k = 0; k < 3; ++k) {
        while (i < t.size() && t[i] == ' ') {
            ++i;
        }
        const std::size_t start = i;
        while (i < t.size() && t[i] >= '0' && t[i] <= '9' && i - start < 4) {
            *parts[k] = *parts[k] * 10 + (t[i] - '0');
            ++i;
        }
        while (i < t.size() && t[i] == ' ') {
            ++i;
        }
        if (i == start || !std::string_view(t).substr(i).starts_with(units[k])) {
            return std::nullopt;
        }
        i += units[k].size();
    }
    return d.month >= 1 && d.month <= 12 && d.day >= 1 && d.day <= 31 ? std::optional(d)
                                                                      : std::nullopt;
}

// 条例 第四十九条: departments by 01-31, the government of a county or above by 03-31; townships
// follow local notices (about 01-31). Before 2019 every body had until 03-31. An organ whose kind
// is unknown gets the later limit, so that the rule never blames a report wrongly.
int deadline_month(const context& ctx) {
    const auto& m = ctx.model();
    if (!m.year || *m.year <= 2018) {
        return 3;
    }
    std::string organ = m.organ;
    const auto& doc = ctx.doc();
    // Signatures are never inside a table: the walk skips the tables' rows and cells.
    for (ast::node_id i = 0; i < doc.nodes().size() && organ.empty();
         i = doc[i].kind == ast::node_kind::table ? std::max(i + 1, doc[i].subtree_end) : i + 1) {
        if (doc[i].kind == ast::node_kind::signature) {
            organ = std::string(ast::line_content(ctx.doc(), i));
        }
    }
    if (organ.empty()) {
        return 3;
    }
    const bool government = organ.ends_with("人民政府");
    const bool township = organ.find("镇") != std::string::npos
                          || organ.find("乡") != std::string::npos
                          || organ.find("街道") != std::string::npos;
    return government && !township ? 3 : 1;
}

void late_publication(context& ctx) {
    const auto& m = ctx.model();
    if (!m.year) {
        return;
    }
    const auto& doc = ctx.doc();
    // Date lines are never inside a table: the walk skips the tables' rows and cells.
    for (ast::node_id i = 0; i < doc.nodes().size();
         i = doc[i].kind == ast::node_kind::table ? std::max(i + 1, doc[i].subtree_end) : i + 1) {
        if (doc[i].kind != ast::node_kind::date) {
            continue;
        }
        const auto d = read_date(ast::line_content(doc, i));
        if (!d || d->year <= *m.year) {
            continue;
        }
        const int month = deadline_month(ctx);
        const date limit{*m.year + 1, month, 31};
        if (std::tie(d->year, d->month, d->day) > std::tie(limit.year, limit.month, limit.day)) {
            ctx.report_node("meta/late-publication", i,
                            {std::string(ast::line_content(doc, i)),
                             std::to_string(limit.year) + "年" + std::to_string(month) + "月31日"});
        }
    }
}

} // namespace

void register_meta_rules(registry& reg) {
    reg.add({"meta/parse",
             source::severity::error,
             "the report could not be parsed completely",
             "nianbao reads any text, but a problem the parser reports (text it could not place "
             "in the tree) means the other rules may miss something there: "
             "`文档无法解析到末尾（语法错误）`.",
             {{"meta/parse", "{0}", "{1}"}},
             false,
             parse_problems});
    reg.add(
        {"meta/no-template",
         source::severity::warning,
         "the report matches no template, so its tables cannot be checked",
         "Templates are recognised by their fingerprint labels (本年新制作数量, 本年制发件数, "
         "统计指标 …). A report with none of them — tables missing or published as images — "
         "is checked only for its text. Use `--template ID` to force one.",
         {{"meta/no-template",
           "无法识别报告所用的模板（没有找到任何模板的特征词），表格未检查；可用 --template 指定",
           "no template recognised (no fingerprint labels found); tables not checked — use "
           "--template"}},
         false,
         no_template});
    reg.add({"meta/template-year",
             source::severity::warning,
             "the report's year does not fit the template it follows",
             "2019 and 2020 reports use the 2019 format (国办公开办函〔2019〕60号), reports from "
             "2021 on the 2021 format (〔2021〕30号), earlier ones the 2014 统计表. A 2021 report "
             "in the old format is reported at its year: `报告年度为 2021 年，但所用模板 gov-2019 "
             "适用于 2019–2020 年`.",
             {{"meta/template-year", "报告年度为 {0} 年，但所用模板 {1} 适用于 {2} 年",
               "the report is for {0}, but its template {1} is for {2}"},
              {"meta/template-year.open", "报告年度为 {0} 年，但所用模板 {1} 适用于 {2} 年及以后",
               "the report is for {0}, but its template {1} is for {2} and later"}},
             false,
             template_year});
    reg.add({"meta/late-publication",
             source::severity::warning,
             "the report's date is past the publication deadline",
             "条例 第四十九条: departments publish by 31 January, the government of a county or "
             "above by 31 March; townships follow local notices (about 31 January); reports for "
             "2018 and earlier were due by 31 March. When the report ends with a date after the "
             "limit: `落款日期「2021年2月20日」晚于公布期限 2021年1月31日`.",
             {{"meta/late-publication", "落款日期「{0}」晚于公布期限 {1}",
               "the date \"{0}\" is after the publication deadline {1}"}},
             false,
             late_publication});
}

} // namespace nianbao::lint
