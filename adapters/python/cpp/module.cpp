// dogcare._dogcare: libdogcare for Python. A translation layer only: every
// rule lives in the library. Each call into the library runs with the GIL
// released (Streamlit serves each session from its own thread), and values
// cross as Python types: datetime.date, aware UTC datetime.datetime, lists.
#include <pybind11/functional.h>
#include <pybind11/native_enum.h>
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include <chrono>
#include <initializer_list>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "dogcare/accounts.hpp"
#include "dogcare/analytics.hpp"
#include "dogcare/calendar.hpp"
#include "dogcare/catalog.hpp"
#include "dogcare/database.hpp"
#include "dogcare/dogs.hpp"
#include "dogcare/error.hpp"
#include "dogcare/mailer.hpp"
#include "dogcare/observations.hpp"
#include "dogcare/principal.hpp"
#include "dogcare/secrets.hpp"
#include "dogcare/time.hpp"
#include "dogcare/tokens.hpp"

namespace py = pybind11;
using namespace pybind11::literals;

// ---- datetime.date <-> Date, aware datetime <-> Timestamp, date <-> year_month

namespace pybind11::detail {

inline py::module_ datetime_module() {
  return py::module_::import("datetime");
}

template <>
struct type_caster<dogcare::Date> {
  PYBIND11_TYPE_CASTER(dogcare::Date, const_name("datetime.date"));
  bool load(handle src, bool) {
    if (!src) return false;
    auto dt = datetime_module();
    if (!py::isinstance(src, dt.attr("date"))) return false;
    const int y = src.attr("year").cast<int>();
    const unsigned m = src.attr("month").cast<unsigned>();
    const unsigned d = src.attr("day").cast<unsigned>();
    value = std::chrono::year{y} / std::chrono::month{m} / std::chrono::day{d};
    return true;
  }
  static handle cast(const dogcare::Date& date, return_value_policy, handle) {
    return datetime_module()
        .attr("date")(static_cast<int>(date.year()), static_cast<unsigned>(date.month()),
                      static_cast<unsigned>(date.day()))
        .release();
  }
};

template <>
struct type_caster<std::chrono::year_month> {
  PYBIND11_TYPE_CASTER(std::chrono::year_month, const_name("datetime.date"));
  bool load(handle src, bool) {
    if (!src) return false;
    auto dt = datetime_module();
    if (!py::isinstance(src, dt.attr("date"))) return false;
    value = std::chrono::year{src.attr("year").cast<int>()} /
            std::chrono::month{src.attr("month").cast<unsigned>()};
    return true;
  }
  static handle cast(const std::chrono::year_month& ym, return_value_policy, handle) {
    return datetime_module()
        .attr("date")(static_cast<int>(ym.year()), static_cast<unsigned>(ym.month()), 1)
        .release();
  }
};

template <>
struct type_caster<dogcare::Timestamp> {
  PYBIND11_TYPE_CASTER(dogcare::Timestamp, const_name("datetime.datetime"));
  bool load(handle src, bool) {
    if (!src) return false;
    auto dt = datetime_module();
    if (!py::isinstance(src, dt.attr("datetime"))) return false;
    if (src.attr("tzinfo").is_none()) return false;  // naive datetimes are ambiguous
    const double seconds = src.attr("timestamp")().cast<double>();
    value = dogcare::Timestamp{std::chrono::milliseconds{static_cast<long long>(seconds * 1000.0)}};
    return true;
  }
  static handle cast(const dogcare::Timestamp& instant, return_value_policy, handle) {
    auto dt = datetime_module();
    const auto ms = instant.time_since_epoch().count();
    auto epoch = dt.attr("datetime")(1970, 1, 1, "tzinfo"_a = dt.attr("timezone").attr("utc"));
    return (epoch + dt.attr("timedelta")("milliseconds"_a = ms)).release();
  }
};

}  // namespace pybind11::detail

