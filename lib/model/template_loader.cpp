// Reading template files: statements → template_def, `extends`, and validation of checks.
#include <algorithm>
#include <filesystem>
#include <functional>
#include <map>
#include <set>

#include "ast/template_syntax.hpp"
#include "model/check_cells.hpp"
#include "model/label_index.hpp"
#include "model/labels.hpp"
#include "model/template.hpp"
#include "source/line_index.hpp"
#include "source/text.hpp"

namespace nianbao::model {

namespace {

using ast::template_statement;
using ast::template_token;
using tok = template_token::kind;

void compute_keys(template_def& t);

// One template's statements as read, before `extends` is resolved.
struct raw_template {
    std::string id;
    std::string base;
    std::size_t source = 0; // index into the loader's sources
    source::span where;
    std::vector<template_statement> statements;
};

class loader {
public:
    explicit loader(const std::vector<template_source>& sources) : sources_(sources) {
        for (const auto& s : sources_) {
            indexes_.emplace_back(std::make_unique<source::line_index>(s.text));
        }
    }

    template_set run() {
        for (std::size_t i = 0; i < sources_.size(); ++i) {
            read(i);
        }
        for (const auto& [id, raw] : raw_) {
            resolve(id);
        }
        // Keep the order in which templates were first seen: built-ins, then directories.
        for (const auto& id : order_) {
            if (const auto it = done_.find(id); it != done_.end()) {
                validate(it->second, raw_.at(id));
                set_.templates.push_back(it->second);
                set_.templates.back().labels = detail::build_label_index(set_.templates.back());
                set_.templates.back().check_cells =
                    detail::build_check_cells(set_.templates.back());
            }
        }
        return std::move(set_);
    }

private:
    void problem(std::size_t src, source::span at, std::string id,
                 std::vector<std::string> args = {}) {
        const auto p = indexes_[src]->locate(at.begin);
        set_.problems.push_back({sources_[src].origin,
                                 p.line,
                                 p.column,
                                 {std::move(id), source::severity::error, at, std::move(args)}});
    }

    void read(std::size_t src) {
        auto syntax = ast::parse_template_syntax(sources_[src].text);
        for (auto& d : syntax.diagnostics) {
            problem(src, d.where, d.id, d.args);
        }
        raw_template* current = nullptr;
        for (auto& st : syntax.statements) {
            if (st.keyword.text == "template") {
                if (st.args.empty() || st.args[0].type != tok::name) {
                    problem(src, st.span, "template/expected-id");
                    current = nullptr;
                    continue;
                }
                raw_template r{st.args[0].text, "", src, st.span, {}};
                if (st.args.size() >= 3 && st.args[1].text == "extends") {
                    r.base = st.args[2].text;
                }
                if (raw_.count(r.id) == 0) {
                    order_.push_back(r.id);
                }
                raw_[r.id] = std::move(r); // a later file replaces an earlier template
                current = &raw_[st.args[0].text];
            } else if (current == nullptr) {
                problem(src, st.span, "template/statement-outside-template", {st.keyword.text});
            } else {
                current->statements.push_back(std::move(st));
            }
        }
    }

    // Builds a template: its base first (depth-first, detecting cycles), then its statements.
    const template_def* resolve(const std::string& id) {
        if (const auto it = done_.find(id); it != done_.end()) {
            return &it->second;
        }
        const auto it = raw_.find(id);
        if (it == raw_.end()) {
            return nullptr;
        }
        const raw_template& raw = it->second;
        if (!visiting_.insert(id).second) {
            problem(raw.source, raw.where, "template/extends-cycle", {id});
            return nullptr;
        }
        template_def t;
        if (!raw.base.empty()) {
            const template_def* base = resolve(raw.base);
            if (base == nullptr) {
                if (raw_.count(raw.base) == 0) {
                    problem(raw.source, raw.where, "template/unknown-base", {raw.base});
                }
                visiting_.erase(id);
                return nullptr;
            }
            t = *base;
        }
        t.id = id;
        t.base = raw.base;
        t.origin = sources_[raw.source].origin;
        apply(raw, t);
        compute_keys(t);
        visiting_.erase(id);
        return &(done_[id] = std::move(t));
    }

