// Binding a parsed report to a template: which template, which year, and every table cell.
#pragma once

#include <cstdint>
#include <cstring>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "ast/tree.hpp"
#include "model/template.hpp"

namespace nianbao::model {

namespace detail {

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

} // namespace detail

/// How a label was recognised.
enum class label_match : std::uint8_t {
    canonical, ///< equal to the template's canonical label (after label_key)
    variant,   ///< equal to a known variant: a style finding for lint
    position,  ///< no usable label; bound by its position (table 4's value row)
    missing,   ///< not found in the report
};

/// "canonical", "variant", "position", "missing".
std::string_view name(label_match m) noexcept;

/// One bound cell. An empty cell is bound as empty, never as 0.
struct bound_cell {
    ast::node_id node = 0; ///< the cell node; 0 when the row has no cell at this column
    std::string text;      ///< normalised cell text
    bool empty = true;     ///< no figure and no text ("", "—", "/")
    bool invalid = false;  ///< text that is not a value of the column's type ("无")
    std::optional<double> value;
    std::string number; ///< the figure as written, normalised ("1190.1", "-3")
    std::string unit;   ///< from the cell, the row's unit column, or the template
};

/// A template row and what the report has for it.
struct bound_row {
    const row_def* def = nullptr;
    label_match how = label_match::missing;
    ast::node_id row = 0;          ///< the row node (0 if missing)
    ast::node_id label_cell = 0;   ///< the cell whose label matched (0 if none)
    std::vector<bound_cell> cells; ///< one per template column (empty if the row is missing)
    std::vector<ast::node_id> spare_cells; ///< non-empty cells beyond the template's columns
};

/// A header label found (or not) for a template column.
struct bound_column {
    const column_def* def = nullptr;
    label_match how = label_match::missing;
    ast::node_id cell = 0;
};

/// A report row with figures that matches no template row: kept, never dropped.
struct extra_row {
    ast::node_id row = 0;
    std::string label;
    std::vector<ast::node_id> value_cells;
};

/// A template table bound to (part of) a table of the report.
struct bound_table {
    const table_def* def = nullptr;
    ast::node_id table = 0;        ///< the physical table node
    ast::node_id first_row = 0;    ///< the first row of the block bound (caption included)
    ast::node_id caption_cell = 0; ///< the caption cell, 0 if the block has none
    label_match caption_how = label_match::missing;
    std::vector<bound_row> rows;       ///< template order
    std::vector<bound_column> columns; ///< template order
    std::vector<extra_row> extras;
    /// Set by bind when the template was loaded: where the keys of `def`'s rows and columns are,
    /// which row() and column_index() look keys up in (they search `def` when these are null).
    const detail::key_positions* row_keys = nullptr;
    const detail::key_positions* column_keys = nullptr;

    const bound_row* row(std::string_view key) const;
    /// The cell at (row, column), or nullptr if the row or column does not exist.
    const bound_cell* cell(std::string_view row, std::string_view column) const;
    std::size_t column_index(std::string_view key) const;
    /// row() by comparing every row's key.
    const bound_row* search_row(std::string_view key) const;
};

// Lint looks rows, columns and tables up for every term of every check: inline, through the
// template's index when there is one.
inline const bound_row* bound_table::row(std::string_view key) const {
    // The rows are the template's, in its order: the index gives the position.
    if (row_keys != nullptr && rows.size() == def->rows.size()) {
        const std::size_t i = row_keys->find(
            key, [this](std::size_t at) { return std::string_view(def->rows[at].key); });
        if (i == detail::key_positions::npos) {
            return nullptr;
        }
        if (rows[i].def == &def->rows[i]) {
            return &rows[i];
        }
    }
    return search_row(key);
}

inline std::size_t bound_table::column_index(std::string_view key) const {
    const auto& cols = def->columns;
    if (column_keys != nullptr) {
        const std::size_t i =
            column_keys->find(key, [&](std::size_t at) { return std::string_view(cols[at].key); });
        return i == detail::key_positions::npos ? cols.size() : i;
    }
    for (std::size_t i = 0; i < cols.size(); ++i) {
        if (detail::same_key(cols[i].key, key)) {
            return i;
        }
    }
    return cols.size();
}

/// A template section matched to a section of the report.
struct bound_section {
    const section_def* def = nullptr;
    label_match how = label_match::missing;
    ast::node_id section = 0; ///< the section node (0 if missing)
};

/// Why something could not be bound: a message id, arguments and the node it concerns.
struct bind_problem {
    std::string id;
    std::vector<std::string> args;
    ast::node_id node = 0;
};

/// What nianbao knows about a report after binding.
struct report_model {
    const template_def* tpl = nullptr;
    std::string template_reason; ///< "fingerprints 6/6", "--template", "year 2019"
    std::optional<int> year;
    std::string year_source; ///< "title", "text", "table"
    ast::node_id year_node = 0;
    std::string organ;
    std::vector<bound_section> sections; ///< template order
    std::vector<bound_table> tables;     ///< bound tables, template order
    std::vector<bind_problem> problems;

    const bound_table* table(std::string_view key) const;
};

inline const bound_table* report_model::table(std::string_view key) const {
    // A handful of tables: comparing their short keys inline beats hashing the key.
    for (const auto& t : tables) {
        if (detail::same_key(t.def->key, key)) {
            return &t;
        }
    }
    return nullptr;
}

/// Picks the template that fits the report best: fingerprints found minus excluded strings
/// found, then the report year as a tie-breaker. nullptr if no template has a fingerprint.
const template_def* detect_template(const ast::document& doc, const template_set& set,
                                    std::string* reason = nullptr);

/// Binds `doc` to `forced` (or the detected template). Never throws; what cannot be bound is
/// explained in `problems`.
report_model bind(const ast::document& doc, const template_set& set,
                  const template_def* forced = nullptr);

/// Reads the report year (title, then the opening text) and the organ name.
void read_report_info(const ast::document& doc, report_model& model);

} // namespace nianbao::model
