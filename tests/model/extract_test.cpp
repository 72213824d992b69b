// Extraction goldens (x.extract.json beside every corpus file) and the CSV contract.
#include <sstream>

#include <boost/test/data/monomorphic.hpp>
#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>

#include "model/binding.hpp"
#include "render/extract_writer.hpp"
#include "support/corpus.hpp"

namespace bdata = boost::unit_test::data;
using namespace nianbao;

namespace {

const model::template_set& builtin() {
    static const model::template_set set = model::load_templates({});
    return set;
}

// Parses a corpus file under its path relative to the repository, as the CLI would name it.
ast::document parse_corpus(const std::string& path) {
    auto loaded = source::load(path, source::encoding::automatic);
    BOOST_REQUIRE(std::holds_alternative<source::text>(loaded));
    auto text = std::get<source::text>(std::move(loaded));
    text.name = path.substr(test::source_dir().size() + 1);
    return ast::parse(std::move(text));
}

} // namespace

BOOST_AUTO_TEST_SUITE(model_extract)

BOOST_DATA_TEST_CASE(matches_golden_extraction, bdata::make(test::corpus_files()), path) {
    const auto doc = parse_corpus(path);
    const auto m = model::bind(doc, builtin());
    const std::string golden = path.substr(0, path.size() - 4) + ".extract.json";
    BOOST_TEST(test::compare_golden(golden, render::write_extract_json(doc, m, 2, source::lang::en))
               == "");
}

BOOST_AUTO_TEST_CASE(writes_long_format_csv) {
    BOOST_TEST(render::extract_csv_header()
               == "file,template,year,table,row,column,value,unit,line,col\n");
    const auto doc = parse_corpus(test::source_dir() + "/corpus/reports/001_e091965162a3741c.txt");
    const auto m = model::bind(doc, builtin());
    const std::string csv = render::write_extract_csv(doc, m);
    BOOST_TEST(csv.find("corpus/reports/001_e091965162a3741c.txt,gov-2019,2020,t2_9,procurement,"
                        "amount,1190.1,万元,79,2\n")
               != std::string::npos);
    // The empty cells of table 4 are rows with an empty value, not zeros.
    BOOST_TEST(csv.find(",t4,all,rv_correct,,,402,2\n") != std::string::npos);
    std::istringstream lines(csv);
    std::size_t n = 0;
    for (std::string line; std::getline(lines, line); ++n) {
        BOOST_TEST(std::count(line.begin(), line.end(), ',') == 9);
    }
    // 2+2+2+1+1 table-2 rows of 3,3,3,2,2 cells; 23×7 table-3 cells; 15 table-4 cells.
    BOOST_TEST(n == 6U + 6U + 6U + 2U + 2U + 161U + 15U);
}

BOOST_AUTO_TEST_CASE(quotes_csv_fields_that_need_it) {
    auto doc = ast::parse(source::text{"a,b.txt", "x\n", "UTF-8", ""});
    const auto m = model::bind(doc, builtin());
    BOOST_TEST(render::write_extract_csv(doc, m).empty()); // nothing bound, nothing written
    std::string text =
        test::read_file(test::source_dir() + "/corpus/reports/002_f2d57d5ded702b88.txt");
    const auto doc2 = ast::parse(source::text{"a,\"b\".txt", text, "UTF-8", ""});
    const auto csv = render::write_extract_csv(doc2, model::bind(doc2, builtin()));
    BOOST_TEST(csv.starts_with("\"a,\"\"b\"\".txt\",gov-2021,2021,"));
}

BOOST_AUTO_TEST_SUITE_END()
