// RAII over the ODBC C API: environment, connection, statement, transaction.
// Values only ever travel as bound parameters. Diagnostics are translated to
// dogcare::Error by the connection's dialect; driver text stays internal.
#pragma once

#include <sql.h>
#include <sqlext.h>

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "dogcare/database.hpp"
#include "dogcare/time.hpp"

namespace dogcare::storage {

class Connection;

// A diagnostic record of a failed ODBC call, for classification only.
struct Diagnostic {
  std::string sqlstate;
  SQLINTEGER native_error = 0;
  std::string message;  // driver text: may hold secrets, never shown to users
};

// The process-wide ODBC environment.
class Environment {
 public:
  static Environment& instance();
  SQLHENV handle() const noexcept { return env_; }

 private:
  Environment();
  SQLHENV env_ = SQL_NULL_HENV;
};

struct Null {};
using Param = std::variant<Null, std::int64_t, double, std::string, Date, Timestamp>;

template <typename T>
Param optional_param(const std::optional<T>& value) {
  if (!value) return Null{};
  if constexpr (std::is_integral_v<T>)
    return static_cast<std::int64_t>(*value);
  else
    return *value;
}

// How a result column is bound for block fetches (Statement::bind_result).
enum class ColumnKind : std::uint8_t { integer, real, text, date, timestamp };

struct ResultColumn {
  // The bound buffer of a text column, in bytes with the terminating NUL.
  static constexpr std::size_t kDefaultTextBytes = 256;
  ColumnKind kind = ColumnKind::text;
  std::size_t text_bytes = kDefaultTextBytes;
};

class Statement {
 public:
  // Prepared on its connection once per SQL text and reused by later
  // statements with the same text (the connection keeps the handle).
  Statement(Connection& connection, std::string_view sql);
  // Executed directly and not kept: DDL, session setup, locks.
  struct Direct {};
  Statement(Connection& connection, std::string_view sql, Direct);
  ~Statement();
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;

  // Binds parameters in order (1-based positions follow the call order).
  Statement& bind(Param value);
  template <typename... Ts>
  Statement& bind_all(Ts&&... values) {
    (bind(Param(std::forward<Ts>(values))), ...);
    return *this;
  }

  // Declares the result's columns, in order, before execute(): they are then
  // bound (SQLBindCol into typed buffers) and fetched `rows_per_block` rows
  // per call (SQL_ATTR_ROW_ARRAY_SIZE), a text longer than its buffer being
  // read again with SQLGetData in pieces. A result with text columns is
  // fetched a row at a time where the driver cannot SQLGetData within a
  // block (Connection::getdata_within_blocks). The readers below work the same;
  // each must then match its column's kind. Without it (or with
  // DatabaseOptions::block_fetch off) every cell is read with SQLGetData.
  Statement& bind_result(std::vector<ResultColumn> columns, std::size_t rows_per_block = 64);

  // Runs the statement; returns the affected row count (-1 if unknown).
  std::int64_t execute();
  // Advances to the next row of a result set.
  bool fetch();
  // Runs a query whose answer is one integer (COUNT, MAX): the first column
  // of the first row, 0 for no row or NULL.
  std::int64_t scalar();

  // Column readers, 1-based, valid after fetch(). SQL NULL gives nullopt.
  std::optional<std::string> text(int column);
  std::optional<std::int64_t> integer(int column);
  std::optional<double> real(int column);
  std::optional<Date> date(int column);
  std::optional<Timestamp> timestamp(int column);

  // How many times fetch() called the driver (SQLFetch): tests and benchmarks.
  std::uint64_t driver_fetches() const noexcept { return driver_fetches_; }

  // Shorthands for NOT NULL columns.
  std::string text_or_empty(int column) { return text(column).value_or(std::string{}); }
  std::int64_t integer_or(int column, std::int64_t fallback) {
    return integer(column).value_or(fallback);
  }

 private:
  void check(SQLRETURN rc, const char* operation);
  void reset_cursor();
  void bind_block();
  void unbind_block() noexcept;
  // The bound cell of `column` in the current row, checked against `kind`;
  // nullptr when the statement reads cell by cell.
  const void* cell(int column, ColumnKind kind, SQLLEN& length);
  // Reads a fixed-width cell (integer, real, date, timestamp) into `value`,
  // from the bound block or with SQLGetData; false when it is NULL.
  template <typename T>
  bool fixed_cell(int column, ColumnKind kind, T& value, const char* operation);
  std::optional<std::string> get_text(int column);
  std::optional<std::string> long_text(int column);

