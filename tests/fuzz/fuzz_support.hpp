// Invariants every fuzz target checks: decoding never crashes, parsing is lossless, spans nest,
// binding and the writers never throw. A violation aborts (a finding for libFuzzer).
#pragma once

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <optional>
#include <string>
#include <string_view>

#include "ast/tree.hpp"
#include "model/binding.hpp"
#include "render/extract_writer.hpp"
#include "render/tree_writer.hpp"

namespace nianbao::fuzz {

[[noreturn]] inline void fail(const char* what) {
    std::fprintf(stderr, "fuzz invariant violated: %s\n", what);
    std::abort();
}

inline const model::template_set& templates() {
    static const model::template_set set = model::load_templates({});
    return set;
}

/// Checks the tree of `text` (valid UTF-8): lossless, children inside parents and in order,
/// leaves tiling the text; then binds and writes it.
inline void check_text(std::string text) {
    const ast::document doc = ast::parse(source::text{"fuzz", std::move(text), "UTF-8", ""});
    if (ast::print_source(doc) != doc.text()) {
        fail("print_source differs from the input");
    }
    const auto& nodes = doc.nodes();
    std::uint32_t next_leaf = 0;
    for (ast::node_id i = 0; i < nodes.size(); ++i) {
        if (nodes[i].subtree_end <= i || nodes[i].subtree_end > nodes.size()
            || nodes[i].span.begin > nodes[i].span.end) {
            fail("bad node");
        }
        for (ast::node_id c : doc.children(i)) {
            if (nodes[c].span.begin < nodes[i].span.begin
                || nodes[c].span.end > nodes[i].span.end) {
                fail("child outside its parent");
            }
        }
        if (i != 0 && doc.is_leaf(i)) {
            if (nodes[i].span.begin != next_leaf) {
                fail("leaves do not tile the text");
            }
            next_leaf = nodes[i].span.end;
        }
    }
    const auto model = model::bind(doc, templates());
    (void)render::write_tree_json(doc);
    (void)render::write_tree_sexpr(doc);
    (void)render::write_extract_json(doc, model, -1, source::lang::en);
    (void)render::write_extract_csv(doc, model);
}

/// The document of arbitrary bytes, if they decode (any failure must be an error value, not a
/// crash).
inline std::optional<ast::document> parse_bytes(const std::uint8_t* data, std::size_t size) {
    auto r = source::decode(std::string_view(reinterpret_cast<const char*>(data), size),
                            source::encoding::automatic, "fuzz");
    auto* t = std::get_if<source::text>(&r);
    if (t == nullptr) {
        return std::nullopt;
    }
    return ast::parse(std::move(*t));
}

/// Decodes arbitrary bytes (any failure must be an error value, not a crash) and checks the
/// text if they decode.
inline void check_bytes(const std::uint8_t* data, std::size_t size) {
    auto r = source::decode(std::string_view(reinterpret_cast<const char*>(data), size),
                            source::encoding::automatic, "fuzz");
    if (auto* t = std::get_if<source::text>(&r)) {
        check_text(std::move(t->utf8));
    }
}

/// Decodes the bytes, rewrites every line with `shape` (so that the fuzzer spends its time inside
/// one dialect's grammar and normaliser) and checks the result.
template <typename Shape>
void check_shaped(const std::uint8_t* data, std::size_t size, Shape shape) {
    auto r = source::decode(std::string_view(reinterpret_cast<const char*>(data), size),
                            source::encoding::automatic, "fuzz");
    auto* t = std::get_if<source::text>(&r);
    if (t == nullptr) {
        return;
    }
    std::string shaped;
    std::size_t pos = 0;
    while (pos <= t->utf8.size()) {
        const auto nl = t->utf8.find('\n', pos);
        shaped +=
            shape(t->utf8.substr(pos, nl == std::string::npos ? std::string::npos : nl - pos));
        shaped += '\n';
        if (nl == std::string::npos) {
            break;
        }
        pos = nl + 1;
    }
    check_text(std::move(shaped));
}

} // namespace nianbao::fuzz
