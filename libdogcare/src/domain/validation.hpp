// Validation from the records' descriptions (dogcare/record.hpp): every
// field of an input or a patch is checked against its FieldInfo, text is
// normalised in place (trimmed; an empty optional text becomes null), and
// every bad field is reported at once in one dogcare::Error.
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

#include "dogcare/clock.hpp"
#include "dogcare/error.hpp"
#include "dogcare/patch.hpp"
#include "dogcare/principal.hpp"
#include "dogcare/record.hpp"
#include "dogcare/time.hpp"
#include "dogcare/time_zone.hpp"

namespace dogcare::domain {

// The caller's today: the date in their time zone. Date limits
// (Limits::latest_after_today) and periods ("this month") count from it.
inline Date local_today(const Clock& clock, const Principal& principal) {
  return local_date(clock.now(), principal.time_zone);
}

// The violations found so far; raise() throws them as one Error.
class Violations {
 public:
  void add(Violation violation) { list_.push_back(std::move(violation)); }
  bool empty() const noexcept { return list_.empty(); }
  void raise_if_any() {
    if (!list_.empty()) throw Error(std::move(list_));
  }

 private:
  std::vector<Violation> list_;
};

// The checks behind the templates below, one per kind of value. `field` is
// the path reported ("triggers[2]"). Each returns false after adding a violation.
bool check_text(std::string& text, const std::string& field, const FieldInfo& info,
                Violations& out);
bool check_integer(long long value, const std::string& field, const FieldInfo& info,
                   Violations& out);
bool check_date(Date date, const std::string& field, const FieldInfo& info, Date today,
                Violations& out);
bool check_count(std::size_t count, const std::string& field, const FieldInfo& info,
                 Violations& out);
void add_required(const std::string& field, Violations& out);

namespace detail {

// A present value of type T: checked, normalised in place.
template <class T>
void check_value(T& value, const std::string& field, const FieldInfo& info, Date today,
                 Violations& out) {
  if constexpr (std::is_same_v<T, std::string>) {
    check_text(value, field, info, out);
  } else if constexpr (std::is_same_v<T, bool>) {
    // nothing to check
  } else if constexpr (std::is_integral_v<T>) {
    check_integer(static_cast<long long>(value), field, info, out);
  } else if constexpr (std::is_same_v<T, Date>) {
    check_date(value, field, info, today, out);
  } else if constexpr (std::is_same_v<T, std::chrono::year_month>) {
    if (!value.ok()) {
      out.add({field, Rule::invalid_format, {}, {}, {}, {}, field + " is not a valid month"});
    }
  } else if constexpr (std::is_enum_v<T>) {
    // an enumerator by construction
  } else if constexpr (is_vector_v<T>) {
    check_count(value.size(), field, info, out);
    for (std::size_t i = 0; i < value.size(); ++i) {
      const std::string element = field + "[" + std::to_string(i) + "]";
      if constexpr (std::is_same_v<typename T::value_type, std::string>) {
        // An element of a list of text is never empty.
        if (check_text(value[i], element, info, out) && value[i].empty()) {
          add_required(element, out);
        }
      } else {
        check_value(value[i], element, info, today, out);
      }
    }
  } else {
    static_assert(!sizeof(T*), "no validation for this member type");
  }
}

}  // namespace detail

// Checks one member according to its shape: a plain value, an optional one,
// or a Patch (null is refused where the field is required).
template <class Member>
void check_member(Member& member, const FieldInfo& info, Date today, Violations& out,
                  const std::string& prefix = {}) {
  const std::string field = prefix + std::string(info.name);
  const bool required = info.presence == Presence::required;
  if constexpr (is_patch_v<Member>) {
    if (member.is_null()) {
      if (required) add_required(field, out);
      return;
    }
    if (!member.has_value()) return;
    auto& value = member.value();
    if constexpr (std::is_same_v<typename Member::value_type, std::string>) {
      if (!check_text(value, field, info, out)) return;
      if (value.empty()) {
        if (required) {
          add_required(field, out);
        } else {
          member = Patch<std::string>::clear();
        }
      }
    } else {
      detail::check_value(value, field, info, today, out);
    }
  } else if constexpr (is_optional_v<Member>) {
    if (!member) return;
    if constexpr (std::is_same_v<typename Member::value_type, std::string>) {
      if (check_text(*member, field, info, out) && member->empty()) {
        if (required) {
          add_required(field, out);
        } else {
          member.reset();
        }
      }
    } else {
      detail::check_value(*member, field, info, today, out);
    }
  } else if constexpr (std::is_same_v<Member, std::string>) {
    if (check_text(member, field, info, out) && member.empty() && required) {
      add_required(field, out);
    }
  } else {
    detail::check_value(member, field, info, today, out);
  }
}

// Checks and normalises every described field of `record`; collects all
// the violations, then throws them together.
template <Described Record>
void validate(Record& record, Date today) {
  Violations out;
  for_each_field<Record>([&](const auto& f) { check_member(f.get(record), f.info, today, out); });
  out.raise_if_any();
}

}  // namespace dogcare::domain
