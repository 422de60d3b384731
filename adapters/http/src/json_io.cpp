#include "json_io.hpp"

#include <boost/json.hpp>
#include <cmath>
#include <cstdio>
#include <limits>

namespace dogcare::http {

namespace json = boost::json;

namespace {

std::string member_path(const char* name) {
  return std::string("$.") + name;
}

const json::value* find(const json::object& body, const char* name) {
  const auto it = body.find(name);
  return it == body.end() ? nullptr : &it->value();
}

std::string as_string(const json::value& value, const std::string& path) {
  if (!value.is_string()) throw ShapeError(path, "must be a string");
  return std::string(value.get_string());
}

int as_int(const json::value& value, const std::string& path) {
  if (value.is_int64()) {
    const auto v = value.get_int64();
    if (v >= std::numeric_limits<int>::min() && v <= std::numeric_limits<int>::max()) {
      return static_cast<int>(v);
    }
  } else if (value.is_uint64()) {
    // Too large for an int either way.
  } else if (value.is_double()) {
    const double d = value.get_double();
    if (std::isfinite(d) && d == std::floor(d) && std::fabs(d) < 2147483647.0) {
      return static_cast<int>(d);
    }
    if (!std::isfinite(d) || std::fabs(d) >= 2147483647.0) {
      throw ShapeError(path, "is out of range");
    }
    throw ShapeError(path, "must be an integer");
  } else {
    throw ShapeError(path, "must be an integer");
  }
  throw ShapeError(path, "is out of range");
}

Date as_date(const json::value& value, const std::string& path) {
  const auto text = as_string(value, path);
  const auto date = parse_date(text);
  if (!date) throw ShapeError(path, "must be a date written YYYY-MM-DD");
  return *date;
}

std::vector<std::string> as_strings(const json::value& value, const std::string& path) {
  if (!value.is_array()) throw ShapeError(path, "must be an array of strings");
  std::vector<std::string> result;
  const auto& array = value.get_array();
  result.reserve(array.size());
  for (std::size_t i = 0; i < array.size(); ++i) {
    result.push_back(as_string(array[i], path + "[" + std::to_string(i) + "]"));
  }
  return result;
}

std::optional<std::string> optional_string(const json::object& body, const char* name) {
  const auto* value = find(body, name);
  if (!value || value->is_null()) return std::nullopt;
  return as_string(*value, member_path(name));
}

json::value nullable(const std::optional<std::string>& text) {
  return text ? json::value(*text) : json::value(nullptr);
}
json::value nullable(const std::optional<int>& number) {
  return number ? json::value(*number) : json::value(nullptr);
}
json::value nullable(const std::optional<Date>& date) {
  return date ? json::value(format_date(*date)) : json::value(nullptr);
}

json::array refs(const std::vector<ItemRef>& items) {
  json::array array;
  for (const auto& item : items)
    array.push_back(json::object{{"id", item.id}, {"name", item.name}});
  return array;
}

std::string month_text(std::chrono::year_month ym) {
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "%04d-%02u", static_cast<int>(ym.year()),
                static_cast<unsigned>(ym.month()));
  return buffer;
}

}  // namespace

json::object parse_object(const std::string& body) {
  json::error_code ec;
  json::parse_options options;
  options.max_depth = 32;
  auto value = json::parse(body, ec, {}, options);
  if (ec) throw ShapeError("$", "the body is not valid JSON (" + ec.message() + ")");
  if (!value.is_object()) throw ShapeError("$", "the body must be a JSON object");
  return std::move(value.get_object());
}

std::string required_string(const json::object& body, const char* name) {
  const auto* value = find(body, name);
  if (!value) throw ShapeError(member_path(name), "is required");
  return as_string(*value, member_path(name));
}

Registration registration_from(const json::object& body) {
  Registration r;
  r.username = required_string(body, "username");
  r.password = required_string(body, "password");
  r.email = optional_string(body, "email");
  r.dog_name = optional_string(body, "dog_name");
  return r;
}

ProfileUpdate profile_update_from(const json::object& body) {
  ProfileUpdate update;
  update.username = optional_string(body, "username");
  if (const auto* email = find(body, "email")) {
    update.email = email->is_null() ? std::string() : as_string(*email, "$.email");
  }
  return update;
}

