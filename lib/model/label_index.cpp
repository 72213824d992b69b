// Building a template's label index (see label_index.hpp).
#include "model/label_index.hpp"

#include <algorithm>

#include "model/labels.hpp"

namespace nianbao::model::detail {

key_positions::key_positions(const std::vector<std::string_view>& keys) {
    if (keys.empty()) {
        return;
    }
    std::size_t size = 4;
    while (size < 2 * keys.size()) {
        size *= 2;
    }
    slots_.resize(size);
    mask_ = size - 1;
    for (std::size_t i = 0; i < keys.size(); ++i) {
        const std::uint64_t h = hash(keys[i]);
        const auto tag = static_cast<std::uint32_t>(h >> 32);
        std::size_t s = h & mask_;
        while (slots_[s].position != 0
               && !(slots_[s].tag == tag && same_key(keys[slots_[s].position - 1], keys[i]))) {
            s = (s + 1) & mask_;
        }
        if (slots_[s].position == 0) { // a repeated key keeps its first position
            slots_[s] = {tag, static_cast<std::uint32_t>(i + 1)};
        }
    }
}

namespace {

void add(key_set& set, const label_set& l) {
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

template <class T>
std::vector<std::string_view> keys_of(const std::vector<T>& items) {
    std::vector<std::string_view> keys;
    keys.reserve(items.size());
    for (const auto& x : items) {
        keys.emplace_back(x.key);
    }
    return keys;
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
    m.row_keys = key_positions(keys_of(def.rows));
    m.column_keys = key_positions(keys_of(def.columns));
    return m;
}

bool plain_digits(std::string_view s) {
    return !s.empty()
           && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
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
        // The tables of `key`, a new entry for a key seen first.
        const auto tables_of = [&index](const std::string& key) -> key_tables& {
            auto& at = index->keys[key];
            if (at == 0) {
                at = static_cast<std::uint32_t>(index->key_tables_of.size());
                index->key_tables_of.emplace_back();
            }
            return index->key_tables_of[at];
        };
        for (const auto& [key, rows] : m.rows) {
            tables_of(key).row |= bit;
        }
        for (const auto& key : m.headings) {
            tables_of(key).heading |= bit;
        }
        for (const auto& key : m.groups) {
            tables_of(key).group |= bit;
        }
    }
    index->digit_keys = std::any_of(index->keys.begin(), index->keys.end(),
                                    [](const auto& k) { return plain_digits(k.first); });
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