    void apply(const raw_template& raw, template_def& t);
    void apply_table_statement(const raw_template& raw, const template_statement& st,
                               table_def& table);
    bool parse_labels(const raw_template& raw, const std::vector<template_token>& args,
                      std::size_t& i, label_set& out);
    bool parse_comparison(const raw_template& raw, const template_statement& st, comparison& out);
    void validate(template_def& t, const raw_template& raw);

    const std::vector<template_source>& sources_;
    std::vector<std::unique_ptr<source::line_index>> indexes_;
    std::map<std::string, raw_template> raw_;
    std::vector<std::string> order_;
    std::map<std::string, template_def> done_;
    std::set<std::string> visiting_;
    template_set set_;
};

void compute_keys(label_set& l) {
    l.key = l.canonical.empty() ? std::string() : label_key(l.canonical);
    l.bare = l.canonical.empty() ? std::string() : bare_key(l.canonical);
    l.variant_keys.clear();
    l.variant_bare.clear();
    for (const auto& v : l.variants) {
        l.variant_keys.push_back(label_key(v));
        l.variant_bare.push_back(bare_key(v));
    }
}

// Label keys are computed once per template, not at every comparison.
void compute_keys(template_def& t) {
    for (auto& s : t.sections) {
        compute_keys(s.titles);
    }
    for (auto& tb : t.tables) {
        compute_keys(tb.caption);
        for (auto& h : tb.header) {
            compute_keys(h);
        }
        for (auto& g : tb.groups) {
            compute_keys(g);
        }
        for (auto& c : tb.columns) {
            compute_keys(c.labels);
        }
        for (auto& r : tb.rows) {
            compute_keys(r.labels);
        }
    }
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

bool parse_severity(std::string_view s, source::severity& out) {
    if (s == "error") {
        out = source::severity::error;
    } else if (s == "warning") {
        out = source::severity::warning;
    } else if (s == "info") {
        out = source::severity::info;
    } else {
        return false;
    }
    return true;
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
            if (a.empty() || a[0].type != tok::number) {
                problem(raw.source, st.span, "template/expected-year");
                continue;
            }
            t.year_from = std::stoi(a[0].text);
            t.year_to = a.size() > 1 && a[1].type == tok::number ? std::stoi(a[1].text) : 9999;
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
            if (a.size() < 2 || a[0].type != tok::name || !parse_severity(a[1].text, c.level)) {
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
            if (x.type == tok::number) {
                t.number = std::stod(x.text);
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

// A check expands to one comparison per binding of its loops; real templates need a few hundred.
constexpr std::size_t max_check_bindings = 10000;

// Every reference of every check must name a table, row and column of the template, for every
// value of its loop variables; a template that fails this is still loaded, with problems.
void loader::validate(template_def& t, const raw_template& raw) {
    std::vector<bool> oversized(t.checks.size(), false);
    for (const auto& c : t.checks) {
        if (c.assertion.op.empty()) {
            problem(raw.source, raw.where, "template/check-without-expect", {c.key});
            continue;
        }
        // A check whose loops expand too far is dropped with a problem.
        std::size_t count = 1;
        for (const auto& loop : c.loops) {
            count = loop.second.empty() ? 0 : count * loop.second.size();
            if (count > max_check_bindings) {
                break;
            }
        }
        if (count > max_check_bindings) {
            set_.problems.push_back({c.origin,
                                     c.line,
                                     c.column,
                                     {"template/check-too-large",
                                      source::severity::error,
                                      {},
                                      {c.key, std::to_string(max_check_bindings)}}});
            oversized[static_cast<std::size_t>(&c - t.checks.data())] = true;
            continue;
        }
        std::set<std::string> reported;
        auto check_ref = [&](const cell_ref& r, const loop_binding& b) {
            auto sub = [&](const std::string& s) {
                const auto v = substitute(s, b);
                return v ? std::string(*v) : "?" + s;
            };
            const std::string tk = sub(r.table);
            const std::string rk = sub(r.row);
            const std::string ck = sub(r.column);
            const table_def* td = t.table(tk);
            const bool ok = td != nullptr
                            && std::any_of(td->rows.begin(), td->rows.end(),
                                           [&](const row_def& x) { return x.key == rk; })
                            && std::any_of(td->columns.begin(), td->columns.end(),
                                           [&](const column_def& x) { return x.key == ck; });
            const std::string full = tk + "." + rk + "." + ck;
            if (!ok && reported.insert(full).second) {
                set_.problems.push_back(
                    {c.origin,
                     c.line,
                     c.column,
                     {"template/unknown-key", source::severity::error, {}, {c.key, full}}});
            }
        };
        for_each_binding(c, [&](const loop_binding& b) {
            for (const auto* e : {&c.assertion.lhs, &c.assertion.rhs}) {
                for (const auto& term : e->terms) {
                    if (!term.number) {
                        check_ref(term.ref, b);
                    }
                }
            }
            if (c.condition) {
                for (const auto* e : {&c.condition->lhs, &c.condition->rhs}) {
                    for (const auto& term : e->terms) {
                        if (!term.number) {
                            check_ref(term.ref, b);
                        }
                    }
                }
            }
        });
    }
    std::vector<check_def> kept;
    for (std::size_t i = 0; i < t.checks.size(); ++i) {
        if (!oversized[i]) {
            kept.push_back(std::move(t.checks[i]));
        }
    }
    t.checks = std::move(kept);
}

} // namespace

const table_def* template_def::table(std::string_view key) const {
    for (const auto& t : tables) {
        if (t.key == key) {
            return &t;
        }
    }
    return nullptr;
}

const section_def* template_def::section(std::string_view key) const {
    for (const auto& s : sections) {
        if (s.key == key) {
            return &s;
        }
    }
    return nullptr;
}

const template_def* template_set::find(std::string_view id) const {
    for (const auto& t : templates) {
        if (t.id == id) {
            return &t;
        }
    }
    return nullptr;
}

std::string_view name(value_type t) noexcept {
    constexpr std::string_view names[] = {"count", "signed", "decimal", "amount", "text", "unit"};
    return names[static_cast<std::uint8_t>(t)];
}

template_set load_template_sources(const std::vector<template_source>& sources) {
    return loader(sources).run();
}

template_set load_templates(const std::vector<std::string>& dirs) {
    std::vector<template_source> sources;
    for (const auto& [name, text] : builtin_template_files()) {
        sources.push_back({"built-in:" + std::string(name), std::string(text)});
    }
    namespace fs = std::filesystem;
    std::vector<template_problem> io_problems;
    for (const auto& dir : dirs) {
        std::error_code ec;
        std::vector<std::string> files;
        for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
            if (it->path().extension() == ".tpl") {
                files.push_back(it->path().string());
            }
        }
        if (ec) {
            io_problems.push_back(
                {dir,
                 0,
                 0,
                 {"template/dir-unreadable", source::severity::error, {}, {ec.message()}}});
        }
        std::sort(files.begin(), files.end());
        for (const auto& f : files) {
            auto loaded = source::load(f, source::encoding::automatic);
            if (auto* e = std::get_if<source::input_error>(&loaded)) {
                io_problems.push_back(
                    {f, e->line, e->column, {e->id, source::severity::error, {}, {e->detail}}});
                continue;
            }
            sources.push_back({f, std::get<source::text>(std::move(loaded)).utf8});
        }
    }
    template_set set = load_template_sources(sources);
    set.problems.insert(set.problems.begin(), io_problems.begin(), io_problems.end());
    return set;
}

} // namespace nianbao::model
