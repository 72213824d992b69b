// Writing JSON straight into a string, byte for byte as nlohmann's `dump` writes the same
// document (UTF-8 kept, invalid UTF-8 replaced): the writers produce large outputs (a report's
// every cell with its position) without building a DOM of them first.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace nianbao::render {

/// Appends `s` as a JSON string, byte for byte as nlohmann's dump writes it (ensure_ascii off,
/// ill-formed UTF-8 replaced).
void append_json_string(std::string& out, std::string_view s);

/// Appends one JSON value to `out`. Objects and arrays are opened and closed explicitly; inside
/// an object each value follows its `key`. With `indent` ≥ 0 the layout is nlohmann's pretty
/// print with that many spaces a level (`{}` and `[]` when empty); with `indent` < 0, one line.
class json_writer {
public:
    /// `depth`: the nesting level the value sits at in a larger document written around it.
    json_writer(std::string& out, int indent, int depth = 0)
        : out_(out), indent_(indent), depth_(depth) {}

    json_writer& begin_object();
    json_writer& end_object();
    json_writer& begin_array();
    json_writer& end_array();
    json_writer& key(std::string_view k);

    json_writer& string(std::string_view s);
    json_writer& null();
    json_writer& boolean(bool b);
    json_writer& integer(std::int64_t v);
    json_writer& unsigned_integer(std::uint64_t v);
    /// A number as nianbao writes figures: an integer when it is one (below 1e15), else the
    /// shortest decimal that reads back as `v`.
    json_writer& number(double v);

private:
    void before_value();
    void new_line();
    void close(char bracket);
    template <class Integer>
    json_writer& decimal(Integer v);
    void escaped(std::string_view s);

    std::string& out_;
    int indent_;
    int depth_;
    std::vector<bool> empty_; ///< per open container: nothing written in it yet
    bool after_key_ = false;
};

} // namespace nianbao::render
