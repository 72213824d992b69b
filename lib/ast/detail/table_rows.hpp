// The builder's fast paths for table lines: a `lines` cell line, a `pipe` row and a `tab` cell
// line are matched in one pass over their bytes, pushing their leaves (cells, separators, the line
// end) straight into the builder's state instead of through a PEGTL rule and a control call per
// leaf. Included by builder.cpp (through fast_paths.hpp) and its tests only.
#pragma once

#include <cstddef>
#include <cstdint>
#include <type_traits>

#include <tao/pegtl.hpp>

#include "ast/detail/prose.hpp"
#include "ast/detail/runs.hpp"
#include "grammar/document.hpp"

namespace nianbao::ast::detail {

namespace common = grammar::common;

//=== blanks and line ends ===//

/// The length of the `lexical::eol` at `p`: 1 for LF, 2 for CRLF, 0 for none.
inline std::size_t eol_length(const char* p, const char* end) noexcept {
    if (p < end && *p == '\n') {
        return 1;
    }
    return end - p >= 2 && p[0] == '\r' && p[1] == '\n' ? 2 : 0;
}

/// Where a fast path puts the leaves it matched: into the builder's state when actions are on
/// (`Build`), nowhere in a look-ahead. A leaf's parent is the innermost open tagged node, as
/// under the control.
template <typename State, bool Build>
struct leaf_sink {
    State& st;
    void operator()([[maybe_unused]] grammar::node_kind kind, [[maybe_unused]] const char* begin,
                    [[maybe_unused]] const char* end) const {
        if constexpr (Build) {
            const auto id = st.push(kind, static_cast<std::uint32_t>(begin - st.base));
            st[id].span.end = static_cast<std::uint32_t>(end - st.base);
            st[id].subtree_end = id + 1;
        }
    }
};

// The end of `common::line_end` at `t` (a line ending as a leaf, or the end of the text), or null.
template <typename Sink>
const char* line_end_at(const char* t, const char* end, const Sink& leaf) {
    if (t == end) {
        return t;
    }
    const std::size_t n = eol_length(t, end);
    if (n == 0) {
        return nullptr;
    }
    leaf(common::end_of_line::kind, t, t + n);
    return t + n;
}

//=== lines: 规章 | ===//

// cell_line = seq<cell, cell_end, line_end>: a run of cell characters, `|` and blanks (one
// separator leaf), then the line end.
inline constexpr bool lines_cell_line_as_assumed =
    cell_char_as_assumed && blank_as_assumed && line_end_as_assumed
    && std::is_base_of_v<
        pegtl::seq<grammar::lines::cell, grammar::lines::cell_end, common::line_end>,
        grammar::lines::
            cell_line> && std::is_base_of_v<pegtl::star<common::cell_char>, grammar::lines::cell> && std::is_base_of_v<pegtl::seq<pegtl::one<'|'>, pegtl::star<lex::blank>>, grammar::lines::cell_end>;

template <typename Sink>
const char* lines_cell_line(const char* p, const char* end, run_scanner& scan, const Sink& leaf) {
    const char* bar = scan.cell_run_end(p, end);
    if (bar == end || *bar != '|') {
        return nullptr;
    }
    const char* t = blanks_end(bar + 1, end);
    if (t != end && eol_length(t, end) == 0) {
        return nullptr;
    }
    leaf(grammar::lines::cell::kind, p, bar);
    leaf(grammar::lines::cell_end::kind, bar, t);
    return line_end_at(t, end, leaf);
}

//=== pipe: 行政许可 | 14 | || ===//

// row = seq<cell, bar, plus<next_cell>, row_end>, next_cell = seq<not_at<row_end>, cell, bar>,
// row_end = seq<opt<trailing_blanks>, line_end>: cells each closed by a bar, taken until only
// blanks and the line end are left (at least two bars); single_cell_row = seq<cell, bar, row_end>.
namespace pipe = grammar::pipe;
inline constexpr bool
    pipe_row_as_assumed =
        cell_char_as_assumed && blank_as_assumed && line_end_as_assumed
        && std::is_base_of_v<pegtl::star<common::cell_char>,
                             pipe::
                                 cell> && std::is_base_of_v<pegtl::one<'|'>, pipe::bar> && std::is_base_of_v<pegtl::plus<lex::blank>, common::trailing_blanks> && std::is_base_of_v<pegtl::seq<pegtl::opt<common::trailing_blanks>, common::line_end>, pipe::row_end> && std::is_base_of_v<pegtl::seq<pegtl::not_at<pipe::row_end>, pipe::cell, pipe::bar>, pipe::next_cell> && std::is_base_of_v<pegtl::seq<pipe::cell, pipe::bar, pegtl::plus<pipe::next_cell>, pipe::row_end>, pipe::row> && std::is_base_of_v<pegtl::seq<pipe::cell, pipe::bar, pipe::row_end>, pipe::single_cell_row>;

template <bool Single, typename Sink>
const char* pipe_row(const char* p, const char* end, run_scanner& scan, const Sink& leaf) {
    const auto row_end_at = [end](const char* q) {
        const char* t = blanks_end(q, end);
        return t == end || eol_length(t, end) != 0 ? t : nullptr;
    };
    const char* q = p;
    for (unsigned bars = 1;; ++bars) {
        const char* bar = scan.cell_run_end(q, end);
        if (bar == end || *bar != '|') {
            return nullptr;
        }
        leaf(pipe::cell::kind, q, bar);
        leaf(pipe::bar::kind, bar, bar + 1);
        q = bar + 1;
        const char* t = row_end_at(q); // where the trailing blanks end, if the row may end here
        if (Single || t != nullptr) {
            if (t == nullptr || (!Single && bars < 2)) {
                return nullptr;
            }
            if (t != q) {
                leaf(common::trailing_blanks::kind, q, t);
            }
            return line_end_at(t, end, leaf);
        }
    }
}
//=== tab: \t商业 ===//

// cell_line = seq<lead, cell, line_end>, cell = seq<rest_of_line, star<continuation>>, and a
// continuation starts with seq<eol, not_at<one<'\t'>>, not_at<blank_line>, …>: when the next line
// starts with a TAB, is blank, or there is none, the cell is the rest of the line. Other lines
// (which may continue the cell) are left to PEGTL.
namespace tab = grammar::tab;
inline constexpr bool
    tab_cell_line_as_assumed =
        line_char_as_assumed && line_end_as_assumed
        && std::
            is_base_of_v<
                pegtl::seq<tab::lead, tab::cell, common::line_end>, tab::
                                                                        cell_line> && std::is_base_of_v<pegtl::one<'\t'>, tab::lead> && std::is_base_of_v<pegtl::seq<lex::rest_of_line, pegtl::star<tab::continuation>>, tab::cell> && std::is_base_of_v<pegtl::star<lex::line_char>, lex::rest_of_line> && std::is_base_of_v<pegtl::seq<lex::eol, pegtl::not_at<pegtl::one<'\t'>>, pegtl::not_at<lex::blank_line>, pegtl::not_at<common::heading_start>, pegtl::plus<lex::line_char>>, tab::continuation>;

/// What a row fast path found: a match ending at `end`, no match (`end` null), or, when
/// `decided` is false, a line it leaves to PEGTL (having built nothing).
struct verdict {
    const char* end;
    bool decided = true;
};

template <typename Sink>
verdict tab_cell_line(const char* p, const char* end, run_scanner& scan, const Sink& leaf) {
    if (p == end || *p != '\t') {
        return {nullptr};
    }
    const char* e = scan.line_run_end(p + 1, end);
    if (e != end) {
        const char* next = e + eol_length(e, end);
        if (next != end && *next != '\t') {
            const char* t = blanks_end(next, end); // a blank next line ends here
            if (t != end && eol_length(t, end) == 0) {
                return {nullptr, false};
            }
        }
    }
    leaf(tab::lead::kind, p, p + 1);
    leaf(tab::cell::kind, p + 1, e);
    return {line_end_at(e, end, leaf)};
}

//=== where a table may start ===//

// Every dialect's detector starts with its first line's first cell: a tab row starts with a TAB
// (row_head = seq<not_at<…>, cell_line>), and lines and pipe rows with a run of cell characters
// closed by a bar. A line that has neither is no table's first line, and `document::table` fails
// there without trying the three detectors.
namespace lines = grammar::lines;
inline constexpr bool
    table_start_as_assumed =
        tab_cell_line_as_assumed && lines_cell_line_as_assumed && pipe_row_as_assumed
        && std::is_same_v<
            grammar::dialects::all,
            pegtl::type_list<tab::dialect, lines::dialect,
                             pipe::
                                 dialect>> && std::is_base_of_v<grammar::document::any_table<grammar::dialects::all>, grammar::document::table> && std::is_base_of_v<pegtl::seq<pegtl::not_at<tab::sentence_line>, tab::cell_line>, tab::row_head> && std::is_same_v<tab::dialect::detect, pegtl::sor<pegtl::seq<tab::row_head, pegtl::plus<tab::cell_line>, tab::row_sep, tab::row_head>, pegtl::seq<tab::row_head, tab::row_sep, tab::row_head, tab::cell_line>>> && std::is_base_of_v<pegtl::seq<pegtl::plus<lines::cell_line>, lines::row_end_line>, lines::marked_start> && std::is_same_v<lines::dialect::detect, pegtl::sor<pegtl::rep<3, lines::cell_line>, pegtl::seq<lines::marked_start, lines::cell_line>>> && std::is_base_of_v<pegtl::sor<pipe::row, pipe::single_cell_row>, pipe::any_row> && std::is_same_v<pipe::dialect::detect, pegtl::sor<pegtl::seq<pipe::row, pipe::any_row>, pegtl::seq<pipe::single_cell_row, pipe::row>>>;

/// Whether a table may start at `p`: a TAB there, or a bar before the end of the line.
inline bool may_start_table(const char* p, const char* end, run_scanner& scan) noexcept {
    if (p < end && *p == '\t') {
        return true;
    }
    const char* stop = scan.cell_run_end(p, end);
    return stop < end && *stop == '|';
}

//=== which rules they match ===//

template <typename Rule>
inline constexpr bool has_row_path =
    (std::is_same_v<Rule, grammar::lines::cell_line> && lines_cell_line_as_assumed)
    || ((std::is_same_v<
             Rule, pipe::row> || std::is_same_v<Rule, pipe::single_cell_row>)&&pipe_row_as_assumed)
    || (std::is_same_v<Rule, tab::cell_line> && tab_cell_line_as_assumed);

/// Matches `Rule` (one with `has_row_path`) at `p`, handing its leaves to `leaf`.
template <typename Rule, typename Sink>
verdict match_row(const char* p, const char* end, run_scanner& scan, const Sink& leaf) {
    if constexpr (std::is_same_v<Rule, grammar::lines::cell_line>) {
        return {lines_cell_line(p, end, scan, leaf)};
    } else if constexpr (std::is_same_v<Rule, pipe::row>) {
        return {pipe_row<false>(p, end, scan, leaf)};
    } else if constexpr (std::is_same_v<Rule, pipe::single_cell_row>) {
        return {pipe_row<true>(p, end, scan, leaf)};
    } else {
        return tab_cell_line(p, end, scan, leaf);
    }
}

} // namespace nianbao::ast::detail
