// A template's labels as keys, hashed once when the template is loaded: binding a report looks
// each of its cells up once instead of normalising and comparing labels per report.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

#include "model/binding.hpp"

namespace nianbao::model::detail {

/// The label keys of one template table.
struct table_label_maps {
    /// Key → the template rows (index, how) whose label or a variant has that key.
    using row_map =
        std::unordered_map<std::string, std::vector<std::pair<std::size_t, label_match>>>;
    row_map rows;      ///< exact keys
    row_map bare_rows; ///< keys without the ordinal marker
    std::unordered_set<std::string> groups;
    std::unordered_set<std::string> headings;
    bool unlabeled = false; ///< a row is bound by position (table 4's value row)
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
    std::unordered_map<std::string, key_tables> keys;
    std::vector<std::string> fingerprints; ///< label keys of the template's fingerprints
    std::vector<std::string> excludes;     ///< and of its excluded strings
};

/// Builds the index of `t`.
std::shared_ptr<const label_index> build_label_index(const template_def& t);

/// The index of `t`: the one the loader built, or one built now (a template made in code).
std::shared_ptr<const label_index> label_index_of(const template_def& t);

} // namespace nianbao::model::detail