DogInput dog_input_from(const json::object& body) {
  DogInput input;
  input.name = required_string(body, "name");
  input.breed = optional_string(body, "breed");
  input.notes = optional_string(body, "notes");
  if (const auto* date = find(body, "birth_date"); date && !date->is_null()) {
    input.birth_date = as_date(*date, "$.birth_date");
  }
  return input;
}

DogPatch dog_patch_from(const json::object& body) {
  DogPatch patch;
  patch.name = optional_string(body, "name");
  if (const auto* v = find(body, "breed")) {
    patch.breed = v->is_null() ? std::string() : as_string(*v, "$.breed");
  }
  if (const auto* v = find(body, "notes")) {
    patch.notes = v->is_null() ? std::string() : as_string(*v, "$.notes");
  }
  if (const auto* v = find(body, "birth_date")) {
    if (v->is_null()) {
      patch.clear_birth_date = true;
    } else {
      patch.birth_date = as_date(*v, "$.birth_date");
    }
  }
  return patch;
}

Onboarding onboarding_from(const json::object& body) {
  Onboarding choice;
  if (const auto* v = find(body, "trigger_ids")) {
    choice.trigger_ids = as_strings(*v, "$.trigger_ids");
  }
  if (const auto* v = find(body, "reaction_ids")) {
    choice.reaction_ids = as_strings(*v, "$.reaction_ids");
  }
  choice.dog_name = optional_string(body, "dog_name");
  return choice;
}

ObservationInput observation_input_from(const json::object& body) {
  ObservationInput input;
  input.dog_id = optional_string(body, "dog_id");
  const auto* date = find(body, "date");
  if (!date) throw ShapeError("$.date", "is required");
  input.date = as_date(*date, "$.date");
  const auto* severity = find(body, "severity");
  if (!severity) throw ShapeError("$.severity", "is required");
  input.severity = as_int(*severity, "$.severity");
  input.comment = optional_string(body, "comment").value_or("");
  if (const auto* v = find(body, "triggers")) input.triggers = as_strings(*v, "$.triggers");
  if (const auto* v = find(body, "reactions")) input.reactions = as_strings(*v, "$.reactions");
  if (const auto* v = find(body, "distance_m"); v && !v->is_null()) {
    input.distance_m = as_int(*v, "$.distance_m");
  }
  if (const auto* v = find(body, "recovery_min"); v && !v->is_null()) {
    input.recovery_min = as_int(*v, "$.recovery_min");
  }
  input.handler_action = optional_string(body, "handler_action");
  return input;
}

ObservationPatch observation_patch_from(const json::object& body) {
  ObservationPatch patch;
  patch.dog_id = optional_string(body, "dog_id");
  if (const auto* v = find(body, "date"); v && !v->is_null()) patch.date = as_date(*v, "$.date");
  if (const auto* v = find(body, "severity"); v && !v->is_null()) {
    patch.severity = as_int(*v, "$.severity");
  }
  if (const auto* v = find(body, "comment")) {
    patch.comment = v->is_null() ? std::string() : as_string(*v, "$.comment");
  }
  if (const auto* v = find(body, "triggers"); v && !v->is_null()) {
    patch.triggers = as_strings(*v, "$.triggers");
  }
  if (const auto* v = find(body, "reactions"); v && !v->is_null()) {
    patch.reactions = as_strings(*v, "$.reactions");
  }
  if (const auto* v = find(body, "distance_m")) {
    if (v->is_null()) {
      patch.clear_distance_m = true;
    } else {
      patch.distance_m = as_int(*v, "$.distance_m");
    }
  }
  if (const auto* v = find(body, "recovery_min")) {
    if (v->is_null()) {
      patch.clear_recovery_min = true;
    } else {
      patch.recovery_min = as_int(*v, "$.recovery_min");
    }
  }
  if (const auto* v = find(body, "handler_action")) {
    patch.handler_action = v->is_null() ? std::string() : as_string(*v, "$.handler_action");
  }
  return patch;
}

json::object to_json(const User& user) {
  return {{"id", user.id},
          {"username", user.username},
          {"email", nullable(user.email)},
          {"onboarded", user.onboarded},
          {"created_at", format_timestamp(user.created_at)},
          {"updated_at", format_timestamp(user.updated_at)}};
}

