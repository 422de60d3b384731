// libdogcare's metrics, in one prometheus-cpp registry per process that the
// adapters expose (the HTTP server on /metrics):
//   dogcare_logins_total{result="success|failure|rate_limited"}
//   dogcare_observations_created_total
//   dogcare_password_reset_mail_failures_total
//   dogcare_invitations_total{event="created|accepted"}
//   dogcare_comments_created_total
//   dogcare_shares_active, dogcare_invitations{state="pending|expired"}: figures
//     of the whole database, refreshed by Sharing::refresh_metrics
//   dogcare_db_query_duration_seconds (histogram)
//   dogcare_db_pool_connections{pool, state="in_use|idle|waiting|capacity"}
#pragma once

#include <memory>

namespace prometheus {
class Registry;
}

namespace dogcare {

std::shared_ptr<prometheus::Registry> metrics_registry();

}  // namespace dogcare
