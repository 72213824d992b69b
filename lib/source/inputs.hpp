// Expanding command-line inputs: files, directories (recursively), `@list` files and `-`.
#pragma once

#include <string>
#include <vector>

namespace nianbao::source {

/// Expands `paths` into the files to process, in a deterministic order: each argument in turn;
/// a directory becomes its `*.txt` files (recursively, sorted by path), or stays itself if it
/// has none (reading it then reports the error); `@list.txt` becomes the
/// paths listed in it, one a line; `-` stays `-` (standard input). Paths that do not exist are
/// kept, so that reading them reports the error in order.
std::vector<std::string> expand_inputs(const std::vector<std::string>& paths);

} // namespace nianbao::source
