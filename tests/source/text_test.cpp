// Decoding: BOM, UTF-8, GB18030, and clear errors with byte offsets for everything else.
#include <cerrno>
#include <chrono>
#include <csignal>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <random>
#include <sys/stat.h>
#include <thread>
#include <unistd.h>

#include <boost/test/unit_test.hpp>
#include <unicode/utf8.h>

#include "source/text.hpp"

using namespace nianbao::source;

namespace {

text ok(std::string_view bytes, encoding e = encoding::automatic) {
    auto r = decode(bytes, e, "t");
    BOOST_REQUIRE(std::holds_alternative<text>(r));
    return std::get<text>(r);
}

input_error fail(std::string_view bytes, encoding e = encoding::automatic) {
    auto r = decode(bytes, e, "t");
    BOOST_REQUIRE(std::holds_alternative<input_error>(r));
    return std::get<input_error>(r);
}

const std::string gb_heading = "\xB6\xFE\xA1\xA2\xD6\xF7\xB6\xAF"; // 二、主动 in GB18030

} // namespace

BOOST_AUTO_TEST_SUITE(source_text)

BOOST_AUTO_TEST_CASE(decodes_plain_utf8) {
    const auto t = ok("一、总体情况\r\n");
    BOOST_TEST(t.encoding == "UTF-8");
    BOOST_TEST(t.utf8 == "一、总体情况\r\n");
    BOOST_TEST(t.bom.empty());
}

BOOST_AUTO_TEST_CASE(strips_and_remembers_utf8_bom) {
    const auto t = ok("\xEF\xBB\xBF一、");
    BOOST_TEST(t.utf8 == "一、");
    BOOST_TEST(t.bom == "\xEF\xBB\xBF");
}

BOOST_AUTO_TEST_CASE(detects_gb18030) {
    const auto t = ok(gb_heading + "\n");
    BOOST_TEST(t.encoding == "GB18030");
    BOOST_TEST(t.utf8 == "二、主动\n");
}

BOOST_AUTO_TEST_CASE(strips_gb18030_bom) {
    const auto t = ok(std::string("\x84\x31\x95\x33", 4) + gb_heading);
    BOOST_TEST(t.encoding == "GB18030");
    BOOST_TEST(t.utf8 == "二、主动");
}

BOOST_AUTO_TEST_CASE(forced_gb18030_decodes_ascii_as_is) {
    const auto t = ok("abc", encoding::gb18030);
    BOOST_TEST(t.encoding == "GB18030");
    BOOST_TEST(t.utf8 == "abc");
}

BOOST_AUTO_TEST_CASE(rejects_nul_byte_with_offset_line_and_column) {
    const auto e = fail(std::string("ab\ncd\0e", 7));
    BOOST_TEST(e.id == "decode/nul-byte");
    BOOST_TEST(e.offset == 5U);
    BOOST_TEST(e.line == 2U);
    BOOST_TEST(e.column == 3U);
}

BOOST_AUTO_TEST_CASE(reports_corrupt_byte_in_utf8_file_as_utf8_error) {
    // A UTF-8 report with one bad byte deep inside is a UTF-8 problem, not a GB18030 one.
    std::string bytes;
    for (int i = 0; i < 20; ++i) {
        bytes += "一、总体情况\n";
    }
    const std::size_t bad = bytes.size();
    bytes += "\xFF";
    const auto e = fail(bytes);
    BOOST_TEST(e.id == "decode/invalid-utf8");
    BOOST_TEST(e.offset == bad);
    BOOST_TEST(e.line == 21U);
    BOOST_TEST(e.column == 1U);
}

BOOST_AUTO_TEST_CASE(reports_truncated_gb18030_at_its_offset) {
    const auto e = fail(gb_heading + "\x80", encoding::gb18030);
    BOOST_TEST(e.id == "decode/invalid-gb18030");
    BOOST_TEST(e.offset == 8U);
}

BOOST_AUTO_TEST_CASE(forced_utf8_rejects_gb18030_bytes) {
    const auto e = fail(gb_heading, encoding::utf8);
    BOOST_TEST(e.id == "decode/invalid-utf8");
    BOOST_TEST(e.offset == 0U);
}

BOOST_AUTO_TEST_CASE(never_inserts_replacement_characters) {
    const auto e = fail("ok\xC3\x28");
    BOOST_TEST(e.offset == 2U);
}

BOOST_AUTO_TEST_CASE(round_trips_through_gb18030_encoding) {
    std::string bytes;
    BOOST_REQUIRE(encode("二、主动公开", "GB18030", "", bytes));
    BOOST_TEST(ok(bytes).utf8 == "二、主动公开");
}

