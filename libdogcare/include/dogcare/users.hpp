// A dogcare account.
#pragma once

#include <optional>
#include <string>

#include "dogcare/time.hpp"
#include "dogcare/time_zone.hpp"

namespace dogcare {

struct User {
  std::string id;
  std::string username;  // as typed; unique case-insensitively
  std::optional<std::string> email;
  std::string time_zone{kDefaultTimeZone};  // IANA; the account's today and dates
  bool onboarded = false;                   // has chosen a starting catalog and named a dog
  int token_version = 0;                    // bumped to revoke every token issued before
  Timestamp created_at{};
  Timestamp updated_at{};
};

}  // namespace dogcare
