// The JSON writer; where nlohmann's output is not plain to reproduce (a non-integral double,
// invalid UTF-8), the value is handed to nlohmann itself.
#include "render/json_writer.hpp"

#include <array>
#include <charconv>
#include <cmath>

#include <nlohmann/json.hpp>

#include "source/text.hpp"

namespace nianbao::render {

namespace {

// nlohmann's escapes for ASCII: the short forms, \u00xx (lowercase) for other controls.
constexpr std::string_view short_escape(unsigned char c) {
    switch (c) {
    case '"':
        return "\\\"";
    case '\\':
        return "\\\\";
    case '\b':
        return "\\b";
    case '\f':
        return "\\f";
    case '\n':
        return "\\n";
    case '\r':
        return "\\r";
    case '\t':
        return "\\t";
    default:
        return {};
    }
}

// What a byte asks of a string: escaping, or the UTF-8 check.
constexpr unsigned escapes = 1;
constexpr unsigned high_byte = 2;
constexpr std::array<unsigned char, 256> byte_class = [] {
    std::array<unsigned char, 256> t{};
    for (unsigned c = 0; c < 256; ++c) {
        t[c] = static_cast<unsigned char>(c < 0x20 || c == '"' || c == '\\' ? escapes
                                          : c >= 0x80                       ? high_byte
                                                                            : 0);
    }
    return t;
}();

} // namespace

void json_writer::before_value() {
    if (after_key_) {
        after_key_ = false;
        return;
    }
    if (empty_.empty()) {
        return;
    }
    if (!empty_.back()) {
        out_ += ',';
    }
    empty_.back() = false;
    if (indent_ >= 0) {
        out_ += '\n';
        out_.append(empty_.size() * static_cast<std::size_t>(indent_), ' ');
    }
}

void json_writer::close(char bracket) {
    const bool was_empty = empty_.back();
    empty_.pop_back();
    if (!was_empty && indent_ >= 0) {
        out_ += '\n';
        out_.append(empty_.size() * static_cast<std::size_t>(indent_), ' ');
    }
    out_ += bracket;
}

json_writer& json_writer::begin_object() {
    before_value();
    out_ += '{';
    empty_.push_back(true);
    return *this;
}

json_writer& json_writer::end_object() {
    close('}');
    return *this;
}

json_writer& json_writer::begin_array() {
    before_value();
    out_ += '[';
    empty_.push_back(true);
    return *this;
}

json_writer& json_writer::end_array() {
    close(']');
    return *this;
}

json_writer& json_writer::key(std::string_view k) {
    before_value();
    escaped(k);
    out_ += indent_ >= 0 ? ": " : ":";
    after_key_ = true;
    return *this;
}

void json_writer::escaped(std::string_view s) {
    // One pass says what needs care: controls, quotes and backslashes are escaped, and a byte
    // from 0x80 up sends the string through the UTF-8 check first.
    unsigned seen = 0;
    for (const char ch : s) {
        seen |= byte_class[static_cast<unsigned char>(ch)];
    }
    const bool high = (seen & high_byte) != 0;
    const bool special = (seen & escapes) != 0;
    if (high && source::first_invalid_utf8(s) != std::string_view::npos) {
        // nlohmann's replacement of invalid sequences, exactly.
        out_ += nlohmann::json(s).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
        return;
    }
    out_ += '"';
    if (!special) {
        out_ += s;
        out_ += '"';
        return;
    }
    std::size_t plain = 0; // start of the run not yet copied
    for (std::size_t i = 0; i < s.size(); ++i) {
        const auto c = static_cast<unsigned char>(s[i]);
        if (c >= 0x20 && c != '"' && c != '\\') {
            continue;
        }
        out_.append(s.substr(plain, i - plain));
        if (const auto e = short_escape(c); !e.empty()) {
            out_ += e;
        } else {
            constexpr char hex[] = "0123456789abcdef";
            out_ += "\\u00";
            out_ += hex[c >> 4U];
            out_ += hex[c & 0xFU];
        }
        plain = i + 1;
    }
    out_.append(s.substr(plain));
    out_ += '"';
}

json_writer& json_writer::string(std::string_view s) {
    before_value();
    escaped(s);
    return *this;
}

json_writer& json_writer::null() {
    before_value();
    out_ += "null";
    return *this;
}

json_writer& json_writer::boolean(bool b) {
    before_value();
    out_ += b ? "true" : "false";
    return *this;
}

json_writer& json_writer::integer(std::int64_t v) {
    before_value();
    char buf[24];
    const auto r = std::to_chars(buf, buf + sizeof buf, v);
    out_.append(buf, r.ptr);
    return *this;
}

json_writer& json_writer::unsigned_integer(std::uint64_t v) {
    before_value();
    char buf[24];
    const auto r = std::to_chars(buf, buf + sizeof buf, v);
    out_.append(buf, r.ptr);
    return *this;
}

json_writer& json_writer::number(double v) {
    if (std::floor(v) == v && std::fabs(v) < 1e15) {
        return integer(static_cast<std::int64_t>(v));
    }
    before_value();
    out_ += nlohmann::json(v).dump();
    return *this;
}

} // namespace nianbao::render
