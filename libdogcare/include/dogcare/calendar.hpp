// A month of one dog's observations, day by day.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "dogcare/observations.hpp"

namespace dogcare {

// The colour a day gets from its highest severity: 1-2 green, 3 orange, 4-5 red.
enum class SeverityBand { green, orange, red };

std::string_view to_string(SeverityBand band) noexcept;
SeverityBand band_for(int severity);

struct CalendarDay {
  Date date{};
  int max_severity = 0;
  SeverityBand band = SeverityBand::green;
  std::vector<Observation> observations;  // newest first
};

struct CalendarMonth {
  int year = 0;
  unsigned month = 0;
  std::string dog_id;
  std::vector<CalendarDay> days;  // only days with observations, in date order
};

class Calendar {
 public:
  explicit Calendar(Database& database) : database_(database) {}
  // dog_id may be omitted when the user has one dog.
  CalendarMonth month(const Principal& principal, const std::optional<std::string>& dog_id,
                      int year, unsigned month);

 private:
  Database& database_;
};

}  // namespace dogcare
