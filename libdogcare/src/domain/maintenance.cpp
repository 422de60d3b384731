#include "dogcare/maintenance.hpp"

#include "security/login_throttle.hpp"
#include "storage/database_impl.hpp"
#include "storage/repositories.hpp"

namespace dogcare {

PurgeReport purge_expired(Database& database, const LoginThrottling& throttling) {
  static const SystemClock clock;
  return purge_expired(database, throttling, clock);
}

PurgeReport purge_expired(Database& database, const LoginThrottling& throttling,
                          const Clock& clock) {
  const security::LoginThrottle throttle({throttling.free_failures, throttling.base_delay,
                                          throttling.max_delay, throttling.forget_after},
                                         clock);
  auto connection = storage::pool(database).borrow();
  PurgeReport report;
  report.reset_tokens = storage::PasswordResetRepository(*connection).remove_expired(clock.now());
  report.throttle_rows = throttle.prune(*connection);
  report.share_invitations =
      storage::ShareInvitationRepository(*connection).remove_expired(clock.now());
  report.access_log_rows =
      storage::AccessLogRepository(*connection).remove_before(clock.now() - kAccessLogRetention);
  return report;
}

}  // namespace dogcare
