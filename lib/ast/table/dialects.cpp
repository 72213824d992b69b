// The lib side of the dialect registration list (grammar side: grammar/table/dialects.hpp).
#include <stdexcept>

#include "ast/table/dialect_support.hpp"
#include "ast/tree.hpp"

namespace nianbao::ast::table {

const std::vector<dialect_support>& supported_dialects() {
    // Same order as grammar::dialects::all; checked against dialect_ids() at first use.
    static const std::vector<dialect_support> list = [] {
        std::vector<dialect_support> l{
            {"tab", nullptr},
            {"lines", &lines_row_width},
            {"pipe", nullptr},
        };
        const auto& ids = dialect_ids();
        if (ids.size() != l.size()) {
            throw std::logic_error("dialect lists differ in length");
        }
        for (std::size_t i = 0; i < l.size(); ++i) {
            if (ids[i] != l[i].id) {
                throw std::logic_error("dialect lists differ in order");
            }
        }
        return l;
    }();
    return list;
}

bool needs_row_grouping(int dialect) {
    const auto& l = supported_dialects();
    return dialect >= 0 && static_cast<std::size_t>(dialect) < l.size()
           && l[static_cast<std::size_t>(dialect)].row_width != nullptr;
}

std::size_t infer_row_width(int dialect, const std::vector<std::string_view>& cell_texts) {
    if (!needs_row_grouping(dialect)) {
        return cell_texts.empty() ? 1 : cell_texts.size();
    }
    const std::size_t w =
        supported_dialects()[static_cast<std::size_t>(dialect)].row_width(cell_texts);
    return w == 0 ? 1 : w;
}

} // namespace nianbao::ast::table
