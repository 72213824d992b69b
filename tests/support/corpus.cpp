// Corpus helpers for golden tests.
#include "support/corpus.hpp"

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <sstream>

namespace nianbao::test {

namespace fs = std::filesystem;

std::string source_dir() {
    return NIANBAO_SOURCE_DIR;
}

std::vector<std::string> corpus_files() {
    std::vector<std::string> out;
    for (const char* sub : {"corpus/reports", "corpus/cases"}) {
        const fs::path root = fs::path(source_dir()) / sub;
        if (!fs::exists(root)) {
            continue;
        }
        for (const auto& e : fs::recursive_directory_iterator(root)) {
            if (e.is_regular_file() && e.path().extension() == ".txt") {
                out.push_back(e.path().string());
            }
        }
    }
    std::sort(out.begin(), out.end());
    return out;
}

std::string read_file(const std::string& path) {
    std::ifstream f(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(f), {}};
}

std::string compare_golden(const std::string& path, const std::string& actual) {
    const char* update = std::getenv("NIANBAO_UPDATE_GOLDEN");
    if (update != nullptr && std::string(update) == "1") {
        std::ofstream(path, std::ios::binary) << actual;
        return {};
    }
    if (!fs::exists(path)) {
        return "missing golden file " + path
               + " (run with NIANBAO_UPDATE_GOLDEN=1, then review it)";
    }
    const std::string expected = read_file(path);
    if (expected == actual) {
        return {};
    }
    std::istringstream a(actual);
    std::istringstream e(expected);
    std::string la;
    std::string le;
    for (int line = 1;; ++line) {
        const bool ha = static_cast<bool>(std::getline(a, la));
        const bool he = static_cast<bool>(std::getline(e, le));
        if (!ha && !he) {
            return path + ": differs in line endings or trailing bytes";
        }
        if (!ha || !he || la != le) {
            return path + ":" + std::to_string(line) + ": expected [" + (he ? le : "<eof>")
                   + "] got [" + (ha ? la : "<eof>") + "]";
        }
    }
}

} // namespace nianbao::test
