// Looking for many keys in one text at once: template detection looks for every fingerprint of
// every template in a report's keys (internal to lib/model).
#pragma once

#include <string_view>
#include <vector>

namespace nianbao::model::detail {

/// For each of `keys`, whether it occurs in `text` (as memmem finds it: an empty key always
/// does). One pass over the text serves every key of two bytes or more.
std::vector<char> find_keys(std::string_view text, const std::vector<std::string_view>& keys);

} // namespace nianbao::model::detail
