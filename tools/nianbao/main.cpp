// nianbao: the command-line front end. Each subcommand lives in cmd_<name>.cpp.
#include <fmt/format.h>

#include "common.hpp"

int main(int argc, char** argv) {
    using namespace nianbao::cli;
    CLI::App app{"nianbao — 政府信息公开工作年度报告 toolkit"};
    app.require_subcommand(1);
    app.set_version_flag("--version", "nianbao 0.1.0");
    global_options opts;
    std::vector<command> commands{
        make_parse_command(app, opts),     make_extract_command(app, opts),
        make_templates_command(app, opts), make_check_command(app, opts),
        make_rules_command(app, opts),     make_convert_command(app, opts),
        make_fmt_command(app, opts)};
    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        const int rc = app.exit(e);
        return rc == 0 ? exit_code::clean : exit_code::usage;
    }
    try {
        for (const auto& c : commands) {
            if (c.app->parsed()) {
                return c.run();
            }
        }
    } catch (const std::exception& e) {
        fmt::print(stderr, "nianbao: internal error: {}\n", e.what());
        return exit_code::usage;
    }
    return exit_code::usage;
}
