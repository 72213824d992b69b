// A template's labels as keys, hashed once when the template is loaded: binding a report looks
// each of its cells up once instead of normalising and comparing labels per report.
#pragma once

#include <cstdint>
#include <cstring>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

#include "model/binding.hpp"

namespace nianbao::model::detail {

/// Hashes std::string and std::string_view alike, so that maps keyed by strings are searched
/// with views of a report's text.
struct key_hash {
    using is_transparent = void;
    // Eight bytes at a time (the last eight overlapping): keys are tens of bytes of CJK text.
    std::size_t operator()(std::string_view s) const noexcept {
        const char* p = s.data();
        const std::size_t n = s.size();
        std::uint64_t h = 0x9E3779B97F4A7C15ULL ^ n;
        const auto mix = [&h](std::uint64_t w) {
            h = (h ^ w) * 0xBF58476D1CE4E5B9ULL;
            h ^= h >> 31;
        };
        if (n >= 8) {
            for (std::size_t i = 0; i + 8 < n; i += 8) {
                mix(load(p + i, 8));
            }
            mix(load(p + n - 8, 8));
        } else if (n >= 4) {
            mix(load(p, 4) << 32 | load(p + n - 4, 4));
        } else if (n > 0) {
            mix(static_cast<unsigned char>(p[0]) | static_cast<unsigned char>(p[n / 2]) << 8
                | static_cast<unsigned char>(p[n - 1]) << 16);
        }
        return static_cast<std::size_t>(h);
    }

private:
    static std::uint64_t load(const char* p, std::size_t bytes) noexcept {
        std::uint64_t w = 0;
        if (bytes == 8) {
            std::memcpy(&w, p, 8);
        } else {
            std::uint32_t v = 0;
            std::memcpy(&v, p, 4);
            w = v;
        }
        return w;
    }
};

/// A map from label keys, searched with views.
template <class V>
using key_map = std::unordered_map<std::string, V, key_hash, std::equal_to<>>;
/// A set of label keys, searched with views.
using key_set = std::unordered_set<std::string, key_hash, std::equal_to<>>;

/// The label keys of one template table.
struct table_label_maps {
    /// Key → the template rows (index, how) whose label or a variant has that key.
    using row_map = key_map<std::vector<std::pair<std::size_t, label_match>>>;
    row_map rows;      ///< exact keys
    row_map bare_rows; ///< keys without the ordinal marker
    key_set groups;
    key_set headings;
    bool unlabeled = false;    ///< a row is bound by position (table 4's value row)
    key_positions row_keys;    ///< row_def::key → position in table_def::rows
    key_positions column_keys; ///< column_def::key → position in table_def::columns
};

/// Which tables of a template a cell key belongs to, one bit per table (the first 64).
struct key_tables {
    std::uint64_t row = 0;     ///< a row label
    std::uint64_t heading = 0; ///< a column or header label
    std::uint64_t group = 0;   ///< a row group label
};

/// Everything binding needs from a template's labels. Holds no pointers into the template, so a
/// copied template can share it.
struct label_index {
    std::vector<table_label_maps> tables; ///< parallel to template_def::tables
    /// Key → its position in `key_tables_of` (never 0: position 0 holds no table).
    key_map<std::uint32_t> keys;
    std::vector<key_tables> key_tables_of{key_tables{}};
    bool digit_keys = false;               ///< some key in `keys` is plain digits ("2019")
    std::vector<std::string> fingerprints; ///< label keys of the template's fingerprints
    std::vector<std::string> excludes;     ///< and of its excluded strings
};

/// Builds the index of `t`.
std::shared_ptr<const label_index> build_label_index(const template_def& t);

/// The index of `t`: the one the loader built, or one built now (a template made in code).
std::shared_ptr<const label_index> label_index_of(const template_def& t);

} // namespace nianbao::model::detail
