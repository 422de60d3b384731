#include "services.hpp"

#include <openssl/rand.h>

#include <iostream>
#include <vector>

#include "dogcare/error.hpp"
#include "dogcare/tokens.hpp"

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
  std::vector<unsigned char> random(bytes);
  if (RAND_bytes(random.data(), static_cast<int>(bytes)) != 1) {
    throw Error(ErrorCode::internal, "the random number generator failed");
  }
  static constexpr char digits[] = "0123456789abcdef";
  std::string out;
  for (const unsigned char byte : random) {
    out += digits[byte >> 4];
    out += digits[byte & 0xf];
  }
  return out;
}

Services::Services(const Config& c) : config(c), database(open(c)) {
  accounts_options.reset_link = config.reset_link;
  accounts_options.hashing = config.password_hashing;
  accounts_options.tokens.ttl = config.token_ttl;
  if (config.smtp) mailer = make_smtp_mailer(*config.smtp);
  keys = config.jwt_keys_file.empty() ? SigningKeySource::ephemeral()
                                      : std::make_shared<SigningKeySource>(config.jwt_keys_file);
  keys_generation = keys->generation();
  accounts = std::make_shared<Accounts>(database, accounts_options, keys, mailer);
  SharingOptions sharing_options;
  sharing_options.invitation_link = config.invitation_link;
  sharing = std::make_unique<Sharing>(database, sharing_options, mailer);
  // A comment's mail points to the same page of the UI as an invitation's.
  CommentsOptions comments_options;
  comments_options.link = config.invitation_link;
  comments = std::make_unique<Comments>(database, comments_options, mailer);
}

// The library watches the key file; here a new key set is only announced.
void Services::reload_keys(bool now) {
  std::string failure;
  try {
    if (now) keys->reload();
    (void)keys->current();  // the periodic look at the file, when due
    failure = keys->last_error();
  } catch (const std::exception& error) {
    failure = error.what();
  }
  if (!failure.empty() && failure != keys_failure) log_event("jwt_keys_reload_failed", failure);
  keys_failure = failure;
  // Announced once in effect: a client (or test) that waits for this line
  // gets tokens signed with the new first key from then on.
  if (keys->generation() != keys_generation) {
    keys_generation = keys->generation();
    log_event("jwt_keys_reloaded", config.jwt_keys_file);
  }
}

std::shared_ptr<Accounts> Services::current_accounts() {
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
