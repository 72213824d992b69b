// `.nianbao.toml`: per-rule severities, the default template, language and failing severity.
#pragma once

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "lint/lint.hpp"

namespace nianbao::lint {

/// What a configuration file sets; unset fields keep the command line's or the defaults.
struct config {
    std::string path;                        ///< the file it came from ("" for none)
    lint::options rules;                     ///< `[rules]`: id or family → severity or "off"
    std::optional<std::string> template_id;  ///< `template = "gov-2019"`
    std::vector<std::string> template_dirs;  ///< `template-dirs`, relative to the file
    std::optional<std::string> lang;         ///< `lang = "en"`
    std::optional<source::severity> fail_on; ///< `fail-on = "warning"`
};

/// A problem in a configuration file, located in it.
struct config_error {
    std::string path;
    std::uint32_t line = 0;
    std::uint32_t column = 0;
    std::string message;
};

/// The nearest `.nianbao.toml` in the directory of `file` or above it; "" if none.
std::string find_config(const std::string& file);

/// find_config for the files of a batch: the answer for a directory is looked up once (a
/// directory of 10,000 reports costs one walk up the tree, not 10,000).
class config_finder {
public:
    std::string find(const std::string& file);

private:
    std::map<std::string, std::string> by_dir_;
    std::optional<std::filesystem::path> cwd_;
};

/// Reads a configuration file. Unknown keys, unknown rule ids and bad severities are errors.
bool load_config(const std::string& path, config& out, config_error& error);

} // namespace nianbao::lint
