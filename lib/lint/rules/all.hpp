// The rule families; all.cpp lists them explicitly (no static self-registration).
#pragma once

namespace nianbao::lint {

class registry;

void register_outline_rules(registry& reg);
/// The intro and content rules of outline/ (outline_intro.cpp), called by register_outline_rules.
void register_outline_more(registry& reg);
void register_table_rules(registry& reg);
/// The value rules of table/ (table_values.cpp), called by register_table_rules.
void register_table_values(registry& reg);
void register_figures_rules(registry& reg);
void register_xref_rules(registry& reg);
void register_meta_rules(registry& reg);
void register_text_rules(registry& reg);

/// Registers every family above, in this order.
void register_all_rules(registry& reg);

} // namespace nianbao::lint
