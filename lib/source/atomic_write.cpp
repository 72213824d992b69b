// Atomic file replacement: mkstemp beside the target, write, fsync, chmod, rename.
#include "source/atomic_write.hpp"

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <filesystem>
#include <sys/stat.h>
#include <unistd.h>
#include <vector>

namespace nianbao::source {

bool write_atomically(const std::string& path, std::string_view bytes, std::string& error,
                      std::string& detail, write_options opts) {
    namespace fs = std::filesystem;
    std::string target = path;
    struct stat st {};
    const bool exists = ::lstat(path.c_str(), &st) == 0;
    if (exists && S_ISLNK(st.st_mode)) {
        if (!opts.follow_symlinks) {
            error = "io/symlink-refused";
            detail = path;
            return false;
        }
        std::error_code ec;
        target = fs::canonical(path, ec).string();
        if (ec || ::stat(target.c_str(), &st) != 0) {
            error = "io/write-failed";
            detail = ec ? ec.message() : std::strerror(errno);
            return false;
        }
    }
    const fs::path dir = fs::path(target).parent_path();
    std::string tmpl = (dir.empty() ? fs::path(".") : dir)
                       / ("." + fs::path(target).filename().string() + ".nianbao-XXXXXX");
    std::vector<char> name(tmpl.begin(), tmpl.end());
    name.push_back('\0');
    const int fd = ::mkstemp(name.data());
    if (fd < 0) {
        error = "io/write-failed";
        detail = std::strerror(errno);
        return false;
    }
    auto fail = [&](int err) {
        ::close(fd);
        ::unlink(name.data());
        error = "io/write-failed";
        detail = std::strerror(err);
        return false;
    };
    for (std::size_t done = 0; done < bytes.size();) {
        const ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
        if (n < 0) {
            if (errno == EINTR) {
                continue;
            }
            return fail(errno);
        }
        done += static_cast<std::size_t>(n);
    }
    // Keep the original's permission bits (mkstemp creates 0600).
    const mode_t mode = exists ? (st.st_mode & 07777) : static_cast<mode_t>(0644);
    if (::fchmod(fd, mode) != 0 || ::fsync(fd) != 0) {
        return fail(errno);
    }
    if (::close(fd) != 0) {
        const int err = errno;
        ::unlink(name.data());
        error = "io/write-failed";
        detail = std::strerror(err);
        return false;
    }
    if (::rename(name.data(), target.c_str()) != 0) {
        const int err = errno;
        ::unlink(name.data());
        error = "io/write-failed";
        detail = std::strerror(err);
        return false;
    }
    return true;
}

} // namespace nianbao::source
