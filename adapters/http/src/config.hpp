// dogcare-server's configuration: defaults that run on SQLite with nothing
// set, then a KEY=VALUE file (--config), then DOGCARE_* environment
// variables, then --flags. Secrets come from files (*_FILE) so that Vault
// Agent can render and rotate them.
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <vector>

#include "dogcare/accounts.hpp"
#include "dogcare/database.hpp"
#include "dogcare/mailer.hpp"
#include "dogcare/sharing.hpp"
#include "server.hpp"

namespace dogcare::http {

struct Config {
  ServerOptions server;
  DatabaseOptions database;
  std::string database_password_file;  // appended as Pwd= to DOGCARE_DATABASE (read at start)
  std::string jwt_keys_file;           // "kid=secret" lines, the first signs; re-read on change
  std::chrono::seconds token_ttl{std::chrono::minutes{30}};
  // Argon2id cost; only the fuzz target lowers it (each login hashes once).
  PasswordHashing password_hashing;
  std::optional<SmtpOptions> smtp;  // password reset mail; absent: resets answer 503
  std::string smtp_password_file;
  std::string reset_link = "http://localhost:8501/?reset_token=";
  std::string invitation_link = SharingOptions{}.invitation_link;  // in a mailed invitation
  double auth_rate_per_minute = 60;                                // per client address, on /auth/*
  double auth_burst = 20;
  // CSV exports one user may run at once; beyond: 429 with Retry-After.
  std::size_t max_exports_per_user = 2;
  // How often a replica counts the database-wide gauges (dogcare_shares_active...).
  std::chrono::seconds metrics_refresh{15};
  std::string docs_dir;            // swagger-ui-dist's files
  std::string log_level = "info";  // info: one line per request; quiet: errors only
  bool migrate = true;             // apply pending migrations at start
  // Behind Traefik the client address is the first X-Forwarded-For entry.
  bool trust_forwarded_for = false;
};

struct CommandLine {
  Config config;
  std::string command;  // "serve" (default), "migrate", "check-config", "help", "version"
};

// Throws std::invalid_argument with a message for a person.
CommandLine parse_command_line(int argc, char** argv);
std::string usage();

// The database connection string with the password file's content added.
std::string connection_string(const Config& config);

// The configuration as text, secrets left out.
std::string describe(const Config& config);

}  // namespace dogcare::http
