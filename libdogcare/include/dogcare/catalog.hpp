// Triggers (what set the dog off) and reactions (how it responded): each
// user's own catalog, seeded from a shared default catalog at onboarding.
#pragma once

#include <array>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <tuple>
#include <utility>
#include <vector>

#include "dogcare/dogs.hpp"
#include "dogcare/principal.hpp"
#include "dogcare/record.hpp"

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
  std::vector<std::string> trigger_ids;
  std::vector<std::string> reaction_ids;
  std::optional<std::string> dog_name;  // renames the account's first dog
};

template <>
struct EnumDescription<CatalogKind> {
  static constexpr std::string_view name = "CatalogKind";
  static constexpr std::array<std::pair<CatalogKind, std::string_view>, 2> values{
      {{CatalogKind::trigger, "trigger"}, {CatalogKind::reaction, "reaction"}}};
};

namespace catalog_fields {
inline constexpr FieldInfo id{"id", Presence::required, Limits{}.formatted("uuid"),
                              "The item's id."};
inline constexpr FieldInfo name{"name", Presence::required,
                                Limits{}.length(1, kMaxCatalogNameLength),
                                "The item's name, unique per user ignoring case and accents."};
inline constexpr FieldInfo default_ids{"ids", Presence::optional,
                                       Limits{}.items(kMaxCatalogItemsPerUser).formatted("uuid"),
                                       "Ids of default items to copy into the user's catalog."};
}  // namespace catalog_fields

template <>
struct Description<CatalogItem> {
  static constexpr std::string_view name = "CatalogItem";
  static constexpr std::string_view doc = "A trigger or a reaction of the user's catalog.";
  static constexpr auto fields = std::tuple{
      field(&CatalogItem::id, catalog_fields::id),
      field(&CatalogItem::name, catalog_fields::name),
      field(&CatalogItem::archived,
            {"archived",
             Presence::required,
             {},
             "Kept for the observations that use it, no longer offered for new ones."}),
  };
};

template <>
struct Description<DefaultCatalogItem> {
  static constexpr std::string_view name = "DefaultCatalogItem";
  static constexpr std::string_view doc = "An entry of the default catalog.";
  static constexpr auto fields = std::tuple{
      field(&DefaultCatalogItem::id, catalog_fields::id),
      field(&DefaultCatalogItem::name, catalog_fields::name),
      field(&DefaultCatalogItem::position, {"position", Presence::required, {}, "Display order."}),
  };
};

template <>
struct Description<Onboarding> {
  static constexpr std::string_view name = "Onboarding";
  static constexpr std::string_view doc = "What a new user picks at the first login.";
  static constexpr auto fields = std::tuple{
      field(&Onboarding::trigger_ids,
            {"trigger_ids", Presence::optional, catalog_fields::default_ids.limits,
             "Ids of default triggers to copy into the user's catalog."}),
      field(&Onboarding::reaction_ids,
            {"reaction_ids", Presence::optional, catalog_fields::default_ids.limits,
             "Ids of default reactions to copy into the user's catalog."}),
      field(&Onboarding::dog_name, {"dog_name", Presence::optional, dog_fields::name.limits,
                                    "Renames the account's first dog."}),
  };
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
