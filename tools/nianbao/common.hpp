// Shared wiring for the subcommands: exit codes, input loading, error printing.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <CLI/CLI.hpp>

#include "model/template.hpp"
#include "source/diagnostic.hpp"
#include "source/text.hpp"

namespace nianbao::cli {

/// Exit codes (DESIGN contract).
namespace exit_code {
inline constexpr int clean = 0;
inline constexpr int findings = 1;
inline constexpr int usage = 2;
} // namespace exit_code

/// Options every subcommand shares.
struct global_options {
    std::string encoding = "auto";
    std::string lang = "zh";
    source::lang language() const { return lang == "en" ? source::lang::en : source::lang::zh; }
};

/// Template options shared by extract, check, convert and templates.
struct template_options {
    std::vector<std::string> dirs; ///< --template-dir, in order
    std::string id;                ///< --template (empty: detect)
};

/// Adds `--template-dir` (repeatable) and, if `with_id`, `--template`.
void add_template_options(CLI::App& sub, template_options& opts, bool with_id = true);

/// Loads the built-in templates and those of `--template-dir`; prints every problem in a
/// template file as `file:line:column: error: … [id]`. Returns false if there was one.
bool load_templates(const template_options& opts, const global_options& g,
                    model::template_set& out);

/// A registered subcommand: its CLI11 app and what to run when it was given.
struct command {
    CLI::App* app = nullptr;
    std::function<int()> run;
};

/// Adds `--encoding` and `--lang` to a subcommand.
void add_global_options(CLI::App& sub, global_options& opts);

/// Reads and decodes one input; on failure prints `file:line:col: error: … [id]` to stderr and
/// returns nothing.
std::optional<source::text> load_input(const std::string& path, const global_options& opts);

/// Prints an input error in the diagnostic format.
/// Writes `s` to stdout as it is (bytes, no formatting).
void write_stdout(std::string_view s);

void print_input_error(const std::string& file, const source::input_error& e, source::lang lang);
/// The same text, for batch jobs that print on the main thread.
std::string format_input_error(const std::string& file, const source::input_error& e,
                               source::lang lang);

command make_parse_command(CLI::App& app, global_options& opts);
command make_extract_command(CLI::App& app, global_options& opts);
command make_templates_command(CLI::App& app, global_options& opts);
command make_check_command(CLI::App& app, global_options& opts);
command make_rules_command(CLI::App& app, global_options& opts);
command make_convert_command(CLI::App& app, global_options& opts);
command make_fmt_command(CLI::App& app, global_options& opts);

} // namespace nianbao::cli