  Connection& connection_;
  SQLHSTMT stmt_ = SQL_NULL_HSTMT;
  std::string sql_;
  bool prepared_ = true;
  std::vector<Param> params_;
  // Storage that must outlive SQLExecute: lengths/indicators and converted values.
  std::vector<SQLLEN> indicators_;
  std::vector<SQL_DATE_STRUCT> dates_;
  std::vector<SQL_TIMESTAMP_STRUCT> timestamps_;
  bool cursor_open_ = false;

  // Block fetches: the declared columns, their buffers (column-wise, each
  // column `block_rows_` cells), lengths/indicators and the row status.
  struct BoundColumn {
    ResultColumn column;
    std::size_t offset = 0;  // into buffer_, bytes
    std::size_t width = 0;   // one cell, bytes
  };
  std::vector<BoundColumn> result_;
  std::size_t rows_per_block_ = 0;
  std::size_t block_rows_ = 0;         // 0: not bound (cell by cell)
  std::vector<std::uint64_t> buffer_;  // 8-byte aligned cells
  std::vector<SQLLEN> lengths_;
  std::vector<SQLUSMALLINT> row_status_;
  SQLULEN rows_fetched_ = 0;
  std::size_t row_ = 0;
  bool last_block_ = false;
  bool attributes_set_ = false;  // the handle's row array attributes point here
  std::uint64_t driver_fetches_ = 0;
};

class Connection {
 public:
  // `prepare`: statements are prepared once per text and kept (see below);
  // otherwise each is sent as text.
  // `block_fetch`: declared results are bound and fetched in blocks
  // (Statement::bind_result); otherwise read cell by cell.
  Connection(const std::string& connection_string, std::chrono::seconds login_timeout,
             bool prepare = true, bool block_fetch = true);
  ~Connection();
  Connection(const Connection&) = delete;
  Connection& operator=(const Connection&) = delete;

  Dialect dialect() const noexcept { return dialect_; }
  SQLHDBC handle() const noexcept { return dbc_; }

  // Runs a statement without parameters (DDL, pragmas, locks).
  void execute(std::string_view sql);
  void set_autocommit(bool on);
  void commit();
  void rollback();

  // A broken connection is discarded by the pool instead of being reused.
  bool broken() const noexcept { return broken_; }
  void mark_broken() noexcept { broken_ = true; }
  // A cheap round trip; false (and broken) if the server does not answer.
  bool ping();
  // Set by Transaction; multi-statement writes require it.
  bool in_transaction() const noexcept { return in_transaction_; }
  void set_in_transaction(bool on) noexcept { in_transaction_ = on; }

  // Translates a failed call into dogcare::Error, marking the connection
  // broken when the failure means it is unusable.
  [[noreturn]] void raise(SQLSMALLINT handle_type, SQLHANDLE handle, const char* operation);

  // Prepared statements: a handle for the rendered `sql`, taken from this
  // connection's idle ones or newly prepared, and given back when the
  // Statement ends. They live as long as the connection (a reconnect or a
  // credential rotation drops them with it); at most kMaxIdleStatements are
  // kept, the least recently used going first.
  static constexpr std::size_t kMaxIdleStatements = 64;
  SQLHSTMT acquire_prepared(const std::string& sql);
  void release_prepared(const std::string& sql, SQLHSTMT stmt) noexcept;
  // How many times this connection called SQLPrepare (tests, metrics).
  std::uint64_t prepare_count() const noexcept { return prepares_; }
  bool prepares() const noexcept { return prepare_; }
  bool block_fetches() const noexcept { return block_fetch_; }
  // Whether SQLGetData may read a row of a block other than the last one
  // (SQLSetPos): from the driver's SQL_GETDATA_EXTENSIONS and the dialect.
  bool getdata_within_blocks() const noexcept { return getdata_within_blocks_; }

 private:
  struct IdleStatement {
    std::string sql;
    SQLHSTMT stmt;
    std::uint64_t last_use;
  };
  std::vector<IdleStatement> idle_;
  std::uint64_t uses_ = 0;
  std::uint64_t prepares_ = 0;
  bool prepare_ = true;
  bool block_fetch_ = true;
  bool getdata_within_blocks_ = false;
  SQLHDBC dbc_ = SQL_NULL_HDBC;
  Dialect dialect_ = Dialect::sqlite;
  bool broken_ = false;
  bool autocommit_ = true;
  bool in_transaction_ = false;
};

// Commits on commit(); rolls back when destroyed without it.
class Transaction {
 public:
  explicit Transaction(Connection& connection);
  ~Transaction();
  Transaction(const Transaction&) = delete;
  Transaction& operator=(const Transaction&) = delete;
  void commit();

 private:
  Connection& connection_;
  bool done_ = false;
};

std::vector<Diagnostic> read_diagnostics(SQLSMALLINT handle_type, SQLHANDLE handle);

}  // namespace dogcare::storage
