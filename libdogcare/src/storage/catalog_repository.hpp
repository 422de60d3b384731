// Persistence of a user's catalog: triggers or reactions, one repository
// per kind, and the default catalog they are first copied from.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "dogcare/catalog.hpp"
#include "storage/odbc.hpp"
#include "storage/page.hpp"

namespace dogcare::storage {

class Sql;

class CatalogRepository {
 public:
  CatalogRepository(Connection& connection, CatalogKind kind);
  void insert(const std::string& owner_id, const CatalogItem& item);
  std::optional<CatalogItem> find(const std::string& owner_id, const std::string& id);
  std::size_t count(const std::string& owner_id);
  // By name, case- and accent-insensitively (archived items included).
  std::optional<CatalogItem> find_by_name(const std::string& owner_id, const std::string& name);
  // Alphabetical by folded name; the cursor is the last item's folded name.
  Page<CatalogItem, std::string> list(const std::string& owner_id, bool include_archived,
                                      const std::optional<std::string>& after, std::size_t limit);
  bool rename(const std::string& owner_id, const std::string& id, const std::string& name);
  bool set_archived(const std::string& owner_id, const std::string& id, bool archived);
  // Whether any observation links the item.
  bool in_use(const std::string& owner_id, const std::string& id);
  bool remove(const std::string& owner_id, const std::string& id);

  std::vector<DefaultCatalogItem> defaults();

 private:
  std::optional<CatalogItem> find_one(const Sql& sql);

  Connection& connection_;
  CatalogKind kind_;
  std::string table_;        // triggers | reactions
  std::string link_table_;   // observation_triggers | observation_reactions
  std::string link_column_;  // trigger_id | reaction_id
};

}  // namespace dogcare::storage
