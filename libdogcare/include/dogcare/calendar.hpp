// A month of one dog's observations, day by day.
#pragma once

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <tuple>
#include <utility>
#include <vector>

#include "dogcare/observations.hpp"
#include "dogcare/record.hpp"

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

struct CalendarQuery {
  std::optional<std::string> dog_id;  // may be omitted when the user has one dog
  int year = 0;
  int month = 0;
};

inline constexpr int kMinCalendarYear = 1990;
inline constexpr int kMaxCalendarYear = 2200;

template <>
struct EnumDescription<SeverityBand> {
  static constexpr std::string_view name = "SeverityBand";
  static constexpr std::array<std::pair<SeverityBand, std::string_view>, 3> values{
      {{SeverityBand::green, "green"},
       {SeverityBand::orange, "orange"},
       {SeverityBand::red, "red"}}};
};

template <>
struct Description<CalendarQuery> {
  static constexpr std::string_view name = "CalendarQuery";
  static constexpr std::string_view doc = "A month of one dog.";
  static constexpr auto fields = std::tuple{
      field(&CalendarQuery::dog_id, observation_fields::dog_id),
      field(&CalendarQuery::year,
            {"year", Presence::required, Limits{}.between(kMinCalendarYear, kMaxCalendarYear),
             "The year."}),
      field(&CalendarQuery::month,
            {"month", Presence::required, Limits{}.between(1, 12), "The month, 1 to 12."}),
  };
};

template <>
struct Description<CalendarDay> {
  static constexpr std::string_view name = "CalendarDay";
  static constexpr std::string_view doc = "A day with observations.";
  static constexpr auto fields = std::tuple{
      field(&CalendarDay::date, {"date", Presence::required, {}, "The day."}),
      field(&CalendarDay::max_severity,
            {"max_severity", Presence::required, {}, "The day's highest severity."}),
      field(&CalendarDay::band,
            {"band", Presence::required, {}, "Its colour: 1-2 green, 3 orange, 4-5 red."}),
      field(&CalendarDay::observations,
            {"observations", Presence::required, {}, "The day's observations, newest first."}),
  };
};

template <>
struct Description<CalendarMonth> {
  static constexpr std::string_view name = "CalendarMonth";
  static constexpr std::string_view doc = "A month of one dog's observations, day by day.";
  static constexpr auto fields = std::tuple{
      field(&CalendarMonth::year, {"year", Presence::required, {}, "The year."}),
      field(&CalendarMonth::month, {"month", Presence::required, {}, "The month, 1 to 12."}),
      field(&CalendarMonth::dog_id,
            {"dog_id", Presence::required, Limits{}.formatted("uuid"), "The dog."}),
      field(&CalendarMonth::days,
            {"days", Presence::required, {}, "Only days with observations, in date order."}),
  };
};

class Clock;

class Calendar {
 public:
  explicit Calendar(Database& database);
  // `clock` dates a professional's reads in the access log.
  Calendar(Database& database, const Clock& clock);
  CalendarMonth month(const Principal& principal, const CalendarQuery& query);
  // dog_id may be omitted when the user has one dog.
  CalendarMonth month(const Principal& principal, const std::optional<std::string>& dog_id,
                      int year, unsigned month);

 private:
  Database& database_;
  const Clock& clock_;
};

}  // namespace dogcare