namespace {

using Release = py::call_guard<py::gil_scoped_release>;

// ---- errors: dogcare::Error -> dogcare.errors.<Subclass>

const char* exception_name(dogcare::ErrorCode code) {
  switch (code) {
    case dogcare::ErrorCode::invalid_argument:
      return "ValidationError";
    case dogcare::ErrorCode::not_found:
      return "NotFound";
    case dogcare::ErrorCode::conflict:
      return "Conflict";
    case dogcare::ErrorCode::unauthenticated:
      return "AuthenticationError";
    case dogcare::ErrorCode::rate_limited:
      return "RateLimited";
    case dogcare::ErrorCode::unavailable:
      return "Unavailable";
    case dogcare::ErrorCode::internal:
      return "Internal";
  }
  return "Internal";
}

void translate(std::exception_ptr pointer) {
  try {
    if (pointer) std::rethrow_exception(pointer);
  } catch (const dogcare::Error& error) {
    auto errors = py::module_::import("dogcare.errors");
    py::object type = errors.attr(exception_name(error.code()));
    py::object field = error.field().empty() ? py::object(py::none()) : py::str(error.field());
    py::object instance =
        type(error.what(), "code"_a = std::string(dogcare::to_string(error.code())),
             "field"_a = field, "retry_after"_a = static_cast<double>(error.retry_after().count()));
    PyErr_SetObject(type.ptr(), instance.ptr());
  }
}

// ---- value objects: __fields__, __repr__, __eq__ and to_dict() from one list

py::object plain(const py::handle& value) {
  if (py::hasattr(value, "to_dict")) return value.attr("to_dict")();
  if (py::isinstance<py::list>(value)) {
    py::list out;
    for (auto item : value) out.append(plain(item));
    return out;
  }
  return py::reinterpret_borrow<py::object>(value);
}

template <class Class>
void value_object(Class& cls, std::initializer_list<const char*> names) {
  py::tuple fields(names.size());
  std::size_t i = 0;
  for (const char* name : names) fields[i++] = py::str(name);
  cls.attr("__fields__") = fields;
  cls.def("__repr__", [fields](const py::object& self) {
    std::string text = py::str(py::type::of(self).attr("__name__")).cast<std::string>() + "(";
    bool first = true;
    for (auto name : fields) {
      if (!first) text += ", ";
      first = false;
      text += name.cast<std::string>() + "=" +
              py::repr(self.attr(name.cast<std::string>().c_str())).cast<std::string>();
    }
    return text + ")";
  });
  cls.def(
      "to_dict",
      [fields](const py::object& self) {
        py::dict out;
        for (auto name : fields) out[name] = plain(self.attr(name));
        return out;
      },
      "The fields as a dict (nested value objects as dicts too), e.g. for pandas.");
  cls.def("__eq__", [fields](const py::object& self, const py::object& other) {
    if (!py::type::of(self).is(py::type::of(other))) return false;
    for (auto name : fields)
      if (!self.attr(name).equal(other.attr(name))) return false;
    return true;
  });
  cls.attr("__hash__") = py::none();
}

// A mailer written in Python (a callable taking an Email); used by tests
// and by applications with their own mail path.
class PythonMailer final : public dogcare::Mailer {
 public:
  explicit PythonMailer(py::function send) : send_(std::move(send)) {}
  ~PythonMailer() override {
    py::gil_scoped_acquire gil;
    send_ = py::function();
  }
  void send(const dogcare::Email& email) override {
    py::gil_scoped_acquire gil;
    try {
      send_(email);
    } catch (py::error_already_set&) {
      throw dogcare::Error(dogcare::ErrorCode::unavailable,
                           "the mailer failed to send the message");
    }
  }

 private:
  py::function send_;
};

struct SmtpMailerHandle {
  std::shared_ptr<dogcare::Mailer> mailer;
};

std::shared_ptr<dogcare::Mailer> to_mailer(const py::object& mailer) {
  if (mailer.is_none()) return nullptr;
  if (py::isinstance<SmtpMailerHandle>(mailer)) return mailer.cast<SmtpMailerHandle&>().mailer;
  if (PyCallable_Check(mailer.ptr()))
    return std::make_shared<PythonMailer>(py::reinterpret_borrow<py::function>(mailer));
  throw py::type_error("mailer must be an SmtpMailer, a callable taking an Email, or None");
}

// A library duration as the seconds a Python default shows.
template <class Rep, class Period>
double seconds(std::chrono::duration<Rep, Period> duration) {
  return std::chrono::duration<double>(duration).count();
}

std::vector<dogcare::SigningKey> to_keys(
    const std::vector<std::pair<std::string, std::string>>& keys) {
  std::vector<dogcare::SigningKey> out;
  for (const auto& [kid, secret] : keys) out.push_back({kid, secret});
  return out;
}

dogcare::SearchQuery make_query(std::optional<std::string> text, std::optional<dogcare::Date> from,
                                std::optional<dogcare::Date> to, std::optional<std::string> dog_id,
                                std::vector<std::string> triggers,
                                std::vector<std::string> reactions, std::vector<int> severities,
                                std::size_t limit, std::optional<std::string> cursor,
                                bool with_total) {
  dogcare::SearchQuery q;
  q.text = std::move(text);
  q.from = from;
  q.to = to;
  q.dog_id = std::move(dog_id);
  q.triggers = std::move(triggers);
  q.reactions = std::move(reactions);
  q.severities = std::move(severities);
  q.limit = limit;
  q.cursor = std::move(cursor);
  q.with_total = with_total;
  return q;
}

}  // namespace

