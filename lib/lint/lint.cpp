// Running the rules: enabling them, reporting, severities, sorting and applying fixes.
#include "lint/lint.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <mutex>
#include <set>
#include <unordered_map>

#include <fmt/format.h>

namespace nianbao::lint {

bool rule_matches(std::string_view pattern, std::string_view rule) {
    if (pattern == rule) {
        return true;
    }
    if (pattern.ends_with('/')) {
        pattern.remove_suffix(1);
    }
    return rule.size() > pattern.size() && rule.starts_with(pattern) && rule[pattern.size()] == '/';
}

namespace {

// What a message id resolves to: the registry's copy of the id, its rule and that rule's severity.
struct message_ref {
    id_ref message;
    id_ref rule;
    source::severity level = source::severity::error;
};

// The message ids of the built-in registry, built once and only read after, each mapped to its
// first rule as registry::rule_of_message does: a hash lookup rather than a map of strings.
const std::unordered_map<std::string_view, message_ref>& message_index() {
    static const auto index = [] {
        std::unordered_map<std::string_view, message_ref> m;
        for (const auto& r : builtin_registry().rules()) {
            for (const auto& msg : r.messages) {
                m.try_emplace(msg.id, message_ref{msg.id, r.id, r.default_severity});
            }
        }
        return m;
    }();
    return index;
}

// An id the registry lacks (its own rule, at error), copied once into storage that lives as long
// as the program, as the registry does.
message_ref resolve(std::string_view message_id) {
    const auto& index = message_index();
    if (const auto it = index.find(message_id); it != index.end()) {
        return it->second;
    }
    static std::mutex mutex;
    static std::set<std::string, std::less<>> unknown;
    const std::lock_guard<std::mutex> lock(mutex);
    const std::string_view id = *unknown.emplace(message_id).first;
    return {id, id, source::severity::error};
}

} // namespace

finding& context::report(std::string_view message_id, source::span where,
                         std::vector<std::string> args) {
    // The ids are compared, not their addresses: a rule may pass a buffer it reuses.
    if (message_id != last_message_) {
        const message_ref ref = resolve(message_id);
        last_message_ = ref.message;
        last_rule_ = ref.rule;
        last_level_ = ref.level;
    }
    finding& f = out_.emplace_back();
    f.rule = last_rule_;
    f.message_id = last_message_;
    f.level = last_level_;
    f.where = where;
    f.args = std::move(args);
    return f;
}

finding& context::report_node(std::string_view message_id, ast::node_id node,
                              std::vector<std::string> args) {
    source::span where = doc_[node].span;
    if (doc_[node].kind == ast::node_kind::cell) {
        where = ast::content_span(doc_, node);
    } else {
        const std::string_view content = ast::line_content(doc_, node);
        if (!content.empty() && content.size() <= where.size()) {
            where.end = where.begin + static_cast<std::uint32_t>(content.size());
        }
    }
    return report(message_id, where, std::move(args));
}

namespace {

// The configured severity of a rule: its own entry first, then its family's.
const std::optional<source::severity>* configured(const options& opts, std::string_view rule) {
    if (const auto it = opts.severities.find(rule); it != opts.severities.end()) {
        return &it->second;
    }
    const std::string_view family = rule.substr(0, rule.find('/'));
    if (const auto it = opts.severities.find(family); it != opts.severities.end()) {
        return &it->second;
    }
    return nullptr;
}

bool enabled(const options& opts, std::string_view rule) {
    const auto named = [&](const std::vector<std::string>& list) {
        return std::any_of(list.begin(), list.end(),
                           [&](const std::string& p) { return rule_matches(p, rule); });
    };
    if (!opts.select.empty() && !named(opts.select)) {
        return false;
    }
    if (named(opts.ignore)) {
        return false;
    }
    const auto* sev = configured(opts, rule);
    return sev == nullptr || sev->has_value();
}

} // namespace

std::vector<finding> run(const ast::document& doc, const model::report_model& model,
                         const options& opts) {
    std::vector<finding> out;
    context ctx(doc, model, out);
    for (const auto& rule : builtin_registry().rules()) {
        if (rule.check != nullptr && enabled(opts, rule.id)) {
            rule.check(ctx);
        }
    }
    // A rule may report a message of another rule only if that rule is enabled too. Findings
    // come in runs of one rule, so each run is judged once.
    std::optional<std::string_view> rule;
    bool keep = false;
    const std::optional<source::severity>* sev = nullptr;
    std::size_t kept = 0;
    for (std::size_t i = 0; i < out.size(); ++i) {
        if (!rule || out[i].rule != *rule) {
            rule = out[i].rule;
            keep = enabled(opts, *rule);
            sev = configured(opts, *rule);
        }
        if (!keep) {
            continue;
        }
        if (sev != nullptr && sev->has_value()) {
            out[i].level = **sev;
        }
        if (kept != i) {
            out[kept] = std::move(out[i]);
        }
        ++kept;
    }
    out.erase(out.begin() + static_cast<std::ptrdiff_t>(kept), out.end());
    std::stable_sort(out.begin(), out.end(), [](const finding& a, const finding& b) {
        if (a.where.begin != b.where.begin) {
            return a.where.begin < b.where.begin;
        }
        return a.rule < b.rule;
    });
    return out;
}

std::string apply_fixes(std::string_view text, const std::vector<finding>& findings,
                        std::size_t* applied) {
    std::vector<const fix*> fixes;
    for (const auto& f : findings) {
        if (f.fix && !f.fix->edits.empty()) {
            fixes.push_back(&*f.fix);
        }
    }
    // Take fixes in text order; a fix that overlaps one already taken waits for the next run.
    std::stable_sort(fixes.begin(), fixes.end(), [](const fix* a, const fix* b) {
        return a->edits.front().where.begin < b->edits.front().where.begin;
    });
    // Taken edits by start offset: an overlap check is a neighbour lookup, not a scan.
    std::map<std::uint32_t, const edit*> taken;
    const auto overlaps = [&](const edit& e) {
        const auto next = taken.lower_bound(e.where.begin);
        if (next != taken.end() && (next->first == e.where.begin || next->first < e.where.end)) {
            return true;
        }
        return next != taken.begin() && std::prev(next)->second->where.end > e.where.begin;
    };
    std::size_t used = 0;
    for (const fix* fx : fixes) {
        if (std::none_of(fx->edits.begin(), fx->edits.end(), overlaps)) {
            for (const auto& e : fx->edits) {
                taken[e.where.begin] = &e;
            }
            ++used;
        }
    }
    std::vector<const edit*> edits;
    for (const auto& [begin, e] : taken) {
        edits.push_back(e);
    }
    std::sort(edits.begin(), edits.end(),
              [](const edit* a, const edit* b) { return a->where.begin < b->where.begin; });
    std::string out;
    out.reserve(text.size());
    std::size_t pos = 0;
    for (const edit* e : edits) {
        out.append(text.substr(pos, e->where.begin - pos));
        out += e->replacement;
        pos = e->where.end;
    }
    out.append(text.substr(pos));
    if (applied != nullptr) {
        *applied = used;
    }
    return out;
}

std::string cell_name(const model::bound_table& table, const model::bound_row& row,
                      std::size_t column) {
    std::string out = row.def->unlabeled ? std::string() : row.def->labels.canonical;
    const auto& cols = table.def->columns;
    if (column >= cols.size()) {
        return out;
    }
    // The column is named only when the table has several columns of figures; a label used
    // twice (table 4's 结果维持) also gets its position.
    const auto figures = std::count_if(cols.begin(), cols.end(), [](const model::column_def& c) {
        return c.type != model::value_type::unit && c.type != model::value_type::text;
    });
    if (figures > 1 || row.def->unlabeled) {
        const auto& label = cols[column].labels.canonical;
        out += (out.empty() ? "" : " ") + label;
        const auto same = std::count_if(cols.begin(), cols.end(), [&](const model::column_def& c) {
            return c.labels.canonical == label;
        });
        if (same > 1) {
            out += fmt::format("（第{}列）", column + 1);
        }
    }
    return out;
}

std::string format_number(double value) {
    if (std::abs(value - std::round(value)) < 1e-9 && std::abs(value) < 1e15) {
        return fmt::format("{}", static_cast<long long>(std::llround(value)));
    }
    return fmt::format("{}", value);
}

} // namespace nianbao::lint
