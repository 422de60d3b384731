// A table's plain columns mapped to a record's members, written once: the
// SELECT list, the INSERT and the UPDATE of a repository follow from it, so
// a new field is one line here (and its migration).
#pragma once

#include <cstdint>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <tuple>
#include <type_traits>
#include <vector>

#include "dogcare/record.hpp"
#include "storage/odbc.hpp"
#include "storage/rows.hpp"

namespace dogcare::storage {

template <class Record, class Member>
struct Column {
  using member_type = Member;
  std::string_view name;
  Member Record::*member;
  bool updatable = true;  // false: set once by the INSERT (ids, owner, creation time)
};

// Empty text is stored as NULL on every database (Oracle cannot tell them apart).
inline Param column_param(const std::string& text) {
  return text.empty() ? Param(Null{}) : Param(text);
}
inline Param column_param(const std::optional<std::string>& text) {
  return text && !text->empty() ? Param(*text) : Param(Null{});
}
inline Param column_param(int number) {
  return std::int64_t{number};
}
inline Param column_param(const std::optional<int>& number) {
  return optional_param(number);
}
inline Param column_param(bool on) {
  return flag(on);
}
inline Param column_param(Date date) {
  return date;
}
inline Param column_param(const std::optional<Date>& date) {
  return optional_param(date);
}
inline Param column_param(Timestamp instant) {
  return instant;
}
// Enumerations are stored by their described names ("trainer", "read").
template <DescribedEnum E>
Param column_param(E value) {
  return std::string(to_name(value));
}

inline void read_column(Statement& row, int column, std::string& out) {
  out = row.text_or_empty(column);
}
inline void read_column(Statement& row, int column, std::optional<std::string>& out) {
  out = optional_text(row, column);
}
inline void read_column(Statement& row, int column, int& out) {
  out = static_cast<int>(row.integer_or(column, 0));
}
inline void read_column(Statement& row, int column, std::optional<int>& out) {
  out = optional_int(row, column);
}
inline void read_column(Statement& row, int column, bool& out) {
  out = row.integer_or(column, 0) != 0;
}
inline void read_column(Statement& row, int column, Date& out) {
  out = row.date(column).value_or(Date{});
}
inline void read_column(Statement& row, int column, std::optional<Date>& out) {
  out = row.date(column);
}
inline void read_column(Statement& row, int column, Timestamp& out) {
  out = row.timestamp(column).value_or(Timestamp{});
}
template <DescribedEnum E>
void read_column(Statement& row, int column, E& out) {
  out = parse_name<E>(row.text_or_empty(column)).value_or(E{});
}

// How a member's column is bound for block fetches.
template <class Member>
constexpr ColumnKind column_kind() {
  if constexpr (std::is_same_v<Member, std::string> ||
                std::is_same_v<Member, std::optional<std::string>> || DescribedEnum<Member>) {
    return ColumnKind::text;
  } else if constexpr (std::is_same_v<Member, Date> ||
                       std::is_same_v<Member, std::optional<Date>>) {
    return ColumnKind::date;
  } else if constexpr (std::is_same_v<Member, Timestamp>) {
    return ColumnKind::timestamp;
  } else {
    static_assert(std::is_same_v<Member, int> || std::is_same_v<Member, std::optional<int>> ||
                      std::is_same_v<Member, bool>,
                  "a column member must be text, a date, a timestamp or an integer");
    return ColumnKind::integer;
  }
}

// The result columns read_columns reads, in order, for Statement::bind_result.
template <class Columns>
std::vector<ResultColumn> result_columns(const Columns& columns) {
  std::vector<ResultColumn> out;
  std::apply(
      [&](const auto&... column) {
        (out.push_back(
             {column_kind<typename std::remove_cvref_t<decltype(column)>::member_type>()}),
         ...);
      },
      columns);
  return out;
}

// "o.id, o.user_id, ..." for a table aliased `alias`.
template <class Columns>
std::string select_list(const Columns& columns, std::string_view alias) {
  std::string out;
  std::apply(
      [&](const auto&... column) {
        ((out += (out.empty() ? "" : ", ") + std::string(alias) + "." + std::string(column.name)),
         ...);
      },
      columns);
  return out;
}

// Reads the columns, in order, from `first` (1-based); returns the next column.
template <class Record, class Columns>
int read_columns(Statement& row, const Columns& columns, Record& record, int first = 1) {
  int index = first;
  std::apply(
      [&](const auto&... column) { (read_column(row, index++, record.*column.member), ...); },
      columns);
  return index;
}

// "INSERT INTO table (name, ..., extra, ...) VALUES (?, ...)": the columns
// then the `extra` ones the caller binds after bind_columns.
template <class Columns>
std::string insert_sql(std::string_view table, const Columns& columns,
                       std::initializer_list<std::string_view> extra = {}) {
  std::string names;
  std::string values;
  const auto add = [&](std::string_view name) {
    names += (names.empty() ? "" : ", ") + std::string(name);
    values += values.empty() ? "?" : ", ?";
  };
  std::apply([&](const auto&... column) { (add(column.name), ...); }, columns);
  for (const auto name : extra) add(name);
  return "INSERT INTO " + std::string(table) + " (" + names + ") VALUES (" + values + ")";
}

// "UPDATE table SET name = ?, ..., extra = ?": the updatable columns then
// `extra`; the caller appends its WHERE.
template <class Columns>
std::string update_sql(std::string_view table, const Columns& columns,
                       std::initializer_list<std::string_view> extra = {}) {
  std::string sets;
  const auto add = [&](std::string_view name) {
    sets += (sets.empty() ? "" : ", ") + std::string(name) + " = ?";
  };
  std::apply([&](const auto&... column) { ((column.updatable ? add(column.name) : void()), ...); },
             columns);
  for (const auto name : extra) add(name);
  return "UPDATE " + std::string(table) + " SET " + sets;
}

// Binds the values of the columns (those an UPDATE sets when updatable_only), in order.
template <class Record, class Columns>
void bind_columns(Statement& statement, const Columns& columns, const Record& record,
                  bool updatable_only) {
  std::apply(
      [&](const auto&... column) {
        ((!updatable_only || column.updatable
              ? (void)statement.bind(column_param(record.*column.member))
              : (void)0),
         ...);
      },
      columns);
}

}  // namespace dogcare::storage
