// The client board's reads of the analytics summaries: the days of every
// dog shared with one professional, in one query for the whole board.
#pragma once

#include <string>
#include <vector>

#include "dogcare/time.hpp"
#include "storage/odbc.hpp"

namespace dogcare::storage {

// One dog's day with observations, from analytics_days.
struct BoardDay {
  std::string dog_id;
  Date date{};
  int severity_sum = 0;
  int count = 0;
  int strong = 0;  // observations with severity >= kStrongSeverity
};

struct BoardLastDay {
  std::string dog_id;
  Date date{};
};

class ClientBoardRepository {
 public:
  explicit ClientBoardRepository(Connection& connection) : connection_(connection) {}
  // The days with observations between from and to (inclusive) of every dog
  // the professional holds a grant for, by dog then date.
  std::vector<BoardDay> days(const std::string& professional_id, Date from, Date to);
  // The latest day with observations before `before` of each of these dogs
  // (held by the professional) that has one.
  std::vector<BoardLastDay> last_days_before(const std::string& professional_id, Date before,
                                             const std::vector<std::string>& dog_ids);

 private:
  Connection& connection_;
};

}  // namespace dogcare::storage
