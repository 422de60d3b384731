// Calendar dates and UTC instants as dogcare stores and exchanges them.
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace dogcare {

// A day in the owner's calendar, without time zone.
using Date = std::chrono::year_month_day;
// An instant in UTC. Millisecond precision: the finest all databases keep.
using Timestamp = std::chrono::sys_time<std::chrono::milliseconds>;

// "YYYY-MM-DD"
std::string format_date(Date date);
// Parses "YYYY-MM-DD"; nullopt unless it is a valid calendar date.
std::optional<Date> parse_date(std::string_view text);
// "YYYY-MM"
std::string format_month(std::chrono::year_month month);
// Parses "YYYY-MM"; nullopt unless it is a valid month.
std::optional<std::chrono::year_month> parse_month(std::string_view text);

// "YYYY-MM-DDTHH:MM:SS.mmmZ" (RFC 3339)
std::string format_timestamp(Timestamp instant);

Timestamp now_utc();
Date today_utc();

}  // namespace dogcare
