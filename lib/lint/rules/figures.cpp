// figures/: the template's consistency checks (勾稽关系), evaluated generically from its data.
#include "lint/equations.hpp"
#include "lint/lint.hpp"
#include "lint/rules/all.hpp"

namespace nianbao::lint {

namespace {

// "（七）总计 自然人 = 1" — a constant side is just its value.
std::string fragment(const evaluation& e, bool rhs) {
    const side& s = rhs ? e.rhs : e.lhs;
    const std::string name = side_name(s, *e.check, rhs);
    if (s.cells.empty()) {
        return name;
    }
    return name + " = " + format_number(s.value);
}

// The message for a failed comparison: the violated direction decides the wording.
std::string message_for(const std::string& family_id, const std::string& op) {
    if (op == "<=" || op == "<") {
        return family_id + ".exceeds";
    }
    if (op == ">=" || op == ">") {
        return family_id + ".below";
    }
    if (op == "!=") {
        return family_id + ".equal";
    }
    return family_id;
}

void check_level(context& ctx, source::severity level, const std::string& rule) {
    const auto* tpl = ctx.model().tpl;
    if (tpl == nullptr) {
        return;
    }
    check_evaluator evaluator(ctx.model());
    for (const auto& check : tpl->checks) {
        if (check.level != level) {
            continue;
        }
        evaluator.run(check, {}, true, [&](evaluation&& e) {
            // Point at the left-hand side, where the total usually is; else the right.
            ast::node_id node = first_node(e.lhs);
            if (node == 0) {
                node = first_node(e.rhs);
            }
            if (node == 0) {
                return;
            }
            ctx.report_node(message_for(rule, check.assertion.op), node,
                            {fragment(e, false), fragment(e, true), check.description, check.key});
        });
    }
}

void equation(context& ctx) {
    check_level(ctx, source::severity::error, "figures/equation");
}
void plausibility(context& ctx) {
    check_level(ctx, source::severity::warning, "figures/plausibility");
}
void hint(context& ctx) {
    check_level(ctx, source::severity::info, "figures/hint");
}

std::vector<message_info> messages(const std::string& id) {
    return {
        {id, "{0}，但{1}（{3}：{2}）", "{0}, but {1} ({3}: {2})"},
        {id + ".exceeds", "{0}，超过了{1}（{3}：{2}）", "{0} exceeds {1} ({3}: {2})"},
        {id + ".below", "{0}，少于{1}（{3}：{2}）", "{0} is less than {1} ({3}: {2})"},
        {id + ".equal", "{0}，不应等于{1}（{3}：{2}）", "{0} must differ from {1} ({3}: {2})"},
    };
}

} // namespace

void register_figures_rules(registry& reg) {
    reg.add({"figures/equation", source::severity::error,
             "a consistency equation (勾稽关系) of the template does not hold",
             "The template's `check … error` statements are the equations the format itself "
             "states, such as table 3's note \"第一项加第二项之和，等于第三项加第四项之和\" or "
             "（七）总计 being the sum of the result rows. Each is evaluated for every value of "
             "its loop; a blank cell counts as 0, except that a check whose left side is a single "
             "blank cell is skipped. The finding points at the first cell of the left side and "
             "gives both values, e.g. `（七）总计 自然人 = 1，但各项办理结果之和 = 0`.",
             messages("figures/equation"), false, equation});
    reg.add(
        {"figures/plausibility", source::severity::warning,
         "a plausibility check of the template fails",
         "The template's `check … warning` statements hold for consistent data but have "
         "known exceptions, e.g. in the 2014 统计表 a single channel cannot publish more items "
         "than were published in total: `2.政府网站公开政府信息数 = 33，超过了（一）主动公开政府"
         "信息数 = 7`.",
         messages("figures/plausibility"), false, plausibility});
    reg.add({"figures/hint", source::severity::info, "an informational check of the template fails",
             "The template's `check … info` statements describe what is usual rather than "
             "required, e.g. 申请答复数 normally equals 申请办结数: `（三）申请答复数 = 2，但"
             "（二）申请办结数 = 3`.",
             messages("figures/hint"), false, hint});
}

} // namespace nianbao::lint
