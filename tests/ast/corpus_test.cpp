// Golden trees, losslessness and span invariants for every corpus file, plus GB18030 copies.
#include <boost/test/data/monomorphic.hpp>
#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>

#include "ast/tree.hpp"
#include "render/tree_writer.hpp"
#include "support/corpus.hpp"

namespace bdata = boost::unit_test::data;
using namespace nianbao;

namespace {

ast::document parse_file(const std::string& path) {
    auto loaded = source::load(path, source::encoding::automatic);
    BOOST_REQUIRE_MESSAGE(std::holds_alternative<source::text>(loaded), path);
    return ast::parse(std::get<source::text>(std::move(loaded)));
}

// Children lie inside their parent, in order, without overlap; leaves tile the whole text.
std::string check_spans(const ast::document& doc) {
    const auto& nodes = doc.nodes();
    std::uint32_t next_leaf = 0;
    for (ast::node_id i = 0; i < nodes.size(); ++i) {
        const auto& n = nodes[i];
        if (n.span.begin > n.span.end || n.subtree_end <= i || n.subtree_end > nodes.size()) {
            return "bad node " + std::to_string(i);
        }
        std::uint32_t prev_end = n.span.begin;
        for (ast::node_id c : doc.children(i)) {
            if (nodes[c].parent != i || nodes[c].span.begin < prev_end
                || nodes[c].span.end > n.span.end) {
                return "child " + std::to_string(c) + " outside parent " + std::to_string(i);
            }
            prev_end = nodes[c].span.end;
        }
        if (doc.is_leaf(i) && i != 0) {
            if (n.span.begin != next_leaf) {
                return "gap or overlap before leaf " + std::to_string(i) + " at byte "
                       + std::to_string(n.span.begin);
            }
            next_leaf = n.span.end;
        }
    }
    if (nodes.size() > 1 && next_leaf != doc.text().size()) {
        return "leaves end at " + std::to_string(next_leaf);
    }
    return {};
}

} // namespace

BOOST_AUTO_TEST_SUITE(ast_corpus)

BOOST_AUTO_TEST_CASE(finds_the_corpus) {
    BOOST_TEST(test::corpus_files().size() >= 5U);
}

BOOST_DATA_TEST_CASE(prints_back_every_byte, bdata::make(test::corpus_files()), path) {
    const auto doc = parse_file(path);
    BOOST_TEST(ast::print_source(doc) == doc.text());
    BOOST_TEST(check_spans(doc) == "");
    BOOST_TEST(doc.diagnostics().empty());
}

BOOST_DATA_TEST_CASE(matches_golden_tree, bdata::make(test::corpus_files()), path) {
    const auto doc = parse_file(path);
    const std::string golden = path.substr(0, path.size() - 4) + ".tree";
    BOOST_TEST(test::compare_golden(golden, render::write_tree_sexpr(doc)) == "");
}

BOOST_DATA_TEST_CASE(parses_gb18030_copy_to_the_same_tree, bdata::make(test::corpus_files()),
                     path) {
    const auto utf8 = parse_file(path);
    std::string gb;
    BOOST_REQUIRE(source::encode(utf8.text(), "GB18030", "", gb));
    auto decoded = source::decode(gb, source::encoding::automatic, path);
    BOOST_REQUIRE(std::holds_alternative<source::text>(decoded));
    const auto doc = ast::parse(std::get<source::text>(std::move(decoded)));
    if (gb != utf8.text()) { // pure ASCII files are UTF-8 by detection
        BOOST_TEST(doc.source().encoding == "GB18030");
    }
    BOOST_TEST(ast::print_source(doc) == utf8.text());
    BOOST_TEST(render::write_tree_sexpr(doc) == render::write_tree_sexpr(utf8));
}

BOOST_AUTO_TEST_SUITE_END()
