// `--fix`: apply the safe fixes, re-parse, and keep only fixes that leave the structure intact.
#pragma once

#include <string>

#include "lint/lint.hpp"
#include "model/template.hpp"
#include "source/text.hpp"

namespace nianbao::lint {

/// The result of fixing a report.
struct fix_outcome {
    std::string utf8;         ///< the fixed text (decoded UTF-8, line endings as they were)
    std::size_t applied = 0;  ///< fixes kept
    std::size_t reverted = 0; ///< fixes dropped because the re-parsed report changed shape
};

/// The structure of a report that a fix must not change: node kinds and levels, table
/// dialects, and every bound figure (empty, value, unit).
std::string structure_signature(const ast::document& doc, const model::report_model& model);

/// Applies the safe fixes of the enabled rules, in up to four passes (fixes that overlap wait
/// for the next pass). After each pass the text is parsed and bound again; if its structure
/// signature changed, the fixes are re-tried one by one and those that change it are reverted.
fix_outcome fix_report(const source::text& input, const model::template_set& set,
                       const model::template_def* forced, const options& opts);

} // namespace nianbao::lint
