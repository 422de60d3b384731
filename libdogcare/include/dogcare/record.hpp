// How a record is described, once, next to its struct: each field's name on
// the wire, the member it is, whether it is required, its limits and a line
// of documentation. The library validates from these descriptions; the REST
// adapter decodes, encodes and documents (OpenAPI) from them; the Python
// module binds from them. A new field is one line in one description.
//
//   template <> struct Description<DogInput> {
//     static constexpr std::string_view name = "DogInput";
//     static constexpr std::string_view doc = "A new dog.";
//     static constexpr auto fields = std::tuple{
//         field(&DogInput::name, dog_fields::name), ...};
//   };
//
// A FieldInfo is shared by every record that carries the field (the dog, its
// input, its patch), so a limit or a sentence is written once.
#pragma once

#include <array>
#include <concepts>
#include <cstddef>
#include <initializer_list>
#include <limits>
#include <optional>
#include <string_view>
#include <tuple>
#include <type_traits>
#include <utility>
#include <vector>

#include "dogcare/patch.hpp"
#include "dogcare/time.hpp"

namespace dogcare {

enum class Presence : unsigned char {
  required,  // an input must give it (a patch may omit it, never null it); always in output
  optional,  // may be absent or null
};

// What does not apply keeps its default ("no limit").
struct Limits {
  // Text, after trimming, in code points; for a list of text, each element.
  std::size_t min_length = 0;
  std::size_t max_length = 0;  // 0: none
  // Integers; for a list of integers, each element.
  long long min = std::numeric_limits<long long>::min();
  long long max = std::numeric_limits<long long>::max();
  std::size_t max_items = 0;  // lists; 0: none
  // Dates: no earlier than `earliest`, no later than today + latest_after_today days.
  std::optional<Date> earliest;
  std::optional<int> latest_after_today;
  bool multiline = false;  // text may hold line breaks and tabs
  // Text restricted to these ASCII characters, written as a regular
  // expression's bracket body ("A-Za-z0-9._-"); empty: any printable text.
  std::string_view characters;
  // A named format an adapter can show (OpenAPI "format"): "email", "uuid", "password".
  std::string_view format;

  constexpr bool has_min() const { return min != std::numeric_limits<long long>::min(); }
  constexpr bool has_max() const { return max != std::numeric_limits<long long>::max(); }

  // Built by chaining, so a description names only what applies:
  // Limits{}.length(1, 100).lines()
  constexpr Limits length(std::size_t min_code_points, std::size_t max_code_points) const {
    Limits l = *this;
    l.min_length = min_code_points;
    l.max_length = max_code_points;
    return l;
  }
  constexpr Limits between(long long low, long long high) const {
    Limits l = *this;
    l.min = low;
    l.max = high;
    return l;
  }
  constexpr Limits items(std::size_t most) const {
    Limits l = *this;
    l.max_items = most;
    return l;
  }
  constexpr Limits dates(Date first, int days_after_today) const {
    Limits l = *this;
    l.earliest = first;
    l.latest_after_today = days_after_today;
    return l;
  }
  constexpr Limits lines() const {
    Limits l = *this;
    l.multiline = true;
    return l;
  }
  constexpr Limits charset(std::string_view allowed) const {
    Limits l = *this;
    l.characters = allowed;
    return l;
  }
  constexpr Limits formatted(std::string_view name) const {
    Limits l = *this;
    l.format = name;
    return l;
  }
};

struct FieldInfo {
  constexpr FieldInfo(std::string_view name_, Presence presence_, Limits limits_,
                      std::string_view doc_, bool write_only_ = false)
      : name(name_), presence(presence_), limits(limits_), doc(doc_), write_only(write_only_) {}

  std::string_view name;  // on the wire and in errors
  Presence presence;
  Limits limits;
  std::string_view doc;  // one line, English
  // Never sent back to a client (passwords); still accepted as input.
  bool write_only;
};

template <class Record, class Member>
struct Field {
  using record_type = Record;
  using member_type = Member;
  FieldInfo info;
  Member Record::*member;

