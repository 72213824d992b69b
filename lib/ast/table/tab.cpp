// The tab dialect's rules for writers: which lines a tab table can hold where (docs/convert.md).
#include "grammar/table/tab.hpp"

#include <string>

#include <tao/pegtl.hpp>

#include "ast/table/dialect_support.hpp"

namespace nianbao::ast::table {

namespace {

namespace pegtl = tao::pegtl;

template <typename Rule>
bool matches(const std::string& text) {
    pegtl::memory_input in(text.data(), text.size(), "");
    return pegtl::parse<Rule>(in);
}

} // namespace

bool tab_continues_cell(std::string_view line) {
    // The grammar's own continuation rule, so writers and the parser never disagree.
    return matches<pegtl::seq<grammar::tab::continuation, pegtl::eof>>("\n" + std::string(line));
}

bool tab_starts_row(std::string_view first_line) {
    return !matches<grammar::tab::sentence_line>("\t" + std::string(first_line));
}

} // namespace nianbao::ast::table
