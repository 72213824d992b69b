// Reading and decoding report files: bytes in, validated UTF-8 out, never silently replaced.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <variant>

namespace nianbao::source {

/// Which decoder to use; `automatic` tries BOM, then UTF-8, then GB18030.
enum class encoding { automatic, utf8, gb18030 };

/// Parses "auto", "utf-8"/"utf8", "gb18030"/"gbk"/"gb2312" (case-insensitive); false if unknown.
bool parse_encoding(std::string_view name, encoding& out);

/// A decoded report. `utf8` is valid UTF-8 without a BOM and without NUL bytes.
struct text {
    std::string name;     ///< the path as given, or "<stdin>"
    std::string utf8;     ///< the decoded text, BOM removed
    std::string encoding; ///< "UTF-8" or "GB18030": what the bytes were
    std::string bom;      ///< the BOM bytes that were removed ("" if none)
};

/// Why input could not be read or decoded. `offset` is a byte offset into the original bytes.
struct input_error {
    std::string id;     ///< message id, e.g. "decode/invalid-utf8"
    std::string detail; ///< extra detail for the message (an OS error, an ICU status)
    std::uint64_t offset = 0;
    bool has_offset = false;
    std::uint32_t line = 0;   ///< 1-based line of `offset` in the raw bytes, 0 if no offset
    std::uint32_t column = 0; ///< 1-based column (characters before the bad byte on its line)
};

/// The offset of the first byte of `s` that is not part of valid UTF-8, or npos.
std::size_t first_invalid_utf8(std::string_view s);

namespace detail {
/// first_invalid_utf8 without the vector pass, from offset `i` (a character boundary).
std::size_t first_invalid_utf8_from(std::string_view s, std::size_t i);
} // namespace detail

/// Decodes `bytes`. Never substitutes U+FFFD: the first undecodable byte is an error.
std::variant<text, input_error> decode(std::string_view bytes, encoding choice,
                                       std::string name = "<stdin>");

/// Reads a whole file (`-` is standard input). Directories and unreadable files are errors.
std::variant<std::string, input_error> read_bytes(const std::string& path);

/// Reads and decodes in one step.
std::variant<text, input_error> load(const std::string& path, encoding choice);

/// Encodes UTF-8 `utf8` back into `encoding_name` ("UTF-8" or "GB18030"), prefixing `bom`.
/// Returns false if a character cannot be represented.
bool encode(std::string_view utf8, std::string_view encoding_name, std::string_view bom,
            std::string& out);

} // namespace nianbao::source
