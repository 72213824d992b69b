// Template statements applied to a template: labels, tables, rows, columns, checks, fingerprints.
#include <algorithm>
#include <charconv>

#include "model/template_reader.hpp"

namespace nianbao::model::detail {

using ast::template_statement;
using ast::template_token;
using tok = template_token::kind;

namespace {

// A number token as a T, all of it; false when it has a fraction T cannot hold or does not fit
// ("years 2218030020", a term of four hundred digits): a problem, not an exception.
template <typename T>
bool to_number(std::string_view s, T& out) {
    const char* const end = s.data() + s.size();
    const auto [stop, error] = std::from_chars(s.data(), end, out);
    return error == std::errc() && stop == end;
}

bool parse_type(std::string_view s, value_type& t) {
    static const std::pair<std::string_view, value_type> types[] = {
        {"count", value_type::count},     {"signed", value_type::signed_},
        {"decimal", value_type::decimal}, {"amount", value_type::amount},
        {"text", value_type::text},       {"unit", value_type::unit}};
    for (const auto& [n, v] : types) {
        if (s == n) {
            t = v;
            return true;
        }
    }
    return false;
}

template <typename T>
void put(std::vector<T>& items, T item) {
    const auto it =
        std::find_if(items.begin(), items.end(), [&](const T& x) { return x.key == item.key; });
    if (it != items.end()) {
        *it = std::move(item);
    } else {
        items.push_back(std::move(item));
    }
}

template <typename T>
bool erase_key(std::vector<T>& items, std::string_view key) {
    const auto n = items.size();
    items.erase(
        std::remove_if(items.begin(), items.end(), [&](const T& x) { return x.key == key; }),
        items.end());
    return items.size() != n;
}

} // namespace

bool loader::parse_labels(const raw_template& raw, const std::vector<template_token>& args,
                          std::size_t& i, label_set& out) {
    out = {};
    bool first = true;
    while (i < args.size() && args[i].type == tok::string) {
        (first ? out.canonical : out.variants.emplace_back()) = args[i].text;
        first = false;
        ++i;
        if (i < args.size() && args[i].text == "|") {
            ++i;
            if (i >= args.size() || args[i].type != tok::string) {
                problem(raw.source, args[i - 1].span, "template/expected-label");
                return false;
            }
        } else {
            break;
        }
    }
    return !first;
}

void loader::apply(const raw_template& raw, template_def& t) {
    table_def* table = nullptr;
    check_def* check = nullptr;
    bool own_fingerprints = false;
    bool own_excludes = false;
    for (const auto& st : raw.statements) {
        const std::string& kw = st.keyword.text;
        const auto& a = st.args;
        auto strings = [&]() {
            std::vector<std::string> out;
            for (const auto& x : a) {
                if (x.type == tok::string) {
                    out.push_back(x.text);
                }
            }
            return out;
        };
        if (kw == "title" || kw == "issued") {
            (kw == "title" ? t.title : t.issued) = a.empty() ? "" : a[0].text;
        } else if (kw == "years") {
            int from = 0;
            int to = 9999;
            if (a.empty() || a[0].type != tok::number || !to_number(a[0].text, from)
                || (a.size() > 1 && a[1].type == tok::number && !to_number(a[1].text, to))) {
                problem(raw.source, st.span, "template/expected-year");
                continue;
            }
            t.year_from = from;
            t.year_to = to;
        } else if (kw == "fingerprint" || kw == "exclude") {
            bool& own = kw == "fingerprint" ? own_fingerprints : own_excludes;
            auto& list = kw == "fingerprint" ? t.fingerprints : t.excludes;
            if (!own) {
                list.clear(); // a derived template states its own fingerprints
                own = true;
            }
            for (auto& x : strings()) {
                list.push_back(std::move(x));
            }
        } else if (kw == "section") {
            section_def sec;
            std::size_t i = 1;
            if (a.empty() || a[0].type != tok::name || !parse_labels(raw, a, i, sec.titles)) {
                problem(raw.source, st.span, "template/bad-section");
                continue;
            }
            sec.key = a[0].text;
            sec.optional = i < a.size() && a[i].text == "optional";
            put(t.sections, std::move(sec));
            table = nullptr;
            check = nullptr;
        } else if (kw == "table" || kw == "amend") {
            check = nullptr;
            if (a.empty() || a[0].type != tok::name) {
                problem(raw.source, st.span, "template/expected-key", {kw});
                table = nullptr;
                continue;
            }
            if (kw == "table") {
                table_def fresh;
                fresh.key = a[0].text;
                fresh.title = a.size() > 1 ? a[1].text : "";
                put(t.tables, std::move(fresh));
            } else if (t.table(a[0].text) == nullptr) {
                problem(raw.source, a[0].span, "template/unknown-table", {a[0].text});
                table = nullptr;
                continue;
            }
            table = const_cast<table_def*>(t.table(a[0].text));
        } else if (kw == "remove") {
            if (a.size() < 2) {
                problem(raw.source, st.span, "template/expected-key", {kw});
                continue;
            }
            bool removed = false;
            if (a[0].text == "table") {
                removed = erase_key(t.tables, a[1].text);
                table = nullptr;
            } else if (a[0].text == "check") {
                removed = erase_key(t.checks, a[1].text);
                check = nullptr;
            } else if (a[0].text == "section") {
                removed = erase_key(t.sections, a[1].text);
            } else if (table != nullptr && a[0].text == "row") {
                removed = erase_key(table->rows, a[1].text);
            } else if (table != nullptr && a[0].text == "column") {
                removed = erase_key(table->columns, a[1].text);
            }
            if (!removed) {
                problem(raw.source, a[1].span, "template/nothing-to-remove",
                        {a[0].text, a[1].text});
            }
        } else if (kw == "check") {
            table = nullptr;
            check_def c;
            if (a.size() < 2 || a[0].type != tok::name
                || !source::parse_severity(a[1].text, c.level)) {
                problem(raw.source, st.span, "template/bad-check");
                check = nullptr;
                continue;
            }
            c.key = a[0].text;
            c.description = a.size() > 2 ? a[2].text : "";
            put(t.checks, std::move(c));
            check = &*std::find_if(t.checks.begin(), t.checks.end(),
                                   [&](const check_def& x) { return x.key == a[0].text; });
        } else if (kw == "for" || kw == "when" || kw == "expect") {
            if (check == nullptr) {
                problem(raw.source, st.span, "template/outside-check", {kw});
                continue;
            }
            if (kw == "for") {
                if (a.size() < 3 || a[0].text.front() != '$' || a[1].text != "in") {
                    problem(raw.source, st.span, "template/bad-for");
                    continue;
                }
                std::vector<std::string> values;
                for (std::size_t i = 2; i < a.size(); ++i) {
                    values.push_back(a[i].text);
                }
                check->loops.emplace_back(a[0].text, std::move(values));
            } else {
                comparison cmp;
                if (!parse_comparison(raw, st, cmp)) {
                    continue;
                }
                if (kw == "when") {
                    check->condition = std::move(cmp);
                } else {
                    check->assertion = std::move(cmp);
                    const auto& text = sources_[raw.source].text;
                    check->assertion_text =
                        text.substr(a.front().span.begin, a.back().span.end - a.front().span.begin);
                    const auto pos = indexes_[raw.source]->locate(st.span.begin);
                    check->origin = sources_[raw.source].origin;
                    check->line = pos.line;
                    check->column = pos.column;
                }
            }
        } else if (table != nullptr) {
            apply_table_statement(raw, st, *table);
        } else {
            problem(raw.source, st.keyword.span, "template/unknown-statement", {kw});
        }
    }
}

void loader::apply_table_statement(const raw_template& raw, const template_statement& st,
                                   table_def& table) {
    const std::string& kw = st.keyword.text;
    const auto& a = st.args;
    std::size_t i = 0;
    if (kw == "caption" || kw == "header" || kw == "group") {
        label_set labels;
        if (!parse_labels(raw, a, i, labels)) {
            problem(raw.source, st.span, "template/expected-label");
            return;
        }
        if (kw == "caption") {
            table.caption = std::move(labels);
        } else {
            (kw == "header" ? table.header : table.groups).push_back(std::move(labels));
        }
    } else if (kw == "in") {
        table.section = a.empty() ? "" : a[0].text;
    } else if (kw == "column") {
        column_def col;
        i = 1;
        if (a.empty() || a[0].type != tok::name || !parse_labels(raw, a, i, col.labels)) {
            problem(raw.source, st.span, "template/bad-column");
            return;
        }
        col.key = a[0].text;
        for (; i < a.size(); ++i) {
            if (a[i].text == "unit" && i + 1 < a.size()) {
                col.unit = a[++i].text;
            } else if (!parse_type(a[i].text, col.type)) {
                problem(raw.source, a[i].span, "template/unknown-type", {a[i].text});
            }
        }
        put(table.columns, std::move(col));
    } else if (kw == "row") {
        row_def row;
        i = 1;
        if (a.empty() || a[0].type != tok::name) {
            problem(raw.source, st.span, "template/bad-row");
            return;
        }
        row.key = a[0].text;
        if (a.size() > 1 && a[1].text == "unlabeled") {
            row.unlabeled = true;
        } else if (!parse_labels(raw, a, i, row.labels)) {
            problem(raw.source, st.span, "template/bad-row");
            return;
        }
        put(table.rows, std::move(row));
    } else {
        problem(raw.source, st.keyword.span, "template/unknown-statement", {kw});
    }
}

bool loader::parse_comparison(const raw_template& raw, const template_statement& st,
                              comparison& out) {
    static const std::set<std::string> ops{"==", "!=", "<=", ">=", "<", ">"};
    const auto& a = st.args;
    std::size_t i = 0;
    auto parse_expr = [&](expression& e) {
        int sign = 1;
        bool want_term = true;
        for (; i < a.size() && ops.count(a[i].text) == 0; ++i) {
            const auto& x = a[i];
            if (!want_term && (x.text == "+" || x.text == "-")) {
                sign = x.text == "-" ? -1 : 1;
                want_term = true;
                continue;
            }
            if (!want_term) {
                problem(raw.source, x.span, "template/expected-operator", {x.text});
                return false;
            }
            expression::term t;
            t.sign = sign;
            if (double value = 0; x.type == tok::number && to_number(x.text, value)) {
                t.number = value;
            } else if (x.type == tok::number) {
                problem(raw.source, x.span, "template/number-out-of-range", {x.text});
                return false;
            } else if (x.type == tok::name && std::count(x.text.begin(), x.text.end(), '.') == 2) {
                const auto d1 = x.text.find('.');
                const auto d2 = x.text.find('.', d1 + 1);
                t.ref = {x.text.substr(0, d1), x.text.substr(d1 + 1, d2 - d1 - 1),
                         x.text.substr(d2 + 1)};
            } else {
                problem(raw.source, x.span, "template/bad-reference", {x.text});
                return false;
            }
            e.terms.push_back(std::move(t));
            want_term = false;
        }
        if (want_term) {
            problem(raw.source, i < a.size() ? a[i].span : st.span, "template/expected-term");
            return false;
        }
        return true;
    };
    if (!parse_expr(out.lhs)) {
        return false;
    }
    if (i >= a.size()) {
        problem(raw.source, st.span, "template/expected-comparison");
        return false;
    }
    out.op = a[i++].text;
    return parse_expr(out.rhs)
           && (i == a.size()
               || (problem(raw.source, a[i].span, "template/expected-operator", {a[i].text}),
                   false));
}

} // namespace nianbao::model::detail
