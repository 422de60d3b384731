// Periodic upkeep of a dogcare database (dogcare-admin purge, run by a
// K3s CronJob): what expires is deleted, never what is still in use.
#pragma once

#include <cstddef>
#include <cstdint>

#include "dogcare/access_log.hpp"
#include "dogcare/accounts.hpp"
#include "dogcare/clock.hpp"
#include "dogcare/database.hpp"

namespace dogcare {

struct PurgeReport {
  std::size_t reset_tokens = 0;       // password-reset tokens past their expiry, used or not
  std::int64_t throttle_rows = 0;     // login-throttle rows older than forget_after
  std::size_t share_invitations = 0;  // invitations to share a dog past their expiry
  std::size_t access_log_rows = 0;    // access log rows older than kAccessLogRetention
};

// Deletes expired password-reset tokens, expired share invitations, access
// log rows older than a year and the login-throttle rows that no longer block
// nor count (throttling.forget_after, the same policy as Accounts). Safe to run on any replica at
// any time.
PurgeReport purge_expired(Database& database, const LoginThrottling& throttling = {});
PurgeReport purge_expired(Database& database, const LoginThrottling& throttling,
                          const Clock& clock);

}  // namespace dogcare
