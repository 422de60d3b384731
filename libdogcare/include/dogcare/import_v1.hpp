// Bringing the users of the original Reactive Dog Tracker ("V1") over: its
// SQLite database is read (never written) and, for each V1 user, an account
// is made with one dog, the catalog the user used and every daily entry as
// an observation. One transaction per V1 user; what was imported is
// recorded (table v1_imports) so that running it again brings nothing twice.
#pragma once

#include <array>
#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <tuple>
#include <utility>
#include <vector>

#include "dogcare/record.hpp"

namespace dogcare {

class Database;
class Clock;

struct ImportV1Options {
  std::string source;               // the V1 SQLite file, opened read-only
  std::optional<std::string> user;  // only this V1 user (its exact V1 username)
  // An existing dogcare account to import into (requires `user`): its first
  // dog receives the entries, its catalog is merged by folded name.
  std::optional<std::string> into;
  // Everything is done and then rolled back: the report says what would be.
  bool dry_run = false;
  // A new account has no usable password: its owner sets one through this
  // link (the reset token appended), valid this long.
  std::string reset_link = "http://localhost:8501/?reset_token=";
  std::chrono::hours reset_ttl{std::chrono::hours{24 * 14}};
  std::string dog_name = "Mon chien";
};

enum class ImportV1Outcome {
  imported,          // written (or, in a dry run, would be)
  already_imported,  // an earlier run brought this V1 user over
  skipped,           // nothing to bring (no entries)
  failed,            // an error; this user's transaction was rolled back
};

struct ImportV1User {
  std::int64_t v1_id = 0;
  std::string v1_username;
  ImportV1Outcome outcome = ImportV1Outcome::imported;
  std::string reason;                     // skipped, failed, already_imported: why
  std::string username;                   // the dogcare account (created or used)
  bool account_created = false;           // false with --into or already imported
  std::optional<std::string> reset_link;  // where the owner sets a password
  int triggers_created = 0;               // catalog items added to the account
  int reactions_created = 0;
  int observations = 0;   // V1 entries brought over
  int trigger_links = 0;  // (observation, trigger) pairs
  int reaction_links = 0;
  int duplicate_links = 0;  // repeated V1 link rows, dropped
  // "trigger « vélo »: vélo + velo": V1 names that became one item.
  std::vector<std::string> merged;
  // What could not be taken as it was, and what was done instead.
  std::vector<std::string> notes;
};

struct ImportV1Report {
  std::string source;
  bool dry_run = false;
  std::vector<ImportV1User> users;  // in V1 id order
};

// Throws invalid_argument naming the option ("from", "user", "into") for a
// missing or foreign file, an unknown V1 user or account, or --into
// without --user; errors of one user are reported in its entry instead.
ImportV1Report import_v1(Database& database, const ImportV1Options& options);
ImportV1Report import_v1(Database& database, const ImportV1Options& options, const Clock& clock);

template <>
struct EnumDescription<ImportV1Outcome> {
  static constexpr std::string_view name = "ImportV1Outcome";
  static constexpr std::array<std::pair<ImportV1Outcome, std::string_view>, 4> values{
      {{ImportV1Outcome::imported, "imported"},
       {ImportV1Outcome::already_imported, "already_imported"},
       {ImportV1Outcome::skipped, "skipped"},
       {ImportV1Outcome::failed, "failed"}}};
};

template <>
struct Description<ImportV1User> {
  static constexpr std::string_view name = "ImportV1User";
  static constexpr std::string_view doc = "What the import of the original app did for one user.";
  static constexpr auto fields = std::tuple{
      field(&ImportV1User::v1_username,
            {"v1_username", Presence::required, {}, "The user's name in the original app."}),
      field(&ImportV1User::outcome, {"outcome", Presence::required, {}, "What was done."}),
      field(&ImportV1User::reason,
            {"reason", Presence::required, {}, "Why it was skipped, failed or already done."}),
      field(&ImportV1User::username,
            {"username", Presence::required, {}, "The dogcare account created or used."}),
      field(&ImportV1User::account_created,
            {"account_created", Presence::required, {}, "Whether the account is new."}),
      field(&ImportV1User::reset_link,
            {"reset_link", Presence::optional, {}, "Where the new account sets its password."}),
      field(&ImportV1User::triggers_created,
            {"triggers_created", Presence::required, {}, "Triggers added to the catalog."}),
      field(&ImportV1User::reactions_created,
            {"reactions_created", Presence::required, {}, "Reactions added to the catalog."}),
      field(&ImportV1User::observations,
            {"observations", Presence::required, {}, "Daily entries brought over."}),
      field(&ImportV1User::trigger_links,
            {"trigger_links", Presence::required, {}, "Triggers of those observations."}),
      field(&ImportV1User::reaction_links,
            {"reaction_links", Presence::required, {}, "Reactions of those observations."}),
      field(
          &ImportV1User::duplicate_links,
          {"duplicate_links", Presence::required, {}, "Repeated links of the original, dropped."}),
      field(&ImportV1User::merged,
            {"merged", Presence::required, {}, "Names of the original that became one item."}),
      field(&ImportV1User::notes,
            {"notes", Presence::required, {}, "Values not taken as they were, and what was done."}),
  };
};

template <>
struct Description<ImportV1Report> {
  static constexpr std::string_view name = "ImportV1Report";
  static constexpr std::string_view doc = "What an import of the original app's database did.";
  static constexpr auto fields = std::tuple{
      field(&ImportV1Report::source, {"source", Presence::required, {}, "The file read."}),
      field(&ImportV1Report::dry_run,
            {"dry_run", Presence::required, {}, "Nothing was written: what would be."}),
      field(&ImportV1Report::users, {"users", Presence::required, {}, "Per user of the original."}),
  };
};

}  // namespace dogcare
