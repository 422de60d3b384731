#include "domain/validation.hpp"

#include "dogcare/time_zone.hpp"

#include "core/text.hpp"

namespace dogcare::domain {
namespace {

// Whether `c` is in a bracket body such as "A-Za-z0-9._-".
bool in_characters(unsigned char c, std::string_view set) {
  for (std::size_t i = 0; i < set.size(); ++i) {
    if (i + 2 < set.size() && set[i + 1] == '-') {
      if (c >= static_cast<unsigned char>(set[i]) && c <= static_cast<unsigned char>(set[i + 2])) {
        return true;
      }
      i += 2;
    } else if (c == static_cast<unsigned char>(set[i])) {
      return true;
    }
  }
  return false;
}

std::string characters_text(std::string_view set) {
  if (set == "A-Za-z0-9._-") return "letters, digits, '.', '_' and '-'";
  return "the characters " + std::string(set);
}

}  // namespace

void add_required(const std::string& field, Violations& out) {
  out.add({field, Rule::required, {}, {}, {}, {}, field + " is required"});
}

bool check_text(std::string& text, const std::string& field, const FieldInfo& info,
                Violations& out) {
  const Limits& limits = info.limits;
  if (!valid_utf8(text)) {
    out.add({field, Rule::invalid_characters, {}, {}, {}, {}, field + " is not valid UTF-8"});
    return false;
  }
  const bool secret = limits.format == "password";
  if (!secret) {
    for (unsigned char c : text) {
      const bool allowed_break = limits.multiline && (c == '\n' || c == '\r' || c == '\t');
      if ((c < 0x20 || c == 0x7F) && !allowed_break) {
        out.add({field,
                 Rule::invalid_characters,
                 {},
                 {},
                 {},
                 {},
                 field + " must not contain control characters"});
        return false;
      }
    }
    text = trim(text);
  }
  if (text.empty()) return true;  // the caller decides: required, or null
  if (!limits.characters.empty()) {
    for (unsigned char c : text) {
      if (!in_characters(c, limits.characters)) {
        out.add({field,
                 Rule::invalid_format,
                 {},
                 {},
                 {},
                 {},
                 field + " may hold only " + characters_text(limits.characters)});
        return false;
      }
    }
  }
  if (limits.format == "email") {
    const auto at = text.find('@');
    const bool shaped = at != std::string::npos && at > 0 &&
                        text.find('@', at + 1) == std::string::npos &&
                        text.find('.', at) != std::string::npos && text.back() != '.' &&
                        text.find(' ') == std::string::npos;
    if (!shaped) {
      out.add({field, Rule::invalid_format, {}, {}, {}, {}, field + " is not a valid address"});
      return false;
    }
  }
  const auto length = code_points(text);
  if (length < limits.min_length) {
    out.add({field,
             Rule::too_short,
             static_cast<long long>(limits.min_length),
             limits.max_length ? std::optional<long long>(limits.max_length) : std::nullopt,
             {},
             {},
             field + " must be at least " + std::to_string(limits.min_length) + " characters"});
    return false;
  }
  if (limits.max_length && length > limits.max_length) {
    out.add({field,
             Rule::too_long,
             limits.min_length ? std::optional<long long>(limits.min_length) : std::nullopt,
             static_cast<long long>(limits.max_length),
             {},
             {},
             field + " must be at most " + std::to_string(limits.max_length) + " characters"});
    return false;
  }
  // After the length: an over-long name is "too_long", whatever it names.
  if (limits.format == "time-zone" && !text.empty() && !known_time_zone(text)) {
    out.add({field, Rule::unknown, {}, {}, {}, {}, field + " is not a known time zone"});
    return false;
  }
  return true;
}

bool check_integer(long long value, const std::string& field, const FieldInfo& info,
                   Violations& out) {
  const Limits& limits = info.limits;
  if (value < limits.min || value > limits.max) {
    std::string message;
    if (limits.has_min() && limits.has_max()) {
      message = field + " must be between " + std::to_string(limits.min) + " and " +
                std::to_string(limits.max);
    } else if (limits.has_min()) {
      message = field + " must be at least " + std::to_string(limits.min);
    } else {
      message = field + " must be at most " + std::to_string(limits.max);
    }
    out.add({field,
             Rule::out_of_range,
             limits.has_min() ? std::optional<long long>(limits.min) : std::nullopt,
             limits.has_max() ? std::optional<long long>(limits.max) : std::nullopt,
             {},
             {},
             message});
    return false;
  }
  return true;
}

bool check_date(Date date, const std::string& field, const FieldInfo& info, Date today,
                Violations& out) {
  using namespace std::chrono;
  const Limits& limits = info.limits;
  if (!date.ok()) {
    out.add({field, Rule::invalid_format, {}, {}, {}, {}, field + " is not a valid date"});
    return false;
  }
  std::optional<Date> latest;
  if (limits.latest_after_today) {
    latest = Date{sys_days{today} + days{*limits.latest_after_today}};
  }
  if (limits.earliest && date < *limits.earliest) {
    out.add({field,
             Rule::too_early,
             {},
             {},
             limits.earliest,
             latest,
             field + " must be on or after " + format_date(*limits.earliest)});
    return false;
  }
  if (latest && date > *latest) {
    out.add({field,
             Rule::too_late,
             {},
             {},
             limits.earliest,
             latest,
             field + " must not be in the future"});
    return false;
  }
  return true;
}

bool check_count(std::size_t count, const std::string& field, const FieldInfo& info,
                 Violations& out) {
  if (info.limits.max_items && count > info.limits.max_items) {
    out.add({field,
             Rule::too_many,
             {},
             static_cast<long long>(info.limits.max_items),
             {},
             {},
             field + " holds at most " + std::to_string(info.limits.max_items) + " items"});
    return false;
  }
  return true;
}

}  // namespace dogcare::domain
