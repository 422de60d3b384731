#include "dogcare/time_zone.hpp"

#include <algorithm>
#include <stdexcept>

#include <date/tz.h>

#include "dogcare/error.hpp"

namespace dogcare {

namespace {

const date::time_zone* find_zone(std::string_view name) {
  if (name.empty() || name.size() > 64) return nullptr;
  try {
    return date::locate_zone(name);
  } catch (const std::runtime_error&) {
    return nullptr;
  }
}

const date::time_zone& zone_or_throw(std::string_view name) {
  const auto* zone = find_zone(name);
  if (!zone) throw_invalid("time_zone", Rule::unknown, "time_zone is not a known time zone");
  return *zone;
}

}  // namespace

bool known_time_zone(std::string_view name) {
  return find_zone(name) != nullptr;
}

std::vector<std::string> time_zone_names() {
  const auto& db = date::get_tzdb();
  std::vector<std::string> names;
  // Read from the system's zoneinfo (USE_OS_TZDB): links are zones there.
  names.reserve(db.zones.size());
  for (const auto& zone : db.zones) names.emplace_back(zone.name());
  std::sort(names.begin(), names.end());
  names.erase(std::unique(names.begin(), names.end()), names.end());
  return names;
}

Date local_date(Timestamp instant, std::string_view zone) {
  const auto local = zone_or_throw(zone).to_local(instant);
  return Date{std::chrono::sys_days{date::floor<date::days>(local).time_since_epoch()}};
}

Timestamp from_local(std::chrono::local_time<std::chrono::milliseconds> wall,
                     std::string_view zone) {
  const auto info = zone_or_throw(zone).get_info(
      date::local_time<std::chrono::milliseconds>{wall.time_since_epoch()});
  // unique and ambiguous: the first offset; nonexistent: the one before the gap.
  return Timestamp{wall.time_since_epoch() - std::chrono::milliseconds{info.first.offset}};
}

}  // namespace dogcare
