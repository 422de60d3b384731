#include <boost/json/parse.hpp>
#include <charconv>
#include <cmath>
#include <cstdio>

#include "json_decode.hpp"
#include "json_writer.hpp"

namespace dogcare::http {

namespace json = boost::json;

json::object parse_object(const std::string& body) {
  json::error_code ec;
  json::parse_options options;
  options.max_depth = 32;
  auto value = json::parse(body, ec, {}, options);
  if (ec) {
    throw ShapeError({{"",
                       "invalid_json",
                       {},
                       {},
                       {},
                       {},
                       "the body is not valid JSON (" + ec.message() + ")"}});
  }
  if (!value.is_object()) {
    throw ShapeError({{"", "invalid_type", {}, {}, {}, {}, "the body must be a JSON object"}});
  }
  return std::move(value.get_object());
}

namespace codec {

void type_error(Errors& errors, const std::string& field, std::string_view expected) {
  errors.push_back(
      {field, "invalid_type", {}, {}, {}, {}, field + " must be " + std::string(expected)});
}

void required_error(Errors& errors, const std::string& field) {
  errors.push_back(
      {field, std::string(to_string(Rule::required)), {}, {}, {}, {}, field + " is required"});
}

void format_error(Errors& errors, const std::string& field, std::string_view expected) {
  errors.push_back({field,
                    std::string(to_string(Rule::invalid_format)),
                    {},
                    {},
                    {},
                    {},
                    field + " must be " + std::string(expected)});
}

void range_error(Errors& errors, const std::string& field, const Limits& limits) {
  FieldError error{field, std::string(to_string(Rule::out_of_range)), {}, {}, {}, {}, {}};
  if (limits.has_min()) error.min = limits.min;
  if (limits.has_max()) error.max = limits.max;
  if (error.min && error.max) {
    error.message = field + " must be between " + std::to_string(*error.min) + " and " +
                    std::to_string(*error.max);
  } else {
    error.message = field + " is out of range";
  }
  errors.push_back(std::move(error));
}

}  // namespace codec

void JsonWriter::integer(long long value) {
  char buffer[24];
  const auto result = std::to_chars(buffer, buffer + sizeof buffer, value);
  raw(std::string_view(buffer, static_cast<std::size_t>(result.ptr - buffer)));
}

void JsonWriter::unsigned_integer(unsigned long long value) {
  char buffer[24];
  const auto result = std::to_chars(buffer, buffer + sizeof buffer, value);
  raw(std::string_view(buffer, static_cast<std::size_t>(result.ptr - buffer)));
}

void JsonWriter::number(double value) {
  // JSON has no NaN or infinity; the library never produces them, but a
  // document must stay valid whatever happens.
  if (!std::isfinite(value)) {
    raw("null");
    return;
  }
  char buffer[32];
  const auto result = std::to_chars(buffer, buffer + sizeof buffer, value);
  raw(std::string_view(buffer, static_cast<std::size_t>(result.ptr - buffer)));
}

void JsonWriter::write_string(std::string_view text) {
  static constexpr char hex[] = "0123456789abcdef";
  out_.reserve(out_.size() + text.size() + 2);
  out_ += '"';
  for (const char c : text) {
    const auto byte = static_cast<unsigned char>(c);
    switch (c) {
      case '"':
        out_ += "\\\"";
        break;
      case '\\':
        out_ += "\\\\";
        break;
      case '\n':
        out_ += "\\n";
        break;
      case '\r':
        out_ += "\\r";
        break;
      case '\t':
        out_ += "\\t";
        break;
      case '\b':
        out_ += "\\b";
        break;
      case '\f':
        out_ += "\\f";
        break;
      default:
        if (byte < 0x20 || byte == 0x7f) {
          out_ += "\\u00";
          out_ += hex[byte >> 4];
          out_ += hex[byte & 0xf];
        } else {
          out_ += c;
        }
    }
  }
  out_ += '"';
}

}  // namespace dogcare::http