json::object to_json(const AccessToken& token) {
  return {{"access_token", token.token},
          {"token_type", "bearer"},
          {"expires_in", token.expires_in.count()}};
}

json::object to_json(const Dog& dog) {
  return {{"id", dog.id},
          {"name", dog.name},
          {"breed", nullable(dog.breed)},
          {"birth_date", nullable(dog.birth_date)},
          {"notes", nullable(dog.notes)},
          {"created_at", format_timestamp(dog.created_at)},
          {"updated_at", format_timestamp(dog.updated_at)}};
}

json::object to_json(const CatalogItem& item) {
  return {{"id", item.id}, {"name", item.name}, {"archived", item.archived}};
}

json::object to_json(const DefaultCatalogItem& item) {
  return {{"id", item.id}, {"name", item.name}, {"position", item.position}};
}

json::object to_json(const Observation& o) {
  return {{"id", o.id},
          {"dog_id", o.dog_id},
          {"date", format_date(o.date)},
          {"severity", o.severity},
          {"comment", o.comment},
          {"triggers", refs(o.triggers)},
          {"reactions", refs(o.reactions)},
          {"distance_m", nullable(o.distance_m)},
          {"recovery_min", nullable(o.recovery_min)},
          {"handler_action", nullable(o.handler_action)},
          {"created_at", format_timestamp(o.created_at)},
          {"updated_at", format_timestamp(o.updated_at)}};
}

json::object to_json(const SearchPage& page) {
  json::array items;
  for (const auto& o : page.items) items.push_back(to_json(o));
  json::object result{{"items", std::move(items)}, {"next_cursor", nullable(page.next_cursor)}};
  if (page.total) result["total"] = *page.total;
  return result;
}

json::object to_json(const CalendarMonth& month) {
  json::array days;
  for (const auto& day : month.days) {
    json::array observations;
    for (const auto& o : day.observations) observations.push_back(to_json(o));
    days.push_back(json::object{{"date", format_date(day.date)},
                                {"max_severity", day.max_severity},
                                {"band", to_string(day.band)},
                                {"observations", std::move(observations)}});
  }
  return {{"year", month.year},
          {"month", month.month},
          {"dog_id", month.dog_id},
          {"days", std::move(days)}};
}

json::object to_json(const AnalyticsReport& r) {
  json::array trigger_severity;
  for (const auto& t : r.trigger_severity) {
    trigger_severity.push_back(json::object{{"trigger_id", t.trigger_id},
                                            {"trigger", t.trigger},
                                            {"severity", t.severity},
                                            {"count", t.count}});
  }
  json::array daily;
  for (const auto& d : r.daily) {
    daily.push_back(json::object{{"date", format_date(d.date)},
                                 {"mean", d.mean},
                                 {"count", d.count},
                                 {"rolling_mean", d.rolling_mean}});
  }
  json::array reactions;
  for (const auto& share : r.reactions) {
    json::array triggers;
    for (const auto& c : share.triggers) {
      triggers.push_back(
          json::object{{"trigger_id", c.trigger_id}, {"trigger", c.trigger}, {"count", c.count}});
    }
    reactions.push_back(json::object{{"reaction_id", share.reaction_id},
                                     {"reaction", share.reaction},
                                     {"count", share.count},
                                     {"triggers", std::move(triggers)}});
  }
  const auto& h = r.high_intensity;
  return {{"from", nullable(r.from)},
          {"to", nullable(r.to)},
          {"observations", r.observations},
          {"trigger_severity", std::move(trigger_severity)},
          {"daily", std::move(daily)},
          {"reactions", std::move(reactions)},
          {"high_intensity", json::object{{"month", month_text(h.month)},
                                          {"high", h.high},
                                          {"total", h.total},
                                          {"share", h.share},
                                          {"previous_high", h.previous_high},
                                          {"previous_total", h.previous_total},
                                          {"previous_share", h.previous_share},
                                          {"delta", h.delta}}},
          {"trend", json::object{{"direction", to_string(r.trend.direction)},
                                 {"slope_per_day", r.trend.slope_per_day},
                                 {"days", r.trend.days}}}};
}

}  // namespace dogcare::http
