#include "storage/odbc.hpp"

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <iterator>
#include <mutex>
#include <set>
#include <utility>

#include "core/metrics.hpp"
#include "dogcare/error.hpp"
#include "storage/dialect.hpp"

namespace dogcare::storage {
namespace {

SQL_DATE_STRUCT to_odbc(Date date) {
  SQL_DATE_STRUCT out{};
  out.year = static_cast<SQLSMALLINT>(static_cast<int>(date.year()));
  out.month = static_cast<SQLUSMALLINT>(static_cast<unsigned>(date.month()));
  out.day = static_cast<SQLUSMALLINT>(static_cast<unsigned>(date.day()));
  return out;
}

SQL_TIMESTAMP_STRUCT to_odbc(Timestamp instant) {
  using namespace std::chrono;
  const auto day = floor<days>(instant);
  const year_month_day ymd{day};
  const hh_mm_ss<milliseconds> time{instant - day};
  SQL_TIMESTAMP_STRUCT out{};
  out.year = static_cast<SQLSMALLINT>(static_cast<int>(ymd.year()));
  out.month = static_cast<SQLUSMALLINT>(static_cast<unsigned>(ymd.month()));
  out.day = static_cast<SQLUSMALLINT>(static_cast<unsigned>(ymd.day()));
  out.hour = static_cast<SQLUSMALLINT>(time.hours().count());
  out.minute = static_cast<SQLUSMALLINT>(time.minutes().count());
  out.second = static_cast<SQLUSMALLINT>(time.seconds().count());
  out.fraction = static_cast<SQLUINTEGER>(time.subseconds().count() * 1'000'000);
  return out;
}

// With DOGCARE_SQL_TRACE=<file>, every distinct statement text (never a
// value: values are bound) is appended to the file, so the statements can be
// rendered for and parsed as another dialect (tests/sql checks Oracle's).
void trace_sql(std::string_view sql) {
  static const char* const path = std::getenv("DOGCARE_SQL_TRACE");
  if (path == nullptr || *path == '\0') return;
  static std::mutex mutex;
  static std::set<std::string, std::less<>> seen;
  std::string line(sql);
  std::replace(line.begin(), line.end(), '\n', ' ');
  std::lock_guard lock(mutex);
  if (!seen.insert(line).second) return;
  std::ofstream(path, std::ios::app) << line << '\n';
}

}  // namespace

std::vector<Diagnostic> read_diagnostics(SQLSMALLINT handle_type, SQLHANDLE handle) {
  std::vector<Diagnostic> out;
  for (SQLSMALLINT record = 1;; ++record) {
    SQLCHAR state[6] = {};
    SQLINTEGER native = 0;
    SQLCHAR message[1024] = {};
    SQLSMALLINT length = 0;
    const SQLRETURN rc = SQLGetDiagRec(handle_type, handle, record, state, &native, message,
                                       sizeof message, &length);
    if (!SQL_SUCCEEDED(rc)) break;
    out.push_back({reinterpret_cast<char*>(state), native, reinterpret_cast<char*>(message)});
  }
  return out;
}

// ---- Environment ----

// Never destroyed: connections held by other statics may outlive it.
Environment& Environment::instance() {
  static auto* environment = new Environment;
  return *environment;
}

Environment::Environment() {
  if (!SQL_SUCCEEDED(SQLAllocHandle(SQL_HANDLE_ENV, SQL_NULL_HANDLE, &env_)) ||
      !SQL_SUCCEEDED(SQLSetEnvAttr(env_, SQL_ATTR_ODBC_VERSION,
                                   reinterpret_cast<SQLPOINTER>(SQL_OV_ODBC3), 0))) {
    throw Error(ErrorCode::internal, "the ODBC driver manager could not be initialised");
  }
}

// ---- Connection ----

Connection::Connection(const std::string& connection_string, std::chrono::seconds login_timeout,
                       bool prepare, bool block_fetch)
    : prepare_(prepare), block_fetch_(block_fetch) {
  SQLHENV env = Environment::instance().handle();
  if (!SQL_SUCCEEDED(SQLAllocHandle(SQL_HANDLE_DBC, env, &dbc_))) {
    throw Error(ErrorCode::internal, "could not allocate an ODBC connection");
  }
  SQLSetConnectAttr(dbc_, SQL_ATTR_LOGIN_TIMEOUT,
                    reinterpret_cast<SQLPOINTER>(static_cast<SQLULEN>(login_timeout.count())), 0);
  const SQLRETURN rc = SQLDriverConnect(
      dbc_, nullptr, reinterpret_cast<SQLCHAR*>(const_cast<char*>(connection_string.c_str())),
      SQL_NTS, nullptr, 0, nullptr, SQL_DRIVER_NOPROMPT);
  if (!SQL_SUCCEEDED(rc)) {
    // The diagnostic may echo the connection string (passwords): never shown.
    SQLFreeHandle(SQL_HANDLE_DBC, dbc_);
    dbc_ = SQL_NULL_HDBC;
    throw Error(ErrorCode::unavailable, "the database cannot be reached");
  }
  char dbms[128] = {};
  SQLSMALLINT length = 0;
  SQLGetInfo(dbc_, SQL_DBMS_NAME, dbms, sizeof dbms, &length);
  try {
    dialect_ = detect_dialect(dbms);
    SQLUINTEGER getdata = 0;
    if (!SQL_SUCCEEDED(SQLGetInfo(dbc_, SQL_GETDATA_EXTENSIONS, &getdata, sizeof getdata, nullptr)))
      getdata = 0;
    getdata_within_blocks_ = storage::getdata_within_blocks(dialect_, getdata);
    configure_session(*this);
  } catch (...) {
    SQLDisconnect(dbc_);
    SQLFreeHandle(SQL_HANDLE_DBC, dbc_);
    throw;
  }
}

Connection::~Connection() {
  for (const auto& idle : idle_) SQLFreeHandle(SQL_HANDLE_STMT, idle.stmt);
  if (dbc_ == SQL_NULL_HDBC) return;
  if (!autocommit_ && !broken_) SQLEndTran(SQL_HANDLE_DBC, dbc_, SQL_ROLLBACK);
  SQLDisconnect(dbc_);
  SQLFreeHandle(SQL_HANDLE_DBC, dbc_);
}

void Connection::raise(SQLSMALLINT handle_type, SQLHANDLE handle, const char* operation) {
  const auto diagnostics = read_diagnostics(handle_type, handle);
  Classified classified = classify(dialect_, diagnostics);
  if (!classified.connection_lost && classified.code == ErrorCode::internal) {
    // An unexplained failure may be a dead link: ask the driver.
    SQLUINTEGER dead = SQL_CD_FALSE;
    if (SQL_SUCCEEDED(SQLGetConnectAttr(dbc_, SQL_ATTR_CONNECTION_DEAD, &dead, 0, nullptr)) &&
        dead == SQL_CD_TRUE) {
      classified.connection_lost = true;
      classified.code = ErrorCode::unavailable;
    }
  }
  if (classified.connection_lost) broken_ = true;
  switch (classified.code) {
    case ErrorCode::conflict:
      throw Error(ErrorCode::conflict,
                  classified.field.empty() ? "this conflicts with an existing record"
                                           : classified.field + " is already taken",
                  classified.field);
    case ErrorCode::invalid_argument:
      throw Error(ErrorCode::invalid_argument,
                  classified.field.empty() ? "a value is not valid or refers to nothing"
                                           : classified.field + " is not valid",
                  classified.field);
    case ErrorCode::unavailable:
      throw Error(ErrorCode::unavailable, "the database is unavailable; try again shortly");
    default:
      throw Error(ErrorCode::internal, std::string("database operation failed: ") + operation);
  }
}

void Connection::execute(std::string_view sql) {
  Statement statement(*this, sql, Statement::Direct{});
  statement.execute();
}

SQLHSTMT Connection::acquire_prepared(const std::string& sql) {
  ++uses_;
  // Most recently released first: the hot statements sit at the back.
  for (auto it = idle_.rbegin(); it != idle_.rend(); ++it) {
    if (it->sql == sql) {
      const SQLHSTMT stmt = it->stmt;
      idle_.erase(std::next(it).base());
      return stmt;
    }
  }
  SQLHSTMT stmt = SQL_NULL_HSTMT;
  if (!SQL_SUCCEEDED(SQLAllocHandle(SQL_HANDLE_STMT, dbc_, &stmt))) {
    raise(SQL_HANDLE_DBC, dbc_, "allocate statement");
  }
  ++prepares_;
  const SQLRETURN rc = SQLPrepare(stmt, reinterpret_cast<SQLCHAR*>(const_cast<char*>(sql.data())),
                                  static_cast<SQLINTEGER>(sql.size()));
  if (!SQL_SUCCEEDED(rc)) {
    try {
      raise(SQL_HANDLE_STMT, stmt, "prepare");
    } catch (...) {
      SQLFreeHandle(SQL_HANDLE_STMT, stmt);
      throw;
    }
  }
  return stmt;
}

void Connection::release_prepared(const std::string& sql, SQLHSTMT stmt) noexcept {
  // Ready for the next execution: no cursor, no parameters, no bound columns.
  const bool reset = SQL_SUCCEEDED(SQLFreeStmt(stmt, SQL_CLOSE)) &&
                     SQL_SUCCEEDED(SQLFreeStmt(stmt, SQL_RESET_PARAMS)) &&
                     SQL_SUCCEEDED(SQLFreeStmt(stmt, SQL_UNBIND));
  if (!reset || broken_) {
    SQLFreeHandle(SQL_HANDLE_STMT, stmt);
    return;
  }
  if (idle_.size() >= kMaxIdleStatements) {
    const auto oldest = std::min_element(
        idle_.begin(), idle_.end(),
        [](const IdleStatement& a, const IdleStatement& b) { return a.last_use < b.last_use; });
    SQLFreeHandle(SQL_HANDLE_STMT, oldest->stmt);
    idle_.erase(oldest);
  }
  try {
    idle_.push_back({sql, stmt, uses_});
  } catch (...) {
    SQLFreeHandle(SQL_HANDLE_STMT, stmt);
  }
}

void Connection::set_autocommit(bool on) {
  const SQLRETURN rc = SQLSetConnectAttr(dbc_, SQL_ATTR_AUTOCOMMIT,
                                         reinterpret_cast<SQLPOINTER>(static_cast<SQLULEN>(
                                             on ? SQL_AUTOCOMMIT_ON : SQL_AUTOCOMMIT_OFF)),
                                         SQL_IS_UINTEGER);
  if (!SQL_SUCCEEDED(rc)) raise(SQL_HANDLE_DBC, dbc_, "set autocommit");
  autocommit_ = on;
}

void Connection::commit() {
  if (!SQL_SUCCEEDED(SQLEndTran(SQL_HANDLE_DBC, dbc_, SQL_COMMIT))) {
    raise(SQL_HANDLE_DBC, dbc_, "commit");
  }
}

void Connection::rollback() {
  if (!SQL_SUCCEEDED(SQLEndTran(SQL_HANDLE_DBC, dbc_, SQL_ROLLBACK))) {
    raise(SQL_HANDLE_DBC, dbc_, "rollback");
  }
}

bool Connection::ping() {
  try {
    Statement statement(*this, "SELECT 1{DUAL}");
    statement.execute();
    while (statement.fetch()) {
    }
    return true;
  } catch (const Error&) {
    broken_ = true;
    return false;
  }
}

// ---- Statement ----

Statement::Statement(Connection& connection, std::string_view sql)
    : connection_(connection),
      sql_(render_sql(sql, connection.dialect())),
      prepared_(connection.prepares()) {
  trace_sql(sql);
  if (prepared_) {
    stmt_ = connection_.acquire_prepared(sql_);
  } else if (!SQL_SUCCEEDED(SQLAllocHandle(SQL_HANDLE_STMT, connection_.handle(), &stmt_))) {
    connection_.raise(SQL_HANDLE_DBC, connection_.handle(), "allocate statement");
  }
}

Statement::Statement(Connection& connection, std::string_view sql, Direct)
    : connection_(connection), sql_(render_sql(sql, connection.dialect())), prepared_(false) {
  trace_sql(sql);
  if (!SQL_SUCCEEDED(SQLAllocHandle(SQL_HANDLE_STMT, connection_.handle(), &stmt_))) {
    connection_.raise(SQL_HANDLE_DBC, connection_.handle(), "allocate statement");
  }
}

Statement::~Statement() {
  if (stmt_ == SQL_NULL_HSTMT) return;
  unbind_block();
  if (prepared_) {
    connection_.release_prepared(sql_, stmt_);
  } else {
    SQLFreeHandle(SQL_HANDLE_STMT, stmt_);
  }
}

void Statement::check(SQLRETURN rc, const char* operation) {
  if (SQL_SUCCEEDED(rc) || rc == SQL_NO_DATA) return;
  connection_.raise(SQL_HANDLE_STMT, stmt_, operation);
}

Statement& Statement::bind(Param value) {
  params_.push_back(std::move(value));
  return *this;
}

void Statement::reset_cursor() {
  if (cursor_open_) {
    SQLCloseCursor(stmt_);
    cursor_open_ = false;
  }
}

std::int64_t Statement::execute() {
  reset_cursor();
  SQLFreeStmt(stmt_, SQL_RESET_PARAMS);
  // Sized up front: ODBC keeps pointers into these until execution ends.
  indicators_.assign(params_.size(), 0);
  dates_.assign(params_.size(), {});
  timestamps_.assign(params_.size(), {});
  for (std::size_t i = 0; i < params_.size(); ++i) {
    const auto position = static_cast<SQLUSMALLINT>(i + 1);
    SQLLEN& indicator = indicators_[i];
    SQLRETURN rc = SQL_SUCCESS;
    Param& param = params_[i];
    if (std::holds_alternative<Null>(param)) {
      indicator = SQL_NULL_DATA;
      rc = SQLBindParameter(stmt_, position, SQL_PARAM_INPUT, SQL_C_CHAR, SQL_VARCHAR, 1, 0,
                            nullptr, 0, &indicator);
    } else if (auto* integer = std::get_if<std::int64_t>(&param)) {
      rc = SQLBindParameter(stmt_, position, SQL_PARAM_INPUT, SQL_C_SBIGINT, SQL_BIGINT, 19, 0,
                            integer, 0, &indicator);
    } else if (auto* real = std::get_if<double>(&param)) {
      rc = SQLBindParameter(stmt_, position, SQL_PARAM_INPUT, SQL_C_DOUBLE, SQL_DOUBLE, 15, 0, real,
                            0, &indicator);
    } else if (auto* text = std::get_if<std::string>(&param)) {
      indicator = static_cast<SQLLEN>(text->size());
      // Long values go as LONGVARCHAR so drivers accept them for CLOB/TEXT.
      const SQLSMALLINT sql_type = text->size() > 4000 ? SQL_LONGVARCHAR : SQL_VARCHAR;
      rc = SQLBindParameter(stmt_, position, SQL_PARAM_INPUT, SQL_C_CHAR, sql_type,
                            std::max<SQLULEN>(text->size(), 1), 0, text->data(),
                            static_cast<SQLLEN>(text->size()), &indicator);
    } else if (auto* date = std::get_if<Date>(&param)) {
      dates_[i] = to_odbc(*date);
      rc = SQLBindParameter(stmt_, position, SQL_PARAM_INPUT, SQL_C_TYPE_DATE, SQL_TYPE_DATE, 10, 0,
                            &dates_[i], 0, &indicator);
    } else if (auto* instant = std::get_if<Timestamp>(&param)) {
      timestamps_[i] = to_odbc(*instant);
      rc = SQLBindParameter(stmt_, position, SQL_PARAM_INPUT, SQL_C_TYPE_TIMESTAMP,
                            SQL_TYPE_TIMESTAMP, 23, 3, &timestamps_[i], 0, &indicator);
    }
    check(rc, "bind parameter");
  }
  if (!result_.empty() && connection_.block_fetches()) bind_block();
  const auto started = std::chrono::steady_clock::now();
  const SQLRETURN rc = prepared_ ? SQLExecute(stmt_)
                                 : SQLExecDirect(stmt_, reinterpret_cast<SQLCHAR*>(sql_.data()),
                                                 static_cast<SQLINTEGER>(sql_.size()));
  metrics::observe_query_seconds(
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count());
  params_.clear();
  if (rc == SQL_NO_DATA) return 0;
  check(rc, "execute");
  SQLSMALLINT columns = 0;
  SQLNumResultCols(stmt_, &columns);
  cursor_open_ = columns > 0;
  if (block_rows_ > 0 && cursor_open_ && static_cast<std::size_t>(columns) != result_.size()) {
    throw Error(ErrorCode::internal, "the declared result does not match the statement's columns");
  }
  row_ = 0;
  rows_fetched_ = 0;
  last_block_ = false;
  SQLLEN rows = -1;
  SQLRowCount(stmt_, &rows);
  return rows;
}

bool Statement::fetch() {
  if (!cursor_open_) return false;
  if (block_rows_ > 0) {
    if (row_ + 1 < rows_fetched_) {
      ++row_;
    } else {
      // A short block was the last one: no call needed to learn it.
      if (last_block_) {
        reset_cursor();
        return false;
      }
      rows_fetched_ = 0;
      ++driver_fetches_;
      const SQLRETURN rc = SQLFetch(stmt_);
      if (rc == SQL_NO_DATA || (SQL_SUCCEEDED(rc) && rows_fetched_ == 0)) {
        reset_cursor();
        return false;
      }
      check(rc, "fetch");
      row_ = 0;
      last_block_ = rows_fetched_ < block_rows_;
    }
    if (row_status_[row_] == SQL_ROW_ERROR) {
      throw Error(ErrorCode::internal, "database operation failed: fetch row");
    }
    return true;
  }
  ++driver_fetches_;
  const SQLRETURN rc = SQLFetch(stmt_);
  if (rc == SQL_NO_DATA) {
    reset_cursor();
    return false;
  }
  check(rc, "fetch");
  return true;
}

Statement& Statement::bind_result(std::vector<ResultColumn> columns, std::size_t rows_per_block) {
  result_.clear();
  result_.reserve(columns.size());
  for (const ResultColumn& column : columns) result_.push_back({column, 0, 0});
  rows_per_block_ = std::max<std::size_t>(rows_per_block, 1);
  return *this;
}

namespace {

SQLSMALLINT c_type(ColumnKind kind) {
  switch (kind) {
    case ColumnKind::integer:
      return SQL_C_SBIGINT;
    case ColumnKind::real:
      return SQL_C_DOUBLE;
    case ColumnKind::text:
      return SQL_C_CHAR;
    case ColumnKind::date:
      return SQL_C_TYPE_DATE;
    case ColumnKind::timestamp:
      return SQL_C_TYPE_TIMESTAMP;
  }
  return SQL_C_CHAR;
}

std::size_t cell_width(const ResultColumn& column) {
  switch (column.kind) {
    case ColumnKind::integer:
      return sizeof(SQLBIGINT);
    case ColumnKind::real:
      return sizeof(double);
    case ColumnKind::text:
      return std::max<std::size_t>(column.text_bytes, 2);
    case ColumnKind::date:
      return sizeof(SQL_DATE_STRUCT);
    case ColumnKind::timestamp:
      return sizeof(SQL_TIMESTAMP_STRUCT);
  }
  return 0;
}

}  // namespace

void Statement::bind_block() {
  // A long text is read again with SQLGetData, which some drivers can do
  // only in a block of one row (see getdata_within_blocks in the dialect).
  const bool fixed_width = std::none_of(result_.begin(), result_.end(), [](const BoundColumn& b) {
    return b.column.kind == ColumnKind::text;
  });
  const std::size_t rows = fixed_width || connection_.getdata_within_blocks() ? rows_per_block_ : 1;
  std::size_t bytes = 0;
  for (BoundColumn& b : result_) {
    b.width = cell_width(b.column);
    b.offset = bytes;
    bytes += (b.width * rows + 7) / 8 * 8;
  }
  buffer_.resize(bytes / 8);
  lengths_.assign(result_.size() * rows, 0);
  row_status_.assign(rows, SQL_ROW_NOROW);
  auto* base = reinterpret_cast<unsigned char*>(buffer_.data());
  for (std::size_t i = 0; i < result_.size(); ++i) {
    const BoundColumn& b = result_[i];
    check(SQLBindCol(stmt_, static_cast<SQLUSMALLINT>(i + 1), c_type(b.column.kind),
                     base + b.offset, static_cast<SQLLEN>(b.width), &lengths_[i * rows]),
          "bind column");
  }
  attributes_set_ = true;
  check(SQLSetStmtAttr(stmt_, SQL_ATTR_ROW_ARRAY_SIZE,
                       reinterpret_cast<SQLPOINTER>(static_cast<SQLULEN>(rows)), 0),
        "set row array size");
  check(SQLSetStmtAttr(stmt_, SQL_ATTR_ROW_STATUS_PTR, row_status_.data(), 0), "set row status");
  check(SQLSetStmtAttr(stmt_, SQL_ATTR_ROWS_FETCHED_PTR, &rows_fetched_, 0), "set rows fetched");
  block_rows_ = rows;
}

void Statement::unbind_block() noexcept {
  if (!attributes_set_) return;
  // The handle may be kept for the next statement of this text: it must not
  // point into this one's buffers.
  SQLFreeStmt(stmt_, SQL_UNBIND);
  SQLSetStmtAttr(stmt_, SQL_ATTR_ROW_STATUS_PTR, nullptr, 0);
  SQLSetStmtAttr(stmt_, SQL_ATTR_ROWS_FETCHED_PTR, nullptr, 0);
  SQLSetStmtAttr(stmt_, SQL_ATTR_ROW_ARRAY_SIZE, reinterpret_cast<SQLPOINTER>(SQLULEN{1}), 0);
  attributes_set_ = false;
}

const void* Statement::cell(int column, ColumnKind kind, SQLLEN& length) {
  if (block_rows_ == 0) return nullptr;
  if (column < 1 || static_cast<std::size_t>(column) > result_.size() ||
      result_[static_cast<std::size_t>(column - 1)].column.kind != kind) {
    throw Error(ErrorCode::internal, "a column was read as another kind than declared");
  }
  const auto index = static_cast<std::size_t>(column - 1);
  const BoundColumn& b = result_[index];
  length = lengths_[index * block_rows_ + row_];
  return reinterpret_cast<const unsigned char*>(buffer_.data()) + b.offset + b.width * row_;
}

std::int64_t Statement::scalar() {
  execute();
  std::int64_t value = 0;
  if (fetch()) value = integer_or(1, 0);
  while (fetch()) {
  }
  return value;
}

std::optional<std::string> Statement::text(int column) {
  SQLLEN length = 0;
  const auto* value = static_cast<const char*>(cell(column, ColumnKind::text, length));
  if (value == nullptr) return get_text(column);
  if (length == SQL_NULL_DATA) return std::nullopt;
  const std::size_t width = result_[static_cast<std::size_t>(column - 1)].width;
  if (length == SQL_NO_TOTAL || length >= static_cast<SQLLEN>(width)) return long_text(column);
  return std::string(value, static_cast<std::size_t>(length));
}

std::optional<std::string> Statement::long_text(int column) {
  if (block_rows_ > 1) {
    check(SQLSetPos(stmt_, static_cast<SQLSETPOSIROW>(row_ + 1), SQL_POSITION, SQL_LOCK_NO_CHANGE),
          "position in block");
  }
  // Both drivers start again from the value's first byte for a bound column.
  return get_text(column);
}

std::optional<std::string> Statement::get_text(int column) {
  std::string out;
  char buffer[4096];
  bool first = true;
  for (;;) {
    SQLLEN indicator = 0;
    const SQLRETURN rc = SQLGetData(stmt_, static_cast<SQLUSMALLINT>(column), SQL_C_CHAR, buffer,
                                    sizeof buffer, &indicator);
    if (rc == SQL_NO_DATA) {
      // Only after a first chunk: no data at once means the column was read before.
      if (first) throw Error(ErrorCode::internal, "a text column was read twice");
      break;
    }
    first = false;
    check(rc, "read text");
    if (indicator == SQL_NULL_DATA) return std::nullopt;
    // On truncation the buffer is full but for the terminating NUL.
    const bool truncated =
        rc == SQL_SUCCESS_WITH_INFO &&
        (indicator == SQL_NO_TOTAL || indicator >= static_cast<SQLLEN>(sizeof buffer));
    if (truncated) {
      out.append(buffer, sizeof buffer - 1);
      continue;
    }
    out.append(buffer, static_cast<std::size_t>(indicator));
    break;
  }
  return out;
}

template <typename T>
bool Statement::fixed_cell(int column, ColumnKind kind, T& value, const char* operation) {
  SQLLEN indicator = 0;
  if (const void* bound = cell(column, kind, indicator)) {
    if (indicator == SQL_NULL_DATA) return false;
    std::memcpy(&value, bound, sizeof value);
    return true;
  }
  // The buffer length is ignored for these fixed-length C types.
  check(SQLGetData(stmt_, static_cast<SQLUSMALLINT>(column), c_type(kind), &value, sizeof value,
                   &indicator),
        operation);
  return indicator != SQL_NULL_DATA;
}

std::optional<std::int64_t> Statement::integer(int column) {
  SQLBIGINT value = 0;
  if (!fixed_cell(column, ColumnKind::integer, value, "read integer")) return std::nullopt;
  return static_cast<std::int64_t>(value);
}

std::optional<double> Statement::real(int column) {
  double value = 0;
  if (!fixed_cell(column, ColumnKind::real, value, "read number")) return std::nullopt;
  return value;
}

std::optional<Date> Statement::date(int column) {
  SQL_DATE_STRUCT value{};
  if (!fixed_cell(column, ColumnKind::date, value, "read date")) return std::nullopt;
  return Date{std::chrono::year{value.year}, std::chrono::month{value.month},
              std::chrono::day{value.day}};
}

std::optional<Timestamp> Statement::timestamp(int column) {
  SQL_TIMESTAMP_STRUCT value{};
  if (!fixed_cell(column, ColumnKind::timestamp, value, "read timestamp")) return std::nullopt;
  using namespace std::chrono;
  const sys_days day{year{value.year} / month{value.month} / std::chrono::day{value.day}};
  return time_point_cast<milliseconds>(day) + hours{value.hour} + minutes{value.minute} +
         seconds{value.second} + milliseconds{value.fraction / 1'000'000};
}

// ---- Transaction ----

Transaction::Transaction(Connection& connection) : connection_(connection) {
  if (connection_.in_transaction()) {
    throw Error(ErrorCode::internal, "nested transactions are not supported");
  }
  begin_transaction(connection_);
  connection_.set_in_transaction(true);
}

Transaction::~Transaction() {
  if (done_) return;
  connection_.set_in_transaction(false);
  try {
    end_transaction(connection_, false);
  } catch (...) {
    connection_.mark_broken();  // unknown state: never reuse it
  }
}

void Transaction::commit() {
  end_transaction(connection_, true);
  done_ = true;
  connection_.set_in_transaction(false);
}

}  // namespace dogcare::storage
