// lib/render/grid_writer.cpp: the raw table grids as JSON and CSV.
#include <boost/test/unit_test.hpp>
#include <nlohmann/json.hpp>

#include "render/grid_writer.hpp"

using namespace nianbao;

namespace {

ast::document parse(std::string text) {
    return ast::parse(source::text{"t.txt", std::move(text), "UTF-8", ""});
}

} // namespace

BOOST_AUTO_TEST_SUITE(render_grid_writer)

BOOST_AUTO_TEST_CASE(writes_every_cell_with_its_lines_and_position) {
    const auto doc = parse("一、总体情况\n\t第二十条\n\n\t商业\n企业\n\t1\n");
    const auto j = nlohmann::json::parse(render::write_grids_json(doc));
    BOOST_TEST(j["version"] == 1);
    BOOST_REQUIRE(j["tables"].size() == 1U);
    const auto& t = j["tables"][0];
    BOOST_TEST(t["dialect"] == "tab");
    BOOST_TEST(t["line"] == 2);
    BOOST_REQUIRE(t["rows"].size() == 2U);
    BOOST_TEST(t["rows"][0]["cells"].size() == 1U);
    const auto& c = t["rows"][1]["cells"][0];
    BOOST_TEST(c["text"] == "商业企业");
    BOOST_TEST(c["lines"] == nlohmann::json::array({"商业", "企业"}));
    BOOST_TEST(c["line"] == 4);
    BOOST_TEST(c["column"] == 2);
}

BOOST_AUTO_TEST_CASE(writes_one_csv_record_per_row) {
    const auto doc = parse("规章 | 0 |\n\"其他\",说明 | |\n\n信息 | 1 | 2 |\n规章 | 3 |\n");
    BOOST_TEST(render::write_grids_csv(doc)
               == "table,row,1,2,3\n1,1,规章,0,\n1,2,\"\"\"其他\"\",说明\",,\n"
                  "2,1,信息,1,2\n2,2,规章,3,\n");
}

BOOST_AUTO_TEST_SUITE_END()
