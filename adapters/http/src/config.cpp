#include "config.hpp"

#include <charconv>
#include <cstdlib>
#include <fstream>
#include <map>
#include <sstream>
#include <stdexcept>

#include <unistd.h>

#include "dogcare/error.hpp"
#include "dogcare/secrets.hpp"

namespace dogcare::http {

namespace {

std::string trim(std::string_view text) {
  const auto first = text.find_first_not_of(" \t\r\n");
  if (first == std::string_view::npos) return {};
  const auto last = text.find_last_not_of(" \t\r\n");
  return std::string(text.substr(first, last - first + 1));
}

// The library's *_FILE convention, as the error type of this file.
std::string read_secret(const std::string& path) {
  try {
    return read_secret_file(path);
  } catch (const Error& error) {
    throw std::invalid_argument(error.what());
  }
}

template <class Number>
Number number(const std::string& key, const std::string& value) {
  Number result{};
  const auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), result);
  if (ec != std::errc{} || end != value.data() + value.size()) {
    throw std::invalid_argument(key + " must be a number, not \"" + value + "\"");
  }
  return result;
}

bool boolean(const std::string& key, const std::string& value) {
  if (value == "1" || value == "true" || value == "yes" || value == "on") return true;
  if (value == "0" || value == "false" || value == "no" || value == "off") return false;
  throw std::invalid_argument(key + " must be true or false");
}

void apply(Config& c, const std::string& key, const std::string& value) {
  if (key == "DOGCARE_LISTEN") {
    const auto colon = value.rfind(':');
    if (colon == std::string::npos) throw std::invalid_argument("listen must be HOST:PORT");
    std::string host = value.substr(0, colon);
    if (host.size() > 1 && host.front() == '[' && host.back() == ']') {
      host = host.substr(1, host.size() - 2);
    }
    c.server.host = host;
    c.server.port = number<unsigned short>(key, value.substr(colon + 1));
  } else if (key == "DOGCARE_DATABASE") {
    c.database.connection = value.starts_with("sqlite:") ? value.substr(7) : value;
  } else if (key == "DOGCARE_DATABASE_FILE") {
    c.database.connection_file = value;
  } else if (key == "DOGCARE_DATABASE_PASSWORD_FILE") {
    c.database_password_file = value;
  } else if (key == "DOGCARE_DATABASE_POOL_SIZE") {
    c.database.pool_size = number<std::size_t>(key, value);
  } else if (key == "DOGCARE_MIGRATE") {
    c.migrate = boolean(key, value);
  } else if (key == "DOGCARE_IO_THREADS") {
    c.server.io_threads = number<std::size_t>(key, value);
  } else if (key == "DOGCARE_WORKERS") {
    c.server.workers = number<std::size_t>(key, value);
  } else if (key == "DOGCARE_MAX_QUEUED") {
    c.server.max_queued = number<std::size_t>(key, value);
  } else if (key == "DOGCARE_MAX_CONNECTIONS") {
    c.server.max_connections = number<std::size_t>(key, value);
  } else if (key == "DOGCARE_MAX_BODY_BYTES") {
    c.server.body_limit = number<std::size_t>(key, value);
  } else if (key == "DOGCARE_MAX_HEADER_BYTES") {
    c.server.header_limit = number<std::size_t>(key, value);
  } else if (key == "DOGCARE_READ_TIMEOUT_SECONDS") {
    c.server.read_timeout = std::chrono::seconds(number<int>(key, value));
  } else if (key == "DOGCARE_WRITE_TIMEOUT_SECONDS") {
    c.server.write_timeout = std::chrono::seconds(number<int>(key, value));
  } else if (key == "DOGCARE_SHUTDOWN_GRACE_SECONDS") {
    c.server.shutdown_grace = std::chrono::seconds(number<int>(key, value));
  } else if (key == "DOGCARE_TLS_CERT_FILE") {
    c.server.tls_certificate_file = value;
  } else if (key == "DOGCARE_TLS_KEY_FILE") {
    c.server.tls_private_key_file = value;
  } else if (key == "DOGCARE_JWT_KEYS_FILE") {
    c.jwt_keys_file = value;
  } else if (key == "DOGCARE_TOKEN_TTL_SECONDS") {
    c.token_ttl = std::chrono::seconds(number<int>(key, value));
  } else if (key == "DOGCARE_SMTP_URL") {
    if (!c.smtp) c.smtp.emplace();
    c.smtp->url = value;
  } else if (key == "DOGCARE_SMTP_USERNAME") {
    if (!c.smtp) c.smtp.emplace();
    c.smtp->username = value;
  } else if (key == "DOGCARE_SMTP_PASSWORD_FILE") {
    c.smtp_password_file = value;
  } else if (key == "DOGCARE_SMTP_FROM") {
    if (!c.smtp) c.smtp.emplace();
    c.smtp->from = value;
  } else if (key == "DOGCARE_SMTP_REQUIRE_TLS") {
    if (!c.smtp) c.smtp.emplace();
    c.smtp->require_tls = boolean(key, value);
  } else if (key == "DOGCARE_SMTP_CA_FILE") {
    if (!c.smtp) c.smtp.emplace();
    c.smtp->ca_file = value;
  } else if (key == "DOGCARE_RESET_LINK") {
    c.reset_link = value;
  } else if (key == "DOGCARE_INVITATION_LINK") {
    c.invitation_link = value;
  } else if (key == "DOGCARE_AUTH_RATE_PER_MINUTE") {
    c.auth_rate_per_minute = number<double>(key, value);
  } else if (key == "DOGCARE_AUTH_BURST") {
    c.auth_burst = number<double>(key, value);
  } else if (key == "DOGCARE_MAX_EXPORTS_PER_USER") {
    c.max_exports_per_user = number<std::size_t>(key, value);
    if (c.max_exports_per_user == 0) throw std::invalid_argument(key + " must be at least 1");
  } else if (key == "DOGCARE_METRICS_REFRESH_SECONDS") {
    c.metrics_refresh = std::chrono::seconds(number<int>(key, value));
    if (c.metrics_refresh.count() < 1) throw std::invalid_argument(key + " must be at least 1");
  } else if (key == "DOGCARE_DOCS_DIR") {
    c.docs_dir = value;
  } else if (key == "DOGCARE_TRUST_FORWARDED_FOR") {
    c.trust_forwarded_for = boolean(key, value);
  } else if (key == "DOGCARE_LOG_LEVEL") {
    c.log_level = value;
  } else {
    throw std::invalid_argument("unknown setting " + key);
  }
}

