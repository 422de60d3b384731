#include "core/text.hpp"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include "dogcare/error.hpp"

namespace dogcare {

bool valid_utf8(std::string_view text) noexcept {
  const auto* bytes = reinterpret_cast<const uint8_t*>(text.data());
  const auto length = static_cast<int32_t>(text.size());
  int32_t i = 0;
  while (i < length) {
    UChar32 c = 0;
    U8_NEXT(bytes, i, length, c);
    if (c < 0) return false;
  }
  return true;
}

std::size_t code_points(std::string_view text) noexcept {
  std::size_t count = 0;
  for (unsigned char c : text) count += (c & 0xC0) != 0x80;
  return count;
}

std::string fold_key(std::string_view text, const std::string& field) {
  if (!valid_utf8(text)) throw_invalid(field, field + " is not valid UTF-8");
  UErrorCode status = U_ZERO_ERROR;
  // Normalizer2 instances are immutable singletons: safe from any thread.
  const icu::Normalizer2* nfd = icu::Normalizer2::getNFDInstance(status);
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
  if (U_FAILURE(status)) throw Error(ErrorCode::internal, "Unicode data is not available");

  const icu::UnicodeString source = icu::UnicodeString::fromUTF8(
      icu::StringPiece(text.data(), static_cast<int32_t>(text.size())));
  icu::UnicodeString decomposed = nfd->normalize(source, status);
  icu::UnicodeString stripped;
  bool pending_space = false;
  for (int32_t i = 0; i < decomposed.length();) {
    const UChar32 c = decomposed.char32At(i);
    i += U16_LENGTH(c);
    if (u_charType(c) == U_NON_SPACING_MARK) continue;
    if (u_isUWhiteSpace(c)) {
      pending_space = !stripped.isEmpty();
      continue;
    }
    if (pending_space) stripped.append(static_cast<UChar>(u' '));
    pending_space = false;
    stripped.append(c);
  }
  stripped.foldCase();
  const icu::UnicodeString composed = nfc->normalize(stripped, status);
  if (U_FAILURE(status)) throw Error(ErrorCode::internal, "Unicode normalisation failed");
  std::string out;
  composed.toUTF8String(out);
  return out;
}

std::string trim(std::string_view text) {
  constexpr std::string_view kBlank = " \t\r\n";
  const auto first = text.find_first_not_of(kBlank);
  if (first == std::string_view::npos) return {};
  return std::string(text.substr(first, text.find_last_not_of(kBlank) - first + 1));
}

}  // namespace dogcare
