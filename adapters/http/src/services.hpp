// What the routes work with: the database, the library's services, the
// server's metrics, the authentication rate limit and the event log.
#pragma once

#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>

#include "config.hpp"
#include "dogcare/access_log.hpp"
#include "dogcare/accounts.hpp"
#include "dogcare/analytics.hpp"
#include "dogcare/calendar.hpp"
#include "dogcare/catalog.hpp"
#include "dogcare/client_board.hpp"
#include "dogcare/comments.hpp"
#include "dogcare/database.hpp"
#include "dogcare/dogs.hpp"
#include "dogcare/mailer.hpp"
#include "dogcare/observations.hpp"
#include "dogcare/professionals.hpp"
#include "dogcare/sharing.hpp"
#include "dogcare/tokens.hpp"
#include "http_metrics.hpp"
#include "rate_limiter.hpp"

namespace dogcare::http {

// Random bytes as lower-case hex (request ids, the ephemeral signing key).
std::string random_hex(std::size_t bytes);

struct Services {
  explicit Services(const Config& c);

  // Logs a rotation or a broken key file (the library's key source reads
  // the file); `now` re-reads it at once (SIGHUP).
  void reload_keys(bool now);
  std::shared_ptr<Accounts> current_accounts();
  // One JSON line on stdout.
  void log_event(std::string_view event, std::string_view detail);
  void log_line(const std::string& line);

  Config config;
  Database database;
  AccountsOptions accounts_options;
  std::shared_ptr<Mailer> mailer;
  std::shared_ptr<SigningKeySource> keys;
  std::uint64_t keys_generation = 0;
  std::string keys_failure;
  std::shared_ptr<Accounts> accounts;
  Dogs dogs{database};
  Catalog catalog{database};
  Observations observations{database};
  Calendar calendar{database};
  Analytics analytics{database};
  Professionals professionals{database};
  ClientBoard client_board{database};
  AccessLog access_log{database};
  // Made with the mailer, once it is known (the constructor).
  std::unique_ptr<Sharing> sharing;
  std::unique_ptr<Comments> comments;
  HttpMetrics metrics;
  RateLimiter auth_limiter{config.auth_rate_per_minute / 60.0, config.auth_burst};
  std::string openapi_json;  // generated once the route table is built
  std::mutex log_mutex;
};

}  // namespace dogcare::http
