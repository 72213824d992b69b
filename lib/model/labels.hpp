// Comparing labels as readers do: width, spacing, punctuation and ordinal markers do not matter.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace nianbao::model {

/// The comparison key of a label: NFKC (full-width → half-width), then every blank and
/// punctuation character removed. "三、 本 年 度 办 理 结 果" and "三\n、本年度办理结果" both give
/// "三本年度办理结果"; "1、属于国家秘密" and "1.属于国家秘密" both give "1属于国家秘密".
std::string label_key(std::string_view label);

/// The key without the leading ordinal marker ("（七）总计" → "总计"): a weaker match, for rows
/// whose marker was dropped or renumbered.
std::string bare_key(std::string_view label);

/// Both keys of `label` at once (what label_key and bare_key give), reusing the strings' storage.
void label_keys(std::string_view label, std::string& key, std::string& bare);

/// Appends label_key(label) to `out` and returns where in the appended key bare_key(label)
/// starts: the bare key is the key's tail (the marker's characters come first).
std::size_t append_label_key(std::string_view label, std::string& out);

/// NFKC of `text` (valid UTF-8), for comparisons only — never for text that is written back.
std::string nfkc(std::string_view text);

/// A figure read from a cell: "14", "+1036", "1190.1万元", "１２", "1,234".
struct figure {
    double value = 0;
    std::string number; ///< the number as written after NFKC, without sign "+" or separators
    std::string unit;   ///< the unit that followed the number ("万元"), empty if none
};

/// Reads a figure from normalised cell text; nothing if the text is not a number with an
/// optional unit.
std::optional<figure> read_figure(std::string_view text);

/// read_figure into `out`, reusing its strings' storage; false (and `out` unspecified) if the
/// text is not a figure.
bool read_figure(std::string_view text, figure& out);

} // namespace nianbao::model