const std::map<std::string, std::string>& flag_names() {
  static const std::map<std::string, std::string> names = {
      {"--listen", "DOGCARE_LISTEN"},
      {"--database", "DOGCARE_DATABASE"},
      {"--database-file", "DOGCARE_DATABASE_FILE"},
      {"--database-password-file", "DOGCARE_DATABASE_PASSWORD_FILE"},
      {"--pool-size", "DOGCARE_DATABASE_POOL_SIZE"},
      {"--migrate", "DOGCARE_MIGRATE"},
      {"--io-threads", "DOGCARE_IO_THREADS"},
      {"--workers", "DOGCARE_WORKERS"},
      {"--max-connections", "DOGCARE_MAX_CONNECTIONS"},
      {"--max-body-bytes", "DOGCARE_MAX_BODY_BYTES"},
      {"--read-timeout", "DOGCARE_READ_TIMEOUT_SECONDS"},
      {"--shutdown-grace", "DOGCARE_SHUTDOWN_GRACE_SECONDS"},
      {"--tls-cert-file", "DOGCARE_TLS_CERT_FILE"},
      {"--tls-key-file", "DOGCARE_TLS_KEY_FILE"},
      {"--jwt-keys-file", "DOGCARE_JWT_KEYS_FILE"},
      {"--token-ttl", "DOGCARE_TOKEN_TTL_SECONDS"},
      {"--smtp-url", "DOGCARE_SMTP_URL"},
      {"--reset-link", "DOGCARE_RESET_LINK"},
      {"--invitation-link", "DOGCARE_INVITATION_LINK"},
      {"--auth-rate-per-minute", "DOGCARE_AUTH_RATE_PER_MINUTE"},
      {"--max-exports-per-user", "DOGCARE_MAX_EXPORTS_PER_USER"},
      {"--write-timeout", "DOGCARE_WRITE_TIMEOUT_SECONDS"},
      {"--metrics-refresh", "DOGCARE_METRICS_REFRESH_SECONDS"},
      {"--docs-dir", "DOGCARE_DOCS_DIR"},
      {"--log-level", "DOGCARE_LOG_LEVEL"},
      {"--trust-forwarded-for", "DOGCARE_TRUST_FORWARDED_FOR"},
  };
  return names;
}

}  // namespace

std::string usage() {
  std::string text =
      "usage: dogcare-server [serve|migrate] [--config FILE] [--flag VALUE ...]\n"
      "       dogcare-server --check-config | --help | --version\n\n"
      "Every flag has an environment variable; a --config file holds KEY=VALUE lines\n"
      "of the same variables. Precedence: flags, environment, file, defaults.\n\n";
  for (const auto& [flag, env] : flag_names()) text += "  " + flag + "  (" + env + ")\n";
  text +=
      "  DOGCARE_MAX_QUEUED, DOGCARE_MAX_HEADER_BYTES,\n"
      "  DOGCARE_AUTH_BURST, DOGCARE_SMTP_USERNAME, DOGCARE_SMTP_PASSWORD_FILE,\n"
      "  DOGCARE_SMTP_FROM, DOGCARE_SMTP_REQUIRE_TLS, DOGCARE_SMTP_CA_FILE\n";
  return text;
}