PYBIND11_MODULE(_dogcare, m, py::mod_gil_not_used()) {
  m.doc() = "libdogcare bindings; use the `dogcare` package, which re-exports these.";
  py::register_exception_translator(&translate);

  m.attr("MIN_SEVERITY") = dogcare::kMinSeverity;
  m.attr("MAX_SEVERITY") = dogcare::kMaxSeverity;
  m.attr("MAX_PAGE_SIZE") = dogcare::kMaxPageSize;
  m.attr("DEFAULT_PAGE_SIZE") = dogcare::kDefaultPageSize;

  // ---- enums
  py::native_enum<dogcare::Dialect>(m, "Dialect", "enum.Enum")
      .value("SQLITE", dogcare::Dialect::sqlite)
      .value("POSTGRESQL", dogcare::Dialect::postgresql)
      .value("ORACLE", dogcare::Dialect::oracle)
      .finalize();
  py::native_enum<dogcare::CatalogKind>(m, "CatalogKind", "enum.Enum")
      .value("TRIGGER", dogcare::CatalogKind::trigger)
      .value("REACTION", dogcare::CatalogKind::reaction)
      .finalize();
  py::native_enum<dogcare::SeverityBand>(m, "SeverityBand", "enum.Enum")
      .value("GREEN", dogcare::SeverityBand::green)
      .value("ORANGE", dogcare::SeverityBand::orange)
      .value("RED", dogcare::SeverityBand::red)
      .finalize();
  py::native_enum<dogcare::Period>(m, "Period", "enum.Enum")
      .value("ALL", dogcare::Period::all)
      .value("THIS_YEAR", dogcare::Period::this_year)
      .value("THIS_MONTH", dogcare::Period::this_month)
      .value("THIS_WEEK", dogcare::Period::this_week)
      .value("CUSTOM", dogcare::Period::custom)
      .finalize();
  py::native_enum<dogcare::TrendDirection>(m, "TrendDirection", "enum.Enum")
      .value("IMPROVING", dogcare::TrendDirection::improving)
      .value("STABLE", dogcare::TrendDirection::stable)
      .value("WORSENING", dogcare::TrendDirection::worsening)
      .value("INSUFFICIENT_DATA", dogcare::TrendDirection::insufficient_data)
      .finalize();

  m.def("band_for", &dogcare::band_for, "severity"_a,
        "The calendar colour of a severity: 1-2 green, 3 orange, 4-5 red.");

  // ---- database
  py::class_<dogcare::AppliedMigration> applied(m, "AppliedMigration");
  applied.def_readonly("version", &dogcare::AppliedMigration::version)
      .def_readonly("name", &dogcare::AppliedMigration::name);
  value_object(applied, {"version", "name"});

  py::class_<dogcare::MigrationReport> report(m, "MigrationReport");
  report.def_readonly("schema_version", &dogcare::MigrationReport::schema_version)
      .def_readonly("latest_version", &dogcare::MigrationReport::latest_version)
      .def_readonly("applied", &dogcare::MigrationReport::applied);
  value_object(report, {"schema_version", "latest_version", "applied"});

  py::class_<dogcare::PoolStats> pool(m, "PoolStats");
  pool.def_readonly("in_use", &dogcare::PoolStats::in_use)
      .def_readonly("idle", &dogcare::PoolStats::idle)
      .def_readonly("waiting", &dogcare::PoolStats::waiting)
      .def_readonly("capacity", &dogcare::PoolStats::capacity);
  value_object(pool, {"in_use", "idle", "waiting", "capacity"});

  // Defaults come from the library's option structs, never restated here.
  const dogcare::DatabaseOptions database_defaults;
  const dogcare::AccountsOptions account_defaults;
  const dogcare::SmtpOptions smtp_defaults;
  py::class_<dogcare::Database>(m, "Database",
                                "A connection pool to a dogcare database; share one per process.")
      .def(py::init([](std::string connection, std::string connection_file, std::size_t pool_size,
                       double borrow_timeout, bool migrate) {
             dogcare::DatabaseOptions options;
             options.connection = std::move(connection);
             options.connection_file = std::move(connection_file);
             options.pool_size = pool_size;
             options.borrow_timeout =
                 std::chrono::milliseconds{static_cast<long long>(borrow_timeout * 1000)};
             options.migrate = migrate;
             return std::make_unique<dogcare::Database>(std::move(options));
           }),
           "connection"_a = database_defaults.connection, py::kw_only(), "connection_file"_a = "",
           "pool_size"_a = database_defaults.pool_size,
           "borrow_timeout"_a = seconds(database_defaults.borrow_timeout),
           "migrate"_a = database_defaults.migrate, Release(),
           "Opens a SQLite file (created if missing) or an ODBC connection string; "
           "migrates unless migrate=False. borrow_timeout is in seconds. connection_file: a "
           "file holding the connection string instead, re-read when it changes (rotated "
           "credentials, as Vault Agent renders them).")
      .def_property_readonly("dialect", &dogcare::Database::dialect)
      .def("migrate", &dogcare::Database::migrate, Release())
      .def("schema_version", &dogcare::Database::schema_version, Release())
      .def_static("latest_schema_version", &dogcare::Database::latest_schema_version)
      .def("ready", &dogcare::Database::ready, Release())
      .def("pool_stats", &dogcare::Database::pool_stats, Release())
      .def("close", &dogcare::Database::close, Release());

  // ---- accounts
  // No constructor: only Accounts (login, authenticate) makes one.
  py::class_<dogcare::Principal> principal(m, "Principal",
                                           "The authenticated user an operation runs for.");
  principal.def_readonly("user_id", &dogcare::Principal::user_id);
  value_object(principal, {"user_id"});

  py::class_<dogcare::User> user(m, "User");
  user.def_readonly("id", &dogcare::User::id)
      .def_readonly("username", &dogcare::User::username)
      .def_readonly("email", &dogcare::User::email)
      .def_readonly("onboarded", &dogcare::User::onboarded)
      .def_readonly("token_version", &dogcare::User::token_version)
      .def_readonly("created_at", &dogcare::User::created_at)
      .def_readonly("updated_at", &dogcare::User::updated_at);
  value_object(
      user, {"id", "username", "email", "onboarded", "token_version", "created_at", "updated_at"});

  py::class_<dogcare::AccessToken> token(m, "AccessToken");
  token.def_readonly("token", &dogcare::AccessToken::token)
      .def_property_readonly(
          "expires_in",
          [](const dogcare::AccessToken& t) { return static_cast<double>(t.expires_in.count()); })
      .def_readonly("principal", &dogcare::AccessToken::principal)
      .def("__repr__", [](const dogcare::AccessToken& t) {
        // The token is a credential: never in a repr that may reach a log.
        return "AccessToken(token=<hidden>, expires_in=" + std::to_string(t.expires_in.count()) +
               ", principal=Principal(user_id='" + t.principal.user_id + "'))";
      });

  py::class_<dogcare::Email> email(m, "Email");
  email
      .def(py::init([](std::string to, std::string subject, std::string text) {
             return dogcare::Email{std::move(to), std::move(subject), std::move(text)};
           }),
           "to"_a, "subject"_a, "text"_a)
      .def_readonly("to", &dogcare::Email::to)
      .def_readonly("subject", &dogcare::Email::subject)
      .def_readonly("text", &dogcare::Email::text);
  value_object(email, {"to", "subject", "text"});

  py::class_<SmtpMailerHandle>(m, "SmtpMailer", "Delivers password reset mail through SMTP.")
      .def(py::init([](std::string url, std::string username, std::string password,
                       std::string sender, bool require_tls, std::string ca_file, double timeout) {
             dogcare::SmtpOptions options;
             options.url = std::move(url);
             options.username = std::move(username);
             options.password = std::move(password);
             options.from = std::move(sender);
             options.require_tls = require_tls;
             options.ca_file = std::move(ca_file);
             options.timeout = std::chrono::seconds{static_cast<long long>(timeout)};
             return SmtpMailerHandle{dogcare::make_smtp_mailer(std::move(options))};
           }),
           "url"_a = smtp_defaults.url, "username"_a = "", "password"_a = "",
           "sender"_a = smtp_defaults.from, "require_tls"_a = smtp_defaults.require_tls,
           "ca_file"_a = "", "timeout"_a = 10.0)
      .def(
          "send",
          [](SmtpMailerHandle& self, const dogcare::Email& message) { self.mailer->send(message); },
          "email"_a, Release())
      .def("__repr__", [](const SmtpMailerHandle&) { return std::string("SmtpMailer(...)"); });

  m.def(
      "load_signing_keys",
      [](const std::string& path) {
        const auto options = dogcare::load_signing_keys(path);
        std::vector<std::pair<std::string, std::string>> keys;
        for (const auto& key : options.keys) keys.emplace_back(key.kid, key.secret);
        return keys;
      },
      "path"_a, Release(),
      "Reads a signing-key file (one kid=secret per line, # comments), the one the REST "
      "server reads: (kid, secret) pairs in file order; the first signs.");
  m.def(
      "read_secret_file", [](const std::string& path) { return dogcare::read_secret_file(path); },
      "path"_a, Release(),
      "A secret from a file (the *_FILE settings), surrounding blanks trimmed; never logged.");

  py::class_<dogcare::SigningKeySource, std::shared_ptr<dogcare::SigningKeySource>>(
      m, "SigningKeySource",
      "The signing keys of a key file, re-read when the file changes (looked at every "
      "check_interval seconds at most, and at once on reload()): pass it to Accounts so that a "
      "rotated key signs and a retired key is refused without a restart.")
      .def(py::init([](const std::string& path, double check_interval) {
             return std::make_shared<dogcare::SigningKeySource>(
                 path, std::chrono::milliseconds{static_cast<long long>(check_interval * 1000)});
           }),
           "path"_a, py::kw_only(), "check_interval"_a = seconds(dogcare::kDefaultKeyCheckInterval),
           Release())
      .def("reload", &dogcare::SigningKeySource::reload, Release(),
           "Reads the file now; raises ValidationError (the keys in effect stay) if unusable.")
      .def_property_readonly(
          "kids",
          [](const dogcare::SigningKeySource& self) {
            std::vector<std::string> kids;
            for (const auto& key : self.current()->keys) kids.push_back(key.kid);
            return kids;
          },
          "The key ids in effect, in file order; the first signs.")
      .def_property_readonly("generation", &dogcare::SigningKeySource::generation,
                             "1, then +1 for each key set taken into effect.")
      .def_property_readonly("last_error", &dogcare::SigningKeySource::last_error,
                             "Why the last look at the file kept the old keys; empty if none.")
      .def("__repr__", [](const dogcare::SigningKeySource& self) {
        return "SigningKeySource('" + self.file().string() + "')";  // never a secret
      });

  py::class_<dogcare::Accounts>(m, "Accounts")
      .def(py::init([](dogcare::Database& database,
                       std::variant<std::shared_ptr<dogcare::SigningKeySource>,
                                    std::vector<std::pair<std::string, std::string>>>
                           signing_keys,
                       std::string current_kid, const py::object& mailer, double token_ttl,
                       std::string issuer, std::string reset_link, double reset_ttl,
                       std::string first_dog_name, std::uint32_t hashing_memory_kib,
                       std::uint32_t hashing_iterations, std::uint32_t hashing_parallelism,
                       int throttle_free_failures, double throttle_base_delay,
                       double throttle_max_delay) {
             dogcare::AccountsOptions options;
             std::shared_ptr<dogcare::SigningKeySource> source;
             if (auto* shared = std::get_if<0>(&signing_keys)) source = *shared;
             if (auto* pairs = std::get_if<1>(&signing_keys)) {
               options.tokens.keys = to_keys(*pairs);
               options.tokens.current_kid =
                   current_kid.empty() && !pairs->empty() ? pairs->front().first : current_kid;
             }
             options.tokens.ttl = std::chrono::seconds{static_cast<long long>(token_ttl)};
             options.tokens.issuer = std::move(issuer);
             options.reset_link = std::move(reset_link);
             options.reset_ttl = std::chrono::minutes{static_cast<long long>(reset_ttl / 60)};
             options.first_dog_name = std::move(first_dog_name);
             options.hashing = {hashing_memory_kib, hashing_iterations, hashing_parallelism};
             options.throttling.free_failures = throttle_free_failures;
             options.throttling.base_delay =
                 std::chrono::milliseconds{static_cast<long long>(throttle_base_delay * 1000)};
             options.throttling.max_delay =
                 std::chrono::milliseconds{static_cast<long long>(throttle_max_delay * 1000)};
             auto sender = to_mailer(mailer);
             py::gil_scoped_release release;
             return std::make_unique<dogcare::Accounts>(database, std::move(options),
                                                        std::move(source), std::move(sender));
           }),
           "database"_a, "signing_keys"_a, py::kw_only(), "current_kid"_a = "",
           "mailer"_a = py::none(), "token_ttl"_a = seconds(account_defaults.tokens.ttl),
           "issuer"_a = account_defaults.tokens.issuer,
           "reset_link"_a = account_defaults.reset_link,
           "reset_ttl"_a = seconds(account_defaults.reset_ttl),
           "first_dog_name"_a = account_defaults.first_dog_name,
           "hashing_memory_kib"_a = account_defaults.hashing.memory_kib,
           "hashing_iterations"_a = account_defaults.hashing.iterations,
           "hashing_parallelism"_a = account_defaults.hashing.parallelism,
           "throttle_free_failures"_a = account_defaults.throttling.free_failures,
           "throttle_base_delay"_a = seconds(account_defaults.throttling.base_delay),
           "throttle_max_delay"_a = seconds(account_defaults.throttling.max_delay),
           py::keep_alive<1, 2>(),
           "signing_keys: a SigningKeySource (re-read on change), or fixed (kid, secret) pairs, "
           "secrets of 32+ bytes (see load_signing_keys); current_kid (pairs only) defaults to "
           "the first. mailer: SmtpMailer, a callable taking an Email, or "
           "None (resets unavailable). "
           "Durations in seconds.")
      .def(
          "register",
          [](dogcare::Accounts& self, std::string username, std::string password,
             std::optional<std::string> email, std::optional<std::string> dog_name) {
            return self.register_user(
                {std::move(username), std::move(password), std::move(email), std::move(dog_name)});
          },
          "username"_a, "password"_a, "email"_a = py::none(), "dog_name"_a = py::none(), Release(),
          "Creates the account and its first dog.")
      .def(
          "login",
          [](dogcare::Accounts& self, const std::string& username, const std::string& password,
             const std::string& client_key) { return self.login(username, password, client_key); },
          "username"_a, "password"_a, "client_key"_a = "", Release())
      .def(
          "authenticate",
          [](dogcare::Accounts& self,
             const std::string& token) { return self.authenticate(token); },
          "token"_a, Release())
      .def("me", &dogcare::Accounts::me, "principal"_a, Release())
      .def(
          "update_profile",
          [](dogcare::Accounts& self, const dogcare::Principal& p,
             std::optional<std::string> username, std::optional<std::string> email) {
            return self.update_profile(p, {std::move(username), std::move(email)});
          },
          "principal"_a, py::kw_only(), "username"_a = py::none(), "email"_a = py::none(),
          Release(), "None leaves a field as it is; email='' removes the email.")
      .def(
          "change_password",
          [](dogcare::Accounts& self, const dogcare::Principal& p, const std::string& current,
             const std::string& replacement) { self.change_password(p, current, replacement); },
          "principal"_a, "current_password"_a, "new_password"_a, Release())
      .def("logout_everywhere", &dogcare::Accounts::logout_everywhere, "principal"_a, Release())
      .def("delete_account", &dogcare::Accounts::delete_account, "principal"_a, Release())
      .def(
          "request_password_reset",
          [](dogcare::Accounts& self,
             const std::string& address) { self.request_password_reset(address); },
          "email"_a, Release())
      .def(
          "confirm_password_reset",
          [](dogcare::Accounts& self, const std::string& reset_token, const std::string& password) {
            self.confirm_password_reset(reset_token, password);
          },
          "token"_a, "new_password"_a, Release());

  // ---- dogs
  py::class_<dogcare::Dog> dog(m, "Dog");
  dog.def_readonly("id", &dogcare::Dog::id)
      .def_readonly("owner_id", &dogcare::Dog::owner_id)
      .def_readonly("name", &dogcare::Dog::name)
      .def_readonly("breed", &dogcare::Dog::breed)
      .def_readonly("birth_date", &dogcare::Dog::birth_date)
      .def_readonly("notes", &dogcare::Dog::notes)
      .def_readonly("created_at", &dogcare::Dog::created_at)
      .def_readonly("updated_at", &dogcare::Dog::updated_at);
  value_object(
      dog, {"id", "owner_id", "name", "breed", "birth_date", "notes", "created_at", "updated_at"});

  py::class_<dogcare::Dogs>(m, "Dogs")
      .def(py::init<dogcare::Database&>(), "database"_a, py::keep_alive<1, 2>())
      .def(
          "create",
          [](dogcare::Dogs& self, const dogcare::Principal& p, std::string name,
             std::optional<std::string> breed, std::optional<dogcare::Date> birth_date,
             std::optional<std::string> notes) {
            return self.create(p,
                               {std::move(name), std::move(breed), birth_date, std::move(notes)});
          },
          "principal"_a, "name"_a, py::kw_only(), "breed"_a = py::none(),
          "birth_date"_a = py::none(), "notes"_a = py::none(), Release())
      .def("list", &dogcare::Dogs::list, "principal"_a, Release(), "In creation order.")
      .def("get", &dogcare::Dogs::get, "principal"_a, "id"_a, Release())
      .def(
          "update",
          [](dogcare::Dogs& self, const dogcare::Principal& p, const std::string& id,
             std::optional<std::string> name, std::optional<std::string> breed,
             std::optional<dogcare::Date> birth_date, bool clear_birth_date,
             std::optional<std::string> notes) {
            dogcare::DogPatch patch;
            patch.name = std::move(name);
            patch.breed = std::move(breed);
            patch.birth_date = birth_date;
            patch.clear_birth_date = clear_birth_date;
            patch.notes = std::move(notes);
            return self.update(p, id, patch);
          },
          "principal"_a, "id"_a, py::kw_only(), "name"_a = py::none(), "breed"_a = py::none(),
          "birth_date"_a = py::none(), "clear_birth_date"_a = false, "notes"_a = py::none(),
          Release(), "None leaves a field as it is; '' clears an optional text.")
      .def("remove", &dogcare::Dogs::remove, "principal"_a, "id"_a, Release(),
           "Deletes the dog with its observations.");

  // ---- catalog
  py::class_<dogcare::CatalogItem> item(m, "CatalogItem");
  item.def_readonly("id", &dogcare::CatalogItem::id)
      .def_readonly("name", &dogcare::CatalogItem::name)
      .def_readonly("archived", &dogcare::CatalogItem::archived);
  value_object(item, {"id", "name", "archived"});

  py::class_<dogcare::DefaultCatalogItem> default_item(m, "DefaultCatalogItem");
  default_item.def_readonly("id", &dogcare::DefaultCatalogItem::id)
      .def_readonly("kind", &dogcare::DefaultCatalogItem::kind)
      .def_readonly("name", &dogcare::DefaultCatalogItem::name)
      .def_readonly("position", &dogcare::DefaultCatalogItem::position);
  value_object(default_item, {"id", "kind", "name", "position"});

  py::class_<dogcare::Catalog>(m, "Catalog")
      .def(py::init<dogcare::Database&>(), "database"_a, py::keep_alive<1, 2>())
      .def("defaults", &dogcare::Catalog::defaults, "kind"_a, Release())
      .def(
          "onboard",
          [](dogcare::Catalog& self, const dogcare::Principal& p,
             std::vector<std::string> trigger_ids, std::vector<std::string> reaction_ids,
             std::optional<std::string> dog_name) {
            self.onboard(p, {std::move(trigger_ids), std::move(reaction_ids), std::move(dog_name)});
          },
          "principal"_a, py::kw_only(), "trigger_ids"_a = std::vector<std::string>{},
          "reaction_ids"_a = std::vector<std::string>{}, "dog_name"_a = py::none(),
          Release(), "Copies the chosen defaults, names the first dog, marks the user onboarded.")
      .def("list", &dogcare::Catalog::list, "principal"_a, "kind"_a, "include_archived"_a = false,
           Release())
      .def("get", &dogcare::Catalog::get, "principal"_a, "kind"_a, "id"_a, Release())
      .def(
          "create",
          [](dogcare::Catalog& self, const dogcare::Principal& p, dogcare::CatalogKind kind,
             const std::string& name) { return self.create(p, kind, name); },
          "principal"_a, "kind"_a, "name"_a, Release())
      .def(
          "rename",
          [](dogcare::Catalog& self, const dogcare::Principal& p, dogcare::CatalogKind kind,
             const std::string& id,
             const std::string& name) { return self.rename(p, kind, id, name); },
          "principal"_a, "kind"_a, "id"_a, "name"_a, Release())
      .def("remove", &dogcare::Catalog::remove, "principal"_a, "kind"_a, "id"_a, Release(),
           "Deletes an unused item; archives one that observations use.");

  // ---- observations
  py::class_<dogcare::ItemRef> ref(m, "ItemRef");
  ref.def_readonly("id", &dogcare::ItemRef::id).def_readonly("name", &dogcare::ItemRef::name);
  value_object(ref, {"id", "name"});

  py::class_<dogcare::Observation> observation(m, "Observation");
  observation.def_readonly("id", &dogcare::Observation::id)
      .def_readonly("owner_id", &dogcare::Observation::owner_id)
      .def_readonly("dog_id", &dogcare::Observation::dog_id)
      .def_readonly("date", &dogcare::Observation::date)
      .def_readonly("severity", &dogcare::Observation::severity)
      .def_readonly("comment", &dogcare::Observation::comment)
      .def_readonly("triggers", &dogcare::Observation::triggers)
      .def_readonly("reactions", &dogcare::Observation::reactions)
      .def_readonly("distance_m", &dogcare::Observation::distance_m)
      .def_readonly("recovery_min", &dogcare::Observation::recovery_min)
      .def_readonly("handler_action", &dogcare::Observation::handler_action)
      .def_readonly("created_at", &dogcare::Observation::created_at)
      .def_readonly("updated_at", &dogcare::Observation::updated_at);
  value_object(observation,
               {"id", "owner_id", "dog_id", "date", "severity", "comment", "triggers", "reactions",
                "distance_m", "recovery_min", "handler_action", "created_at", "updated_at"});

  py::class_<dogcare::SearchQuery> query(m, "SearchQuery",
                                         "Filters of a search; every filter is optional.");
  query
      .def(py::init(&make_query), py::kw_only(), "text"_a = py::none(), "from_date"_a = py::none(),
           "to_date"_a = py::none(), "dog_id"_a = py::none(),
           "triggers"_a = std::vector<std::string>{}, "reactions"_a = std::vector<std::string>{},
           "severities"_a = std::vector<int>{}, "limit"_a = dogcare::kDefaultPageSize,
           "cursor"_a = py::none(), "with_total"_a = false)
      .def_readwrite("text", &dogcare::SearchQuery::text)
      .def_readwrite("from_date", &dogcare::SearchQuery::from)
      .def_readwrite("to_date", &dogcare::SearchQuery::to)
      .def_readwrite("dog_id", &dogcare::SearchQuery::dog_id)
      .def_readwrite("triggers", &dogcare::SearchQuery::triggers)
      .def_readwrite("reactions", &dogcare::SearchQuery::reactions)
      .def_readwrite("severities", &dogcare::SearchQuery::severities)
      .def_readwrite("limit", &dogcare::SearchQuery::limit)
      .def_readwrite("cursor", &dogcare::SearchQuery::cursor)
      .def_readwrite("with_total", &dogcare::SearchQuery::with_total);
  value_object(query, {"text", "from_date", "to_date", "dog_id", "triggers", "reactions",
                       "severities", "limit", "cursor", "with_total"});

  py::class_<dogcare::SearchPage> page(m, "SearchPage");
  page.def_readonly("items", &dogcare::SearchPage::items)
      .def_readonly("next_cursor", &dogcare::SearchPage::next_cursor)
      .def_readonly("total", &dogcare::SearchPage::total);
  value_object(page, {"items", "next_cursor", "total"});

  py::class_<dogcare::Observations>(m, "Observations")
      .def(py::init<dogcare::Database&>(), "database"_a, py::keep_alive<1, 2>())
      .def(
          "create",
          [](dogcare::Observations& self, const dogcare::Principal& p, dogcare::Date date,
             int severity, std::string comment, std::vector<std::string> triggers,
             std::vector<std::string> reactions, std::optional<std::string> dog_id,
             std::optional<int> distance_m, std::optional<int> recovery_min,
             std::optional<std::string> handler_action) {
            dogcare::ObservationInput input;
            input.dog_id = std::move(dog_id);
            input.date = date;
            input.severity = severity;
            input.comment = std::move(comment);
            input.triggers = std::move(triggers);
            input.reactions = std::move(reactions);
            input.distance_m = distance_m;
            input.recovery_min = recovery_min;
            input.handler_action = std::move(handler_action);
            return self.create(p, input);
          },
          "principal"_a, py::kw_only(), "date"_a, "severity"_a, "comment"_a = "",
          "triggers"_a = std::vector<std::string>{}, "reactions"_a = std::vector<std::string>{},
          "dog_id"_a = py::none(), "distance_m"_a = py::none(), "recovery_min"_a = py::none(),
          "handler_action"_a = py::none(), Release(),
          "triggers/reactions: item ids or names; an unknown name creates the item.")
      .def("get", &dogcare::Observations::get, "principal"_a, "id"_a, Release())
      .def(
          "update",
          [](dogcare::Observations& self, const dogcare::Principal& p, const std::string& id,
             std::optional<std::string> dog_id, std::optional<dogcare::Date> date,
             std::optional<int> severity, std::optional<std::string> comment,
             std::optional<std::vector<std::string>> triggers,
             std::optional<std::vector<std::string>> reactions, std::optional<int> distance_m,
             bool clear_distance_m, std::optional<int> recovery_min, bool clear_recovery_min,
             std::optional<std::string> handler_action) {
            dogcare::ObservationPatch patch;
            patch.dog_id = std::move(dog_id);
            patch.date = date;
            patch.severity = severity;
            patch.comment = std::move(comment);
            patch.triggers = std::move(triggers);
            patch.reactions = std::move(reactions);
            patch.distance_m = distance_m;
            patch.clear_distance_m = clear_distance_m;
            patch.recovery_min = recovery_min;
            patch.clear_recovery_min = clear_recovery_min;
            patch.handler_action = std::move(handler_action);
            return self.update(p, id, patch);
          },
          "principal"_a, "id"_a, py::kw_only(), "dog_id"_a = py::none(), "date"_a = py::none(),
          "severity"_a = py::none(), "comment"_a = py::none(), "triggers"_a = py::none(),
          "reactions"_a = py::none(), "distance_m"_a = py::none(), "clear_distance_m"_a = false,
          "recovery_min"_a = py::none(), "clear_recovery_min"_a = false,
          "handler_action"_a = py::none(), Release(),
          "None leaves a field as it is; clear_* empties a detail; handler_action='' clears it.")
      .def("remove", &dogcare::Observations::remove, "principal"_a, "id"_a, Release())
      .def("search", &dogcare::Observations::search, "principal"_a, "query"_a, Release(),
           "Newest first, a page at a time: pass page.next_cursor as query.cursor.")
      .def(
          "export_csv",
          [](dogcare::Observations& self, const dogcare::Principal& p,
             const dogcare::SearchQuery& q, const py::object& file) {
            py::object write = file.attr("write");
            py::gil_scoped_release release;
            self.export_csv(p, q, [&write](std::string_view chunk) {
              py::gil_scoped_acquire gil;
              write(py::str(chunk.data(), chunk.size()));
            });
          },
          "principal"_a, "query"_a, "file"_a,
          "Writes every result as CSV (UTF-8 text, header first) to file.write, a chunk at a time.")
      .def(
          "export_csv_chunks",
          [](dogcare::Observations& self, const dogcare::Principal& p,
             const dogcare::SearchQuery& q) {
            std::vector<std::string> chunks;
            self.export_csv(p, q,
                            [&chunks](std::string_view chunk) { chunks.emplace_back(chunk); });
            return chunks;
          },
          "principal"_a, "query"_a, Release(),
          "Every result as CSV, returned as a list of str chunks (''.join them for the whole).");

  // ---- calendar
  py::class_<dogcare::CalendarDay> day(m, "CalendarDay");
  day.def_readonly("date", &dogcare::CalendarDay::date)
      .def_readonly("max_severity", &dogcare::CalendarDay::max_severity)
      .def_readonly("band", &dogcare::CalendarDay::band)
      .def_readonly("observations", &dogcare::CalendarDay::observations);
  value_object(day, {"date", "max_severity", "band", "observations"});

  py::class_<dogcare::CalendarMonth> month(m, "CalendarMonth");
  month.def_readonly("year", &dogcare::CalendarMonth::year)
      .def_readonly("month", &dogcare::CalendarMonth::month)
      .def_readonly("dog_id", &dogcare::CalendarMonth::dog_id)
      .def_readonly("days", &dogcare::CalendarMonth::days);
  value_object(month, {"year", "month", "dog_id", "days"});

  py::class_<dogcare::Calendar>(m, "Calendar")
      .def(py::init<dogcare::Database&>(), "database"_a, py::keep_alive<1, 2>())
      .def("month", &dogcare::Calendar::month, "principal"_a, "dog_id"_a, "year"_a, "month"_a,
           Release(), "Only days with observations, in date order; dog_id None for a single dog.");

  // ---- analytics
  py::class_<dogcare::AnalyticsQuery> analytics_query(m, "AnalyticsQuery");
  analytics_query
      .def(py::init([](std::optional<std::string> dog_id, dogcare::Period period,
                       std::optional<dogcare::Date> from, std::optional<dogcare::Date> to,
                       std::optional<std::chrono::year_month> month) {
             return dogcare::AnalyticsQuery{std::move(dog_id), period, from, to, month};
           }),
           py::kw_only(), "dog_id"_a = py::none(), "period"_a = dogcare::Period::all,
           "from_date"_a = py::none(), "to_date"_a = py::none(), "month"_a = py::none(),
           "month: any date in the month compared with the one before (default: this month).")
      .def_readwrite("dog_id", &dogcare::AnalyticsQuery::dog_id)
      .def_readwrite("period", &dogcare::AnalyticsQuery::period)
      .def_readwrite("from_date", &dogcare::AnalyticsQuery::from)
      .def_readwrite("to_date", &dogcare::AnalyticsQuery::to)
      .def_readwrite("month", &dogcare::AnalyticsQuery::month);
  value_object(analytics_query, {"dog_id", "period", "from_date", "to_date", "month"});

  py::class_<dogcare::TriggerSeverityCount> tsc(m, "TriggerSeverityCount");
  tsc.def_readonly("trigger_id", &dogcare::TriggerSeverityCount::trigger_id)
      .def_readonly("trigger", &dogcare::TriggerSeverityCount::trigger)
      .def_readonly("severity", &dogcare::TriggerSeverityCount::severity)
      .def_readonly("count", &dogcare::TriggerSeverityCount::count);
  value_object(tsc, {"trigger_id", "trigger", "severity", "count"});

  py::class_<dogcare::DailySeverity> daily(m, "DailySeverity");
  daily.def_readonly("date", &dogcare::DailySeverity::date)
      .def_readonly("mean", &dogcare::DailySeverity::mean)
      .def_readonly("count", &dogcare::DailySeverity::count)
      .def_readonly("rolling_mean", &dogcare::DailySeverity::rolling_mean);
  value_object(daily, {"date", "mean", "count", "rolling_mean"});

  py::class_<dogcare::ReactionShare::Companion> companion(m, "ReactionCompanion");
  companion.def_readonly("trigger_id", &dogcare::ReactionShare::Companion::trigger_id)
      .def_readonly("trigger", &dogcare::ReactionShare::Companion::trigger)
      .def_readonly("count", &dogcare::ReactionShare::Companion::count);
  value_object(companion, {"trigger_id", "trigger", "count"});

  py::class_<dogcare::ReactionShare> share(m, "ReactionShare");
  share.def_readonly("reaction_id", &dogcare::ReactionShare::reaction_id)
      .def_readonly("reaction", &dogcare::ReactionShare::reaction)
      .def_readonly("count", &dogcare::ReactionShare::count)
      .def_readonly("triggers", &dogcare::ReactionShare::triggers);
  value_object(share, {"reaction_id", "reaction", "count", "triggers"});

  py::class_<dogcare::HighIntensityShare> high(m, "HighIntensityShare");
  high.def_readonly("month", &dogcare::HighIntensityShare::month)
      .def_readonly("high", &dogcare::HighIntensityShare::high)
      .def_readonly("total", &dogcare::HighIntensityShare::total)
      .def_readonly("share", &dogcare::HighIntensityShare::share)
      .def_readonly("previous_high", &dogcare::HighIntensityShare::previous_high)
      .def_readonly("previous_total", &dogcare::HighIntensityShare::previous_total)
      .def_readonly("previous_share", &dogcare::HighIntensityShare::previous_share)
      .def_readonly("delta", &dogcare::HighIntensityShare::delta);
  value_object(high, {"month", "high", "total", "share", "previous_high", "previous_total",
                      "previous_share", "delta"});

  py::class_<dogcare::Trend> trend(m, "Trend");
  trend.def_readonly("direction", &dogcare::Trend::direction)
      .def_readonly("slope_per_day", &dogcare::Trend::slope_per_day)
      .def_readonly("days", &dogcare::Trend::days);
  value_object(trend, {"direction", "slope_per_day", "days"});

  py::class_<dogcare::AnalyticsReport> analytics_report(m, "AnalyticsReport");
  analytics_report.def_readonly("from_date", &dogcare::AnalyticsReport::from)
      .def_readonly("to_date", &dogcare::AnalyticsReport::to)
      .def_readonly("observations", &dogcare::AnalyticsReport::observations)
      .def_readonly("trigger_severity", &dogcare::AnalyticsReport::trigger_severity)
      .def_readonly("daily", &dogcare::AnalyticsReport::daily)
      .def_readonly("reactions", &dogcare::AnalyticsReport::reactions)
      .def_readonly("high_intensity", &dogcare::AnalyticsReport::high_intensity)
      .def_readonly("trend", &dogcare::AnalyticsReport::trend);
  value_object(analytics_report, {"from_date", "to_date", "observations", "trigger_severity",
                                  "daily", "reactions", "high_intensity", "trend"});

  py::class_<dogcare::Analytics>(m, "Analytics")
      .def(py::init<dogcare::Database&>(), "database"_a, py::keep_alive<1, 2>())
      .def("report", &dogcare::Analytics::report, "principal"_a, "query"_a, Release());
}
