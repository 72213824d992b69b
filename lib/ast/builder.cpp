// The only place that instantiates the document grammar: one tag-driven control builds every
// node, then an assembly pass nests sections and groups `lines` cells into rows.
#include <algorithm>
#include <cstdint>
#include <deque>
#include <memory>
#include <type_traits>
#include <vector>

#include <tao/pegtl.hpp>

#include "ast/detail/huge_pages.hpp"
#include "ast/detail/node_builder.hpp"
#include "ast/table/dialect_support.hpp"
#include "ast/text.hpp"
#include "ast/tree.hpp"
#include "grammar/document.hpp"
#include "grammar/errors.hpp"

namespace nianbao::ast {

namespace {

namespace pegtl = tao::pegtl;

struct this_file {}; // the grammar's instantiations stay in this file (detail/node_builder.hpp)

// Heading level from the marker's shape: 一、 → 1, （一） → 2, 1. → 3, （1） → 4, 附件 → 1.
std::uint8_t marker_level(std::string_view marker) {
    if (marker.starts_with("附件")) {
        return 1;
    }
    const bool paren = marker.starts_with("(") || marker.starts_with("（");
    const std::size_t skip = marker.starts_with("(") ? 1 : (paren ? 3 : 0);
    const bool digit_after =
        marker.size() > skip
        && ((marker[skip] >= '0' && marker[skip] <= '9')
            || marker.substr(skip).starts_with("\xEF\xBC")); // full-width digit
    if (paren) {
        return digit_after ? 4 : 2;
    }
    return digit_after ? 3 : 1;
}

// Nests sections and groups the cells of `lines` tables into rows, in place. A forward pass plans
// every inserted node (section, row) and splits the grammar's nodes into blocks that move by the
// same distance; a backward pass then moves the blocks, last first (each moves right, never onto
// one not yet moved), and writes the inserted nodes into the gaps. Memory stays one node vector.
class assembler {
public:
    assembler(const document& doc, std::vector<node>& nodes) : doc_(doc), v_(nodes) {}

    void run() {
        const auto n = static_cast<node_id>(v_.size());
        open_.push_back(0);
        for (node_id c = 1; c < n; c = v_[c].subtree_end) {
            top_level(c);
        }
        while (open_.size() > 1) {
            close_section(n);
        }
        move_blocks(n);
    }

private:
    // Grammar nodes [begin, end) move right by `shift`; those whose parent was `raw_parent` (the
    // top of each subtree in the block) get `parent`, the others keep theirs, shifted.
    struct block {
        node_id begin, end, shift, raw_parent, parent;
    };
    struct insert {
        node_id at; // final index
        node n;
    };

    std::uint8_t heading_level(node_id c) const {
        // The marker is the heading's first child after an optional indent.
        node_id marker = c + 1;
        while (v_[marker].kind != node_kind::marker) {
            marker = v_[marker].subtree_end;
        }
        return marker_level(text_of(marker));
    }

    void top_level(node_id c) {
        const node_kind kind = v_[c].kind;
        if (kind == node_kind::heading) {
            const std::uint8_t level = heading_level(c);
            while (open_.size() > 1 && inserts_[open_sections_.back()].n.level >= level) {
                close_section(c);
            }
            node section;
            section.kind = node_kind::section;
            section.level = level;
            section.span = v_[c].span;
            section.parent = open_.back();
            open_.push_back(add_insert(c, section));
            open_sections_.push_back(inserts_.size() - 1);
        } else if (kind == node_kind::signature || kind == node_kind::date) {
            // Signature and date lines are the back matter of the whole report.
            while (open_.size() > 1) {
                close_section(c);
            }
        }
        add_block(c, v_[c].subtree_end, 0, open_.back());
        if (kind == node_kind::table && table::needs_row_grouping(v_[c].dialect)) {
            group_rows(c);
        }
    }

    // Closes the innermost section before grammar node `c` (or at the end, `c` = size).
    void close_section(node_id c) {
        node& s = inserts_[open_sections_.back()].n;
        s.subtree_end = c + inserted_;
        s.span.end = v_[c - 1].span.end; // the last node before `c` in pre-order is a leaf
        open_.pop_back();
        open_sections_.pop_back();
    }

    // Dialects without row markers (lines) get rows of the inferred width.
    void group_rows(node_id r) {
        const node_id end = v_[r].subtree_end;
        blocks_.back().end = r + 1; // the table's children move block by block
        const node_id table_id = r + inserted_;
        // Most cells only need their blanks trimmed: a view of the text, no copy.
        std::vector<std::string_view> cells;
        std::deque<std::string> copies; // the other cells' normalised text (stable addresses)
        std::string storage;
        for (node_id c = r + 1; c < end; c = v_[c].subtree_end) {
            if (v_[c].kind == node_kind::cell) {
                const std::string_view text = normalise_cell(text_of(c), storage);
                cells.push_back(text.data() == storage.data() && !text.empty()
                                    ? std::string_view(copies.emplace_back(text))
                                    : text);
            }
        }
        const std::size_t width = table::infer_row_width(v_[r].dialect, cells);
        std::size_t seen = 0;
        std::size_t row = 0; // index into inserts_ of the open row, 0 for none
        for (node_id c = r + 1; c < end; c = v_[c].subtree_end) {
            if (v_[c].kind == node_kind::cell && seen++ % width == 0) {
                if (row != 0) {
                    close_row(row, c);
                }
                node n;
                n.kind = node_kind::row;
                n.span = v_[c].span;
                n.parent = table_id;
                add_insert(c, n);
                row = inserts_.size() - 1;
            }
            add_block(c, v_[c].subtree_end, r, row != 0 ? inserts_[row].at : table_id);
        }
        if (row != 0) {
            close_row(row, end);
        }
        table_ends_.push_back({table_id, end + inserted_});
    }

