// SQL assembled piece by piece, each piece with the values it binds: the
// text and the bind order cannot drift apart. A piece's placeholders are its
// '?' marks (outside quoted literals) and its {LIMIT} markers; giving a piece
// more or fewer values than it has placeholders is a programming error and
// throws Error(internal) when the piece is appended.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

#include "storage/odbc.hpp"

namespace dogcare::storage {

// A value as a bound parameter: integers of every width bind as 64-bit,
// an absent optional binds NULL.
template <typename T>
Param to_param(T&& value) {
  using V = std::remove_cvref_t<T>;
  if constexpr (std::is_same_v<V, Param>) {
    return std::forward<T>(value);
  } else if constexpr (std::is_same_v<V, bool>) {
    return std::int64_t{value ? 1 : 0};
  } else if constexpr (std::is_integral_v<V>) {
    return static_cast<std::int64_t>(value);
  } else if constexpr (requires { value.has_value(); }) {
    return optional_param(value);
  } else {
    return Param(std::forward<T>(value));
  }
}

class Sql {
 public:
  Sql() = default;
  template <typename... Ts>
  explicit Sql(std::string_view piece, Ts&&... values) {
    append(piece, std::forward<Ts>(values)...);
  }

  // Appends `piece`, whose placeholders take `values` in order.
  template <typename... Ts>
  Sql& append(std::string_view piece, Ts&&... values) {
    append_piece(piece, sizeof...(Ts));
    (params_.push_back(to_param(std::forward<Ts>(values))), ...);
    return *this;
  }

  // Appends "?, ?, ..." binding each value of a non-empty range (IN lists).
  template <typename Range>
  Sql& append_list(const Range& values) {
    std::size_t count = 0;
    for (const auto& value : values) {
      text_ += count++ == 0 ? "?" : ", ?";
      params_.push_back(to_param(value));
    }
    if (count == 0) empty_list();
    return *this;
  }

  // Appends a whole other statement piece with its values.
  Sql& append(const Sql& other);

  const std::string& text() const noexcept { return text_; }
  const std::vector<Param>& params() const noexcept { return params_; }

  // Binds the values to `statement`, made from text(), in order.
  void bind_to(Statement& statement) const;

 private:
  void append_piece(std::string_view piece, std::size_t values);
  [[noreturn]] static void empty_list();

  std::string text_;
  std::vector<Param> params_;
};

// The placeholders of a piece of SQL: '?' outside quoted literals, and
// {LIMIT} markers (render_sql turns each into a clause binding one integer).
std::size_t count_placeholders(std::string_view sql);

// A statement made from `sql`, with its values bound, ready to execute.
class BoundStatement : public Statement {
 public:
  BoundStatement(Connection& connection, const Sql& sql) : Statement(connection, sql.text()) {
    sql.bind_to(*this);
  }
};

}  // namespace dogcare::storage
