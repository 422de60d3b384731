// An observation: what happened with one dog on one day (the original's
// daily entry), with the optional incident detail trainers ask for.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "dogcare/catalog.hpp"
#include "dogcare/time.hpp"

namespace dogcare {

inline constexpr int kMinSeverity = 1;
inline constexpr int kMaxSeverity = 5;

struct ItemRef {
  std::string id;
  std::string name;
  bool operator==(const ItemRef&) const = default;
};

struct Observation {
  std::string id;
  std::string owner_id;
  std::string dog_id;
  Date date{};
  int severity = kMinSeverity;  // 1 (barely) .. 5 (worst)
  std::string comment;
  std::vector<ItemRef> triggers;
  std::vector<ItemRef> reactions;
  std::optional<int> distance_m;    // distance to the trigger, metres
  std::optional<int> recovery_min;  // time to calm down, minutes
  std::optional<std::string> handler_action;
  Timestamp created_at{};
  Timestamp updated_at{};
};

}  // namespace dogcare
