#include "storage/sql_builder.hpp"

#include "dogcare/error.hpp"

namespace dogcare::storage {

std::size_t count_placeholders(std::string_view sql) {
  static constexpr std::string_view kLimit = "{LIMIT}";
  std::size_t count = 0;
  bool quoted = false;
  for (std::size_t i = 0; i < sql.size(); ++i) {
    const char c = sql[i];
    if (c == '\'') {
      quoted = !quoted;  // '' inside a literal toggles twice: still quoted
    } else if (!quoted && c == '?') {
      ++count;
    } else if (!quoted && sql.substr(i, kLimit.size()) == kLimit) {
      ++count;
      i += kLimit.size() - 1;
    }
  }
  return count;
}

void Sql::append_piece(std::string_view piece, std::size_t values) {
  const std::size_t placeholders = count_placeholders(piece);
  if (placeholders != values) {
    throw Error(ErrorCode::internal, "an SQL piece with " + std::to_string(placeholders) +
                                         " placeholders was given " + std::to_string(values) +
                                         " values");
  }
  text_ += piece;
}

void Sql::empty_list() {
  throw Error(ErrorCode::internal, "an SQL list needs at least one value");
}

Sql& Sql::append(const Sql& other) {
  text_ += other.text_;
  params_.insert(params_.end(), other.params_.begin(), other.params_.end());
  return *this;
}

void Sql::bind_to(Statement& statement) const {
  for (const Param& value : params_) statement.bind(value);
}

}  // namespace dogcare::storage
