// The CSS of the HTML page (lib/render/html.cpp).
#pragma once

#include <string_view>

namespace nianbao::render::detail {

/// Inline CSS: an A4 page set like an official document, ruled tables, highlighted findings.
std::string_view page_style();

} // namespace nianbao::render::detail
