// Reading `.nianbao.toml` with toml++; every mistake is reported with its line and column.
#include "lint/config.hpp"

#include <algorithm>
#include <filesystem>
#include <optional>

#include <toml++/toml.h>

namespace nianbao::lint {

namespace fs = std::filesystem;

namespace {

// The directory find_config starts from; nothing if the path cannot be made absolute. A
// relative path is taken from `cwd` when that is known.
std::optional<fs::path> start_dir(const std::string& file, const fs::path& cwd = {}) {
    std::error_code ec;
    fs::path dir = file == "-"   ? fs::current_path(ec)
                   : cwd.empty() ? fs::absolute(fs::path(file), ec)
                                 : cwd / fs::path(file);
    if (ec) {
        return std::nullopt;
    }
    if (file != "-" && !fs::is_directory(dir, ec)) {
        dir = dir.parent_path();
    }
    return dir;
}

std::string find_from(fs::path dir) {
    std::error_code ec;
    for (;;) {
        const fs::path candidate = dir / ".nianbao.toml";
        if (fs::is_regular_file(candidate, ec)) {
            return candidate.string();
        }
        if (!dir.has_parent_path() || dir.parent_path() == dir) {
            return {};
        }
        dir = dir.parent_path();
    }
}

} // namespace

std::string find_config(const std::string& file) {
    const auto dir = start_dir(file);
    return dir ? find_from(*dir) : std::string();
}

std::string config_finder::find(const std::string& file) {
    // The working directory is asked for once, not for every relative path of the batch.
    if (!cwd_) {
        std::error_code ec;
        cwd_ = fs::current_path(ec);
        if (ec) {
            cwd_->clear();
        }
    }
    const auto dir = start_dir(file, *cwd_);
    if (!dir) {
        return {};
    }
    const auto [it, fresh] = by_dir_.try_emplace(dir->string());
    if (fresh) {
        it->second = find_from(*dir);
    }
    return it->second;
}

namespace {

bool fail(config_error& e, const std::string& path, const toml::node& n, std::string message) {
    e.path = path;
    e.line = n.source().begin.line;
    e.column = n.source().begin.column;
    e.message = std::move(message);
    return false;
}

bool read_rules(const toml::table& rules, const std::string& path, config& out,
                config_error& error) {
    const auto& reg = builtin_registry();
    for (auto&& [key, node] : rules) {
        const std::string id(key.str());
        const bool family = std::any_of(reg.rules().begin(), reg.rules().end(),
                                        [&](const rule_info& r) { return rule_matches(id, r.id); });
        if (reg.find(id) == nullptr && !family) {
            return fail(error, path, node, "unknown rule or family '" + id + "'");
        }
        const auto text = node.value<std::string>();
        source::severity sev{};
        bool off = false;
        if (!text || !parse_severity(*text, sev, off)) {
            return fail(error, path, node,
                        "rule '" + id + "': expected \"off\", \"info\", \"warning\" or \"error\"");
        }
        out.rules.severities[id] = off ? std::nullopt : std::optional(sev);
    }
    return true;
}

} // namespace

bool load_config(const std::string& path, config& out, config_error& error) {
    out = config{};
    out.path = path;
    toml::table t;
    try {
        t = toml::parse_file(path);
    } catch (const toml::parse_error& e) {
        error = {path, e.source().begin.line, e.source().begin.column,
                 std::string(e.description())};
        return false;
    }
    const fs::path base = fs::path(path).parent_path();
    for (auto&& [key, node] : t) {
        const std::string_view k = key.str();
        if (k == "rules") {
            const auto* rules = node.as_table();
            if (rules == nullptr) {
                return fail(error, path, node, "'rules' must be a table: [rules]");
            }
            if (!read_rules(*rules, path, out, error)) {
                return false;
            }
        } else if (k == "template" || k == "lang" || k == "fail-on") {
            const auto v = node.value<std::string>();
            if (!v) {
                return fail(error, path, node, "'" + std::string(k) + "' must be a string");
            }
            if (k == "template") {
                out.template_id = *v;
            } else if (k == "lang") {
                if (*v != "zh" && *v != "en") {
                    return fail(error, path, node, "lang must be \"zh\" or \"en\"");
                }
                out.lang = *v;
            } else {
                source::severity sev{};
                bool off = false;
                if (!parse_severity(*v, sev, off) || off) {
                    return fail(error, path, node,
                                "fail-on must be \"info\", \"warning\" or \"error\"");
                }
                out.fail_on = sev;
            }
        } else if (k == "template-dirs") {
            const auto* dirs = node.as_array();
            if (dirs == nullptr) {
                return fail(error, path, node, "'template-dirs' must be an array of strings");
            }
            for (const auto& d : *dirs) {
                const auto v = d.value<std::string>();
                if (!v) {
                    return fail(error, path, d, "'template-dirs' must be an array of strings");
                }
                out.template_dirs.push_back((base / *v).lexically_normal().string());
            }
        } else {
            return fail(error, path, node, "unknown key '" + std::string(k) + "'");
        }
    }
    return true;
}

} // namespace nianbao::lint
