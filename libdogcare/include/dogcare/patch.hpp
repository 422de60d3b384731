// A member of a partial update in three states: absent (keep what is
// stored), null (clear it) or a value (set it). Every adapter maps the same
// three states: JSON absent / null / value; Python UNSET / None / value.
#pragma once

#include <concepts>
#include <optional>
#include <stdexcept>
#include <type_traits>
#include <utility>

namespace dogcare {

template <class T>
class Patch {
 public:
  using value_type = T;

  Patch() = default;                                       // absent: keep
  Patch(std::nullopt_t) noexcept : state_(State::null) {}  // null: clear
  template <class U = T>
  requires std::constructible_from<T, U&&> &&(!std::same_as<std::remove_cvref_t<U>, Patch>)&&(
      !std::same_as<std::remove_cvref_t<U>, std::nullopt_t>)Patch(U&& value)
      : state_(State::value), value_(std::forward<U>(value)) {}

  static Patch keep() { return Patch(); }
  static Patch clear() { return Patch(std::nullopt); }

  bool absent() const noexcept { return state_ == State::absent; }
  bool is_null() const noexcept { return state_ == State::null; }
  bool has_value() const noexcept { return state_ == State::value; }

  const T& value() const {
    if (!has_value()) throw std::logic_error("Patch holds no value");
    return *value_;
  }
  T& value() {
    if (!has_value()) throw std::logic_error("Patch holds no value");
    return *value_;
  }

  // What an optional member becomes: kept when absent, cleared when null.
  void apply_to(std::optional<T>& target) const {
    if (has_value()) {
      target = *value_;
    } else if (is_null()) {
      target.reset();
    }
  }
  // A plain member: a value sets it; null empties it (validation refuses
  // null where the field is required, so only text and lists get here).
  void apply_to(T& target) const {
    if (has_value()) {
      target = *value_;
    } else if (is_null()) {
      target = T{};
    }
  }

  bool operator==(const Patch&) const = default;

 private:
  enum class State : unsigned char { absent, null, value };
  State state_ = State::absent;
  std::optional<T> value_;
};

template <class T>
struct is_patch : std::false_type {};
template <class T>
struct is_patch<Patch<T>> : std::true_type {};
template <class T>
inline constexpr bool is_patch_v = is_patch<T>::value;

}  // namespace dogcare