  constexpr const Member& get(const Record& record) const { return record.*member; }
  constexpr Member& get(Record& record) const { return record.*member; }
};

template <class Record, class Member>
constexpr Field<Record, Member> field(Member Record::*member, const FieldInfo& info) {
  return {info, member};
}

// What generic code (validation, the adapters' codecs) asks of a member's
// C++ type, in one place.
template <class T>
struct is_optional : std::false_type {};
template <class T>
struct is_optional<std::optional<T>> : std::true_type {};
template <class T>
inline constexpr bool is_optional_v = is_optional<T>::value;

template <class T>
struct is_vector : std::false_type {};
template <class T>
struct is_vector<std::vector<T>> : std::true_type {};
template <class T>
inline constexpr bool is_vector_v = is_vector<T>::value;

// The value inside an optional or a Patch; T itself otherwise.
template <class T>
struct unwrapped {
  using type = T;
};
template <class T>
struct unwrapped<std::optional<T>> {
  using type = T;
};
template <class T>
struct unwrapped<Patch<T>> {
  using type = T;
};
template <class T>
using unwrapped_t = typename unwrapped<T>::type;

// Specialised next to each record: name, doc, fields (a tuple of Field).
template <class T>
struct Description;

template <class T>
concept Described = requires {
  { Description<T>::name } -> std::convertible_to<std::string_view>;
  Description<T>::fields;
};

// Calls f(field) for each field of T's description, in order.
template <Described T, class F>
constexpr void for_each_field(F&& f) {
  std::apply([&](const auto&... fields) { (f(fields), ...); }, Description<T>::fields);
}

namespace detail {

inline bool skipped(std::string_view name, std::initializer_list<std::string_view> skip) {
  for (const auto s : skip) {
    if (s == name) return true;
  }
  return false;
}

}  // namespace detail

// Copies each field of `from` into the field of `to` of the same name and a
// type it takes (an input into its record), but for those named in `skip`.
template <Described From, Described To>
void assign_fields(const From& from, To& to, std::initializer_list<std::string_view> skip = {}) {
  for_each_field<From>([&](const auto& source) {
    if (detail::skipped(source.info.name, skip)) return;
    for_each_field<To>([&](const auto& target) {
      using S = std::remove_cvref_t<decltype(source.get(from))>;
      using T = std::remove_cvref_t<decltype(target.get(to))>;
      if constexpr (std::is_assignable_v<T&, const S&>) {
        if (source.info.name == target.info.name) target.get(to) = source.get(from);
      }
    });
  });
}

// Applies each Patch field of `patch` to the field of `record` of the same
// name (absent keeps, null clears, a value sets), but for those in `skip`.
template <Described P, Described R>
void apply_patch(const P& patch, R& record, std::initializer_list<std::string_view> skip = {}) {
  for_each_field<P>([&](const auto& source) {
    if (detail::skipped(source.info.name, skip)) return;
    for_each_field<R>([&](const auto& target) {
      using S = std::remove_cvref_t<decltype(source.get(patch))>;
      using T = std::remove_cvref_t<decltype(target.get(record))>;
      if constexpr (is_patch_v<S> && requires(const S& p, T& t) { p.apply_to(t); }) {
        if (source.info.name == target.info.name) source.get(patch).apply_to(target.get(record));
      }
    });
  });
}

// Enumerations cross adapters by name: EnumDescription<E>::values lists
// {value, name} pairs; to_name and parse_name follow from it.
template <class E>
struct EnumDescription;

template <class E>
concept DescribedEnum = std::is_enum_v<E> && requires {
  { EnumDescription<E>::name } -> std::convertible_to<std::string_view>;
  EnumDescription<E>::values;
};

template <DescribedEnum E>
constexpr std::string_view to_name(E value) noexcept {
  for (const auto& [v, name] : EnumDescription<E>::values) {
    if (v == value) return name;
  }
  return {};
}

template <DescribedEnum E>
constexpr std::optional<E> parse_name(std::string_view text) noexcept {
  for (const auto& [v, name] : EnumDescription<E>::values) {
    if (name == text) return v;
  }
  return std::nullopt;
}

// The two fields of every keyset-paged listing (a query's cursor, a page's next one).
namespace page_fields {
inline constexpr FieldInfo cursor{
    "cursor", Presence::optional, {}, "The next_cursor of the previous page."};
inline constexpr FieldInfo next_cursor{
    "next_cursor", Presence::optional, {}, "The next page's cursor; absent on the last page."};
}  // namespace page_fields

}  // namespace dogcare
