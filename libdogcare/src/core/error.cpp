#include "dogcare/error.hpp"

#include <array>
#include <utility>

namespace dogcare {

std::string_view to_string(ErrorCode code) noexcept {
  switch (code) {
    case ErrorCode::invalid_argument:
      return "invalid_argument";
    case ErrorCode::not_found:
      return "not_found";
    case ErrorCode::conflict:
      return "conflict";
    case ErrorCode::unauthenticated:
      return "unauthenticated";
    case ErrorCode::rate_limited:
      return "rate_limited";
    case ErrorCode::unavailable:
      return "unavailable";
    case ErrorCode::internal:
      return "internal";
  }
  return "internal";
}

namespace {

constexpr std::array<std::pair<Rule, std::string_view>, 14> kRuleNames{{
    {Rule::required, "required"},
    {Rule::too_short, "too_short"},
    {Rule::too_long, "too_long"},
    {Rule::out_of_range, "out_of_range"},
    {Rule::too_many, "too_many"},
    {Rule::too_early, "too_early"},
    {Rule::too_late, "too_late"},
    {Rule::invalid_format, "invalid_format"},
    {Rule::invalid_characters, "invalid_characters"},
    {Rule::unknown, "unknown"},
    {Rule::taken, "taken"},
    {Rule::limit_reached, "limit_reached"},
    {Rule::wrong, "wrong"},
    {Rule::invalid, "invalid"},
}};

std::string first_message(const std::vector<Violation>& violations) {
  return violations.empty() ? std::string("invalid input") : violations.front().message;
}

}  // namespace

std::string_view to_string(Rule rule) noexcept {
  for (const auto& [value, name] : kRuleNames) {
    if (value == rule) return name;
  }
  return "invalid";
}

std::optional<Rule> parse_rule(std::string_view name) noexcept {
  for (const auto& [value, text] : kRuleNames) {
    if (text == name) return value;
  }
  return std::nullopt;
}

Error::Error(ErrorCode code, const std::string& message, std::string field,
             std::chrono::seconds retry_after)
    : std::runtime_error(message),
      code_(code),
      field_(std::move(field)),
      retry_after_(retry_after) {
  if (code_ == ErrorCode::invalid_argument) {
    violations_.push_back({field_, Rule::invalid, {}, {}, {}, {}, message});
  }
}

Error::Error(std::vector<Violation> violations)
    : std::runtime_error(first_message(violations)),
      code_(ErrorCode::invalid_argument),
      field_(violations.empty() ? std::string() : violations.front().field),
      violations_(std::move(violations)),
      retry_after_(0) {}

void throw_invalid(Violation violation) {
  throw Error(std::vector<Violation>{std::move(violation)});
}

void throw_invalid(std::string field, Rule rule, const std::string& message) {
  throw_invalid(Violation{std::move(field), rule, {}, {}, {}, {}, message});
}

void throw_invalid(std::string field, const std::string& message) {
  throw_invalid(std::move(field), Rule::invalid, message);
}

void throw_not_found(const std::string& what) {
  throw Error(ErrorCode::not_found, what + " not found");
}

void throw_conflict(const std::string& message, std::string field) {
  throw Error(ErrorCode::conflict, message, std::move(field));
}

}  // namespace dogcare
