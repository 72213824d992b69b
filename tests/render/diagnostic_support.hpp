// Helpers for the diagnostic writer tests: a parsed text, a finding, and a text that reaches every
// branch of the snippet.
#pragma once

#include <string>
#include <vector>

#include "ast/tree.hpp"
#include "lint/lint.hpp"

namespace nianbao::test {

inline ast::document parse(std::string text) {
    return ast::parse(source::text{"t.txt", std::move(text), "UTF-8", ""});
}

inline lint::finding finding(std::uint32_t begin, std::uint32_t end,
                             std::vector<lint::edit> edits = {}) {
    lint::finding f;
    f.rule = "text/half-width-punct";
    f.message_id = "io/open-failed"; // "cannot open file: {0}"
    f.level = source::severity::warning;
    f.where = {begin, end};
    f.args = {"x"};
    if (!edits.empty()) {
        f.fix = lint::fix{std::move(edits)};
    }
    return f;
}

// Texts that reach every branch of the snippet: TABs, CJK, CRLF and a lone CR, a line just over
// 120 bytes that is narrow and one that is wide, one over 480 bytes, a paragraph longer than a
// 4 KiB block, an empty last line.
inline std::string tricky_text() {
    std::string t = "一、总体\t情况\r\n\tok 表格\tx\r\nlone\rcr 中\n\n";
    t += std::string(130, 'a') + "\n";         // > 120 bytes, 130 columns
    t += "a\t" + std::string(125, 'b') + "\n"; // > 120 bytes, TAB counts 0 raw
    for (int i = 0; i < 45; ++i) {
        t += i % 2 == 0 ? "公开" : "a,"; // > 120 bytes, about 135 columns
    }
    t += "\r\n";
    for (int i = 0; i < 200; ++i) {
        t += i % 7 == 0 ? "\t," : "政府"; // > 480 bytes
    }
    t += "\n";
    for (int i = 0; i < 1500; ++i) {
        t += "信息,"; // a paragraph over 4 KiB
    }
    t += "\nend";
    return t;
}

} // namespace nianbao::test
