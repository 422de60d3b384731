#include "storage/client_board_repository.hpp"

#include <algorithm>
#include <cstddef>

#include "dogcare/observations.hpp"
#include "storage/rows.hpp"
#include "storage/sql_builder.hpp"

namespace dogcare::storage {
namespace {

// The summary rows `s` of the dogs the professional holds a grant `g` for.
constexpr std::string_view kHeldDays =
    " FROM dog_shares g JOIN analytics_days s ON s.user_id = g.owner_id AND s.dog_id = g.dog_id"
    " WHERE g.professional_id = ?";

// IN lists stay under Oracle's 1,000 items.
constexpr std::size_t kInListChunk = 500;

const ResultColumn kText{ColumnKind::text, ResultColumn::kDefaultTextBytes};
const ResultColumn kInteger{ColumnKind::integer, 0};
const ResultColumn kDate{ColumnKind::date, 0};

}  // namespace

std::vector<BoardDay> ClientBoardRepository::days(const std::string& professional_id, Date from,
                                                  Date to) {
  Sql sql(
      "SELECT s.dog_id, s.on_day, SUM(s.severity * s.n), SUM(s.n),"
      " SUM(CASE WHEN s.severity >= ? THEN s.n ELSE 0 END)",
      kStrongSeverity);
  sql.append(kHeldDays, professional_id)
      .append(" AND s.on_day >= ? AND s.on_day <= ?", from, to)
      .append(" GROUP BY s.dog_id, s.on_day HAVING SUM(s.n) > 0 ORDER BY s.dog_id, s.on_day");
  BoundStatement query(connection_, sql);
  query.bind_result({kText, kDate, kInteger, kInteger, kInteger}, 512).execute();
  std::vector<BoardDay> out;
  while (query.fetch()) {
    out.push_back({query.text_or_empty(1), query.date(2).value_or(Date{}),
                   static_cast<int>(query.integer_or(3, 0)),
                   static_cast<int>(query.integer_or(4, 0)),
                   static_cast<int>(query.integer_or(5, 0))});
  }
  return out;
}

std::vector<BoardLastDay> ClientBoardRepository::last_days_before(
    const std::string& professional_id, Date before, const std::vector<std::string>& dog_ids) {
  std::vector<BoardLastDay> out;
  for (std::size_t first = 0; first < dog_ids.size(); first += kInListChunk) {
    const auto begin = dog_ids.begin() + static_cast<std::ptrdiff_t>(first);
    const auto end = dog_ids.begin() +
                     static_cast<std::ptrdiff_t>(std::min(dog_ids.size(), first + kInListChunk));
    Sql sql("SELECT s.dog_id, MAX(s.on_day)");
    sql.append(kHeldDays, professional_id)
        .append(" AND s.on_day < ? AND s.n > 0 AND g.dog_id IN (", before)
        .append_list(std::vector<std::string>(begin, end))
        .append(") GROUP BY s.dog_id");
    BoundStatement query(connection_, sql);
    query.bind_result({kText, kDate}, 512).execute();
    while (query.fetch()) {
      if (auto day = query.date(2)) out.push_back({query.text_or_empty(1), *day});
    }
  }
  return out;
}

}  // namespace dogcare::storage
