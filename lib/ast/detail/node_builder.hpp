// The tag-driven control that builds the syntax tree's nodes while the document grammar matches,
// and the state it builds them into. Included by builder.cpp and its tests only.
#pragma once

#include <algorithm>
#include <cstdint>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

#include <tao/pegtl.hpp>

#include "ast/detail/fast_paths.hpp"
#include "ast/tree.hpp"
#include "grammar/document.hpp"
#include "grammar/errors.hpp"

namespace nianbao::ast::detail {

namespace pegtl = tao::pegtl;

// The nodes in pre-order as the grammar builds them, straight into the document's vector (the
// assembler then works in place). The vector's capacity is reserved generously, as pages that
// are never written are never touched; its elements are constructed ahead of `size` in steps of an
// eighth, so that a push is a store and dropping what a failed attempt built moves `size` back.
template <typename Unit>
class build_state : public run_scanner {
public:
    build_state(const char* text, std::vector<node>& nodes, std::size_t first_step)
        : base(text), nodes_(nodes), first_step_(first_step) {}
    // The vector ends at `size` again.
    ~build_state() { nodes_.resize(size_); }
    build_state(const build_state&) = delete;
    build_state& operator=(const build_state&) = delete;

    node_id push(node_kind kind, std::uint32_t begin) {
        if (size_ == limit_) [[unlikely]] {
            grow();
        }
        node& n = data_[size_];
        n = node{};
        n.kind = kind;
        n.span.begin = begin;
        n.parent = open;
        return size_++;
    }
    node_id size() const noexcept { return size_; }
    void truncate(node_id mark) noexcept { size_ = mark; }
    node& operator[](node_id id) noexcept { return data_[id]; }

    const char* base;
    node_id open = 0; // the innermost tagged node being matched: the parent of new nodes

private:
    [[gnu::noinline]] void grow() {
        const std::size_t now = nodes_.size();
        std::size_t next = now == 0 ? first_step_ : now + std::max<std::size_t>(now / 8, 256);
        if (now < nodes_.capacity() && next > nodes_.capacity()) {
            next = nodes_.capacity(); // use up the reservation before reallocating
        }
        nodes_.resize(next);
        data_ = nodes_.data();
        limit_ = static_cast<node_id>(nodes_.size());
    }

    std::vector<node>& nodes_;
    std::size_t first_step_;
    node* data_ = nullptr;
    node_id size_ = 0;
    node_id limit_ = 0; // nodes_.size()
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
// With `Fast` false, every rule is matched by PEGTL's own code (the reference for the tests).
// `Unit` is a type local to the including file (in its anonymous namespace): it gives the state
// and every instantiation of the grammar internal linkage, which lets GCC inline them as it does
// the file's own code (with external linkage the builder runs 10% more instructions).
template <bool Fast, typename Unit>
struct node_controls {
    template <typename Rule>
    struct node_control : pegtl::normal<Rule> {
        template <pegtl::apply_mode A, pegtl::rewind_mode M, template <typename...> class Action,
                  template <typename...> class Control, typename ParseInput, typename... States>
        static bool match(ParseInput& in, build_state<Unit>& st, States&&... rest) {
            if constexpr (A == pegtl::apply_mode::nothing || !builds_nodes<Rule>::value) {
                return match_body<Rule, A, M, Action, Control, Fast>(in, st, rest...);
            } else if constexpr (!tagged<Rule>) {
                // An untagged sequence may fail after a tagged child succeeded (`row_sep` before a
                // missing `row`): drop what it built, as the input is rewound too.
                const node_id mark = st.size();
                const bool ok = match_body<Rule, A, M, Action, Control, Fast>(in, st, rest...);
                if (!ok) {
                    st.truncate(mark);
                }
                return ok;
            } else {
                const node_id id =
                    st.push(Rule::kind, static_cast<std::uint32_t>(in.current() - st.base));
                if constexpr (Rule::kind == node_kind::table) {
                    st[id].dialect =
                        static_cast<std::int8_t>(grammar::dialects::index_of_table<Rule>);
                }
                const node_id parent = st.open;
                st.open = id;
                bool ok = false;
                try {
                    ok = match_body<Rule, A, M, Action, Control, Fast>(in, st, rest...);
                } catch (...) {
                    st.truncate(id);
                    st.open = parent;
                    throw;
                }
                st.open = parent;
                if (ok) {
                    st[id].span.end = static_cast<std::uint32_t>(in.current() - st.base);
                    st[id].subtree_end = st.size();
                } else {
                    st.truncate(id);
                }
                return ok;
            }
        }
    };

    template <typename Rule>
    using control = typename pegtl::must_if<grammar::errors, node_control>::template control<Rule>;
};

/// Matches the document grammar over `text` into `st` (which holds the document node); a
/// grammar error throws `pegtl::parse_error`.
template <bool Fast, typename Unit>
void build_nodes(build_state<Unit>& st, std::string_view text, const std::string& source) {
    pegtl::memory_input<pegtl::tracking_mode::lazy> in(text.data(), text.size(), source);
    pegtl::parse<grammar::document::report, pegtl::nothing,
                 node_controls<Fast, Unit>::template control>(in, st);
}

} // namespace nianbao::ast::detail
