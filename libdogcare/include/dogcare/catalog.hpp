// Triggers (what set the dog off) and reactions (how it responded): each
// user's own catalog, seeded from a shared default catalog at onboarding.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "dogcare/principal.hpp"

namespace dogcare {

enum class CatalogKind { trigger, reaction };

std::string_view to_string(CatalogKind kind) noexcept;

inline constexpr std::size_t kMaxCatalogNameLength = 100;  // code points
inline constexpr std::size_t kMaxCatalogItemsPerUser = 500;

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

// What a new user picks at the first login.
struct Onboarding {
  std::vector<std::string> default_trigger_ids;
  std::vector<std::string> default_reaction_ids;
  std::optional<std::string> dog_name;  // renames the account's first dog
};

class Database;

class Catalog {
 public:
  explicit Catalog(Database& database) : database_(database) {}

  std::vector<DefaultCatalogItem> defaults(CatalogKind kind);
  // Copies the chosen defaults into the user's catalog (names the user
  // already has are kept), names the first dog, marks the user onboarded:
  // all in one transaction.
  void onboard(const Principal& principal, const Onboarding& choice);

  // Alphabetical (case- and accent-insensitively).
  std::vector<CatalogItem> list(const Principal& principal, CatalogKind kind,
                                bool include_archived = false);
  CatalogItem get(const Principal& principal, CatalogKind kind, const std::string& id);
  // Creates the item; a name matching an archived item brings it back.
  CatalogItem create(const Principal& principal, CatalogKind kind, std::string_view name);
  CatalogItem rename(const Principal& principal, CatalogKind kind, const std::string& id,
                     std::string_view name);
  // Deletes an unused item; archives one that observations use, so their
  // history stays readable.
  void remove(const Principal& principal, CatalogKind kind, const std::string& id);

 private:
  Database& database_;
};

}  // namespace dogcare
