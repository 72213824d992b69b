// outline/: the sections a template requires, in order, with their titles and numbering.
#include <algorithm>
#include <optional>

#include "lint/lint.hpp"
#include "lint/rules/all.hpp"
#include "lint/rules/outline_support.hpp"
#include "model/labels.hpp"

namespace nianbao::lint {

namespace {

using model::label_match;

// The bound top-level sections that are present, in template order.
std::vector<const model::bound_section*> present(const model::report_model& m) {
    std::vector<const model::bound_section*> out;
    for (const auto& s : m.sections) {
        if (s.section != 0) {
            out.push_back(&s);
        }
    }
    return out;
}

void missing_section(context& ctx) {
    const auto& m = ctx.model();
    for (std::size_t i = 0; i < m.sections.size(); ++i) {
        const auto& s = m.sections[i];
        if (s.section != 0 || s.def->optional) {
            continue;
        }
        // Point where the section belongs: the next section that is present, else the last.
        ast::node_id at = 0;
        for (std::size_t j = i + 1; j < m.sections.size() && at == 0; ++j) {
            at = m.sections[j].section;
        }
        for (std::size_t j = i; j-- > 0 && at == 0;) {
            at = m.sections[j].section;
        }
        const std::string pos = std::to_string(i + 1);
        if (at == 0) {
            ctx.report("outline/missing-section", {0, 0}, {s.def->titles.canonical, pos});
        } else {
            ctx.report("outline/missing-section",
                       title_span(ctx.doc(), ast::section_heading(ctx.doc(), at)),
                       {s.def->titles.canonical, pos});
        }
    }
}

void section_order(context& ctx) {
    const auto p = present(ctx.model());
    const model::bound_section* last = nullptr;
    for (const auto* s : p) {
        if (s->def->optional) {
            continue;
        }
        if (last != nullptr && s->section < last->section) {
            ctx.report("outline/section-order",
                       title_span(ctx.doc(), ast::section_heading(ctx.doc(), s->section)),
                       {s->def->titles.canonical, last->def->titles.canonical});
        }
        if (last == nullptr || s->section > last->section) {
            last = s;
        }
    }
}

void non_canonical_title(context& ctx) {
    for (const auto* s : present(ctx.model())) {
        if (s->how == label_match::variant) {
            const ast::node_id h = ast::section_heading(ctx.doc(), s->section);
            ctx.report("outline/non-canonical-title", title_span(ctx.doc(), h),
                       {ast::heading_title(ctx.doc(), h), s->def->titles.canonical});
        }
    }
}

// A required section with nothing under its heading.
void empty_section(context& ctx) {
    for (const auto* s : present(ctx.model())) {
        if (s->def->optional) {
            continue;
        }
        bool content = false;
        for (ast::node_id c : ctx.doc().children(s->section)) {
            const auto k = ctx.doc()[c].kind;
            content = content
                      || (k != ast::node_kind::heading && k != ast::node_kind::blank
                          && !grammar::is_trivia(k));
        }
        if (!content) {
            const ast::node_id h = ast::section_heading(ctx.doc(), s->section);
            ctx.report("outline/empty-section", title_span(ctx.doc(), h),
                       {ast::heading_title(ctx.doc(), h)});
        }
    }
}

// Sibling headings of one parent, level by level: 1, 2, 3 … without gaps, repeats or restarts.
void numbering_under(context& ctx, ast::node_id parent) {
    const auto& doc = ctx.doc();
    std::optional<int> prev;
    std::string prev_marker;
    for (ast::node_id c : doc.children(parent)) {
        if (doc[c].kind != ast::node_kind::section) {
            continue;
        }
        numbering_under(ctx, c);
        const ast::node_id h = ast::section_heading(doc, c);
        const std::string marker(ast::heading_marker(doc, h));
        const auto n = marker_number(marker);
        if (!n) {
            continue;
        }
        const source::span at = marker_span(doc, h);
        if (!prev && *n != 1) {
            ctx.report("outline/numbering", at, {renumber(marker, 1), marker});
        } else if (prev && *n == *prev) {
            ctx.report("outline/numbering.repeat", at, {marker});
        } else if (prev && *n == 1) {
            ctx.report("outline/numbering.restart", at, {marker, prev_marker});
        } else if (prev && *n != *prev + 1) {
            ctx.report("outline/numbering", at, {renumber(marker, *prev + 1), marker});
        }
        prev = n;
        prev_marker = marker;
    }
}

void numbering(context& ctx) {
    numbering_under(ctx, 0);
}

} // namespace

void register_outline_rules(registry& reg) {
    reg.add({"outline/missing-section",
             source::severity::error,
             "a section the template requires is missing",
             "The 2019 and 2021 formats have exactly six parts, 一、总体情况 to 六、其他需要报告的"
             "事项, and each must be present even when there is nothing to report (write 无). The "
             "finding points where the part belongs: `缺少第 4 部分「政府信息公开行政复议、行政诉讼"
             "情况」`.",
             {{"outline/missing-section", "缺少第 {1} 部分「{0}」", "part {1} \"{0}\" is missing"}},
             false,
             missing_section});
    reg.add(
        {"outline/section-order",
         source::severity::warning,
         "the template's sections are out of order",
         "The parts follow the order of the format (条例 第五十条). A part that comes before "
         "one it should follow is reported at its heading: `「收到和处理政府信息公开申请情况」应在"
         "「主动公开政府信息情况」之后`.",
         {{"outline/section-order", "「{0}」应在「{1}」之后", "\"{0}\" should come after \"{1}\""}},
         false,
         section_order});
    reg.add({"outline/non-canonical-title",
             source::severity::warning,
             "a section title is a known variant, not the format's wording",
             "Titles are recognised with their known variants, but the format's wording is "
             "preferred: `一、总体概况` should read `一、总体情况`, `二、主动公开政府信息的情况` "
             "should read `二、主动公开政府信息情况`.",
             {{"outline/non-canonical-title", "标题「{0}」不是规范写法，应为「{1}」",
               "the title \"{0}\" is not the format's wording \"{1}\""}},
             false,
             non_canonical_title});
    reg.add({"outline/empty-section",
             source::severity::warning,
             "a required section has no content",
             "Each part of the format must say something, if only `无`. A heading followed "
             "directly by the next heading is reported: `「其他需要报告的事项」下没有内容`.",
             {{"outline/empty-section", "「{0}」下没有内容（没有可报告的事项时请写“无”）",
               "\"{0}\" has no content (write 无 if there is nothing to report)"}},
             false,
             empty_section});
    reg.add({"outline/numbering",
             source::severity::warning,
             "heading numbers skip, repeat or restart",
             "Sibling headings are numbered 一、二、三… (or （一）（二）…, 1. 2. …) from one "
             "without gaps. A gap often means a part was deleted or merged: after `三、` comes "
             "`四、`, not `五、`. Numbering restarts only under a new parent heading.",
             {{"outline/numbering", "编号应为「{0}」，而不是「{1}」",
               "the number should be \"{0}\", not \"{1}\""},
              {"outline/numbering.repeat", "编号「{0}」重复", "the number \"{0}\" is repeated"},
              {"outline/numbering.restart", "编号「{0}」重新开始（前一个是「{1}」）",
               "the numbering restarts at \"{0}\" (the previous was \"{1}\")"}},
             false,
             numbering});
    register_outline_more(reg);
}

} // namespace nianbao::lint
