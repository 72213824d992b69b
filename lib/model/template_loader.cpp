// Reading template files: statements → template_def, `extends`, and validation of checks.
#include <algorithm>
#include <filesystem>
#include <functional>

#include "model/check_cells.hpp"
#include "model/label_index.hpp"
#include "model/labels.hpp"
#include "model/template_reader.hpp"
#include "source/line_index.hpp"
#include "source/text.hpp"

namespace nianbao::model {

namespace detail {

using ast::template_statement;
using ast::template_token;
using tok = template_token::kind;

namespace {

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

} // namespace

template_set loader::run() {
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
            set_.templates.back().check_cells = detail::build_check_cells(set_.templates.back());
        }
    }
    return std::move(set_);
}

void loader::problem(std::size_t src, source::span at, std::string id,
                     std::vector<std::string> args) {
    const auto p = indexes_[src]->locate(at.begin);
    set_.problems.push_back({sources_[src].origin,
                             p.line,
                             p.column,
                             {std::move(id), source::severity::error, at, std::move(args)}});
}

void loader::read(std::size_t src) {
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

const template_def* loader::resolve(const std::string& id) {
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

} // namespace detail

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
    return detail::loader(sources).run();
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
