// Building a template's label index (see label_index.hpp).
#include "model/label_index.hpp"

#include "model/labels.hpp"

namespace nianbao::model::detail {

namespace {

void add(std::unordered_set<std::string>& set, const label_set& l) {
    if (!l.key.empty()) {
        set.insert(l.key);
    }
    set.insert(l.variant_keys.begin(), l.variant_keys.end());
}

void add_rows(table_label_maps& m, const label_set& l, std::size_t i) {
    m.rows[l.key].emplace_back(i, label_match::canonical);
    m.bare_rows[l.bare].emplace_back(i, label_match::variant);
    for (std::size_t v = 0; v < l.variants.size(); ++v) {
        m.rows[l.variant_keys[v]].emplace_back(i, label_match::variant);
        m.bare_rows[l.variant_bare[v]].emplace_back(i, label_match::variant);
    }
}

table_label_maps table_maps(const table_def& def) {
    table_label_maps m;
    for (std::size_t i = 0; i < def.rows.size(); ++i) {
        if (!def.rows[i].unlabeled) {
            add_rows(m, def.rows[i].labels, i);
        } else {
            m.unlabeled = true;
        }
    }
    for (const auto& g : def.groups) {
        add(m.groups, g);
    }
    for (const auto& c : def.columns) {
        add(m.headings, c.labels);
    }
    for (const auto& h : def.header) {
        add(m.headings, h);
    }
    return m;
}

} // namespace

std::shared_ptr<const label_index> build_label_index(const template_def& t) {
    auto index = std::make_shared<label_index>();
    for (std::size_t i = 0; i < t.tables.size(); ++i) {
        index->tables.push_back(table_maps(t.tables[i]));
        if (i >= 64) {
            continue; // scored through the maps (see binding.cpp)
        }
        const std::uint64_t bit = std::uint64_t{1} << i;
        const auto& m = index->tables.back();
        for (const auto& [key, rows] : m.rows) {
            index->keys[key].row |= bit;
        }
        for (const auto& key : m.headings) {
            index->keys[key].heading |= bit;
        }
        for (const auto& key : m.groups) {
            index->keys[key].group |= bit;
        }
    }
    for (const auto& f : t.fingerprints) {
        index->fingerprints.push_back(label_key(f));
    }
    for (const auto& e : t.excludes) {
        index->excludes.push_back(label_key(e));
    }
    return index;
}

std::shared_ptr<const label_index> label_index_of(const template_def& t) {
    return t.labels != nullptr ? t.labels : build_label_index(t);
}

} // namespace nianbao::model::detail
