// xref/: figures stated in the narrative checked against the tables they summarise.
#include <algorithm>
#include <array>
#include <tuple>

#include "lint/equations.hpp"
#include "lint/lint.hpp"
#include "lint/rules/all.hpp"
#include "lint/rules/text_bytes.hpp"

namespace nianbao::lint {

namespace {

// Every word that starts a phrase. A paragraph is read once for all of them, sixteen offsets at
// a time, for two bytes of each: the last of its first character and of its second (trail bytes
// tell characters apart far better than lead bytes, E4-E9 for most Han). Only where both match
// is the whole word compared.
constexpr std::array<std::string_view, 6> keywords = {"受理", "收到",     "新收",
                                                      "办结", "行政复议", "主动公开政府信息"};
constexpr std::uint32_t probe1 = 2;
constexpr std::uint32_t probe2 = 5;
static_assert(std::all_of(keywords.begin(), keywords.end(),
                          [](std::string_view w) { return w.size() > probe2; }));

consteval std::size_t keyword(std::string_view word) {
    return static_cast<std::size_t>(std::find(keywords.begin(), keywords.end(), word)
                                    - keywords.begin());
}

// A way the narrative states a table figure: a keyword, words that must follow it, then a
// number with its unit within the same clause. The figure is the sum of the cells.
struct phrase {
    std::vector<std::size_t> keywords; ///< any of them starts the phrase (of `keywords`)
    std::string_view then;             ///< must follow the keyword ("" for none)
    std::string_view unit;
    std::vector<std::array<std::string_view, 3>> cells; ///< table, row, column
};

// Keyed by the template's cells, so a template without them simply has no phrases.
const std::vector<phrase>& phrases() {
    static const std::vector<phrase> list = {
        {{keyword("受理"), keyword("收到"), keyword("新收")},
         "申请",
         "件",
         {{"t3", "new", "total"}}},
        {{keyword("办结")}, "", "件", {{"t3", "r7_total", "total"}}},
        {{keyword("行政复议")}, "", "件", {{"t4", "all", "rv_total"}}},
        {{keyword("主动公开政府信息")}, "", "条", {{"stats", "a1", "value"}}},
        {{keyword("收到")}, "申请", "件", {{"stats", "c1", "value"}}},
    };
    return list;
}

using keyword_hits = std::array<std::vector<std::uint32_t>, keywords.size()>;

// Every occurrence of every keyword in `text`, ascending, by keyword; false if there is none.
bool find_keywords(std::string_view text, keyword_hits& hits) {
    for (auto& h : hits) {
        h.clear();
    }
    bool any = false;
    const auto* p = reinterpret_cast<const unsigned char*>(text.data());
    const auto try_at = [&](std::uint32_t at) {
        for (std::size_t k = 0; k < keywords.size(); ++k) {
            const std::string_view w = keywords[k];
            if (p[at + probe1] == static_cast<unsigned char>(w[probe1])
                && p[at + probe2] == static_cast<unsigned char>(w[probe2])
                && text.substr(at).starts_with(w)) {
                hits[k].push_back(at);
                any = true;
            }
        }
    };
    const auto n = static_cast<std::uint32_t>(text.size());
    if (n <= probe2) {
        return false;
    }
    const std::uint32_t last = n - probe2 - 1; // the last offset a keyword may start at
    std::uint32_t i = 0;
#if defined(__SSE2__)
    // The offsets among the sixteen from `at` where both probe bytes of a keyword match.
    const auto block = [&](std::uint32_t at) {
        const detail::bytes16 a = detail::load16(p + at + probe1);
        const detail::bytes16 b = detail::load16(p + at + probe2);
        detail::bytes16 hit = _mm_setzero_si128();
        for (const std::string_view w : keywords) {
            hit = _mm_or_si128(
                hit, _mm_and_si128(detail::equal(a, static_cast<unsigned char>(w[probe1])),
                                   detail::equal(b, static_cast<unsigned char>(w[probe2]))));
        }
        return static_cast<unsigned>(_mm_movemask_epi8(hit));
    };
    const auto each = [&](std::uint32_t at, unsigned mask) {
        for (; mask != 0; mask &= mask - 1) {
            try_at(at + static_cast<std::uint32_t>(__builtin_ctz(mask)));
        }
    };
    for (; i + 15 <= last; i += 16) {
        each(i, block(i));
    }
    if (i <= last && last >= 15) {
        // The sixteen offsets that end at `last`, without those already read.
        const std::uint32_t at = last - 15;
        each(at, block(at) & ~((1U << (i - at)) - 1U));
        return any;
    }
#endif
    for (; i <= last; ++i) {
        try_at(i);
    }
    return any;
}

// The offset of the last ASCII digit of `text`, or npos. A phrase needs a figure after its
// keyword, so only the text before it is searched for keywords: about a third of a paragraph.
std::size_t last_digit(std::string_view text) {
    std::size_t end = text.size();
#if defined(__SSE2__)
    const auto* p = reinterpret_cast<const unsigned char*>(text.data());
    for (; end >= 16; end -= 16) {
        // Digits are the bytes that '0' subtracted leaves at 9 or less.
        const __m128i x = _mm_sub_epi8(detail::load16(p + end - 16), _mm_set1_epi8('0'));
        const __m128i digit = _mm_cmpeq_epi8(_mm_min_epu8(x, _mm_set1_epi8(9)), x);
        if (const auto mask = static_cast<unsigned>(_mm_movemask_epi8(digit)); mask != 0) {
            return end - 16 + static_cast<std::size_t>(31 - __builtin_clz(mask));
        }
    }
#endif
    while (end > 0) {
        --end;
        if (text[end] >= '0' && text[end] <= '9') {
            return end;
        }
    }
    return std::string_view::npos;
}

struct stated {
    double value = 0;
    source::span where; ///< the number and its unit
};

bool clause_end(std::string_view rest) {
    return rest.starts_with("。") || rest.starts_with("；") || rest.starts_with(";")
           || rest.starts_with("\n");
}

// The first "<number><unit>" after `from` in the same clause, at most 40 bytes away (about a
// dozen characters); approximate figures ("110余条") are not statements of a figure.
std::optional<stated> number_after(std::string_view text, std::size_t from, std::uint32_t base,
                                   std::string_view unit) {
    for (std::size_t i = from; i < text.size() && i < from + 40; ++i) {
        if (clause_end(text.substr(i))) {
            return std::nullopt;
        }
        if (text[i] < '0' || text[i] > '9' || (i > 0 && text[i - 1] >= '0' && text[i - 1] <= '9')) {
            continue;
        }
        std::size_t j = i;
        double v = 0;
        while (j < text.size() && text[j] >= '0' && text[j] <= '9') {
            v = v * 10 + (text[j] - '0');
            ++j;
        }
        std::size_t k = j;
        while (k < text.size() && text[k] == ' ') {
            ++k;
        }
        if (text.substr(k).starts_with(unit)) {
            return stated{v,
                          {base + static_cast<std::uint32_t>(i),
                           base + static_cast<std::uint32_t>(k + unit.size())}};
        }
        i = j;
    }
    return std::nullopt;
}

struct resolved {
    std::vector<const model::bound_cell*> cells;
    double value = 0;
    /// The cells as the messages name them, joined with " + ".
    std::vector<std::tuple<const model::bound_table*, const model::bound_row*, std::size_t>> names;

