// What the codec, the query decoder and the OpenAPI generator need to know
// about a member's C++ type beyond the library's traits (record.hpp).
#pragma once

#include <chrono>
#include <string>
#include <type_traits>

#include "dogcare/patch.hpp"
#include "dogcare/record.hpp"
#include "dogcare/time.hpp"

namespace dogcare::http {

template <class T>
inline constexpr bool is_integer_v =
    std::is_integral_v<T> && !std::is_same_v<T, bool> && !std::is_same_v<T, char>;

// Whether a member must be in an input: required, and neither optional nor a Patch.
template <class Member>
constexpr bool must_be_given(const FieldInfo& info) {
  return info.presence == Presence::required && !is_optional_v<Member> && !is_patch_v<Member>;
}

// Whether JSON null is accepted for a member: an optional field, except a
// Patch of a required one (the library refuses to clear it).
template <class Member>
constexpr bool accepts_null(const FieldInfo& info) {
  if constexpr (is_patch_v<Member>) {
    return info.presence == Presence::optional;
  } else if constexpr (is_optional_v<Member>) {
    return true;
  } else {
    return info.presence == Presence::optional;
  }
}

}  // namespace dogcare::http