BOOST_AUTO_TEST_CASE(parses_encoding_names) {
    encoding e = encoding::automatic;
    BOOST_TEST(parse_encoding("GBK", e));
    BOOST_TEST((e == encoding::gb18030));
    BOOST_TEST(parse_encoding("utf-8", e));
    BOOST_TEST((e == encoding::utf8));
    BOOST_TEST(!parse_encoding("latin1", e));
}

BOOST_AUTO_TEST_CASE(reports_directory_and_missing_file) {
    auto dir = read_bytes(NIANBAO_SOURCE_DIR);
    BOOST_REQUIRE(std::holds_alternative<input_error>(dir));
    BOOST_TEST(std::get<input_error>(dir).id == "io/is-directory");
    auto missing = read_bytes(std::string(NIANBAO_SOURCE_DIR) + "/no-such-file.txt");
    BOOST_REQUIRE(std::holds_alternative<input_error>(missing));
    BOOST_TEST(std::get<input_error>(missing).id == "io/open-failed");
}

namespace {

// A file of `n` bytes whose bytes differ, so that a misplaced chunk shows.
std::string numbered_bytes(std::size_t n) {
    std::string s(n, '\0');
    for (std::size_t i = 0; i < n; ++i) {
        s[i] = static_cast<char>('a' + (i * 7 + i / 251) % 26);
    }
    return s;
}

std::string temp_path(const char* name) {
    return (std::filesystem::temp_directory_path()
            / (std::string("nianbao-text-test-") + std::to_string(::getpid()) + "-" + name))
        .string();
}

} // namespace

// Regular files are read at their size; each size around the 64 KiB chunk comes back whole.
BOOST_AUTO_TEST_CASE(reads_regular_files_whole) {
    const std::string path = temp_path("regular");
    for (const std::size_t n : {std::size_t{0}, std::size_t{1}, std::size_t{65535},
                                std::size_t{65536}, std::size_t{65537}, std::size_t{300001}}) {
        const std::string want = numbered_bytes(n);
        std::ofstream(path, std::ios::binary) << want;
        const auto got = read_bytes(path);
        BOOST_REQUIRE(std::holds_alternative<std::string>(got));
        BOOST_TEST((std::get<std::string>(got) == want), "size " << n);
    }
    std::filesystem::remove(path);
}

