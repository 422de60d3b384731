// The authenticated user an operation runs for.
#pragma once

#include <string>
#include <utility>

#include "dogcare/time_zone.hpp"

namespace dogcare {

namespace domain {
struct PrincipalFactory;
}

// Made only by the library: Accounts::authenticate (a verified access
// token), Accounts::login (AccessToken::principal). An adapter cannot name
// a user it did not authenticate, nor change the user of a principal it
// holds. Every service touches only the data of principal.user_id: another
// user's ids behave as missing. A default Principal is nobody (an empty
// user id, which no account has): it owns nothing.
class Principal {
 public:
  Principal() = default;

  const std::string user_id;
  // The account's IANA zone when it was authenticated: its "today".
  const std::string time_zone{kDefaultTimeZone};

 private:
  friend struct domain::PrincipalFactory;
  explicit Principal(std::string id) : user_id(std::move(id)) {}
  Principal(std::string id, std::string zone)
      : user_id(std::move(id)), time_zone(std::move(zone)) {}
};

}  // namespace dogcare
