// The one place a Principal is made for a user id: the accounts service
// (after a login or a verified token), and the library's own tests and
// benchmarks, which create users below the accounts service.
#pragma once

#include <string>
#include <utility>

#include "dogcare/principal.hpp"
#include "dogcare/users.hpp"

namespace dogcare::domain {

struct PrincipalFactory {
  static Principal for_user(std::string user_id) { return Principal(std::move(user_id)); }
  static Principal for_user(std::string user_id, std::string time_zone) {
    return Principal(std::move(user_id), std::move(time_zone));
  }
};

inline Principal principal_for(std::string user_id) {
  return PrincipalFactory::for_user(std::move(user_id));
}

inline Principal principal_for(const User& user) {
  return PrincipalFactory::for_user(user.id, user.time_zone);
}

}  // namespace dogcare::domain