// A pipe has no size: it is read in chunks until the writer closes it, however short a read.
BOOST_AUTO_TEST_CASE(reads_a_fifo_until_its_end) {
    const std::string path = temp_path("fifo");
    BOOST_REQUIRE(::mkfifo(path.c_str(), 0600) == 0);
    const std::string want = numbered_bytes(200'003);
    // A reader that stops early must fail the test, not kill it with SIGPIPE.
    const auto old_handler = std::signal(SIGPIPE, SIG_IGN);
    // Written in pieces with pauses, so that reads come back short before the end.
    std::thread writer([&] {
        std::ofstream out(path, std::ios::binary);
        for (std::size_t at = 0; at < want.size(); at += 10'000) {
            out << want.substr(at, 10'000) << std::flush;
            std::this_thread::sleep_for(std::chrono::milliseconds(1));
        }
    });
    const auto got = read_bytes(path);
    writer.join();
    std::signal(SIGPIPE, old_handler);
    std::filesystem::remove(path);
    BOOST_REQUIRE(std::holds_alternative<std::string>(got));
    BOOST_TEST(std::get<std::string>(got).size() == want.size());
    BOOST_TEST((std::get<std::string>(got) == want));
}

// A file that cannot be opened says why (root reads any file, so the test needs another user).
BOOST_AUTO_TEST_CASE(reports_an_unreadable_file) {
    if (::geteuid() == 0) {
        BOOST_TEST_MESSAGE("skipped: running as root");
        return;
    }
    const std::string path = temp_path("unreadable");
    std::ofstream(path) << "x";
    std::filesystem::permissions(path, std::filesystem::perms::none);
    const auto got = read_bytes(path);
    std::filesystem::remove(path);
    BOOST_REQUIRE(std::holds_alternative<input_error>(got));
    BOOST_TEST(std::get<input_error>(got).id == "io/open-failed");
    BOOST_TEST(std::get<input_error>(got).detail == std::strerror(EACCES));
}

namespace {

// A plain U8_NEXT walk: the verdict the validator's fast paths must agree with.
std::size_t reference_first_invalid(std::string_view s) {
    const auto* p = reinterpret_cast<const std::uint8_t*>(s.data());
    const auto n = static_cast<std::int32_t>(s.size());
    for (std::int32_t i = 0; i < n;) {
        const std::int32_t at = i;
        UChar32 c = 0;
        U8_NEXT(p, i, n, c);
        if (c < 0) {
            return static_cast<std::size_t>(at);
        }
    }
    return std::string_view::npos;
}

// Valid characters of every length first, then broken pieces.
const std::vector<std::string> utf8_pieces = {"a",
                                              "0123456789abcdef",
                                              "\n",
                                              "\xc2\xa0",
                                              "\xe4\xb8\xad",
                                              "\xe3\x80\x80",
                                              "\xef\xbc\x8c",
                                              "\xe0\xa4\x85",
                                              "\xed\x9f\xbf",
                                              "\xf0\x9f\x98\x80",
                                              "\xe4\xb8",     // cut short
                                              "\xed\xa0\x80", // a surrogate
                                              "\xe0\x80\x80", // overlong
                                              "\xc0\xaf",
                                              "\xff",
                                              "\x80",
                                              "\xf4\x90\x80\x80",
                                              "\xe4\x41\x80",
                                              "\xe4\xb8\x41",
                                              "\xed\xbf\xbf",     // the last surrogate
                                              "\xe0\x9f\xbf",     // overlong three bytes
                                              "\xf0\x80\x80\x80", // overlong four bytes
                                              "\xf4\x8f\xbf"};    // U+10FFFF cut short
constexpr std::size_t valid_pieces = 10;

std::string random_piece(std::mt19937& rng, bool broken) {
    return utf8_pieces[broken
                           ? std::uniform_int_distribution<std::size_t>(valid_pieces,
                                                                        utf8_pieces.size() - 1)(rng)
                           : std::uniform_int_distribution<std::size_t>(0, valid_pieces - 1)(rng)];
}

} // namespace

BOOST_AUTO_TEST_CASE(finds_the_first_invalid_byte_as_icu_reads_utf8) {
    // The scalar fast paths (ASCII words, runs of three-byte characters) on short strings.
    std::mt19937 rng(11);
    for (int round = 0; round < 20000; ++round) {
        std::string s;
        const auto parts = std::uniform_int_distribution<int>(0, 12)(rng);
        for (int k = 0; k < parts; ++k) {
            // Mostly valid pieces (a broken one in one case of four), so that fast runs form.
            s += random_piece(rng, std::uniform_int_distribution<int>(0, 3)(rng) == 0);
        }
        BOOST_TEST_CONTEXT(round) {
            BOOST_TEST(nianbao::source::first_invalid_utf8(s) == reference_first_invalid(s));
        }
    }
}

BOOST_AUTO_TEST_CASE(finds_the_first_invalid_byte_of_long_text_as_icu_reads_utf8) {
    // The vector pass, 32 bytes at a time: long valid text with one broken piece somewhere, or
    // none, so that errors fall at every place of a block and on block boundaries.
    std::mt19937 rng(12);
    for (int round = 0; round < 4000; ++round) {
        std::string s;
        const auto parts = std::uniform_int_distribution<int>(20, 300)(rng);
        const auto broken_at = std::uniform_int_distribution<int>(0, parts * 4 / 3)(rng);
        for (int k = 0; k < parts; ++k) {
            s += random_piece(rng, k == broken_at);
        }
        BOOST_TEST_CONTEXT(round) {
            const auto expected = reference_first_invalid(s);
            BOOST_TEST(nianbao::source::first_invalid_utf8(s) == expected);
            BOOST_TEST(nianbao::source::detail::first_invalid_utf8_from(s, 0) == expected);
        }
    }
}

BOOST_AUTO_TEST_CASE(finds_a_character_cut_short_before_plain_ascii_at_every_offset) {
    // A lead byte without its continuations, followed by whole blocks of ASCII (which the vector
    // pass accepts in one compare) or by the end of the text.
    for (const std::string cut : {"\xc2", "\xe4", "\xe4\xb8", "\xf0", "\xf0\x9f", "\xf0\x9f\x98"}) {
        for (std::size_t before = 0; before < 100; ++before) {
            for (const std::size_t after : {std::size_t{0}, std::size_t{1}, std::size_t{100}}) {
                const std::string s = std::string(before, 'a') + cut + std::string(after, 'a');
                BOOST_TEST_CONTEXT(before << " " << after) {
                    BOOST_TEST(nianbao::source::first_invalid_utf8(s) == before);
                }
            }
        }
    }
}

BOOST_AUTO_TEST_CASE(finds_a_character_cut_short_at_every_end_of_long_text) {
    // Every prefix of a valid text: characters cut at the end of a whole block, or before it.
    std::mt19937 rng(13);
    std::string text;
    while (text.size() < 300) {
        text += random_piece(rng, false);
    }
    for (std::size_t k = 0; k <= text.size(); ++k) {
        const std::string_view s = std::string_view(text).substr(0, k);
        BOOST_TEST_CONTEXT(k) {
            BOOST_TEST(nianbao::source::first_invalid_utf8(s) == reference_first_invalid(s));
        }
    }
}

BOOST_AUTO_TEST_SUITE_END()
