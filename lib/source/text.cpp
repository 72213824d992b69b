// Decoding with ICU: BOM, strict UTF-8, then strict GB18030 (STOP callback, never U+FFFD).
#include "source/text.hpp"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <iostream>
#include <iterator>
#include <limits>
#include <sys/stat.h>
#include <unistd.h>

#include <unicode/ucnv.h>
#include <unicode/ustring.h>

namespace nianbao::source {

namespace {

constexpr std::string_view utf8_bom{"\xEF\xBB\xBF", 3};
constexpr std::string_view gb18030_bom{"\x84\x31\x95\x33", 4};

std::string lower(std::string_view s) {
    std::string out(s);
    std::transform(out.begin(), out.end(), out.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return out;
}

// Fills line and column of an error offset, counting over the raw bytes.
input_error at_offset(input_error e, std::string_view bytes, std::uint64_t offset) {
    e.offset = offset;
    e.has_offset = true;
    const auto before = bytes.substr(0, static_cast<std::size_t>(offset));
    e.line = static_cast<std::uint32_t>(std::count(before.begin(), before.end(), '\n')) + 1;
    const auto line_start = before.rfind('\n');
    const auto line = before.substr(line_start == std::string_view::npos ? 0 : line_start + 1);
    e.column = 1 + static_cast<std::uint32_t>(std::count_if(line.begin(), line.end(), [](char c) {
                   return (static_cast<unsigned char>(c) & 0xC0U) != 0x80U;
               }));
    return e;
}

// Strict GB18030 → UTF-8. On failure returns the offset (into `in`) of the first bad byte.
bool from_gb18030(std::string_view in, std::string& out, std::size_t& bad, std::string& status) {
    UErrorCode st = U_ZERO_ERROR;
    UConverter* cnv = ucnv_open("GB18030", &st);
    if (U_FAILURE(st)) {
        status = u_errorName(st);
        bad = 0;
        return false;
    }
    ucnv_setToUCallBack(cnv, UCNV_TO_U_CALLBACK_STOP, nullptr, nullptr, nullptr, &st);
    std::u16string u16(in.size() + 1, u'\0');
    const char* src = in.data();
    UChar* dst = u16.data();
    ucnv_toUnicode(cnv, &dst, dst + u16.size(), &src, in.data() + in.size(), nullptr, true, &st);
    if (U_FAILURE(st)) {
        char invalid[8];
        std::int8_t len = sizeof invalid;
        UErrorCode ignored = U_ZERO_ERROR;
        ucnv_getInvalidChars(cnv, invalid, &len, &ignored);
        bad = static_cast<std::size_t>(src - in.data()) - static_cast<std::size_t>(len);
        status = u_errorName(st);
        ucnv_close(cnv);
        return false;
    }
    ucnv_close(cnv);
    u16.resize(static_cast<std::size_t>(dst - u16.data()));
    out.assign(u16.size() * 3, '\0');
    std::int32_t len = 0;
    st = U_ZERO_ERROR;
    u_strToUTF8(out.data(), static_cast<std::int32_t>(out.size()), &len, u16.data(),
                static_cast<std::int32_t>(u16.size()), &st);
    if (U_FAILURE(st)) {
        status = u_errorName(st);
        bad = 0;
        return false;
    }
    out.resize(static_cast<std::size_t>(len));
    return true;
}

} // namespace

bool parse_encoding(std::string_view name, encoding& out) {
    const std::string n = lower(name);
    if (n == "auto") {
        out = encoding::automatic;
    } else if (n == "utf-8" || n == "utf8") {
        out = encoding::utf8;
    } else if (n == "gb18030" || n == "gbk" || n == "gb2312" || n == "cp936") {
        out = encoding::gb18030;
    } else {
        return false;
    }
    return true;
}

namespace {

// `owned`, when given, holds `bytes` and may be taken over: valid UTF-8 then becomes the text
// without a copy (only a BOM is cut off the front).
std::variant<text, input_error> decode_impl(std::string_view bytes, encoding choice,
                                            std::string name, std::string* owned) {
    // Spans are 32-bit byte offsets.
    if (bytes.size() >= std::numeric_limits<std::uint32_t>::max()) {
        return input_error{"io/too-large", std::to_string(bytes.size())};
    }
    // NUL never occurs in a report in either encoding; it marks a binary file.
    if (const auto nul = bytes.find('\0'); nul != std::string_view::npos) {
        return at_offset(input_error{"decode/nul-byte", ""}, bytes, nul);
    }
    std::string bom;
    if (bytes.substr(0, 3) == utf8_bom && choice != encoding::gb18030) {
        bom = utf8_bom;
        choice = encoding::utf8;
    } else if (bytes.substr(0, 4) == gb18030_bom && choice != encoding::utf8) {
        bom = gb18030_bom;
        choice = encoding::gb18030;
    }
    const std::string_view body = bytes.substr(bom.size());
    std::size_t utf8_bad = std::string_view::npos;
    if (choice != encoding::gb18030) {
        utf8_bad = first_invalid_utf8(body);
        if (utf8_bad == std::string_view::npos) {
            std::string utf8;
            if (owned != nullptr) {
                owned->erase(0, bom.size());
                utf8 = std::move(*owned);
            } else {
                utf8.assign(body);
            }
            return text{std::move(name), std::move(utf8), "UTF-8", bom};
        }
        if (choice == encoding::utf8) {
            return at_offset(input_error{"decode/invalid-utf8", ""}, bytes, bom.size() + utf8_bad);
        }
    }
    std::string out;
    std::size_t gb_bad = 0;
    std::string status;
    if (from_gb18030(body, out, gb_bad, status)) {
        return text{std::move(name), std::move(out), "GB18030", bom};
    }
    // Neither decoder accepted the bytes: report the one that got further (a UTF-8 file with
    // one corrupt byte deep inside is a UTF-8 problem, not a GB18030 one).
    if (choice == encoding::automatic && utf8_bad >= gb_bad) {
        return at_offset(input_error{"decode/invalid-utf8", ""}, bytes, bom.size() + utf8_bad);
    }
    return at_offset(input_error{"decode/invalid-gb18030", status}, bytes, bom.size() + gb_bad);
}

} // namespace

std::variant<text, input_error> decode(std::string_view bytes, encoding choice, std::string name) {
    return decode_impl(bytes, choice, std::move(name), nullptr);
}

std::variant<std::string, input_error> read_bytes(const std::string& path) {
    if (path == "-") {
        std::string data((std::istreambuf_iterator<char>(std::cin)), {});
        if (std::cin.bad()) {
            return input_error{"io/read-failed", "stdin"};
        }
        return data;
    }
    // open, fstat, read until a read returns nothing, close: a directory is told by fstat (not
    // by a stat of the path first), and a regular file is read at the size it has into the
    // string it is returned in, plus whatever it grew by, with no buffer in between.
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        return input_error{"io/open-failed", std::strerror(errno)};
    }
    // Closed on every way out; errno is read before it runs.
    const struct closer {
        int fd;
        ~closer() { ::close(fd); }
    } guard{fd};
    struct ::stat st {};
    if (::fstat(fd, &st) != 0) {
        return input_error{"io/read-failed", std::strerror(errno)};
    }
    if (S_ISDIR(st.st_mode)) {
        return input_error{"io/is-directory", ""};
    }
    constexpr std::size_t chunk = 1 << 16;
    std::string data;
    // One byte more than the size, so that a file that has not grown is read in one call.
    data.resize(S_ISREG(st.st_mode) && st.st_size > 0 ? static_cast<std::size_t>(st.st_size) + 1
                                                      : chunk);
    std::size_t used = 0;
    for (;;) {
        if (used == data.size()) {
            data.resize(data.size() + std::max(chunk, data.size() / 2));
        }
        const ::ssize_t n = ::read(fd, data.data() + used, data.size() - used);
        if (n < 0 && errno == EINTR) {
            continue;
        }
        if (n < 0) {
            return input_error{"io/read-failed", std::strerror(errno)};
        }
        if (n == 0) {
            break;
        }
        used += static_cast<std::size_t>(n);
    }
    data.resize(used);
    return data;
}

std::variant<text, input_error> load(const std::string& path, encoding choice) {
    auto bytes = read_bytes(path);
    if (auto* e = std::get_if<input_error>(&bytes)) {
        return *e;
    }
    auto& owned = std::get<std::string>(bytes);
    return decode_impl(owned, choice, path == "-" ? "<stdin>" : path, &owned);
}

bool encode(std::string_view utf8, std::string_view encoding_name, std::string_view bom,
            std::string& out) {
    out.assign(bom);
    if (encoding_name != "GB18030") {
        out.append(utf8);
        return true;
    }
    UErrorCode st = U_ZERO_ERROR;
    std::u16string u16(utf8.size() + 1, u'\0');
    std::int32_t len = 0;
    u_strFromUTF8(u16.data(), static_cast<std::int32_t>(u16.size()), &len, utf8.data(),
                  static_cast<std::int32_t>(utf8.size()), &st);
    if (U_FAILURE(st)) {
        return false;
    }
    UConverter* cnv = ucnv_open("GB18030", &st);
    ucnv_setFromUCallBack(cnv, UCNV_FROM_U_CALLBACK_STOP, nullptr, nullptr, nullptr, &st);
    std::string bytes(static_cast<std::size_t>(len) * 4 + 4, '\0');
    const std::int32_t n = ucnv_fromUChars(
        cnv, bytes.data(), static_cast<std::int32_t>(bytes.size()), u16.data(), len, &st);
    ucnv_close(cnv);
    if (U_FAILURE(st)) {
        return false;
    }
    out.append(bytes.data(), static_cast<std::size_t>(n));
    return true;
}

} // namespace nianbao::source
