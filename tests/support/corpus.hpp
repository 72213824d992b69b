// Corpus helpers for golden tests: listing corpus files and comparing with expected files.
#pragma once

#include <string>
#include <vector>

namespace nianbao::test {

/// The repository root (from the NIANBAO_SOURCE_DIR compile definition).
std::string source_dir();
/// Every `*.txt` under corpus/reports and corpus/cases, sorted.
std::vector<std::string> corpus_files();
/// Reads a whole file as bytes; empty if missing.
std::string read_file(const std::string& path);
/// Compares `actual` with the golden file `path`. With NIANBAO_UPDATE_GOLDEN=1 the file is
/// rewritten instead and the comparison passes. Returns an empty string on success, otherwise
/// the first differing line of each side.
std::string compare_golden(const std::string& path, const std::string& actual);

} // namespace nianbao::test
