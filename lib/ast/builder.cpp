// The only place that instantiates the document grammar: one tag-driven control builds every
// node, then an assembly pass nests sections and groups `lines` cells into rows.
#include <algorithm>
#include <cstdint>
#include <memory>
#include <type_traits>
#include <vector>

#include <tao/pegtl.hpp>

#include "ast/detail/runs.hpp"
#include "ast/table/dialect_support.hpp"
#include "ast/tree.hpp"
#include "grammar/document.hpp"
#include "grammar/errors.hpp"

namespace nianbao::ast {

namespace {

namespace pegtl = tao::pegtl;

// The nodes in pre-order as the grammar builds them. Storage is reserved generously and left
// uninitialised: pages that are never written are never touched, so an estimate on the high side
// costs address space only. Only the first `size` nodes are live, so dropping what a failed
// attempt built is a single store.
class build_state {
public:
    build_state(const char* text, std::size_t capacity)
        : base(text), nodes(std::allocator<node>().allocate(capacity)), capacity_(capacity) {}
    ~build_state() { std::allocator<node>().deallocate(nodes, capacity_); }
    build_state(const build_state&) = delete;
    build_state& operator=(const build_state&) = delete;

    node_id push(node_kind kind, std::uint32_t begin) {
        if (size == capacity_) [[unlikely]] {
            grow();
        }
        node* n = std::construct_at(nodes + size);
        n->kind = kind;
        n->span.begin = begin;
        n->parent = open;
        return size++;
    }

    const char* base;
    node* nodes;
    node_id size = 0;
    node_id open = 0; // the innermost tagged node being matched: the parent of new nodes

private:
    [[gnu::noinline]] void grow() {
        const std::size_t bigger = capacity_ * 2;
        node* moved = std::allocator<node>().allocate(bigger);
        std::uninitialized_copy_n(nodes, size, moved);
        std::allocator<node>().deallocate(nodes, capacity_);
        nodes = moved;
        capacity_ = bigger;
    }

    std::size_t capacity_;
};

template <typename Rule>
concept tagged = requires {
    Rule::kind;
};

// Whether matching `Rule` can push nodes: it is tagged or made of a tagged rule. All other rules
// (characters, blanks, most look-ahead pieces) skip the bookkeeping. Nesting deeper than 32
// counts as building, which keeps a recursive grammar correct.
template <typename Rule, int Depth = 0>
struct builds_nodes;
template <typename Subs, int Depth>
struct any_builds_nodes;
template <typename... Subs, int Depth>
struct any_builds_nodes<pegtl::type_list<Subs...>, Depth>
    : std::disjunction<builds_nodes<Subs, Depth + 1>...> {};
template <typename Rule, int Depth>
struct builds_nodes : std::disjunction<std::bool_constant<tagged<Rule> || Depth >= 32>,
                                       any_builds_nodes<typename Rule::subs_t, Depth>> {};

// A tagged rule pushes a node on start, stamps its end on success, and on failure drops it with
// everything built inside: a dialect attempt that fails leaves nothing behind. Look-aheads
// (apply_mode::nothing) build nothing, so detectors can reuse the tagged rules.
template <typename Rule>
struct node_control : pegtl::normal<Rule> {
    template <pegtl::apply_mode A, pegtl::rewind_mode M, template <typename...> class Action,
              template <typename...> class Control, typename ParseInput, typename... States>
    static bool match(ParseInput& in, build_state& st, States&&... rest) {
        if constexpr (A == pegtl::apply_mode::nothing || !builds_nodes<Rule>::value) {
            return detail::match_body<Rule, A, M, Action, Control>(in, st, rest...);
        } else if constexpr (!tagged<Rule>) {
            // An untagged sequence may fail after a tagged child succeeded (`row_sep` before a
            // missing `row`): drop what it built, as the input is rewound too.
            const node_id mark = st.size;
            const bool ok = detail::match_body<Rule, A, M, Action, Control>(in, st, rest...);
            if (!ok) {
                st.size = mark;
            }
            return ok;
        } else {
            const node_id id =
                st.push(Rule::kind, static_cast<std::uint32_t>(in.current() - st.base));
            if constexpr (Rule::kind == node_kind::table) {
                st.nodes[id].dialect =
                    static_cast<std::int8_t>(grammar::dialects::index_of_table<Rule>);
            }
            const node_id parent = st.open;
            st.open = id;
            bool ok = false;
            try {
                ok = detail::match_body<Rule, A, M, Action, Control>(in, st, rest...);
            } catch (...) {
                st.size = id;
                st.open = parent;
                throw;
            }
            st.open = parent;
            if (ok) {
                st.nodes[id].span.end = static_cast<std::uint32_t>(in.current() - st.base);
                st.nodes[id].subtree_end = st.size;
            } else {
                st.size = id;
            }
            return ok;
        }
    }
};

template <typename Rule>
using control = pegtl::must_if<grammar::errors, node_control>::control<Rule>;

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

class assembler {
public:
    assembler(const document& doc, const node* raw, std::vector<node>& out)
        : doc_(doc), raw_(raw), out_(out) {}

