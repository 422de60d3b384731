// Unicode text rules shared by every part of the domain.
#pragma once

#include <string>
#include <string_view>

namespace dogcare {

// The comparison key of a name or a search text: NFD, accents (non-spacing
// marks) removed, full case folding, NFC, whitespace trimmed and collapsed.
// "  Vélo " and "VELO" share the key "velo". Throws invalid_argument on
// malformed UTF-8.
std::string fold_key(std::string_view text, const std::string& field = "text");

// `text` without leading and trailing ASCII whitespace (space, tab, CR, LF).
std::string trim(std::string_view text);

// True when `text` is well-formed UTF-8.
bool valid_utf8(std::string_view text) noexcept;

// Number of Unicode code points in well-formed UTF-8.
std::size_t code_points(std::string_view text) noexcept;

}  // namespace dogcare
