// The JSON writer and its string escaping; where nlohmann's output is not plain to reproduce (a
// non-integral double, ill-formed UTF-8), the value is handed to nlohmann itself.
#include "render/json_writer.hpp"

#include <charconv>
#include <cmath>
#include <cstring>

#include <nlohmann/json.hpp>

namespace nianbao::render {

using namespace std::string_view_literals;

namespace {

// The length of the well-formed UTF-8 sequence at the start of `s` (a lead byte of 80 or
// above), or 0 if it is not one (Unicode table 3-7, as nlohmann's dump checks it).
std::size_t sequence_size(std::string_view s) {
    const auto* p = reinterpret_cast<const unsigned char*>(s.data());
    const unsigned lead = p[0];
    std::size_t size = 0;
    unsigned low = 0x80; // the range of the second byte
    unsigned high = 0xBF;
    if (lead >= 0xC2 && lead <= 0xDF) {
        size = 2;
    } else if (lead >= 0xE0 && lead <= 0xEF) {
        size = 3;
        low = lead == 0xE0 ? 0xA0 : low;   // no overlong forms
        high = lead == 0xED ? 0x9F : high; // no surrogates
    } else if (lead >= 0xF0 && lead <= 0xF4) {
        size = 4;
        low = lead == 0xF0 ? 0x90 : low;
        high = lead == 0xF4 ? 0x8F : high; // nothing past U+10FFFF
    }
    if (size == 0 || s.size() < size || p[1] < low || p[1] > high) {
        return 0;
    }
    for (std::size_t k = 2; k < size; ++k) {
        if ((p[k] & 0xC0U) != 0x80U) {
            return 0;
        }
    }
    return size;
}

// True if no byte of the eight in `w` needs a look: none is a control, `"`, `\` or non-ASCII.
bool plain_ascii(std::uint64_t w) {
    constexpr std::uint64_t low_bits = 0x0101010101010101ULL;
    constexpr std::uint64_t high_bits = 0x8080808080808080ULL;
    const auto has_zero = [](std::uint64_t v) {
        return (v - low_bits) & ~v & high_bits;
    };
    return ((w | (w - low_bits * 0x20)) & high_bits) == 0 && has_zero(w ^ (low_bits * '"')) == 0
           && has_zero(w ^ (low_bits * '\\')) == 0;
}

} // namespace

// Appends `s` as a JSON string the way nlohmann's dump writes one (ensure_ascii off): `"` and `\`
// escaped, controls as \b \t \n \f \r or \u00xx, all else as it is. Ill-formed UTF-8 is left to
// nlohmann itself, whose replacement characters are then the same by construction.
void append_json_string(std::string& out, std::string_view s) {
    static constexpr std::string_view hex = "0123456789abcdef";
    const std::size_t start = out.size();
    out += '"';
    std::size_t copied = 0;
    for (std::size_t i = 0; i < s.size();) {
        std::uint64_t w = 0;
        if (s.size() - i >= 8 && (std::memcpy(&w, s.data() + i, sizeof w), plain_ascii(w))) {
            i += 8;
            continue;
        }
        const unsigned c = static_cast<unsigned char>(s[i]);
        if (c >= 0x80) {
            const std::size_t size = sequence_size(s.substr(i));
            if (size == 0) {
                out.resize(start);
                out += nlohmann::ordered_json(std::string(s))
                           .dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
                return;
            }
            i += size;
            continue;
        }
        if (c >= 0x20 && c != '"' && c != '\\') {
            ++i;
            continue;
        }
        out.append(s.substr(copied, i - copied));
        copied = ++i;
        switch (c) {
        case '"':
            out += "\\\""sv;
            break;
        case '\\':
            out += "\\\\"sv;
            break;
        case '\b':
            out += "\\b"sv;
            break;
        case '\t':
            out += "\\t"sv;
            break;
        case '\n':
            out += "\\n"sv;
            break;
        case '\f':
            out += "\\f"sv;
            break;
        case '\r':
            out += "\\r"sv;
            break;
        default:
            out += "\\u00"sv;
            out += hex[c >> 4U];
            out += hex[c & 0xFU];
        }
    }
    out.append(s.substr(copied));
    out += '"';
}

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
    new_line();
}

// A line break and the indent of the current depth (nothing on one line).
void json_writer::new_line() {
    if (indent_ >= 0) {
        out_ += '\n';
        out_.append((static_cast<std::size_t>(depth_) + empty_.size())
                        * static_cast<std::size_t>(indent_),
                    ' ');
    }
}

void json_writer::close(char bracket) {
    const bool was_empty = empty_.back();
    empty_.pop_back();
    if (!was_empty) {
        new_line();
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
    append_json_string(out_, s);
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

template <class Integer>
json_writer& json_writer::decimal(Integer v) {
    before_value();
    char buf[24];
    const auto r = std::to_chars(buf, buf + sizeof buf, v);
    out_.append(buf, r.ptr);
    return *this;
}

json_writer& json_writer::integer(std::int64_t v) {
    return decimal(v);
}

json_writer& json_writer::unsigned_integer(std::uint64_t v) {
    return decimal(v);
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
