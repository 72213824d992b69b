// Binding: which template a report follows (its fingerprints, else the structure that binds
// best) and the bound model (grids.cpp reads the tables, binder.cpp and bind_rows.cpp bind them).
#include "model/binding.hpp"

#include <algorithm>
#include <cstring>
#include <limits>
#include <memory>

#include "ast/text.hpp"
#include "model/binder.hpp"
#include "model/key_search.hpp"
#include "model/label_index.hpp"
#include "model/labels.hpp"

namespace nianbao::model {

using detail::binder;
using detail::read_grids;
using detail::report_grids;

std::string_view name(label_match m) noexcept {
    constexpr std::string_view names[] = {"canonical", "variant", "position", "missing"};
    return names[static_cast<std::uint8_t>(m)];
}

const bound_row* bound_table::search_row(std::string_view key) const {
    for (const auto& r : rows) {
        if (r.def->key == key) {
            return &r;
        }
    }
    return nullptr;
}

const bound_cell* bound_table::cell(std::string_view row_key, std::string_view column) const {
    const bound_row* r = row(row_key);
    const std::size_t c = column_index(column);
    if (r == nullptr || c >= r->cells.size()) {
        return nullptr;
    }
    return &r->cells[c];
}

namespace {

// The text fingerprints are looked for in: the keys of every table cell, heading and short line,
// separated so that no fingerprint spans two of them. Long narrative paragraphs are left out: a
// sentence that mentions "本年新制作数量" says nothing about the report's tables, and a 100 MB
// paragraph would cost seconds of normalisation. Cells come with their keys from the grids.
// Keys shorter than `shortest` (the shortest fingerprint or excluded string) cannot hold one and
// are left out too. The text is handed to `look` in pieces of whole keys, each of at least
// `piece` bytes but the last (called once at least), so that a 100 MB report's is not held whole.
template <class Look>
void fingerprint_text(const ast::document& doc, const report_grids& grids, std::size_t shortest,
                      std::size_t piece, Look&& look) {
    constexpr std::size_t short_line = 240; // bytes: about 80 CJK characters
    std::string out;
    std::size_t size = 0;
    for (const auto& c : grids.cells) {
        size += c.key_size + 1;
    }
    out.reserve(piece == std::string::npos ? size + 4096
                                           : std::min(size + 4096, piece + 2 * short_line));
    for (const auto& c : grids.cells) {
        if (c.key_size != 0 && c.key_size >= shortest && c.text_size <= short_line) {
            out += c.key();
            out += '\x01';
            if (out.size() >= piece) {
                look(std::string_view(out));
                out.clear();
            }
        }
    }
    for (ast::node_id i = 0; i < doc.nodes().size(); ++i) {
        const auto k = doc[i].kind;
        if (k == ast::node_kind::table) { // rows and cells only: their keys are in already
            i = doc[i].subtree_end - 1;
            continue;
        }
        std::string_view text;
        if (k == ast::node_kind::heading_text) {
            text = doc.raw(i);
        } else if (k == ast::node_kind::title || k == ast::node_kind::paragraph) {
            text = ast::line_content(doc, i);
        }
        if (!text.empty() && text.size() <= short_line) {
            const std::size_t at = out.size();
            append_label_key(text, out);
            if (out.size() - at < shortest) {
                out.resize(at);
            } else if ((out += '\x01').size() >= piece) {
                look(std::string_view(out));
                out.clear();
            }
        }
    }
    look(std::string_view(out));
}

const template_def* detect(const ast::document& doc, const report_grids& grids,
                           const template_set& set, std::optional<int> year, std::string* reason) {
    std::vector<std::shared_ptr<const detail::label_index>> indexes;
    std::size_t shortest = std::numeric_limits<std::size_t>::max();
    for (const auto& t : set.templates) {
        indexes.push_back(detail::label_index_of(t));
        for (const auto* keys : {&indexes.back()->fingerprints, &indexes.back()->excludes}) {
            for (const auto& k : *keys) {
                shortest = std::min(shortest, k.size());
            }
        }
    }
    // Templates share fingerprints (one's is another's excluded string): each is looked for once,
    // and all of them in one pass over each piece of the text.
    std::vector<std::string_view> keys;
    for (const auto& index : indexes) {
        for (const auto* list : {&index->fingerprints, &index->excludes}) {
            for (const auto& k : *list) {
                if (std::find(keys.begin(), keys.end(), k) == keys.end()) {
                    keys.emplace_back(k);
                }
            }
        }
    }
    // A key holding the separator could span two keys of the text: then the text is one piece.
    const bool whole = std::any_of(keys.begin(), keys.end(), [](std::string_view k) {
        return k.find('\x01') != std::string_view::npos;
    });
    std::vector<char> found_keys;
    std::vector<std::string_view> wanted;
    std::vector<std::size_t> wanted_at;
    const auto look = [&](std::string_view text) {
        if (found_keys.empty()) { // the first piece (a small report's only one): every key
            found_keys = detail::find_keys(text, keys);
            return;
        }
        wanted.clear();
        wanted_at.clear();
        for (std::size_t k = 0; k < keys.size(); ++k) {
            if (found_keys[k] == 0) {
                wanted.push_back(keys[k]);
                wanted_at.push_back(k);
            }
        }
        const std::vector<char> found = detail::find_keys(text, wanted);
        for (std::size_t w = 0; w < found.size(); ++w) {
            found_keys[wanted_at[w]] = static_cast<char>(found_keys[wanted_at[w]] | found[w]);
        }
    };
    constexpr std::size_t piece = 65536;
    fingerprint_text(doc, grids, shortest, whole ? std::string::npos : piece, look);
    const auto contains = [&](const std::string& key) {
        return found_keys[static_cast<std::size_t>(std::find(keys.begin(), keys.end(), key)
                                                   - keys.begin())]
               != 0;
    };
    const template_def* best = nullptr;
    int best_score = std::numeric_limits<int>::min();
    bool best_year_fits = false;
    for (std::size_t i = 0; i < set.templates.size(); ++i) {
        const auto& t = set.templates[i];
        const auto& index = *indexes[i];
        const int found = static_cast<int>(
            std::count_if(index.fingerprints.begin(), index.fingerprints.end(), contains));
        const int excluded =
            static_cast<int>(std::count_if(index.excludes.begin(), index.excludes.end(), contains));
        const int score = found - excluded;
        const bool year_fits = year && *year >= t.year_from && *year <= t.year_to;
        if (found > 0
            && (score > best_score || (score == best_score && year_fits && !best_year_fits))) {
            best = &t;
            best_score = score;
            best_year_fits = year_fits;
            if (reason != nullptr) {
                *reason = "fingerprints " + std::to_string(found) + "/"
                          + std::to_string(t.fingerprints.size())
                          + (excluded > 0 ? ", excluded " + std::to_string(excluded) : "");
            }
        }
    }
    return best;
}

} // namespace

const template_def* detect_template(const ast::document& doc, const template_set& set,
                                    std::string* reason) {
    report_model info;
    read_report_info(doc, info);
    return detect(doc, read_grids(doc), set, info.year, reason);
}

namespace {

// Rows bound, and figures in them: the evidence for a template when no fingerprint decides.
std::pair<std::size_t, std::size_t> evidence(const report_model& m) {
    std::size_t rows = 0;
    std::size_t figures = 0;
    for (const auto& t : m.tables) {
        for (const auto& r : t.rows) {
            if (r.how == label_match::missing) {
                continue;
            }
            ++rows;
            figures += static_cast<std::size_t>(
                std::count_if(r.cells.begin(), r.cells.end(),
                              [](const bound_cell& c) { return c.value.has_value(); }));
        }
    }
    return {rows, figures};
}

// No template has a fingerprint in the report (an excerpt holding only table 3, say): bind with
// each template and keep the one that binds the most rows, the report year breaking ties.
report_model bind_by_structure(const ast::document& doc, const report_grids& grids,
                               const template_set& set, report_model info) {
    report_model best = info;
    std::size_t best_rows = 0;
    bool best_year_fits = false;
    for (const auto& t : set.templates) {
        report_model m = info;
        m.tpl = &t;
        binder(doc, t, m, grids).run();
        const auto [rows, figures] = evidence(m);
        // One row with one figure ("行政许可 | 14") says nothing about the format.
        if (rows < 2 && figures < 5) {
            continue;
        }
        const bool year_fits = m.year && *m.year >= t.year_from && *m.year <= t.year_to;
        if (rows > best_rows || (rows == best_rows && rows > 0 && year_fits && !best_year_fits)) {
            best = std::move(m);
            best_rows = rows;
            best_year_fits = year_fits;
        }
    }
    if (best_rows == 0) {
        info.problems.push_back({"bind/no-template", {}, 0});
        return info;
    }
    best.template_reason = "structure: " + std::to_string(best_rows) + " rows bound";
    return best;
}

} // namespace

report_model bind(const ast::document& doc, const template_set& set, const template_def* forced) {
    report_model model;
    read_report_info(doc, model);
    const report_grids grids = read_grids(doc);
    model.tpl =
        forced != nullptr ? forced : detect(doc, grids, set, model.year, &model.template_reason);
    if (forced != nullptr) {
        model.template_reason = "--template";
    }
    if (model.tpl == nullptr) {
        return bind_by_structure(doc, grids, set, std::move(model));
    }
    binder(doc, *model.tpl, model, grids).run();
    return model;
}

} // namespace nianbao::model
