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
    std::size_t operator()(std::string_view s) const noexcept {
        return std::hash<std::string_view>{}(s);
    }
};

/// A map from label keys, searched with views.
template <class V>
using key_map = std::unordered_map<std::string, V, key_hash, std::equal_to<>>;
/// A set of label keys, searched with views.
using key_set = std::unordered_set<std::string, key_hash, std::equal_to<>>;

/// Whether two short keys are equal, without a call to memcmp: keys ("r3_1", "total") are a few
/// bytes, compared in at most a few words.
inline bool same_key(std::string_view a, std::string_view b) noexcept {
    const std::size_t n = a.size();
    if (n != b.size()) {
        return false;
    }
    const char* p = a.data();
    const char* q = b.data();
    const auto load8 = [](const char* x) {
        std::uint64_t v = 0;
        std::memcpy(&v, x, 8);
        return v;
    };
    const auto load4 = [](const char* x) {
        std::uint32_t v = 0;
        std::memcpy(&v, x, 4);
        return v;
    };
    if (n >= 8) {
        for (std::size_t i = 0; i + 8 < n; i += 8) {
            if (load8(p + i) != load8(q + i)) {
                return false;
            }
        }
        return load8(p + n - 8) == load8(q + n - 8);
    }
    if (n >= 4) {
        return load4(p) == load4(q) && load4(p + n - 4) == load4(q + n - 4);
    }
    for (std::size_t i = 0; i < n; ++i) {
        if (p[i] != q[i]) {
            return false;
        }
    }
    return true;
}

/// Where each key of a list (a table's rows or columns) first appears:
/// an open-addressed table of positions, for lookups by key without comparing every key.
class key_positions {
public:
    static constexpr std::size_t npos = static_cast<std::size_t>(-1);

    key_positions() = default;
    /// Indexes `keys`; a key that appears again keeps its first position.
    explicit key_positions(const std::vector<std::string_view>& keys);

    /// The first position whose key is `key`, or npos. `key_at(i)` gives the key at position i
    /// (the index keeps hashes only).
    template <class KeyAt>
    std::size_t find(std::string_view key, KeyAt&& key_at) const {
        if (slots_.empty()) {
            return npos;
        }
        const std::uint64_t h = hash(key);
        const auto tag = static_cast<std::uint32_t>(h >> 32);
        for (std::size_t s = h & mask_;; s = (s + 1) & mask_) {
            const slot& x = slots_[s];
            if (x.position == 0) {
                return npos;
            }
            if (x.tag == tag && same_key(key_at(x.position - 1), key)) {
                return x.position - 1;
            }
        }
    }

private:
    struct slot {
        std::uint32_t tag = 0;
        std::uint32_t position = 0; ///< position + 1; 0 for an empty slot
    };
    // Keys are short: their first and last bytes (in at most two words) and length decide.
    static std::uint64_t hash(std::string_view key) noexcept {
        const std::size_t n = key.size();
        const char* p = key.data();
        std::uint64_t x = n;
        if (n >= 8) {
            std::uint64_t a = 0;
            std::uint64_t b = 0;
            std::memcpy(&a, p, 8);
            std::memcpy(&b, p + n - 8, 8);
            x ^= a ^ (b << 23 | b >> 41);
        } else if (n >= 4) {
            std::uint32_t a = 0;
            std::uint32_t b = 0;
            std::memcpy(&a, p, 4);
            std::memcpy(&b, p + n - 4, 4);
            x ^= (std::uint64_t{a} << 32 | b) << 3;
        } else if (n > 0) {
            x ^= (std::uint64_t{static_cast<unsigned char>(p[0])} << 8
                  | std::uint64_t{static_cast<unsigned char>(p[n / 2])} << 16
                  | std::uint64_t{static_cast<unsigned char>(p[n - 1])} << 24);
        }
        x *= 0x9E3779B97F4A7C15ULL;
        return x ^ (x >> 29);
    }
    std::vector<slot> slots_;
    std::size_t mask_ = 0;
};

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
    key_map<key_tables> keys;
    bool digit_keys = false;               ///< some key in `keys` is plain digits ("2019")
    std::vector<std::string> fingerprints; ///< label keys of the template's fingerprints
    std::vector<std::string> excludes;     ///< and of its excluded strings
};

/// Builds the index of `t`.
std::shared_ptr<const label_index> build_label_index(const template_def& t);

/// The index of `t`: the one the loader built, or one built now (a template made in code).
std::shared_ptr<const label_index> label_index_of(const template_def& t);

} // namespace nianbao::model::detail
