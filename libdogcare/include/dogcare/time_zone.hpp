// Each user's local calendar: an IANA time zone ("Europe/Paris") from the
// system's tz database, through Howard Hinnant's date/tz (what C++20's
// <chrono> zones standardised; GCC 12 has no tzdb of its own). "Today" and a
// record's date are the user's local ones.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "dogcare/time.hpp"

namespace dogcare {

// The zone of an account that never chose one, and of the original app's users.
inline constexpr std::string_view kDefaultTimeZone = "Europe/Paris";

// Whether `name` is a zone (or a link to one) of the tz database.
bool known_time_zone(std::string_view name);
// Every zone name of the database, sorted (what a picker offers).
std::vector<std::string> time_zone_names();

// The calendar date in `zone` at `instant`. Throws Error(invalid_argument,
// field "time_zone") for an unknown zone.
Date local_date(Timestamp instant, std::string_view zone);
// The instant of a wall-clock time in `zone`: a time that happens twice
// (autumn) is the first; one that never happens (spring) is read with the
// offset before the change, like the original app's naive timestamps.
Timestamp from_local(std::chrono::local_time<std::chrono::milliseconds> wall,
                     std::string_view zone);

}  // namespace dogcare
