// The JSON writer writes what nlohmann's dump writes for the same document, in every layout.
#include <cmath>
#include <limits>
#include <random>

#include <boost/test/unit_test.hpp>
#include <nlohmann/json.hpp>

#include "render/json_writer.hpp"

using nianbao::render::json_writer;
using ordered = nlohmann::ordered_json;

namespace {

const std::vector<std::string> strings = {
    "",
    "plain",
    "主动公开政府信息",
    "quote \" backslash \\ slash /",
    "\b\f\n\r\t",
    std::string("\x01\x1f\x7f nul:") + std::string(1, '\0') + "end",
    "\xff",                             // not UTF-8
    "\xe4\xb8",                         // a character cut short
    "a\xc3(b",                          // a lead byte without its continuation
    "\xed\xa0\x80",                     // a surrogate
    "ok \xe4\xb8\xad\xff \xe6\x96\x87", // valid around invalid
};

const std::vector<double> numbers = {0.0,
                                     -0.0,
                                     1.0,
                                     -3.0,
                                     1190.1,
                                     -3.5,
                                     1e-7,
                                     1e15,
                                     1e16,
                                     999999999999999.0,
                                     0.1 + 0.2,
                                     123.456,
                                     std::numeric_limits<double>::quiet_NaN()};

// Builds the same random document with both: `j` (nlohmann) and `w`.
void build(std::mt19937& rng, int depth, ordered& j, json_writer& w) {
    const auto pick = [&](std::size_t n) {
        return std::uniform_int_distribution<std::size_t>(0, n - 1)(rng);
    };
    const std::size_t kind = depth > 3 ? 2 + pick(5) : pick(7);
    switch (kind) {
    case 0: {
        j = ordered::object();
        w.begin_object();
        const std::size_t n = pick(4);
        for (std::size_t i = 0; i < n; ++i) {
            // Keys are unique in an object (nlohmann would merge repeated keys).
            const std::string k = strings[pick(strings.size())] + std::to_string(i);
            w.key(k);
            build(rng, depth + 1, j[k], w);
        }
        w.end_object();
        break;
    }
    case 1: {
        j = ordered::array();
        w.begin_array();
        const std::size_t n = pick(4);
        for (std::size_t i = 0; i < n; ++i) {
            ordered item;
            build(rng, depth + 1, item, w);
            j.push_back(std::move(item));
        }
        w.end_array();
        break;
    }
    case 2: {
        const auto& s = strings[pick(strings.size())];
        j = s;
        w.string(s);
        break;
    }
    case 3: {
        // As nianbao stores figures: an integer when it is one, else the double.
        const double v = numbers[pick(numbers.size())];
        if (std::floor(v) == v && std::fabs(v) < 1e15) {
            j = static_cast<std::int64_t>(v);
        } else {
            j = v;
        }
        w.number(v);
        break;
    }
    case 4: {
        const auto v = static_cast<std::uint32_t>(rng());
        j = v;
        w.unsigned_integer(v);
        break;
    }
    case 5: {
        const bool b = pick(2) == 1;
        j = b;
        w.boolean(b);
        break;
    }
    default:
        j = nullptr;
        w.null();
        break;
    }
}

} // namespace

BOOST_AUTO_TEST_SUITE(render_json_writer)

BOOST_AUTO_TEST_CASE(writes_what_nlohmann_dumps) {
    for (const int indent : {-1, 0, 2, 4}) {
        std::mt19937 rng(20261123);
        for (int doc = 0; doc < 300; ++doc) {
            ordered j;
            std::string out;
            json_writer w(out, indent);
            build(rng, 0, j, w);
            const std::string expected =
                j.dump(indent, ' ', false, nlohmann::json::error_handler_t::replace);
            BOOST_TEST_CONTEXT("indent " << indent << ", document " << doc) {
                BOOST_TEST(out == expected);
            }
        }
    }
}

BOOST_AUTO_TEST_CASE(lays_out_empty_and_nested_containers) {
    std::string out;
    json_writer w(out, 2);
    w.begin_object().key("a").begin_array().end_array().key("b").begin_object().end_object();
    w.key("c").begin_array().integer(1).begin_object().key("d").null().end_object().end_array();
    w.end_object();
    BOOST_TEST(out
               == "{\n  \"a\": [],\n  \"b\": {},\n  \"c\": [\n    1,\n    {\n      \"d\": "
                  "null\n    }\n  ]\n}");
    std::string line;
    json_writer(line, -1).begin_array().string("x\"y").number(1190.1).end_array();
    BOOST_TEST(line == "[\"x\\\"y\",1190.1]");
}

BOOST_AUTO_TEST_SUITE_END()
