// The message catalogue: ids → Chinese (default) and English text with {0}-style arguments.
#include "source/messages.hpp"

#include <cstring>
#include <functional>
#include <string_view>
#include <unordered_map>

namespace nianbao::source {

namespace {

struct entry {
    message_text zh;
    message_text en;
};

// Hashes a string or a view alike, so that a lookup by std::string_view builds no string.
struct id_hash {
    using is_transparent = void;
    std::size_t operator()(std::string_view id) const noexcept {
        return std::hash<std::string_view>{}(id);
    }
};

// A hash table: every finding's message is looked up here (a tree costs a string compare a level).
using table_type = std::unordered_map<std::string, entry, id_hash, std::equal_to<>>;

table_type& catalogue() {
    static table_type table{
        {"io/open-failed", {"无法打开文件：{0}", "cannot open file: {0}"}},
        {"io/read-failed", {"读取失败：{0}", "read failed: {0}"}},
        {"io/is-directory",
         {"这是一个目录，其中没有 .txt 报告", "is a directory with no *.txt reports in it"}},
        {"io/too-large",
         {"文件过大（{0} 字节，上限 4 GiB）", "file too large ({0} bytes, limit 4 GiB)"}},
        {"io/write-failed", {"写入失败：{0}", "write failed: {0}"}},
        {"io/symlink-refused",
         {"拒绝通过符号链接写入 {0}（使用 --follow-symlinks 允许）",
          "refusing to write through the symlink {0} (use --follow-symlinks)"}},
        {"decode/nul-byte",
         {"含有 NUL 字节：这不是文本文件", "contains a NUL byte: not a text file"}},
        {"decode/invalid-utf8",
         {"无效的 UTF-8 字节，也不是有效的 GB18030",
          "invalid UTF-8 that is not valid GB18030 either"}},
        {"decode/invalid-gb18030", {"无效的 GB18030 字节（{0}）", "invalid GB18030 bytes ({0})"}},
        {"parse/template-unterminated-string",
         {"字符串缺少结尾的引号", "unterminated string: missing closing quote"}},
        {"parse/template-unexpected-text",
         {"语句后有无法识别的内容（运算符两侧需要空格）",
          "unexpected text after the statement (operators need spaces around them)"}},
        {"parse/template-expected-keyword",
         {"此处应为语句关键字", "expected a statement keyword here"}},
        {"parse/template-string-body", {"字符串无效", "invalid string"}},
        {"bind/no-template",
         {"无法识别报告所用的模板（没有找到任何模板的特征词）",
          "cannot tell which template the report follows (no template's fingerprints found)"}},
        {"bind/table-missing",
         {"未找到表格 {0}（{1}）：报告中没有能与之对应的表格",
          "table {0} ({1}) not found: no table in the report matches its labels"}},
        {"bind/table-unknown",
         {"这张表格（{0} 行）与模板中的任何表格都对应不上",
          "this table ({0} rows) matches no table of the template"}},
        {"template/expected-id",
         {"template 后应为模板标识", "expected a template id after 'template'"}},
        {"template/statement-outside-template",
         {"语句 {0} 出现在任何 template 之前", "statement '{0}' before any 'template'"}},
        {"template/extends-cycle",
         {"模板 {0} 的 extends 形成循环", "template {0} extends itself (cycle)"}},
        {"template/unknown-base",
         {"extends 的模板 {0} 不存在", "extended template {0} does not exist"}},
        {"template/expected-year", {"years 后应为年份", "expected a year after 'years'"}},
        {"template/bad-section",
         {"section 语句应为：section 键 \"标题\" [| \"变体\"…]",
          "expected: section KEY \"title\" [| \"variant\"…]"}},
        {"template/expected-key", {"{0} 后应为键名", "expected a key after '{0}'"}},
        {"template/unknown-table", {"表格 {0} 不存在", "table {0} does not exist"}},
        {"template/nothing-to-remove", {"没有可删除的 {0} {1}", "no {0} {1} to remove"}},
        {"template/bad-check",
         {"check 语句应为：check 键 error|warning|info \"说明\"",
          "expected: check KEY error|warning|info \"description\""}},
        {"template/outside-check", {"{0} 只能出现在 check 之后", "'{0}' must follow a 'check'"}},
        {"template/bad-for", {"for 语句应为：for $变量 in 值…", "expected: for $var in VALUE…"}},
        {"template/expected-label", {"此处应为带引号的标签", "expected a quoted label here"}},
        {"template/bad-column",
         {"column 语句应为：column 键 \"标签\" [类型] [unit \"单位\"]",
          "expected: column KEY \"label\" [TYPE] [unit \"u\"]"}},
        {"template/unknown-type", {"未知的值类型 {0}", "unknown value type {0}"}},
        {"template/bad-row",
         {"row 语句应为：row 键 \"标签\" 或 row 键 unlabeled",
          "expected: row KEY \"label\" or row KEY unlabeled"}},
        {"template/unknown-statement", {"未知的语句 {0}", "unknown statement '{0}'"}},
        {"template/expected-operator",
         {"此处应为运算符，而不是 {0}", "expected an operator, not {0}"}},
        {"template/bad-reference",
         {"{0} 不是单元格引用（表.行.列）", "{0} is not a cell reference (table.row.column)"}},
        {"template/number-out-of-range",
         {"数字 {0} 超出可表示的范围", "the number {0} is out of range"}},
        {"template/expected-term",
         {"此处应为数字或单元格引用", "expected a number or a cell reference"}},
        {"template/expected-comparison",
         {"缺少比较运算符（== != <= >= < >）", "missing comparison operator (== != <= >= < >)"}},
        {"template/check-without-expect",
         {"检查 {0} 没有 expect 语句", "check {0} has no 'expect'"}},
        {"template/check-too-large",
         {"检查 {0} 的 for 循环展开后超过 {1} 组，已忽略此检查",
          "check {0} expands to more than {1} loop bindings; it is ignored"}},
        {"template/unknown-key",
         {"检查 {0} 引用了不存在的单元格 {1}", "check {0} refers to unknown cell {1}"}},
        {"template/dir-unreadable",
         {"无法读取模板目录：{0}", "cannot read template directory: {0}"}},
        {"convert/text-changed",
         {"转换后的文本读起来与原文不同（{0}），未输出",
          "the converted text reads differently from the original ({0}); nothing written"}},
        {"convert/unwritable-table",
         {"这张表格无法写成 {0} 格式：该格式读不回它的行（例如前两行都只有一个单元格），未输出",
          "this table cannot be written as {0}: that layout would not read its rows back (its "
          "first two rows have one cell each, say); nothing written"}},
        {"fmt/text-changed",
         {"整理版式会改变文字或数字（{0}），未写入",
          "formatting would change words or figures ({0}); nothing written"}},
        {"fmt/would-change",
         {"版式不规范，fmt 会修改此文件", "not in canonical layout: fmt would change it"}},
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
    catalogue().insert_or_assign(std::move(id), entry{std::move(zh), std::move(en)});
}

bool has_message(std::string_view id) {
    const auto& table = catalogue();
    const auto it = table.find(id);
    return it != table.end() && !it->second.zh.text().empty() && !it->second.en.text().empty();
}

message_text::message_text(std::string text) : text_(std::move(text)) {
    // {N} is a placeholder; anything else is text (messages contain no other braces).
    const std::string_view t = text_;
    std::size_t copied = 0;
    for (std::size_t i = t.find('{'); i != std::string_view::npos; i = t.find('{', i + 1)) {
        if (i + 2 < t.size() && t[i + 2] == '}' && t[i + 1] >= '0' && t[i + 1] <= '9') {
            pieces_.push_back({static_cast<std::uint32_t>(copied),
                               static_cast<std::uint32_t>(i - copied), t[i + 1] - '0'});
            i += 2;
            copied = i + 1;
        }
    }
    pieces_.push_back(
        {static_cast<std::uint32_t>(copied), static_cast<std::uint32_t>(t.size() - copied), -1});
}

void message_text::append_to(std::string& out, const std::vector<std::string>& args) const {
    const auto arg = [&](const piece& p) {
        return p.arg >= 0 && static_cast<std::size_t>(p.arg) < args.size()
                   ? std::string_view(args[static_cast<std::size_t>(p.arg)])
                   : std::string_view();
    };
    std::size_t size = 0;
    for (const piece& p : pieces_) {
        size += p.size + arg(p).size();
    }
    // Sized once, then filled: an append a piece costs more than the piece.
    const std::size_t start = out.size();
    out.resize(start + size);
    char* at = out.data() + start;
    for (const piece& p : pieces_) {
        std::memcpy(at, text_.data() + p.begin, p.size);
        at += p.size;
        if (const std::string_view a = arg(p); !a.empty()) {
            std::memcpy(at, a.data(), a.size());
            at += a.size();
        }
    }
}

const message_text* message_pattern(std::string_view id, lang language) {
    const auto& table = catalogue();
    const auto it = table.find(id);
    if (it == table.end()) {
        return nullptr;
    }
    return language == lang::zh ? &it->second.zh : &it->second.en;
}

std::string format_message(std::string_view id, lang language,
                           const std::vector<std::string>& args) {
    const message_text* pattern = message_pattern(id, language);
    std::string out;
    if (pattern == nullptr) {
        out = id;
        for (const auto& a : args) {
            out += ' ';
            out += a;
        }
        return out;
    }
    pattern->append_to(out, args);
    return out;
}

} // namespace nianbao::source
