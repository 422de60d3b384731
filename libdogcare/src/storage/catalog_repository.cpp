#include "storage/catalog_repository.hpp"

#include "core/text.hpp"
#include "dogcare/time.hpp"
#include "storage/rows.hpp"
#include "storage/sql_builder.hpp"

namespace dogcare::storage {

CatalogRepository::CatalogRepository(Connection& connection, CatalogKind kind)
    : connection_(connection),
      kind_(kind),
      table_(kind == CatalogKind::trigger ? "triggers" : "reactions"),
      link_table_(kind == CatalogKind::trigger ? "observation_triggers" : "observation_reactions"),
      link_column_(kind == CatalogKind::trigger ? "trigger_id" : "reaction_id") {}

void CatalogRepository::insert(const std::string& owner_id, const CatalogItem& item) {
  Sql sql("INSERT INTO ");
  sql.append(table_).append(
      " (id, user_id, name, name_key, archived, created_at) VALUES (?, ?, ?, ?, ?, ?)", item.id,
      owner_id, item.name, fold_key(item.name, "name"), item.archived, now_utc());
  BoundStatement(connection_, sql).execute();
}

std::optional<CatalogItem> CatalogRepository::find_one(const Sql& sql) {
  BoundStatement query(connection_, sql);
  query.execute();
  std::optional<CatalogItem> out;
  if (query.fetch()) {
    out = CatalogItem{query.text_or_empty(1), query.text_or_empty(2), query.integer_or(3, 0) != 0};
  }
  drain(query);
  return out;
}

std::optional<CatalogItem> CatalogRepository::find(const std::string& owner_id,
                                                   const std::string& id) {
  Sql sql("SELECT id, name, archived FROM ");
  sql.append(table_).append(" WHERE user_id = ? AND id = ?", owner_id, id);
  return find_one(sql);
}

std::size_t CatalogRepository::count(const std::string& owner_id) {
  Sql sql("SELECT COUNT(*) FROM ");
  sql.append(table_).append(" WHERE user_id = ?", owner_id);
  return static_cast<std::size_t>(BoundStatement(connection_, sql).scalar());
}

std::optional<CatalogItem> CatalogRepository::find_by_name(const std::string& owner_id,
                                                           const std::string& name) {
  Sql sql("SELECT id, name, archived FROM ");
  sql.append(table_).append(" WHERE user_id = ? AND name_key = ?", owner_id,
                            fold_key(name, "name"));
  return find_one(sql);
}

Page<CatalogItem, std::string> CatalogRepository::list(const std::string& owner_id,
                                                       bool include_archived,
                                                       const std::optional<std::string>& after,
                                                       std::size_t limit) {
  limit = clamp_limit(limit);
  Sql sql("SELECT id, name, archived, name_key FROM ");
  sql.append(table_).append(" WHERE user_id = ?", owner_id);
  if (!include_archived) sql.append(" AND archived = 0");
  if (after) sql.append(" AND name_key > ?", *after);
  sql.append(" ORDER BY name_key {LIMIT}", limit + 1);
  BoundStatement query(connection_, sql);
  query.execute();
  Page<CatalogItem, std::string> page;
  std::vector<std::string> keys;
  while (query.fetch()) {
    page.items.push_back(
        {query.text_or_empty(1), query.text_or_empty(2), query.integer_or(3, 0) != 0});
    keys.push_back(query.text_or_empty(4));
  }
  if (page.items.size() > limit) {
    page.items.pop_back();
    page.next = keys[limit - 1];
  }
  return page;
}

bool CatalogRepository::rename(const std::string& owner_id, const std::string& id,
                               const std::string& name) {
  Sql sql("UPDATE ");
  sql.append(table_).append(" SET name = ?, name_key = ? WHERE user_id = ? AND id = ?", name,
                            fold_key(name, "name"), owner_id, id);
  return BoundStatement(connection_, sql).execute() > 0;
}

bool CatalogRepository::set_archived(const std::string& owner_id, const std::string& id,
                                     bool archived) {
  Sql sql("UPDATE ");
  sql.append(table_).append(" SET archived = ? WHERE user_id = ? AND id = ?", archived, owner_id,
                            id);
  return BoundStatement(connection_, sql).execute() > 0;
}

bool CatalogRepository::in_use(const std::string& owner_id, const std::string& id) {
  Sql sql("SELECT COUNT(*) FROM ");
  sql.append(link_table_).append(" WHERE user_id = ?", owner_id);
  sql.append(" AND ").append(link_column_).append(" = ?", id);
  return BoundStatement(connection_, sql).scalar() > 0;
}

bool CatalogRepository::remove(const std::string& owner_id, const std::string& id) {
  Sql sql("DELETE FROM ");
  sql.append(table_).append(" WHERE user_id = ? AND id = ?", owner_id, id);
  return BoundStatement(connection_, sql).execute() > 0;
}

std::vector<DefaultCatalogItem> CatalogRepository::defaults() {
  Statement query(connection_,
                  "SELECT id, name, sort_order FROM default_catalog WHERE kind = ?"
                  " ORDER BY sort_order");
  query.bind_all(std::string(to_string(kind_))).execute();
  std::vector<DefaultCatalogItem> out;
  while (query.fetch()) {
    out.push_back({query.text_or_empty(1), kind_, query.text_or_empty(2),
                   static_cast<int>(query.integer_or(3, 0))});
  }
  return out;
}

}  // namespace dogcare::storage
