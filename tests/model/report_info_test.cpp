// The report year and organ from the opening lines, wherever in a line the year stands.
#include <string>

#include <boost/test/unit_test.hpp>

#include "model/binding.hpp"

using namespace nianbao;

namespace {

model::report_model info_of(const std::string& text) {
    const ast::document doc = ast::parse(source::text{"t.txt", text, "UTF-8", ""});
    model::report_model m;
    model::read_report_info(doc, m);
    return m;
}

} // namespace

BOOST_AUTO_TEST_SUITE(model_report_info)

// Every offset of the year in a line, so that the eight-byte skip over CJK text starts and ends
// everywhere around it; ASCII and full-width digits before it are part of another number.
BOOST_AUTO_TEST_CASE(finds_the_year_at_every_offset_in_a_line) {
    for (int pad = 0; pad < 12; ++pad) {
        for (const char* ascii : {"", "a", "ab1 "}) {
            std::string prefix;
            for (int k = 0; k < pad; ++k) {
                prefix += k % 2 == 0 ? "镇" : "局";
            }
            prefix += ascii;
            const auto m = info_of("说明\n\n" + prefix + "2019年度工作报告如下。\n");
            BOOST_TEST(m.year.value_or(0) == 2019, prefix);
            BOOST_TEST(m.year_source == "text", prefix);
            const auto glued = info_of("说明\n\n" + prefix + "12019年度工作。\n");
            BOOST_TEST(!glued.year.has_value(), prefix);
            const auto wide = info_of("说明\n\n" + prefix + "２０２１年度工作。\n");
            BOOST_TEST(wide.year.value_or(0) == 2021, prefix);
        }
    }
}

BOOST_AUTO_TEST_SUITE_END()
