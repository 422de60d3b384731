// dogcare-admin: operator commands on a dogcare database.
//   dogcare-admin migrate [CONNECTION]   apply pending migrations, report them
//   dogcare-admin status  [CONNECTION]   print the schema version; exit 1 if not current
//   dogcare-admin purge   [CONNECTION]   delete expired password-reset tokens, stale
//                                        login-throttle rows, expired share invitations
//                                        and access log rows older than a year (the K3s
//                                        CronJob runs it)
// CONNECTION is a SQLite path or an ODBC connection string; it defaults to
// $DOGCARE_DATABASE_FILE (a file holding it, as Vault Agent renders it), then
// $DOGCARE_DATABASE, then var/dogcare.db.
#include <cstdlib>
#include <iostream>
#include <string>
#include <string_view>

#include "dogcare/database.hpp"
#include "dogcare/error.hpp"
#include "dogcare/maintenance.hpp"

namespace {

int usage() {
  std::cerr << "usage: dogcare-admin migrate|status|purge [CONNECTION]\n";
  return 2;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2 || argc > 3) return usage();
  const std::string_view command = argv[1];
  dogcare::DatabaseOptions options;
  if (argc == 3) {
    options.connection = argv[2];
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
    return 1;
  }
}
