// dogcare._dogcare: libdogcare for Python. A translation layer only: every
// rule lives in the library. Each call into the library runs with the GIL
// released (Streamlit serves each session from its own thread), and values
// cross as Python types: datetime.date, aware UTC datetime.datetime, lists.
//
// Records are bound from their descriptions (dogcare/record.hpp): one class
// per described record, a property per field, a keyword-only __init__ whose
// defaults are those of the default-constructed struct, and
// dogcare.fields(cls) with each field's limits. Operations taking a record
// (an input, a patch, a query) take its fields as keyword arguments. A
// Patch<T> keyword maps UNSET (the default) to absent/keep, None to clear
// and a value to set: the meaning of JSON absent/null/value over HTTP.
#include <pybind11/functional.h>
#include <pybind11/native_enum.h>
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include <array>
#include <cctype>
#include <chrono>
#include <cstddef>
#include <functional>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <tuple>
#include <type_traits>
#include <unordered_map>
#include <utility>
#include <variant>
#include <vector>

#include "dogcare/access_log.hpp"
#include "dogcare/accounts.hpp"
#include "dogcare/analytics.hpp"
#include "dogcare/calendar.hpp"
#include "dogcare/catalog.hpp"
#include "dogcare/client_board.hpp"
#include "dogcare/comments.hpp"
#include "dogcare/database.hpp"
#include "dogcare/dogs.hpp"
#include "dogcare/error.hpp"
#include "dogcare/mailer.hpp"
#include "dogcare/observations.hpp"
#include "dogcare/patch.hpp"
#include "dogcare/principal.hpp"
#include "dogcare/professionals.hpp"
#include "dogcare/record.hpp"
#include "dogcare/secrets.hpp"
#include "dogcare/sharing.hpp"
#include "dogcare/time.hpp"
#include "dogcare/time_zone.hpp"
#include "dogcare/tokens.hpp"

namespace py = pybind11;
using namespace pybind11::literals;

namespace {

// The type of dogcare.UNSET, the "keep what is stored" of a patch keyword.
// Python cannot make another one: the module's UNSET is the only instance.
struct Unset {};

py::object unset_object() {
  return py::module_::import("dogcare._dogcare").attr("UNSET");
}

}  // namespace

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

// Whole seconds, as an int: what JSON carries too (expires_in).
template <>
struct type_caster<std::chrono::seconds> {
  PYBIND11_TYPE_CASTER(std::chrono::seconds, const_name("int"));
  bool load(handle src, bool convert) {
    make_caster<long long> count;
    if (!count.load(src, convert)) return false;
    value = std::chrono::seconds{cast_op<long long>(count)};
    return true;
  }
  static handle cast(const std::chrono::seconds& duration, return_value_policy, handle) {
    return PyLong_FromLongLong(static_cast<long long>(duration.count()));
  }
};