    void close_row(std::size_t row, node_id c) {
        inserts_[row].n.subtree_end = c + inserted_;
        inserts_[row].n.span.end = v_[c - 1].span.end;
    }

    // Plans `n` at the final index of grammar node `c`, which moves one further right.
    node_id add_insert(node_id c, const node& n) {
        const node_id at = c + inserted_++;
        inserts_.push_back({at, n});
        return at;
    }

    void add_block(node_id begin, node_id end, node_id raw_parent, node_id parent) {
        if (!blocks_.empty()) {
            block& b = blocks_.back();
            if (b.end == begin && b.shift == inserted_ && b.raw_parent == raw_parent
                && b.parent == parent) {
                b.end = end;
                return;
            }
        }
        blocks_.push_back({begin, end, inserted_, raw_parent, parent});
    }

    void move_blocks(node_id n) {
        v_.resize(n + inserted_);
        for (auto b = blocks_.rbegin(); b != blocks_.rend(); ++b) {
            if (b->shift == 0) {
                continue; // nothing was inserted before it: no section or row is open either
            }
            std::copy_backward(v_.begin() + b->begin, v_.begin() + b->end,
                               v_.begin() + b->end + b->shift);
            for (node_id i = b->begin + b->shift; i < b->end + b->shift; ++i) {
                v_[i].subtree_end += b->shift;
                v_[i].parent = v_[i].parent == b->raw_parent ? b->parent : v_[i].parent + b->shift;
            }
        }
        for (auto ins = inserts_.begin() + 1; ins != inserts_.end(); ++ins) {
            v_[ins->at] = ins->n;
            if (ins->n.kind == node_kind::section) {
                v_[ins->at + 1].level = ins->n.level; // its heading
            }
        }
        for (const auto& [table_id, table_end] : table_ends_) {
            v_[table_id].subtree_end = table_end;
        }
        v_[0].subtree_end = static_cast<node_id>(v_.size());
    }

    std::string_view text_of(node_id raw_id) const {
        return doc_.text().substr(v_[raw_id].span.begin, v_[raw_id].span.size());
    }

    const document& doc_;
    std::vector<node>& v_;
    node_id inserted_ = 0;
    std::vector<block> blocks_;
    std::vector<insert> inserts_{{0, node{}}}; // index 0 is a placeholder: 0 means "no row"
    std::vector<node_id> open_;                // final ids of open sections (0: the document)
    std::vector<std::size_t> open_sections_;   // their indices into inserts_
    std::vector<std::pair<node_id, node_id>> table_ends_;
};

} // namespace

document::document(source::text text)
    : text_(std::make_unique<source::text>(std::move(text))),
      lines_(std::make_unique<source::line_index>(text_->utf8)) {}

document parse(source::text text) {
    document doc(std::move(text));
    const std::string_view t = doc.text();
    const auto text_end = static_cast<std::uint32_t>(t.size());
    auto& nodes = doc.mutable_nodes();
    // Real reports make a node per 8 bytes and tables one per 1.5-5; a line of prose or of a tab
    // or lines table makes at most four (rows of empty pipe cells may still outgrow this).
    // Outgrowing the reservation would hold the old and the new buffer at once, so it is generous
    // (it costs address space only), up to 2^27 nodes (2.7 GB).
    const std::size_t expected = std::max<std::size_t>(t.size() / 2, 4 * doc.lines().line_count());
    nodes.reserve(std::min<std::size_t>(expected + 64, std::size_t{1} << 27U));
    detail::advise_huge_pages(nodes.data(), nodes.capacity() * sizeof(node));
    {
        detail::build_state<this_file> st(t.data(), nodes, t.size() / 8 + 64);
        st.push(node_kind::document, 0);
        st[0].span.end = text_end;
        try {
            detail::build_nodes<true, this_file>(st, t, doc.source().name);
        } catch (const pegtl::parse_error& e) {
            // The one catch site for grammar errors: a diagnostic with a span, no PEGTL types.
            const auto offset = static_cast<std::uint32_t>(e.positions().front().byte);
            doc.mutable_diagnostics().push_back(
                {std::string(e.message()), source::severity::error, {offset, offset}, {}});
            // Keep the tree lossless: whatever was not parsed becomes one paragraph.
            st.truncate(1);
            st.open = 0;
            const node_id rest = st.push(node_kind::paragraph, 0);
            st[rest].span.end = text_end;
            st[rest].subtree_end = rest + 1;
        }
        st[0].subtree_end = st.size();
    }
    assembler(doc, nodes).run();
    return doc;
}

const std::vector<std::string_view>& dialect_ids() {
    static const std::vector<std::string_view> ids(grammar::dialects::ids.begin(),
                                                   grammar::dialects::ids.end());
    return ids;
}

std::string_view dialect_name(const document& doc, node_id table) {
    const auto d = doc[table].dialect;
    return d >= 0 && static_cast<std::size_t>(d) < dialect_ids().size()
               ? dialect_ids()[static_cast<std::size_t>(d)]
               : std::string_view("unknown");
}

std::string print_source(const document& doc) {
    std::string out;
    out.reserve(doc.text().size());
    const auto& nodes = doc.nodes();
    for (node_id i = 0; i < nodes.size(); ++i) {
        if (doc.is_leaf(i)) {
            out.append(doc.raw(i));
        }
    }
    return out;
}

} // namespace nianbao::ast
