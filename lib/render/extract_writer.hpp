// Writers for extracted figures: JSON (one object per report), JSON Lines and long-format CSV.
#pragma once

#include <string>

#include "ast/tree.hpp"
#include "model/binding.hpp"
#include "source/diagnostic.hpp"

namespace nianbao::render {

/// One report as a JSON object: file, template, year, organ, the bound tables (every row and
/// cell with value, raw text, unit and position), extra rows and binding problems.
/// `indent` < 0 writes one line (for jsonl).
std::string write_extract_json(const ast::document& doc, const model::report_model& model,
                               int indent, source::lang language);

/// The CSV header: `file,template,year,table,row,column,value,unit,line,col`.
std::string extract_csv_header();

/// One CSV line per bound cell of a figure column (empty cells have an empty value); extra rows
/// appear as `row=extra.N`, `column=N` (1-based position).
std::string write_extract_csv(const ast::document& doc, const model::report_model& model);

} // namespace nianbao::render
