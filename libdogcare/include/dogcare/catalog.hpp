// Triggers (what set the dog off) and reactions (how it responded): each
// user's own catalog, seeded from a shared default catalog at onboarding.
#pragma once

#include <string>
#include <string_view>

namespace dogcare {

enum class CatalogKind { trigger, reaction };

std::string_view to_string(CatalogKind kind) noexcept;

struct CatalogItem {
  std::string id;
  std::string name;
  // Archived items stay readable in the observations that use them but are no
  // longer offered for new ones.
  bool archived = false;
};

// An entry of the default catalog offered to every new account.
struct DefaultCatalogItem {
  std::string id;
  CatalogKind kind = CatalogKind::trigger;
  std::string name;
  int position = 0;  // display order
};

}  // namespace dogcare