    void run() {
        out_.push_back(raw_[0]);
        open_.push_back(0);
        for (node_id c = 1; c < raw_[0].subtree_end; c = raw_[c].subtree_end) {
            top_level(c);
        }
        while (open_.size() > 1) {
            close_top();
        }
        out_[0].subtree_end = static_cast<node_id>(out_.size());
    }

private:
    void top_level(node_id c) {
        const node_kind kind = raw_[c].kind;
        if (kind == node_kind::heading) {
            // The marker is the heading's first child after an optional indent.
            node_id marker = c + 1;
            while (raw_[marker].kind != node_kind::marker) {
                marker = raw_[marker].subtree_end;
            }
            const std::uint8_t level = marker_level(text_of(marker));
            while (open_.size() > 1 && out_[open_.back()].level >= level) {
                close_top();
            }
            node section;
            section.kind = node_kind::section;
            section.level = level;
            section.span = raw_[c].span;
            section.parent = open_.back();
            open_.push_back(static_cast<node_id>(out_.size()));
            out_.push_back(section);
            const auto heading = static_cast<node_id>(out_.size());
            copy(c, open_.back());
            out_[heading].level = level;
            return;
        }
        // Signature and date lines are the back matter of the whole report.
        if (kind == node_kind::signature || kind == node_kind::date) {
            while (open_.size() > 1) {
                close_top();
            }
        }
        copy(c, open_.back());
    }

    std::string_view text_of(node_id raw_id) const {
        return doc_.text().substr(raw_[raw_id].span.begin, raw_[raw_id].span.size());
    }

    void close_top() {
        const node_id id = open_.back();
        open_.pop_back();
        out_[id].subtree_end = static_cast<node_id>(out_.size());
        out_[id].span.end = out_.back().span.end;
    }

    void copy(node_id r, node_id parent) {
        const auto id = static_cast<node_id>(out_.size());
        if (raw_[r].kind == node_kind::table && table::needs_row_grouping(raw_[r].dialect)) {
            out_.push_back(raw_[r]);
            out_[id].parent = parent;
            group_rows(r, id);
            out_[id].subtree_end = static_cast<node_id>(out_.size());
            return;
        }
        // Every other subtree keeps its shape: copy it in one go and shift its links (the
        // builder recorded parents inside the subtree). Unsigned wrap-around makes a shift by
        // a "negative" delta work as well.
        out_.insert(out_.end(), raw_ + r, raw_ + raw_[r].subtree_end);
        const node_id delta = id - r;
        for (node_id i = id; i < out_.size(); ++i) {
            out_[i].subtree_end += delta;
            out_[i].parent += delta;
        }
        out_[id].parent = parent;
    }

    // Dialects without row markers (lines) get rows of the inferred width.
    void group_rows(node_id r, node_id table_id) {
        std::vector<std::string> cells;
        for (node_id c = r + 1; c < raw_[r].subtree_end; c = raw_[c].subtree_end) {
            if (raw_[c].kind == node_kind::cell) {
                cells.push_back(normalise_cell(text_of(c)));
            }
        }
        const std::size_t width = table::infer_row_width(raw_[r].dialect, cells);
        std::size_t seen = 0;
        node_id row = 0;
        for (node_id c = r + 1; c < raw_[r].subtree_end; c = raw_[c].subtree_end) {
            if (raw_[c].kind == node_kind::cell && seen++ % width == 0) {
                if (row != 0) {
                    close_row(row);
                }
                row = static_cast<node_id>(out_.size());
                node n;
                n.kind = node_kind::row;
                n.span = raw_[c].span;
                n.parent = table_id;
                out_.push_back(n);
            }
            copy(c, row != 0 ? row : table_id);
        }
        if (row != 0) {
            close_row(row);
        }
    }

    void close_row(node_id row) {
        out_[row].subtree_end = static_cast<node_id>(out_.size());
        out_[row].span.end = out_.back().span.end;
    }

    const document& doc_;
    const node* raw_;
    std::vector<node>& out_;
    std::vector<node_id> open_;
};

} // namespace

document::document(source::text text)
    : text_(std::make_unique<source::text>(std::move(text))),
      lines_(std::make_unique<source::line_index>(text_->utf8)) {}

document parse(source::text text) {
    document doc(std::move(text));
    const std::string_view t = doc.text();
    const auto text_end = static_cast<std::uint32_t>(t.size());
    // Real reports make a node per 8 bytes, tables one per 2-5 bytes; beyond a third, grow.
    build_state st(t.data(), t.size() / 3 + 1024);
    st.push(node_kind::document, 0);
    st.nodes[0].span.end = text_end;
    pegtl::memory_input<pegtl::tracking_mode::lazy> in(t.data(), t.size(), doc.source().name);
    try {
        pegtl::parse<grammar::document::report, pegtl::nothing, control>(in, st);
    } catch (const pegtl::parse_error& e) {
        // The one catch site for grammar errors: a diagnostic with a span, no PEGTL types.
        const auto offset = static_cast<std::uint32_t>(e.positions().front().byte);
        doc.mutable_diagnostics().push_back(
            {std::string(e.message()), source::severity::error, {offset, offset}, {}});
        // Keep the tree lossless: whatever was not parsed becomes one paragraph.
        st.size = 1;
        st.open = 0;
        const node_id rest = st.push(node_kind::paragraph, 0);
        st.nodes[rest].span.end = text_end;
        st.nodes[rest].subtree_end = rest + 1;
    }
    st.nodes[0].subtree_end = st.size;
    auto& out = doc.mutable_nodes();
    out.reserve(st.size + st.size / 8 + 8); // sections, and rows of `lines` tables
    assembler(doc, st.nodes, out).run();
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