    std::string name() const {
        std::string out;
        for (const auto& [table, row, column] : names) {
            out += (out.empty() ? "" : " + ") + cell_name(*table, *row, column);
        }
        return out;
    }
};

std::optional<resolved> resolve(const context& ctx, const phrase& p) {
    resolved out;
    for (const auto& [t, r, c] : p.cells) {
        const auto* table = ctx.model().table(t);
        const auto* row = table != nullptr ? table->row(r) : nullptr;
        const auto* cell = table != nullptr ? table->cell(r, c) : nullptr;
        if (cell == nullptr || cell->node == 0 || cell->invalid
            || row->how == model::label_match::missing) {
            return std::nullopt;
        }
        out.cells.push_back(cell);
        out.value += cell->value.value_or(0.0);
        out.names.emplace_back(table, row, table->column_index(c));
    }
    return out;
}

// The stated figure agrees with the table; do the template's relations still hold for it?
void check_relations(context& ctx, check_evaluator& evaluator, const stated& s, const resolved& r,
                     std::string_view said) {
    if (r.cells.size() != 1 || ctx.model().tpl == nullptr) {
        return;
    }
    const overrides replaced{{r.cells[0], s.value}};
    for (const auto& check : ctx.model().tpl->checks) {
        if (!evaluator.may_compare(check, r.cells[0])) {
            continue;
        }
        evaluator.run(check, replaced, true, [&](evaluation&& e) {
            const auto uses = [&](const side& sd) {
                return std::any_of(sd.cells.begin(), sd.cells.end(),
                                   [&](const cell_term& t) { return t.cell == r.cells[0]; });
            };
            if (!uses(e.lhs) && !uses(e.rhs)) {
                return;
            }
            const auto frag = [&](const side& sd, bool rhs) {
                const std::string name = side_name(sd, check, rhs);
                return sd.cells.empty() ? name : name + " = " + format_number(sd.value);
            };
            const std::string& op = check.assertion.op;
            const char* id = op == "<=" || op == "<"   ? "xref/narrative-relation.exceeds"
                             : op == ">=" || op == ">" ? "xref/narrative-relation.below"
                                                       : "xref/narrative-relation";
            ctx.report(
                id, s.where,
                {std::string(said), frag(e.lhs, false), frag(e.rhs, true), check.description});
        });
    }
}

void narrative(context& ctx) {
    const auto& doc = ctx.doc();
    // The table side of each phrase, resolved once; phrases this report's tables lack are out.
    std::vector<std::pair<std::size_t, resolved>> known;
    for (std::size_t p = 0; p < phrases().size(); ++p) {
        if (auto r = resolve(ctx, phrases()[p])) {
            known.emplace_back(p, std::move(*r));
        }
    }
    if (known.empty()) {
        return;
    }
    check_evaluator evaluator(ctx.model());
    keyword_hits hits;
    // Paragraphs are never inside a table: the walk skips the tables' rows and cells.
    for (ast::node_id i = 0; i < doc.nodes().size();
         i = doc[i].kind == ast::node_kind::table ? std::max(i + 1, doc[i].subtree_end) : i + 1) {
        if (doc[i].kind != ast::node_kind::paragraph) {
            continue;
        }
        const std::string_view text = ast::line_content(doc, i);
        const std::uint32_t base = doc[i].span.begin;
        const std::size_t digit = last_digit(text);
        if (digit == std::string_view::npos || !find_keywords(text.substr(0, digit), hits)) {
            continue;
        }
        for (const auto& [pi, r] : known) {
            const phrase& p = phrases()[pi];
            for (const std::size_t k : p.keywords) {
                // Each search for the keyword resumes after the occurrence found before.
                std::size_t resume = 0;
                for (const std::uint32_t at : hits[k]) {
                    if (at < resume) {
                        continue;
                    }
                    resume = at + keywords[k].size();
                    std::size_t from = resume;
                    if (!p.then.empty()) {
                        // `then` must start within 30 bytes of the keyword.
                        const auto t = text.substr(from, 30 + p.then.size()).find(p.then);
                        if (t == std::string_view::npos) {
                            continue;
                        }
                        from += t + p.then.size();
                    }
                    const auto s = number_after(text, from, base, p.unit);
                    if (!s) {
                        continue;
                    }
                    const std::string said(doc.text().substr(base + at, s->where.end - base - at));
                    if (s->value != r.value) {
                        ctx.report(
                            "xref/narrative-mismatch", s->where,
                            {said, format_number(s->value), r.name(), format_number(r.value)});
                    } else {
                        check_relations(ctx, evaluator, *s, r, said);
                    }
                }
            }
        }
    }
}

} // namespace

void register_xref_rules(registry& reg) {
    reg.add(
        {"xref/narrative",
         source::severity::warning,
         "a figure stated in the text contradicts the tables",
         "Sentences such as `共受理政府信息公开申请N件`, `办结…N件` or `主动公开政府信息：N条` "
         "restate a table figure (table 3's 本年新收 总计, （七）总计, the 统计表's 主动公开政府"
         "信息数). A different number is reported at the number in the text; an equal number "
         "is also checked against the template's relations for that figure. Seed 004 writes "
         "`主动公开政府信息:7条` while its table has 33 items on the government website alone: "
         "`正文「主动公开政府信息:7条」与表格不符：2.政府网站公开政府信息数 = 33，超过了"
         "（一）主动公开政府信息数 = 7`.",
         {{"xref/narrative-mismatch", "正文「{0}」为 {1}，但表格中 {2} = {3}",
           "the text \"{0}\" says {1}, but the table has {2} = {3}"},
          {"xref/narrative-relation", "正文「{0}」与表格不符：{1}，但{2}（{3}）",
           "the text \"{0}\" contradicts the table: {1}, but {2} ({3})"},
          {"xref/narrative-relation.exceeds", "正文「{0}」与表格不符：{1}，超过了{2}（{3}）",
           "the text \"{0}\" contradicts the table: {1} exceeds {2} ({3})"},
          {"xref/narrative-relation.below", "正文「{0}」与表格不符：{1}，少于{2}（{3}）",
           "the text \"{0}\" contradicts the table: {1} is less than {2} ({3})"}},
         false,
         narrative});
}

} // namespace nianbao::lint
