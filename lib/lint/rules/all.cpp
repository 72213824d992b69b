// The one explicit list of rule families.
#include "lint/rules/all.hpp"

namespace nianbao::lint {

void register_all_rules(registry& reg) {
    register_meta_rules(reg);
    register_outline_rules(reg);
    register_table_rules(reg);
    register_figures_rules(reg);
    register_xref_rules(reg);
    register_text_rules(reg);
}

} // namespace nianbao::lint