// Patch<T>: dogcare.UNSET (absent, keep) | None (clear) | a value (set).
template <class T>
struct type_caster<dogcare::Patch<T>> {
  using value_conv = make_caster<T>;
  PYBIND11_TYPE_CASTER(dogcare::Patch<T>, value_conv::name | make_caster<none>::name |
                                              const_name("dogcare._dogcare.UnsetType"));
  bool load(handle src, bool convert) {
    if (!src) return false;
    if (isinstance<Unset>(src)) {
      value = dogcare::Patch<T>();
      return true;
    }
    if (src.is_none()) {
      value = dogcare::Patch<T>(std::nullopt);
      return true;
    }
    value_conv inner;
    if (!inner.load(src, convert)) return false;
    value = dogcare::Patch<T>(cast_op<T&&>(std::move(inner)));
    return true;
  }
  static handle cast(const dogcare::Patch<T>& patch, return_value_policy policy, handle parent) {
    if (patch.absent()) return unset_object().release();
    if (patch.is_null()) return none().release();
    return value_conv::cast(patch.value(), policy, parent);
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

template <class T>
py::object optional_object(const std::optional<T>& value) {
  return value ? py::cast(*value) : py::object(py::none());
}

void translate(std::exception_ptr pointer) {
  try {
    if (pointer) std::rethrow_exception(pointer);
  } catch (const dogcare::Error& error) {
    auto errors = py::module_::import("dogcare.errors");
    py::object type = errors.attr(exception_name(error.code()));
    py::object field = error.field().empty() ? py::object(py::none()) : py::str(error.field());
    py::object make_violation = errors.attr("Violation");
    py::list violations;
    for (const auto& v : error.violations()) {
      violations.append(
          make_violation("field"_a = v.field, "rule"_a = std::string(dogcare::to_string(v.rule)),
                         "min"_a = optional_object(v.min), "max"_a = optional_object(v.max),
                         "earliest"_a = optional_object(v.earliest),
                         "latest"_a = optional_object(v.latest), "message"_a = v.message));
    }
    py::object instance =
        type(error.what(), "code"_a = std::string(dogcare::to_string(error.code())),
             "field"_a = field, "retry_after"_a = static_cast<double>(error.retry_after().count()),
             "violations"_a = violations);
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

// `hidden`: fields whose value a repr never shows (secrets that may reach a log).
template <class Class>
void value_object(Class& cls, const std::vector<std::string>& names,
                  const std::set<std::string>& hidden = {}) {
  py::tuple fields(names.size());
  std::size_t i = 0;
  for (const auto& name : names) fields[i++] = py::str(name);
  cls.attr("__fields__") = fields;
  cls.def("__repr__", [fields, hidden](const py::object& self) {
    std::string text = py::str(py::type::of(self).attr("__name__")).cast<std::string>() + "(";
    bool first = true;
    for (auto item : fields) {
      const auto name = item.cast<std::string>();
      if (!first) text += ", ";
      first = false;
      text += name + "=" +
              (hidden.contains(name) ? std::string("<hidden>")
                                     : py::repr(self.attr(name.c_str())).cast<std::string>());
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

// ---- records from their descriptions

// pybind11 keeps the char pointers of names and docstrings: they live here.
const char* intern(std::string_view text) {
  static std::set<std::string, std::less<>> strings;
  return strings.emplace(text).first->c_str();
}

// A field's Python name: its name, with "_" after a Python keyword ("from_").
std::string python_name(std::string_view name) {
  static const std::set<std::string_view> keywords{
      "False", "None",     "True",  "and",    "as",   "assert", "async",  "await",    "break",
      "class", "continue", "def",   "del",    "elif", "else",   "except", "finally",  "for",
      "from",  "global",   "if",    "import", "in",   "is",     "lambda", "nonlocal", "not",
      "or",    "pass",     "raise", "return", "try",  "while",  "with",   "yield"};
  std::string out(name);
  if (keywords.contains(name)) out += "_";
  return out;
}

// What dogcare.fields() answers for one field: its limits, None where none applies.
struct FieldSpec {
  std::string name;       // as in errors (Violation.field) and on the wire
  std::string attribute;  // the Python property and keyword
  bool required = false;
  std::optional<std::size_t> min_length;
  std::optional<std::size_t> max_length;
  std::optional<long long> min;
  std::optional<long long> max;
  std::optional<std::size_t> max_items;
  std::optional<dogcare::Date> earliest;
  std::optional<int> latest_after_today;
  bool multiline = false;
  std::optional<std::string> characters;
  std::optional<std::string> format;
  bool write_only = false;
  std::string doc;
};

FieldSpec spec_of(const dogcare::FieldInfo& info) {
  const auto& limits = info.limits;
  FieldSpec spec;
  spec.name = std::string(info.name);
  spec.attribute = python_name(info.name);
  spec.required = info.presence == dogcare::Presence::required;
  if (limits.min_length) spec.min_length = limits.min_length;
  if (limits.max_length) spec.max_length = limits.max_length;
  if (limits.has_min()) spec.min = limits.min;
  if (limits.has_max()) spec.max = limits.max;
  if (limits.max_items) spec.max_items = limits.max_items;
  spec.earliest = limits.earliest;
  spec.latest_after_today = limits.latest_after_today;
  spec.multiline = limits.multiline;
  if (!limits.characters.empty()) spec.characters = std::string(limits.characters);
  if (!limits.format.empty()) spec.format = std::string(limits.format);
  spec.write_only = info.write_only;
  spec.doc = std::string(info.doc);
  return spec;
}

// The fields of each bound record, by its Python type (types live as long as the module).
std::unordered_map<PyObject*, std::vector<FieldSpec>>& field_registry() {
  static std::unordered_map<PyObject*, std::vector<FieldSpec>> registry;
  return registry;
}

template <class T>
using fields_of = std::remove_cvref_t<decltype(dogcare::Description<T>::fields)>;
template <class T, std::size_t I>
using member_of = typename std::tuple_element_t<I, fields_of<T>>::member_type;
template <class T>
constexpr auto field_indices = std::make_index_sequence<std::tuple_size_v<fields_of<T>>>{};

// The keyword of field I: a default from a default-constructed T unless the
// field is required (a patch's fields all default to UNSET).
template <class T, std::size_t I>
auto keyword() {
  constexpr const auto& field = std::get<I>(dogcare::Description<T>::fields);
  const char* name = intern(python_name(field.info.name));
  if constexpr (dogcare::is_patch_v<member_of<T, I>> ||
                field.info.presence == dogcare::Presence::optional) {
    static const T defaults{};
    return py::arg_v(name, py::cast(field.get(defaults)));
  } else {
    return py::arg(name);
  }
}

template <class T, std::size_t... I>
auto keywords(std::index_sequence<I...>) {
  return std::tuple{keyword<T, I>()...};
}

// A callable taking `Lead...` then every field of T, calling f(lead..., record).
template <class T, class... Lead, class F, std::size_t... I>
auto taking_fields(F f, std::index_sequence<I...>) {
  return [f = std::move(f)](Lead... lead, member_of<T, I>... values) {
    T record{};
    ((std::get<I>(dogcare::Description<T>::fields).get(record) = std::move(values)), ...);
    return std::invoke(f, std::forward<Lead>(lead)..., std::as_const(record));
  };
}

// Defines cls.name(lead_args..., *, <T's fields>) calling f(lead..., T), GIL released.
template <class T, class... Lead, class Class, class F, class... LeadArgs>
void def_taking(Class& cls, const char* name, F f, const char* doc, LeadArgs... lead_args) {
  auto function = taking_fields<T, Lead...>(std::move(f), field_indices<T>);
  std::apply(
      [&](auto&&... fields) {
        cls.def(name, std::move(function), lead_args..., py::kw_only(), fields..., Release(), doc);
      },
      keywords<T>(field_indices<T>));
}

template <class T>
py::class_<T> bind_record(py::module_& m) {
  using Description = dogcare::Description<T>;
  py::class_<T> cls(m, intern(Description::name), intern(Description::doc));
  std::apply(
      [&](auto&&... fields) {
        cls.def(py::init(taking_fields<T>(std::identity{}, field_indices<T>)), py::kw_only(),
                fields...);
      },
      keywords<T>(field_indices<T>));
  std::vector<std::string> names;
  std::set<std::string> hidden;
  std::vector<FieldSpec> specs;
  dogcare::for_each_field<T>([&](const auto& field) {
    using Member = typename std::remove_cvref_t<decltype(field)>::member_type;
    const auto member = field.member;
    auto spec = spec_of(field.info);
    cls.def_property(
        intern(spec.attribute), [member](const T& self) -> Member { return self.*member; },
        [member](T& self, Member value) { self.*member = std::move(value); }, intern(spec.doc));
    names.push_back(spec.attribute);
    if (spec.write_only) hidden.insert(spec.attribute);
    specs.push_back(std::move(spec));
  });
  value_object(cls, names, hidden);
  field_registry()[cls.ptr()] = std::move(specs);
  return cls;
}

template <class... T>
void bind_records(py::module_& m) {
  (bind_record<T>(m), ...);
}

// Members are the upper-cased names: CatalogKind.TRIGGER is "trigger" on the wire.
template <dogcare::DescribedEnum E>
void bind_enum(py::module_& m) {
  py::native_enum<E> native(m, intern(dogcare::EnumDescription<E>::name), "enum.Enum");
  for (const auto& [value, name] : dogcare::EnumDescription<E>::values) {
    std::string upper(name);
    for (auto& c : upper) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    native.value(intern(upper), value);
  }
  native.finalize();
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

}  // namespace

PYBIND11_MODULE(_dogcare, m, py::mod_gil_not_used()) {
  m.doc() = "libdogcare bindings; use the `dogcare` package, which re-exports these.";
  py::register_exception_translator(&translate);

  m.attr("MIN_SEVERITY") = dogcare::kMinSeverity;
  m.attr("MAX_SEVERITY") = dogcare::kMaxSeverity;
  m.attr("MAX_PAGE_SIZE") = dogcare::kMaxPageSize;
  m.attr("DEFAULT_PAGE_SIZE") = dogcare::kDefaultPageSize;

  py::class_<Unset>(m, "UnsetType",
                    "The type of UNSET, the default of every patch keyword: leave the field as "
                    "it is. None clears a field; a value sets it.")
      .def("__repr__", [](const Unset&) { return std::string("UNSET"); })
      .def("__bool__", [](const Unset&) { return false; });
  m.attr("UNSET") = py::cast(Unset{});

  py::class_<FieldSpec>(m, "Field",
                        "A field of a record as the library describes it: its limits (None where "
                        "none applies) and its documentation.")
      .def_readonly("name", &FieldSpec::name, "As in errors (Violation.field) and over HTTP.")
      .def_readonly("attribute", &FieldSpec::attribute, "The Python property and keyword.")
      .def_readonly("required", &FieldSpec::required)
      .def_readonly("min_length", &FieldSpec::min_length, "Text: code points, after trimming.")
      .def_readonly("max_length", &FieldSpec::max_length, "Text: code points, after trimming.")
      .def_readonly("min", &FieldSpec::min, "Integers: the smallest allowed.")
      .def_readonly("max", &FieldSpec::max, "Integers: the largest allowed.")
      .def_readonly("max_items", &FieldSpec::max_items, "Lists: the most items.")
      .def_readonly("earliest", &FieldSpec::earliest, "Dates: the first allowed.")
      .def_readonly("latest_after_today", &FieldSpec::latest_after_today,
                    "Dates: the last allowed is today plus this many days.")
      .def_readonly("multiline", &FieldSpec::multiline, "Text may hold line breaks.")
      .def_readonly("characters", &FieldSpec::characters,
                    "Text restricted to these characters (a regex bracket body).")
      .def_readonly("format", &FieldSpec::format, "email, uuid, password...")
      .def_readonly("write_only", &FieldSpec::write_only, "Accepted, never sent back.")
      .def_readonly("doc", &FieldSpec::doc)
      .def("__repr__", [](const FieldSpec& spec) { return "Field(" + spec.name + ")"; });

  m.def(
      "fields",
      [](const py::type& record) {
        const auto found = field_registry().find(record.ptr());
        if (found == field_registry().end())
          throw py::type_error("not a dogcare record: " + py::repr(record).cast<std::string>());
        return found->second;
      },
      "record"_a, "The fields of a record class, in order, with their limits.");

  // ---- enums
  py::native_enum<dogcare::Dialect>(m, "Dialect", "enum.Enum")
      .value("SQLITE", dogcare::Dialect::sqlite)
      .value("POSTGRESQL", dogcare::Dialect::postgresql)
      .value("ORACLE", dogcare::Dialect::oracle)
      .finalize();
  bind_enum<dogcare::CatalogKind>(m);
  bind_enum<dogcare::SeverityBand>(m);
  bind_enum<dogcare::Period>(m);
  bind_enum<dogcare::TrendDirection>(m);
  bind_enum<dogcare::Language>(m);
  bind_enum<dogcare::ProfessionalKind>(m);
  bind_enum<dogcare::ShareScope>(m);
  bind_enum<dogcare::AuthorRole>(m);
  bind_enum<dogcare::AccessView>(m);

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
  const dogcare::SharingOptions sharing_defaults;
  const dogcare::CommentsOptions comments_defaults;
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
  principal.def_readonly("user_id", &dogcare::Principal::user_id)
      .def_readonly("time_zone", &dogcare::Principal::time_zone,
                    "The account's IANA zone when it was authenticated.");
  value_object(principal, {"user_id", "time_zone"});
  m.def(
      "today",
      [](const dogcare::Principal& who) {
        return dogcare::local_date(dogcare::now_utc(), who.time_zone);
      },
      "principal"_a, "The principal's local date now: the last date a record may have.");
  m.def("time_zone_names", &dogcare::time_zone_names,
        "Every zone of the tz database, sorted (what a picker offers).");
  m.attr("DEFAULT_TIME_ZONE") = std::string(dogcare::kDefaultTimeZone);

  // Nested records first: a signature names the classes bound before it.
  bind_records<dogcare::User, dogcare::Registration, dogcare::ProfileUpdate, dogcare::Credentials,
               dogcare::PasswordChange, dogcare::PasswordResetRequest,
               dogcare::PasswordResetConfirmation>(m);
  auto token = bind_record<dogcare::AccessToken>(m);
  token.def_readonly("principal", &dogcare::AccessToken::principal);
  // The token is a credential: never in a repr that may reach a log (replaces,
  // rather than overloads, the generic repr).
  token.attr("__repr__") = py::cpp_function(
      [](const dogcare::AccessToken& t) {
        return "AccessToken(access_token=<hidden>, token_type='" + t.token_type +
               "', expires_in=" + std::to_string(t.expires_in.count()) +
               ", principal=Principal(user_id='" + t.principal.user_id + "'))";
      },
      py::name("__repr__"), py::is_method(token));

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
          "login",
          [](dogcare::Accounts& self, const std::string& username, const std::string& password,
             const std::string& client_key) { return self.login(username, password, client_key); },
          "username"_a, "password"_a, "client_key"_a = "", Release())
      .def(
          "authenticate",
          [](dogcare::Accounts& self, const std::string& token) {
            return self.authenticate(token);
          },
          "token"_a, Release())
      .def("me", &dogcare::Accounts::me, "principal"_a, Release())
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
  auto accounts = py::reinterpret_borrow<py::class_<dogcare::Accounts>>(m.attr("Accounts"));
  def_taking<dogcare::Registration, dogcare::Accounts&>(accounts, "register",
                                                        &dogcare::Accounts::register_user,
                                                        "Creates the account and its first dog.");
  def_taking<dogcare::ProfileUpdate, dogcare::Accounts&, const dogcare::Principal&>(
      accounts, "update_profile", &dogcare::Accounts::update_profile,
      "UNSET leaves a field as it is; email=None (or '') removes the email.", "principal"_a);

  // ---- dogs
  bind_records<dogcare::Dog, dogcare::DogInput, dogcare::DogPatch>(m);
  py::class_<dogcare::Dogs> dogs(m, "Dogs");
  dogs.def(py::init<dogcare::Database&>(), "database"_a, py::keep_alive<1, 2>())
      .def("list", &dogcare::Dogs::list, "principal"_a, Release(), "In creation order.")
      .def("get", &dogcare::Dogs::get, "principal"_a, "id"_a, Release())
      .def("remove", &dogcare::Dogs::remove, "principal"_a, "id"_a, Release(),
           "Deletes the dog with its observations.");
  def_taking<dogcare::DogInput, dogcare::Dogs&, const dogcare::Principal&>(
      dogs, "create", &dogcare::Dogs::create, "Adds a dog.", "principal"_a);
  def_taking<dogcare::DogPatch, dogcare::Dogs&, const dogcare::Principal&, const std::string&>(
      dogs, "update", &dogcare::Dogs::update,
      "UNSET leaves a field as it is, None clears it, a value sets it.", "principal"_a, "id"_a);

  // ---- catalog
  bind_records<dogcare::CatalogItem, dogcare::DefaultCatalogItem, dogcare::Onboarding>(m);
  py::class_<dogcare::Catalog> catalog(m, "Catalog");
  catalog.def(py::init<dogcare::Database&>(), "database"_a, py::keep_alive<1, 2>())
      .def("defaults", &dogcare::Catalog::defaults, "kind"_a, Release())
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
  def_taking<dogcare::Onboarding, dogcare::Catalog&, const dogcare::Principal&>(
      catalog, "onboard", &dogcare::Catalog::onboard,
      "Copies the chosen defaults, names the first dog, marks the user onboarded.", "principal"_a);

  // ---- observations
  bind_records<dogcare::ItemRef, dogcare::Observation, dogcare::ObservationInput,
               dogcare::ObservationPatch, dogcare::SearchQuery, dogcare::SearchPage>(m);
  py::class_<dogcare::Observations> observations(m, "Observations");
  observations.def(py::init<dogcare::Database&>(), "database"_a, py::keep_alive<1, 2>())
      .def("get", &dogcare::Observations::get, "principal"_a, "id"_a, Release())
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
  def_taking<dogcare::ObservationInput, dogcare::Observations&, const dogcare::Principal&>(
      observations, "create", &dogcare::Observations::create,
      "triggers/reactions: item ids or names; an unknown name creates the item.", "principal"_a);
  def_taking<dogcare::ObservationPatch, dogcare::Observations&, const dogcare::Principal&,
             const std::string&>(
      observations, "update", &dogcare::Observations::update,
      "UNSET leaves a field as it is, None clears it (an empty comment or list too), a value "
      "sets it.",
      "principal"_a, "id"_a);

  // ---- calendar
  bind_records<dogcare::CalendarDay, dogcare::CalendarMonth, dogcare::CalendarQuery>(m);
  py::class_<dogcare::Calendar> calendar(m, "Calendar");
  calendar.def(py::init<dogcare::Database&>(), "database"_a, py::keep_alive<1, 2>());
  def_taking<dogcare::CalendarQuery, dogcare::Calendar&, const dogcare::Principal&>(
      calendar, "month",
      [](dogcare::Calendar& self, const dogcare::Principal& p, const dogcare::CalendarQuery& q) {
        return self.month(p, q);
      },
      "Only days with observations, in date order; dog_id None for a single dog.", "principal"_a);

  // ---- analytics
  bind_records<dogcare::AnalyticsQuery, dogcare::TriggerSeverityCount, dogcare::DailySeverity,
               dogcare::ReactionShare::Companion, dogcare::ReactionShare,
               dogcare::HighIntensityShare, dogcare::Trend, dogcare::AnalyticsReport>(m);
  py::class_<dogcare::Analytics>(m, "Analytics")
      .def(py::init<dogcare::Database&>(), "database"_a, py::keep_alive<1, 2>())
      .def("report", &dogcare::Analytics::report, "principal"_a, "query"_a, Release());

  // ---- professional profiles
  bind_records<dogcare::ProfessionalProfile, dogcare::ProfessionalProfileInput>(m);
  py::class_<dogcare::Professionals> professionals(m, "Professionals");
  professionals.def(py::init<dogcare::Database&>(), "database"_a, py::keep_alive<1, 2>())
      .def("profile", &dogcare::Professionals::profile, "principal"_a, Release(),
           "The caller's profile, or None.")
      .def("clear_profile", &dogcare::Professionals::clear_profile, "principal"_a, Release(),
           "Removes the caller's profile (nothing to remove is fine); their grants stay.");
  def_taking<dogcare::ProfessionalProfileInput, dogcare::Professionals&, const dogcare::Principal&>(
      professionals, "set_profile", &dogcare::Professionals::set_profile,
      "Creates or replaces the caller's profile.", "principal"_a);

  // ---- sharing
  bind_records<dogcare::ShareInvitationInput, dogcare::ShareCodeRequest, dogcare::PendingInvitation,
               dogcare::DogShare, dogcare::DogSharing, dogcare::HeldShare>(m);
  auto share_code = bind_record<dogcare::ShareCode>(m);
  // The code lets anyone in until it is used: never in a repr that may reach a log.
  share_code.attr("__repr__") = py::cpp_function(
      [](const dogcare::ShareCode& c) {
        return "ShareCode(code=<hidden>, invitation_id='" + c.invitation_id + "', dog_id='" +
               c.dog_id + "', scope=" + py::repr(py::cast(c.scope)).cast<std::string>() + ")";
      },
      py::name("__repr__"), py::is_method(share_code));
  py::class_<dogcare::Sharing> sharing(m, "Sharing");
  sharing
      .def(py::init([](dogcare::Database& database, const py::object& mailer,
                       std::string invitation_link, double invitation_ttl) {
             dogcare::SharingOptions options;
             options.invitation_link = std::move(invitation_link);
             options.invitation_ttl = std::chrono::duration_cast<std::chrono::hours>(
                 std::chrono::duration<double>(invitation_ttl));
             auto sender = to_mailer(mailer);
             py::gil_scoped_release release;
             return std::make_unique<dogcare::Sharing>(database, std::move(options),
                                                       std::move(sender));
           }),
           "database"_a, py::kw_only(), "mailer"_a = py::none(),
           "invitation_link"_a = sharing_defaults.invitation_link,
           "invitation_ttl"_a = seconds(sharing_defaults.invitation_ttl), py::keep_alive<1, 2>(),
           "mailer: SmtpMailer, a callable taking an Email, or None (invitations are only "
           "listed). invitation_ttl in seconds (whole hours).")
      .def("list_for_dog", &dogcare::Sharing::list_for_dog, "principal"_a, "dog_id"_a, Release(),
           "The dog's grants (with each professional's profile) and pending invitations.")
      .def("revoke", &dogcare::Sharing::revoke, "principal"_a, "share_id"_a, Release(),
           "The owner ends a grant.")
      .def("cancel_invitation", &dogcare::Sharing::cancel_invitation, "principal"_a,
           "invitation_id"_a, Release(), "The owner cancels an invitation or a code.")
      .def("invitations", &dogcare::Sharing::invitations, "principal"_a, Release(),
           "The invitations addressed to the caller, not yet expired.")
      .def("accept", &dogcare::Sharing::accept, "principal"_a, "invitation_id"_a, Release(),
           "Accepts an invitation addressed to the caller: the grant they now hold.")
      .def(
          "accept_code",
          [](dogcare::Sharing& self, const dogcare::Principal& p, const std::string& code) {
            return self.accept_code(p, code);
          },
          "principal"_a, "code"_a, Release(), "Accepts a one-time code: the grant.")
      .def("held", &dogcare::Sharing::held, "principal"_a, Release(),
           "The grants the caller holds.")
      .def("leave", &dogcare::Sharing::leave, "principal"_a, "share_id"_a, Release(),
           "The professional gives up a grant.");
  def_taking<dogcare::ShareInvitationInput, dogcare::Sharing&, const dogcare::Principal&,
             const std::string&>(
      sharing, "invite", &dogcare::Sharing::invite,
      "Invites a professional by username or email: the same answer whether or not an account "
      "matches.",
      "principal"_a, "dog_id"_a);
  def_taking<dogcare::ShareCodeRequest, dogcare::Sharing&, const dogcare::Principal&,
             const std::string&>(sharing, "create_code", &dogcare::Sharing::create_code,
                                 "A one-time code bound to the dog and the scope; shown once.",
                                 "principal"_a, "dog_id"_a);

  // ---- comments
  bind_records<dogcare::Comment, dogcare::CommentInput, dogcare::CommentPatch,
               dogcare::CommentQuery, dogcare::CommentPage, dogcare::CommentSettings>(m);
  py::class_<dogcare::Comments> comments(m, "Comments");
  comments
      .def(py::init([](dogcare::Database& database, const py::object& mailer, std::string link) {
             dogcare::CommentsOptions options;
             options.link = std::move(link);
             auto sender = to_mailer(mailer);
             py::gil_scoped_release release;
             return std::make_unique<dogcare::Comments>(database, std::move(options),
                                                        std::move(sender));
           }),
           "database"_a, py::kw_only(), "mailer"_a = py::none(), "link"_a = comments_defaults.link,
           py::keep_alive<1, 2>(),
           "mailer: SmtpMailer, a callable taking an Email, or None (no mail). link: the page a "
           "notification mail points to.")
      .def("remove", &dogcare::Comments::remove, "principal"_a, "comment_id"_a, Release(),
           "Deletes one's own comment (anyone else's: NotFound).")
      .def("unread_count", &dogcare::Comments::unread_count, "principal"_a, "dog_id"_a, Release(),
           "The other side's comments on the dog and its observations since the caller last "
           "marked it read.")
      .def("mark_read", &dogcare::Comments::mark_read, "principal"_a, "dog_id"_a, Release(),
           "Marks every comment on the dog read, as of now.")
      .def("settings", &dogcare::Comments::settings, "principal"_a, Release(),
           "How the caller hears of new comments.");
  def_taking<dogcare::CommentInput, dogcare::Comments&, const dogcare::Principal&,
             const std::string&>(
      comments, "add_to_dog", &dogcare::Comments::add_to_dog,
      "Comments on the dog: a professional with read_comment in their conversation, the owner "
      "in the one share_id names.",
      "principal"_a, "dog_id"_a);
  def_taking<dogcare::CommentInput, dogcare::Comments&, const dogcare::Principal&,
             const std::string&>(
      comments, "add_to_observation", &dogcare::Comments::add_to_observation,
      "Comments on an observation, as add_to_dog.", "principal"_a, "observation_id"_a);
  def_taking<dogcare::CommentPatch, dogcare::Comments&, const dogcare::Principal&,
             const std::string&>(comments, "update", &dogcare::Comments::update,
                                 "Changes one's own comment (anyone else's: NotFound).",
                                 "principal"_a, "comment_id"_a);
  def_taking<dogcare::CommentQuery, dogcare::Comments&, const dogcare::Principal&,
             const std::string&>(comments, "dog_thread", &dogcare::Comments::dog_thread,
                                 "The comments on the dog itself, oldest first: pass "
                                 "page.next_cursor as cursor for the next page.",
                                 "principal"_a, "dog_id"_a);
  def_taking<dogcare::CommentQuery, dogcare::Comments&, const dogcare::Principal&,
             const std::string&>(
      comments, "observation_thread", &dogcare::Comments::observation_thread,
      "The comments on one observation, oldest first.", "principal"_a, "observation_id"_a);
  def_taking<dogcare::CommentSettings, dogcare::Comments&, const dogcare::Principal&>(
      comments, "set_settings", &dogcare::Comments::set_settings,
      "Sets how the caller hears of new comments.", "principal"_a);

  // ---- the access log
  bind_records<dogcare::AccessLogEntry, dogcare::AccessLogQuery, dogcare::AccessLogPage>(m);
  py::class_<dogcare::AccessLog> access_log(m, "AccessLog");
  access_log.def(py::init<dogcare::Database&>(), "database"_a, py::keep_alive<1, 2>());
  def_taking<dogcare::AccessLogQuery, dogcare::AccessLog&, const dogcare::Principal&,
             const std::string&>(access_log, "list_for_dog", &dogcare::AccessLog::list_for_dog,
                                 "Who read the dog's data, newest first; the owner only (anyone "
                                 "else: NotFound).",
                                 "principal"_a, "dog_id"_a);

  // ---- the client board
  bind_records<dogcare::ClientAlerts, dogcare::ClientBoardEntry, dogcare::ClientBoardReport>(m);
  py::class_<dogcare::ClientBoard>(m, "ClientBoard")
      .def(py::init<dogcare::Database&>(), "database"_a, py::keep_alive<1, 2>())
      .def("report", &dogcare::ClientBoard::report, "principal"_a, Release(),
           "Every dog shared with the caller, who needs attention first.");
}
