// Looking for many keys at once finds what memmem finds, key by key.
#include <cstring>
#include <random>
#include <string>
#include <string_view>
#include <vector>

#include <boost/test/unit_test.hpp>

#include "model/key_search.hpp"

using nianbao::model::detail::find_keys;

namespace {

std::vector<char> one_by_one(std::string_view text, const std::vector<std::string_view>& keys) {
    std::vector<char> out;
    for (const auto k : keys) {
        out.push_back(::memmem(text.data(), text.size(), k.data(), k.size()) != nullptr ? 1 : 0);
    }
    return out;
}

} // namespace

BOOST_AUTO_TEST_SUITE(model_key_search)

BOOST_AUTO_TEST_CASE(finds_keys_at_the_ends_and_across_blocks) {
    const std::string text = "信息内容\x01本年新制作数量\x01"
                             "ab";
    const std::vector<std::string_view> keys = {
        "信息内容", "本年新制作数量", "ab",           "b",       "",
        "数量\x01", "总计",           "信息内容本年", "容\x01本"};
    const auto found = find_keys(text, keys);
    BOOST_TEST(found == one_by_one(text, keys), boost::test_tools::per_element());
    BOOST_TEST(found == std::vector<char>({1, 1, 1, 1, 1, 1, 0, 0, 1}),
               boost::test_tools::per_element());
    BOOST_TEST(find_keys("", keys) == one_by_one("", keys), boost::test_tools::per_element());
}

// Random keys cut from the text or made up, over an alphabet whose characters share bytes.
BOOST_AUTO_TEST_CASE(finds_what_memmem_finds_for_random_text_and_keys) {
    const std::vector<std::string> alphabet = {"行", "政", "许", "可", "一", "、",          "\x01",
                                               "1",  "a",  "项", "（", "）", "\xE3\x80\x80"};
    std::mt19937 rng(11);
    const auto random_text = [&](std::size_t chars) {
        std::string s;
        for (std::size_t i = 0; i < chars; ++i) {
            s += alphabet[rng() % alphabet.size()];
        }
        return s;
    };
    for (int round = 0; round < 400; ++round) {
        const std::string text = random_text(rng() % 300);
        std::vector<std::string> owned;
        for (int k = 0; k < 12; ++k) {
            if (rng() % 2 == 0 && !text.empty()) { // a piece of the text, even a broken character
                const std::size_t at = rng() % text.size();
                owned.push_back(text.substr(at, rng() % 20));
            } else {
                owned.push_back(random_text(rng() % 5));
            }
        }
        const std::vector<std::string_view> keys(owned.begin(), owned.end());
        BOOST_TEST(find_keys(text, keys) == one_by_one(text, keys),
                   boost::test_tools::per_element());
    }
}

// A long text: found keys leave the table while most of the text is still to be read.
BOOST_AUTO_TEST_CASE(finds_what_memmem_finds_in_a_long_text) {
    const std::vector<std::string> alphabet = {"行", "政", "许", "可", "数", "量", "\x01", "1"};
    std::mt19937 rng(5);
    for (int round = 0; round < 20; ++round) {
        std::string text;
        for (int i = 0; i < 20000; ++i) {
            text += alphabet[rng() % alphabet.size()];
        }
        std::vector<std::string> owned;
        for (int k = 0; k < 16; ++k) {
            const std::size_t at = (k % 3 == 0 ? rng() % 2000 : rng() % text.size());
            owned.push_back(k % 4 == 3 ? "不在其中" + std::to_string(k)
                                       : text.substr(at, 6 + rng() % 30));
        }
        const std::vector<std::string_view> keys(owned.begin(), owned.end());
        BOOST_TEST(find_keys(text, keys) == one_by_one(text, keys),
                   boost::test_tools::per_element());
    }
}

// More keys than a chain index holds: the rest are looked for one by one.
BOOST_AUTO_TEST_CASE(finds_keys_past_the_two_hundred_and_fifty_fourth) {
    std::string text;
    std::vector<std::string> owned;
    for (int k = 0; k < 300; ++k) {
        owned.push_back("键" + std::to_string(k) + "号");
        if (k % 7 == 0) {
            text += owned.back() + "\x01";
        }
    }
    const std::vector<std::string_view> keys(owned.begin(), owned.end());
    BOOST_TEST(find_keys(text, keys) == one_by_one(text, keys), boost::test_tools::per_element());
}

BOOST_AUTO_TEST_SUITE_END()
