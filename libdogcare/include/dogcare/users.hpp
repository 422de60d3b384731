// A dogcare account.
#pragma once

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

#include "dogcare/record.hpp"
#include "dogcare/time.hpp"
#include "dogcare/time_zone.hpp"

namespace dogcare {

// The language an account is written to (mails) and that the UI opens in:
// French first, English.
enum class Language { fr, en };

template <>
struct EnumDescription<Language> {
  static constexpr std::string_view name = "Language";
  static constexpr std::array<std::pair<Language, std::string_view>, 2> values{
      {{Language::fr, "fr"}, {Language::en, "en"}}};
};

struct User {
  std::string id;
  std::string username;  // as typed; unique case-insensitively
  std::optional<std::string> email;
  std::string time_zone{kDefaultTimeZone};  // IANA; the account's today and dates
  Language language = Language::fr;         // of its mails and of the UI
  bool onboarded = false;                   // has chosen a starting catalog and named a dog
  int token_version = 0;                    // bumped to revoke every token issued before
  Timestamp created_at{};
  Timestamp updated_at{};
};

}  // namespace dogcare
