// The message catalogue: ids → Chinese (default) and English text with {0}-style arguments.
#include <map>
#include <mutex>

#include "source/diagnostic.hpp"

namespace nianbao::source {

namespace {

struct entry {
    std::string zh;
    std::string en;
};

std::map<std::string, entry, std::less<>>& catalogue() {
    static std::map<std::string, entry, std::less<>> table{
        {"io/open-failed", {"无法打开文件：{0}", "cannot open file: {0}"}},
        {"io/read-failed", {"读取失败：{0}", "read failed: {0}"}},
        {"io/is-directory", {"这是一个目录，不是文件", "is a directory, not a file"}},
        {"io/too-large",
         {"文件过大（{0} 字节，上限 4 GiB）", "file too large ({0} bytes, limit 4 GiB)"}},
        {"io/write-failed", {"写入失败：{0}", "write failed: {0}"}},
        {"decode/nul-byte",
         {"含有 NUL 字节：这不是文本文件", "contains a NUL byte: not a text file"}},
        {"decode/invalid-utf8",
         {"无效的 UTF-8 字节，也不是有效的 GB18030",
          "invalid UTF-8 that is not valid GB18030 either"}},
        {"decode/invalid-gb18030", {"无效的 GB18030 字节（{0}）", "invalid GB18030 bytes ({0})"}},
        {"parse/document-unparsed",
         {"文档无法解析到末尾（语法错误）", "the document could not be parsed to its end"}},
    };
    return table;
}

} // namespace

std::string_view name(severity s) noexcept {
    switch (s) {
    case severity::info:
        return "info";
    case severity::warning:
        return "warning";
    case severity::error:
        return "error";
    }
    return "error";
}

void register_message(std::string id, std::string zh, std::string en) {
    catalogue()[std::move(id)] = entry{std::move(zh), std::move(en)};
}

bool has_message(std::string_view id) {
    const auto& table = catalogue();
    const auto it = table.find(id);
    return it != table.end() && !it->second.zh.empty() && !it->second.en.empty();
}

std::string format_message(std::string_view id, lang language,
                           const std::vector<std::string>& args) {
    const auto& table = catalogue();
    const auto it = table.find(id);
    if (it == table.end()) {
        std::string out(id);
        for (const auto& a : args) {
            out += ' ';
            out += a;
        }
        return out;
    }
    const std::string& pattern = language == lang::zh ? it->second.zh : it->second.en;
    // Substitute {N}; anything else is copied verbatim (messages contain no other braces).
    std::string out;
    out.reserve(pattern.size() + 16);
    for (std::size_t i = 0; i < pattern.size(); ++i) {
        if (pattern[i] == '{' && i + 2 < pattern.size() && pattern[i + 2] == '}'
            && pattern[i + 1] >= '0' && pattern[i + 1] <= '9') {
            const auto n = static_cast<std::size_t>(pattern[i + 1] - '0');
            out += n < args.size() ? args[n] : std::string();
            i += 2;
        } else {
            out += pattern[i];
        }
    }
    return out;
}

} // namespace nianbao::source