CommandLine parse_command_line(int argc, char** argv) {
  CommandLine result;
  result.command = "serve";
  std::vector<std::pair<std::string, std::string>> flags;
  std::string config_file;
  for (int i = 1; i < argc; ++i) {
    std::string arg = argv[i];
    if (arg == "--help" || arg == "-h") {
      result.command = "help";
      return result;
    }
    if (arg == "--version") {
      result.command = "version";
      return result;
    }
    if (arg == "--check-config") {
      result.command = "check-config";
      continue;
    }
    if (arg == "serve" || arg == "migrate") {
      result.command = arg;
      continue;
    }
    std::string value;
    if (const auto eq = arg.find('='); arg.starts_with("--") && eq != std::string::npos) {
      value = arg.substr(eq + 1);
      arg = arg.substr(0, eq);
    } else if (i + 1 < argc) {
      value = argv[++i];
    } else {
      throw std::invalid_argument("missing value for " + arg);
    }
    if (arg == "--config") {
      config_file = value;
      continue;
    }
    const auto it = flag_names().find(arg);
    if (it == flag_names().end()) throw std::invalid_argument("unknown argument " + arg);
    flags.emplace_back(it->second, value);
  }

  Config& c = result.config;
  c.database.connection = "var/dogcare.db";
#ifdef DOGCARE_DOCS_DIR_DEFAULT
  c.docs_dir = DOGCARE_DOCS_DIR_DEFAULT;
#endif
  if (!config_file.empty()) {
    std::ifstream in(config_file);
    if (!in) throw std::invalid_argument("cannot read the config file " + config_file);
    std::string line;
    while (std::getline(in, line)) {
      line = trim(line);
      if (line.empty() || line.front() == '#') continue;
      const auto eq = line.find('=');
      if (eq == std::string::npos) throw std::invalid_argument("config line without '=': " + line);
      apply(c, trim(line.substr(0, eq)), trim(line.substr(eq + 1)));
    }
  }
  for (char** env = environ; *env; ++env) {
    const std::string entry = *env;
    const auto eq = entry.find('=');
    if (eq == std::string::npos) continue;
    const std::string key = entry.substr(0, eq);
    if (!key.starts_with("DOGCARE_") || key.starts_with("DOGCARE_TEST")) continue;
    try {
      apply(c, key, entry.substr(eq + 1));
    } catch (const std::invalid_argument& error) {
      if (std::string(error.what()).starts_with("unknown setting"))
        continue;  // other tools' variables
      throw;
    }
  }
  for (const auto& [key, value] : flags) apply(c, key, value);
  if (!c.smtp_password_file.empty() && c.smtp) c.smtp->password = read_secret(c.smtp_password_file);
  return result;
}

std::string connection_string(const Config& config) {
  std::string connection = config.database.connection;
  if (!config.database_password_file.empty() && !config.database.connection_file.empty()) {
    throw std::invalid_argument(
        "DOGCARE_DATABASE_PASSWORD_FILE completes DOGCARE_DATABASE; with DOGCARE_DATABASE_FILE "
        "the file holds the whole connection string, password included");
  }
  if (!config.database_password_file.empty()) {
    if (!connection.empty() && connection.back() != ';') connection += ';';
    connection += "Pwd={" + read_secret(config.database_password_file) + "};";
  }
  return connection;
}

std::string describe(const Config& c) {
  std::ostringstream out;
  const bool odbc = c.database.connection.find('=') != std::string::npos;
  out << "listen " << c.server.host << ":" << c.server.port
      << (c.server.tls_certificate_file.empty() ? " (http)" : " (https)") << "\ndatabase "
      << (!c.database.connection_file.empty()
              ? "connection string in " + c.database.connection_file + " (re-read when it changes)"
          : odbc ? std::string("ODBC connection string (not shown)")
                 : "sqlite:" + c.database.connection)
      << "\npool size " << c.database.pool_size << ", workers " << c.server.workers
      << ", io threads " << (c.server.io_threads ? std::to_string(c.server.io_threads) : "auto")
      << "\nmax body " << c.server.body_limit << " bytes, read timeout "
      << c.server.read_timeout.count() << " s, write timeout " << c.server.write_timeout.count()
      << " s\nexports at once per user " << c.max_exports_per_user << "\njwt keys "
      << (c.jwt_keys_file.empty() ? "ephemeral (tokens die with the process)" : c.jwt_keys_file)
      << "\nsmtp " << (c.smtp ? "configured" : "not configured: password resets answer 503")
      << "\ndocs " << (c.docs_dir.empty() ? "(none)" : c.docs_dir) << "\n";
  return out.str();
}

}  // namespace dogcare::http
