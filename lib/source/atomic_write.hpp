// Writing a file so that an interruption at any point leaves the original untouched.
#pragma once

#include <string>
#include <string_view>

namespace nianbao::source {

/// Options for write_atomically.
struct write_options {
    bool follow_symlinks = false; ///< write through a symlink to its target (else refuse)
};

/// Writes `bytes` to `path`: a temporary file beside it, flushed to disk, given the original's
/// permission bits, then renamed over the target. On any failure the original is unchanged and
/// `error` holds a message id (`io/write-failed`, `io/symlink-refused`) plus detail.
bool write_atomically(const std::string& path, std::string_view bytes, std::string& error,
                      std::string& detail, write_options opts = {});

} // namespace nianbao::source
