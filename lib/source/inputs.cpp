// Input expansion for batch runs.
#include "source/inputs.hpp"

#include <algorithm>
#include <filesystem>
#include <fstream>

namespace nianbao::source {

namespace fs = std::filesystem;

namespace {

void add_directory(const fs::path& dir, std::vector<std::string>& out) {
    std::vector<std::string> found;
    std::error_code ec;
    for (fs::recursive_directory_iterator
             it(dir, fs::directory_options::skip_permission_denied, ec),
         end;
         it != end; it.increment(ec)) {
        if (ec) {
            break;
        }
        if (it->is_regular_file(ec) && it->path().extension() == ".txt") {
            found.push_back(it->path().string());
        }
    }
    std::sort(found.begin(), found.end());
    if (found.empty()) {
        out.push_back(dir.string()); // reading it reports a directory without reports
    }
    out.insert(out.end(), found.begin(), found.end());
}

} // namespace

std::vector<std::string> expand_inputs(const std::vector<std::string>& paths) {
    std::vector<std::string> out;
    for (const auto& p : paths) {
        std::error_code ec;
        if (p.size() > 1 && p[0] == '@') {
            std::ifstream list(p.substr(1));
            if (!list) {
                out.push_back(p.substr(1)); // reading it will report the error
                continue;
            }
            for (std::string line; std::getline(list, line);) {
                if (!line.empty() && line.back() == '\r') {
                    line.pop_back();
                }
                if (!line.empty()) {
                    out.push_back(line);
                }
            }
        } else if (p != "-" && fs::is_directory(p, ec)) {
            add_directory(p, out);
        } else {
            out.push_back(p);
        }
    }
    return out;
}

} // namespace nianbao::source
