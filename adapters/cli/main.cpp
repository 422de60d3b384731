// dogcare-admin: operator commands on a dogcare database.
//   dogcare-admin migrate [CONNECTION]   apply pending migrations, report them
//   dogcare-admin status  [CONNECTION]   print the schema version; exit 1 if not current
//   dogcare-admin purge   [CONNECTION]   delete expired password-reset tokens, stale
//                                        login-throttle rows, expired share invitations
//                                        and access log rows older than a year (the K3s
//                                        CronJob runs it)
//   dogcare-admin import-v1 --from PATH [--user NAME] [--into USERNAME] [--dry-run] [CONNECTION]
//                                        bring the original Reactive Dog Tracker's users over
//                                        (docs/operations.md); reset links use
//                                        $DOGCARE_RESET_LINK
// CONNECTION is a SQLite path or an ODBC connection string; it defaults to
// $DOGCARE_DATABASE_FILE (a file holding it, as Vault Agent renders it), then
// $DOGCARE_DATABASE, then var/dogcare.db.
#include <cstdlib>
#include <iostream>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "dogcare/database.hpp"
#include "dogcare/error.hpp"
#include "dogcare/import_v1.hpp"
#include "dogcare/maintenance.hpp"

namespace {

int usage() {
  std::cerr << "usage: dogcare-admin migrate|status|purge [CONNECTION]\n"
               "       dogcare-admin import-v1 --from PATH [--user NAME] [--into USERNAME]"
               " [--dry-run] [CONNECTION]\n";
  return 2;
}

int bad_option(const std::string& message) {
  std::cerr << "dogcare-admin import-v1: " << message << "\n";
  return usage();
}

// import-v1's options; the positional arguments left (the connection) in `rest`.
std::optional<dogcare::ImportV1Options> parse_import(const std::vector<std::string_view>& args,
                                                     std::vector<std::string_view>& rest,
                                                     std::string& error) {
  dogcare::ImportV1Options options;
  bool from = false;
  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string_view arg = args[i];
    const auto value = [&](std::string& out) {
      if (i + 1 >= args.size() || args[i + 1].starts_with("--")) {
        error = std::string(arg) + " needs a value";
        return false;
      }
      out = std::string(args[++i]);
      return true;
    };
    if (arg == "--from") {
      if (!value(options.source)) return std::nullopt;
      from = true;
    } else if (arg == "--user") {
      if (!value(options.user.emplace())) return std::nullopt;
    } else if (arg == "--into") {
      if (!value(options.into.emplace())) return std::nullopt;
    } else if (arg == "--dry-run") {
      options.dry_run = true;
    } else if (arg.starts_with("--")) {
      error = "unknown option " + std::string(arg);
      return std::nullopt;
    } else {
      rest.push_back(arg);
    }
  }
  if (!from) {
    error = "--from PATH (the original app's SQLite database) is required";
    return std::nullopt;
  }
  if (options.into && !options.user) {
    error = "--into needs --user: one user of the original app goes into one account";
    return std::nullopt;
  }
  if (const char* link = std::getenv("DOGCARE_RESET_LINK"); link && *link) {
    options.reset_link = link;
  }
  return options;
}

void print_import(const dogcare::ImportV1Report& report) {
  std::cout << (report.dry_run ? "dry run, nothing written: " : "") << "import of " << report.source
            << "\n";
  for (const auto& user : report.users) {
    std::cout << "\nV1 user " << user.v1_username << " (#" << user.v1_id << "): ";
    switch (user.outcome) {
      case dogcare::ImportV1Outcome::imported:
        std::cout << (report.dry_run ? "would be imported" : "imported") << " into "
                  << (user.account_created ? "new account " : "existing account ") << user.username
                  << "\n";
        std::cout << "  observations " << user.observations << " (triggers linked "
                  << user.trigger_links << ", reactions linked " << user.reaction_links
                  << ", duplicate links dropped " << user.duplicate_links << ")\n";
        std::cout << "  catalog: " << user.triggers_created << " triggers and "
                  << user.reactions_created << " reactions added\n";
        break;
      case dogcare::ImportV1Outcome::already_imported:
        std::cout << "already imported: " << user.reason << "\n";
        break;
      case dogcare::ImportV1Outcome::skipped:
        std::cout << "skipped: " << user.reason << "\n";
        break;
      case dogcare::ImportV1Outcome::failed:
        std::cout << "FAILED: " << user.reason << "\n";
        break;
    }
    for (const auto& merged : user.merged) std::cout << "  merged " << merged << "\n";
    for (const auto& note : user.notes) std::cout << "  note: " << note << "\n";
    if (user.reset_link) {
      std::cout << "  the owner sets a password here (no email in V1, give it to them): "
                << *user.reset_link << "\n";
    }
  }
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) return usage();
  const std::string_view command = argv[1];
  std::vector<std::string_view> rest(argv + 2, argv + argc);
  std::optional<dogcare::ImportV1Options> import;
  if (command == "import-v1") {
    std::vector<std::string_view> positional;
    std::string error;
    import = parse_import(rest, positional, error);
    if (!import) return bad_option(error);
    rest = positional;
  }
  if (rest.size() > 1) return usage();
  dogcare::DatabaseOptions options;
  if (rest.size() == 1) {
    options.connection = std::string(rest.front());
  } else if (const char* file = std::getenv("DOGCARE_DATABASE_FILE"); file && *file) {
    options.connection_file = file;
  } else if (const char* env = std::getenv("DOGCARE_DATABASE"); env && *env) {
    options.connection = env;
  }
  options.migrate = false;
  options.pool_size = 1;
  try {
    dogcare::Database database(options);
    if (command == "migrate") {
      const auto report = database.migrate();
      for (const auto& applied : report.applied) {
        std::cout << "applied " << applied.version << "_" << applied.name << "\n";
      }
      std::cout << "database (" << dogcare::to_string(database.dialect())
                << ") is at schema version " << report.schema_version << " of "
                << report.latest_version << "\n";
      return 0;
    }
    if (command == "status") {
      const int version = database.schema_version();
      const int latest = dogcare::Database::latest_schema_version();
      std::cout << "database (" << dogcare::to_string(database.dialect()) << ") schema version "
                << version << ", library expects " << latest << "\n";
      return version == latest ? 0 : 1;
    }
    if (import) {
      if (database.schema_version() != dogcare::Database::latest_schema_version()) {
        std::cerr << "dogcare-admin: the database is not at the current schema; run"
                     " dogcare-admin migrate first\n";
        return 1;
      }
      const auto report = dogcare::import_v1(database, *import);
      print_import(report);
      for (const auto& user : report.users) {
        if (user.outcome == dogcare::ImportV1Outcome::failed) return 1;
      }
      return 0;
    }
    if (command == "purge") {
      const auto report = dogcare::purge_expired(database);
      std::cout << "purged " << report.reset_tokens << " expired password-reset tokens, "
                << report.throttle_rows << " stale login-throttle rows, "
                << report.share_invitations << " expired share invitations, "
                << report.access_log_rows << " access log rows older than a year\n";
      return 0;
    }
    return usage();
  } catch (const dogcare::Error& error) {
    std::cerr << "dogcare-admin: " << error.what() << "\n";
    if (import && error.code() == dogcare::ErrorCode::invalid_argument) return 2;
    return 1;
  }
}
