// Atomic writes: the target is replaced whole, keeps its mode, and symlinks are refused.
#include <filesystem>
#include <fstream>
#include <sys/stat.h>

#include <boost/test/unit_test.hpp>

#include "source/atomic_write.hpp"

using namespace nianbao::source;
namespace fs = std::filesystem;

namespace {

struct scratch {
    fs::path dir = fs::temp_directory_path() / ("nianbao-atomic-" + std::to_string(::getpid()));
    scratch() { fs::create_directories(dir); }
    ~scratch() { fs::remove_all(dir); }
};

std::string read(const fs::path& p) {
    std::ifstream f(p, std::ios::binary);
    return {std::istreambuf_iterator<char>(f), {}};
}

} // namespace

BOOST_AUTO_TEST_SUITE(source_atomic_write)

BOOST_AUTO_TEST_CASE(replaces_the_file_and_keeps_its_mode) {
    const scratch s;
    const auto f = s.dir / "r.txt";
    std::ofstream(f) << "old";
    fs::permissions(f, fs::perms::owner_read | fs::perms::owner_write | fs::perms::group_read);
    std::string id;
    std::string detail;
    BOOST_REQUIRE(write_atomically(f.string(), "新的内容", id, detail));
    BOOST_TEST(read(f) == "新的内容");
    struct stat st {};
    BOOST_REQUIRE(::stat(f.c_str(), &st) == 0);
    BOOST_TEST((st.st_mode & 07777) == 0640U);
    // No temporary file is left beside it.
    BOOST_TEST(std::distance(fs::directory_iterator(s.dir), fs::directory_iterator()) == 1);
}

BOOST_AUTO_TEST_CASE(creates_a_new_file) {
    const scratch s;
    std::string id;
    std::string detail;
    BOOST_REQUIRE(write_atomically((s.dir / "new.txt").string(), "x", id, detail));
    BOOST_TEST(read(s.dir / "new.txt") == "x");
}

BOOST_AUTO_TEST_CASE(refuses_to_write_through_a_symlink_unless_asked) {
    const scratch s;
    std::ofstream(s.dir / "target.txt") << "target";
    fs::create_symlink(s.dir / "target.txt", s.dir / "link.txt");
    std::string id;
    std::string detail;
    BOOST_TEST(!write_atomically((s.dir / "link.txt").string(), "x", id, detail));
    BOOST_TEST(id == "io/symlink-refused");
    BOOST_TEST(read(s.dir / "target.txt") == "target");
    BOOST_TEST(fs::is_symlink(s.dir / "link.txt"));
    BOOST_REQUIRE(write_atomically((s.dir / "link.txt").string(), "through", id, detail, {true}));
    BOOST_TEST(read(s.dir / "target.txt") == "through");
    BOOST_TEST(fs::is_symlink(s.dir / "link.txt")); // the link itself is kept
}

BOOST_AUTO_TEST_CASE(leaves_the_original_when_the_directory_is_gone) {
    const scratch s;
    std::string id;
    std::string detail;
    BOOST_TEST(!write_atomically((s.dir / "no" / "such" / "dir.txt").string(), "x", id, detail));
    BOOST_TEST(id == "io/write-failed");
    BOOST_TEST(!detail.empty());
}

BOOST_AUTO_TEST_SUITE_END()
