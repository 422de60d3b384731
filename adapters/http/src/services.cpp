#include "services.hpp"

#include <iostream>
#include <random>

#include "json_writer.hpp"

namespace dogcare::http {

namespace {

DatabaseOptions open(const Config& c) {
  DatabaseOptions options = c.database;
  options.connection = connection_string(c);
  options.migrate = c.migrate;
  return options;
}

}  // namespace

std::string random_hex(std::size_t bytes) {
  thread_local std::mt19937_64 generator{std::random_device{}()};
  static constexpr char digits[] = "0123456789abcdef";
  std::string out;
  for (std::size_t i = 0; i < bytes; ++i) {
    const auto byte = generator() & 0xff;
    out += digits[byte >> 4];
    out += digits[byte & 0xf];
  }
  return out;
}

Services::Services(const Config& c) : config(c), database(open(c)) {
  accounts_options.reset_link = config.reset_link;
  accounts_options.hashing = config.password_hashing;
  if (config.smtp) mailer = make_smtp_mailer(*config.smtp);
  reload_keys(true);
}

// Accounts holds the signing keys: a new key set swaps in a new Accounts.
void Services::reload_keys(bool initial) {
  AccountsOptions options = accounts_options;
  if (config.jwt_keys_file.empty()) {
    if (!initial) return;
    options.tokens.keys = {{"ephemeral", random_hex(32)}};
    options.tokens.current_kid = "ephemeral";
    options.tokens.ttl = config.token_ttl;
  } else {
    std::error_code ec;
    const auto mtime = std::filesystem::last_write_time(config.jwt_keys_file, ec);
    if (!initial && (ec || mtime == keys_mtime)) return;
    try {
      options.tokens = load_signing_keys(config.jwt_keys_file, config.token_ttl);
    } catch (const std::exception& error) {
      if (initial) throw;
      log_event("jwt_keys_reload_failed", error.what());
      return;
    }
    keys_mtime = mtime;
  }
  auto fresh = std::make_shared<Accounts>(database, options, mailer);
  {
    std::unique_lock lock(accounts_mutex);
    accounts = std::move(fresh);
  }
  // Announced once in effect: a client (or test) that waits for this line
  // gets tokens signed with the new first key from then on.
  if (!initial) {
    log_event("jwt_keys_reloaded", config.jwt_keys_file);
  }
}

std::shared_ptr<Accounts> Services::current_accounts() {
  std::shared_lock lock(accounts_mutex);
  return accounts;
}

void Services::log_event(std::string_view event, std::string_view detail) {
  std::string line;
  JsonWriter writer(line);
  writer.begin_object();
  writer.key("time");
  writer.string(format_timestamp(now_utc()));
  writer.key("event");
  writer.string(event);
  writer.key("detail");
  writer.string(detail);
  writer.end_object();
  log_line(line);
}

void Services::log_line(const std::string& line) {
  std::lock_guard lock(log_mutex);
  std::cout << line << '\n' << std::flush;
}

}  // namespace dogcare::http
