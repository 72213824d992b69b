// Helpers for the binding tests: bind a text or a seed with the built-in templates, pick cells.
#pragma once

#include <algorithm>
#include <string>
#include <string_view>

#include <boost/test/unit_test.hpp>

#include "model/binding.hpp"
#include "support/corpus.hpp"

namespace nianbao::test {

inline const model::template_set& builtin() {
    static const model::template_set set = model::load_templates({});
    return set;
}

struct bound {
    ast::document doc;
    model::report_model model;
};

inline bound bind_text(std::string text, const char* forced = nullptr) {
    bound b{ast::parse(source::text{"t.txt", std::move(text), "UTF-8", ""}), {}};
    b.model = model::bind(b.doc, builtin(), forced ? builtin().find(forced) : nullptr);
    return b;
}

inline bound bind_seed(const std::string& prefix) {
    for (const auto& f : test::corpus_files()) {
        if (f.find("/reports/" + prefix) != std::string::npos) {
            return bind_text(test::read_file(f));
        }
    }
    BOOST_FAIL("no seed " + prefix);
    return bind_text("");
}

inline const model::bound_cell& cell(const bound& b, const char* table, const char* row,
                                     const char* col) {
    const auto* t = b.model.table(table);
    BOOST_REQUIRE_MESSAGE(t != nullptr, table);
    const auto* c = t->cell(row, col);
    BOOST_REQUIRE_MESSAGE(c != nullptr, std::string(table) + "." + row + "." + col);
    return *c;
}

inline double value(const bound& b, const char* table, const char* row, const char* col) {
    const auto& c = cell(b, table, row, col);
    BOOST_REQUIRE_MESSAGE(c.value.has_value(), std::string(row) + "." + col + " is empty");
    return *c.value;
}

inline bool has_problem(const bound& b, std::string_view id) {
    return std::any_of(b.model.problems.begin(), b.model.problems.end(),
                       [&](const auto& p) { return p.id == id; });
}

// A T2019 table 3 in the pipe layout, as seed 000 prints it; `edit` may change lines.
inline std::string t3_pipe() {
    const std::string seed = bind_seed("000").doc.source().utf8;
    const auto b = seed.find("三、收到和处理政府信息公开申请情况");
    const auto e = seed.find("四、政府信息公开行政复议");
    return "二、主动公开政府信息情况\n第二十条第（一）项 | |||\n信息内容 | 本年新制作数量 | 本年新公开数量 | "
           "对外公开总数量 |\n规章 | 0 | 0 | 0 |\n规范性文件 | 0 | 0 | 0 |\n"
           + seed.substr(b, e - b);
}

} // namespace nianbao::test
