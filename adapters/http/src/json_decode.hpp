// JSON bodies and query strings -> the library's described records. Only the
// shape is checked here (types, presence, date and month syntax, enum
// names); every rule on the values is the library's. Every bad member is
// collected, then thrown together as one ShapeError. Unknown members are
// ignored.
#pragma once

#include <boost/json/object.hpp>
#include <boost/json/value.hpp>
#include <charconv>
#include <chrono>
#include <cmath>
#include <limits>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

#include "codec_traits.hpp"
#include "dogcare/record.hpp"
#include "dogcare/time.hpp"
#include "field_error.hpp"

namespace dogcare::http {

// Parses a body that must be a JSON object (bad JSON or bad UTF-8: a
// ShapeError for the body as a whole).
boost::json::object parse_object(const std::string& body);

namespace codec {

using Errors = std::vector<FieldError>;

void type_error(Errors& errors, const std::string& field, std::string_view expected);
void required_error(Errors& errors, const std::string& field);
void format_error(Errors& errors, const std::string& field, std::string_view expected);
void range_error(Errors& errors, const std::string& field, const Limits& limits);

// Names of an enumeration's values, "a, b or c", for messages.
template <DescribedEnum E>
std::string enum_names() {
  std::string names;
  const auto& values = EnumDescription<E>::values;
  for (std::size_t i = 0; i < values.size(); ++i) {
    if (i > 0) names += i + 1 == values.size() ? " or " : ", ";
    names += values[i].second;
  }
  return names;
}

template <class T>
bool integer_in_type(long long value) {
  if constexpr (std::is_signed_v<T>) {
    return value >= static_cast<long long>(std::numeric_limits<T>::min()) &&
           value <= static_cast<long long>(std::numeric_limits<T>::max());
  } else {
    return value >= 0 && static_cast<unsigned long long>(value) <= std::numeric_limits<T>::max();
  }
}

// A text's value, the same for JSON strings and query parameters.
template <class T>
bool from_text(std::string_view text, T& out, const std::string& field,
               [[maybe_unused]] const FieldInfo& info, Errors& errors) {
  if constexpr (std::is_same_v<T, std::string>) {
    out.assign(text);
    return true;
  } else if constexpr (std::is_same_v<T, Date>) {
    if (const auto date = parse_date(text)) {
      out = *date;
      return true;
    }
    format_error(errors, field, "a date written YYYY-MM-DD");
    return false;
  } else if constexpr (std::is_same_v<T, std::chrono::year_month>) {
    if (const auto month = parse_month(text)) {
      out = *month;
      return true;
    }
    format_error(errors, field, "a month written YYYY-MM");
    return false;
  } else if constexpr (DescribedEnum<T>) {
    if (const auto value = parse_name<T>(text)) {
      out = *value;
      return true;
    }
    format_error(errors, field, "one of " + enum_names<T>());
    return false;
  } else {
    type_error(errors, field, "a string");
    return false;
  }
}

template <class T>
bool decode_value(const boost::json::value& json, T& out, const std::string& field,
                  const FieldInfo& info, Errors& errors);

template <Described T>
void decode_fields(const boost::json::object& body, T& record, const std::string& prefix,
                   Errors& errors) {
  for_each_field<T>([&](const auto& f) {
    using Member = typename std::remove_cvref_t<decltype(f)>::member_type;
    const std::string field = prefix + std::string(f.info.name);
    auto& member = f.get(record);
    const auto it = body.find(f.info.name);
    if (it == body.end()) {
      if (must_be_given<Member>(f.info)) required_error(errors, field);
      return;
    }
    const auto& json = it->value();
    if constexpr (is_patch_v<Member>) {
      if (json.is_null()) {
        member = Member::clear();
        return;
      }
      typename Member::value_type value{};
      if (decode_value(json, value, field, f.info, errors)) member = std::move(value);
    } else if constexpr (is_optional_v<Member>) {
      if (json.is_null()) return;
      typename Member::value_type value{};
      if (decode_value(json, value, field, f.info, errors)) member = std::move(value);
    } else {
      if (json.is_null()) {
        if (f.info.presence == Presence::required) required_error(errors, field);
        return;  // an optional member keeps its default
      }
      decode_value(json, member, field, f.info, errors);
    }
  });
}

template <class T>
bool decode_value(const boost::json::value& json, T& out, const std::string& field,
                  const FieldInfo& info, Errors& errors) {
  if constexpr (std::is_same_v<T, bool>) {
    if (!json.is_bool()) {
      type_error(errors, field, "true or false");
      return false;
    }
    out = json.get_bool();
    return true;
  } else if constexpr (is_integer_v<T>) {
    long long value = 0;
    bool in_range = true;
    if (json.is_int64()) {
      value = json.get_int64();
    } else if (json.is_uint64()) {
      in_range = false;
    } else if (json.is_double()) {
      const double d = json.get_double();
      if (!std::isfinite(d) || std::fabs(d) >= 9.0e18) {
        in_range = false;
      } else if (d != std::floor(d)) {
        type_error(errors, field, "an integer");
        return false;
      } else {
        value = static_cast<long long>(d);
      }
    } else {
      type_error(errors, field, "an integer");
      return false;
    }
    if (!in_range || !integer_in_type<T>(value)) {
      range_error(errors, field, info.limits);
      return false;
    }
    out = static_cast<T>(value);
    return true;
  } else if constexpr (std::is_floating_point_v<T>) {
    if (!json.is_number()) {
      type_error(errors, field, "a number");
      return false;
    }
    out = json.to_number<double>();
    return true;
  } else if constexpr (is_vector_v<T>) {
    if (!json.is_array()) {
      type_error(errors, field, "an array");
      return false;
    }
    const auto& array = json.get_array();
    out.clear();
    out.resize(array.size());
    bool ok = true;
    for (std::size_t i = 0; i < array.size(); ++i) {
      ok =
          decode_value(array[i], out[i], field + "[" + std::to_string(i) + "]", info, errors) && ok;
    }
    return ok;
  } else if constexpr (Described<T>) {
    if (!json.is_object()) {
      type_error(errors, field, "an object");
      return false;
    }
    const auto before = errors.size();
    decode_fields(json.get_object(), out, field + ".", errors);
    return errors.size() == before;
  } else {
    if (!json.is_string()) {
      if constexpr (std::is_same_v<T, std::string>) {
        type_error(errors, field, "a string");
      } else if constexpr (std::is_same_v<T, Date>) {
        type_error(errors, field, "a date written YYYY-MM-DD");
      } else if constexpr (std::is_same_v<T, std::chrono::year_month>) {
        type_error(errors, field, "a month written YYYY-MM");
      } else {
        type_error(errors, field, "a string");
      }
      return false;
    }
    return from_text(std::string_view(json.get_string()), out, field, info, errors);
  }
}

// One query parameter's text.
template <class T>
bool decode_parameter(std::string_view text, T& out, const std::string& field,
                      const FieldInfo& info, Errors& errors) {
  if constexpr (std::is_same_v<T, bool>) {
    if (text == "true" || text == "false") {
      out = text == "true";
      return true;
    }
    type_error(errors, field, "true or false");
    return false;
  } else if constexpr (is_integer_v<T>) {
    long long value = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (ec == std::errc::result_out_of_range) {
      range_error(errors, field, info.limits);
      return false;
    }
    if (ec != std::errc{} || end != text.data() + text.size()) {
      type_error(errors, field, "an integer");
      return false;
    }
    if (!integer_in_type<T>(value)) {
      range_error(errors, field, info.limits);
      return false;
    }
    out = static_cast<T>(value);
    return true;
  } else {
    return from_text(text, out, field, info, errors);
  }
}

}  // namespace codec

// A described input, patch or query from a JSON object; throws ShapeError
// listing every member of the wrong shape.
template <Described T>
T decode(const boost::json::object& body) {
  T record{};
  codec::Errors errors;
  codec::decode_fields(body, record, "", errors);
  if (!errors.empty()) throw ShapeError(std::move(errors));
  return record;
}

// A described query from the decoded query string, in order: a list member
// takes every occurrence of its parameter, any other the first; `ignored`
// fields keep their defaults.
template <Described T>
T decode_query(const std::vector<std::pair<std::string, std::string>>& parameters,
               const std::vector<std::string_view>& ignored = {}) {
  T record{};
  codec::Errors errors;
  for_each_field<T>([&](const auto& f) {
    using Member = typename std::remove_cvref_t<decltype(f)>::member_type;
    for (const auto name : ignored) {
      if (name == f.info.name) return;
    }
    const std::string name(f.info.name);
    auto& member = f.get(record);
    if constexpr (is_vector_v<Member>) {
      for (const auto& [key, text] : parameters) {
        if (key != name) continue;
        typename Member::value_type value{};
        if (codec::decode_parameter(text, value, name, f.info, errors)) {
          member.push_back(std::move(value));
        }
      }
    } else {
      const std::string* text = nullptr;
      for (const auto& [key, value] : parameters) {
        if (key == name) {
          text = &value;
          break;
        }
      }
      if (!text) {
        if (must_be_given<Member>(f.info)) codec::required_error(errors, name);
        return;
      }
      if constexpr (is_optional_v<Member>) {
        typename Member::value_type value{};
        if (codec::decode_parameter(*text, value, name, f.info, errors)) member = std::move(value);
      } else {
        codec::decode_parameter(*text, member, name, f.info, errors);
      }
    }
  });
  if (!errors.empty()) throw ShapeError(std::move(errors));
  return record;
}

}  // namespace dogcare::http
