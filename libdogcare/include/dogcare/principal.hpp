// The authenticated user an operation runs for.
#pragma once

#include <string>

namespace dogcare {

// Obtained from Accounts::authenticate (a verified access token) or from
// Accounts::register_user / login in-process. Every service touches only the
// data of principal.user_id: another user's ids behave as missing.
struct Principal {
  std::string user_id;
};

}  // namespace dogcare
