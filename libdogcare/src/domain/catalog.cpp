#include "dogcare/catalog.hpp"

#include <algorithm>

#include "core/ids.hpp"
#include "dogcare/database.hpp"
#include "dogcare/dogs.hpp"
#include "dogcare/error.hpp"
#include "domain/rules.hpp"
#include "domain/validation.hpp"
#include "storage/database_impl.hpp"
#include "storage/repositories.hpp"

namespace dogcare {

std::string_view to_string(CatalogKind kind) noexcept {
  return kind == CatalogKind::trigger ? "trigger" : "reaction";
}
namespace {

std::string item_name(std::string_view raw) {
  return domain::required_text(raw, catalog_fields::name);
}

CatalogItem must_find(storage::CatalogRepository& items, const Principal& principal,
                      CatalogKind kind, const std::string& id) {
  if (!valid_id(id)) throw_not_found(std::string(to_string(kind)));
  auto item = items.find(principal.user_id, id);
  if (!item) throw_not_found(std::string(to_string(kind)));
  return std::move(*item);
}

// Copies the chosen default items of one kind; unknown ids are bad input.
void copy_defaults(storage::Connection& connection, const std::string& owner_id, CatalogKind kind,
                   const std::vector<std::string>& chosen, const std::string& field) {
  storage::CatalogRepository items(connection, kind);
  const auto defaults = items.defaults();
  for (std::size_t i = 0; i < chosen.size(); ++i) {
    const auto found = std::find_if(defaults.begin(), defaults.end(),
                                    [&](const auto& d) { return d.id == chosen[i]; });
    if (found == defaults.end()) {
      throw_invalid(field + "[" + std::to_string(i) + "]", Rule::unknown,
                    "not an entry of the default " + std::string(to_string(kind)) + "s");
    }
    const auto existing = items.find_by_name(owner_id, found->name);
    if (existing) {
      if (existing->archived) items.set_archived(owner_id, existing->id, false);
      continue;
    }
    domain::create_item(connection, owner_id, kind, found->name);
  }
}

}  // namespace

std::vector<DefaultCatalogItem> Catalog::defaults(CatalogKind kind) {
  auto connection = storage::pool(database_).borrow();
  return storage::CatalogRepository(*connection, kind).defaults();
}

void Catalog::onboard(const Principal& principal, const Onboarding& input) {
  Onboarding choice = input;
  domain::validate(choice, today_utc());
  const std::optional<std::string>& dog_name = choice.dog_name;
  auto connection = storage::pool(database_).borrow();
  storage::Transaction transaction(*connection);
  storage::UserRepository users(*connection);
  auto user = users.find(principal.user_id);
  if (!user) throw_not_found("user");
  copy_defaults(*connection, principal.user_id, CatalogKind::trigger, choice.trigger_ids,
                "trigger_ids");
  copy_defaults(*connection, principal.user_id, CatalogKind::reaction, choice.reaction_ids,
                "reaction_ids");
  if (dog_name) {
    storage::DogRepository dogs(*connection);
    auto first = dogs.list(principal.user_id, std::nullopt, 1);
    if (first.items.empty()) {
      Dog dog;
      dog.id = new_id();
      dog.owner_id = principal.user_id;
      dog.name = *dog_name;
      dog.created_at = dog.updated_at = now_utc();
      dogs.insert(dog);
    } else {
      Dog dog = first.items.front();
      dog.name = *dog_name;
      dog.updated_at = now_utc();
      dogs.update(dog);
    }
  }
  user->user.onboarded = true;
  user->user.updated_at = now_utc();
  users.update(*user);
  transaction.commit();
}

std::vector<CatalogItem> Catalog::list(const Principal& principal, CatalogKind kind,
                                       bool include_archived) {
  auto connection = storage::pool(database_).borrow();
  return storage::CatalogRepository(*connection, kind)
      .list(principal.user_id, include_archived, std::nullopt, kMaxCatalogItemsPerUser)
      .items;
}

CatalogItem Catalog::get(const Principal& principal, CatalogKind kind, const std::string& id) {
  auto connection = storage::pool(database_).borrow();
  storage::CatalogRepository items(*connection, kind);
  return must_find(items, principal, kind, id);
}

CatalogItem Catalog::create(const Principal& principal, CatalogKind kind, std::string_view name) {
  const std::string clean = item_name(name);
  auto connection = storage::pool(database_).borrow();
  storage::Transaction transaction(*connection);
  storage::CatalogRepository items(*connection, kind);
  if (auto existing = items.find_by_name(principal.user_id, clean)) {
    if (!existing->archived) {
      throw_conflict(
          "you already have the " + std::string(to_string(kind)) + " \"" + existing->name + "\"",
          "name");
    }
    items.set_archived(principal.user_id, existing->id, false);
    items.rename(principal.user_id, existing->id, clean);
    transaction.commit();
    return {existing->id, clean, false};
  }
  CatalogItem item = domain::create_item(*connection, principal.user_id, kind, clean);
  transaction.commit();
  return item;
}

CatalogItem Catalog::rename(const Principal& principal, CatalogKind kind, const std::string& id,
                            std::string_view name) {
  const std::string clean = item_name(name);
  auto connection = storage::pool(database_).borrow();
  storage::CatalogRepository items(*connection, kind);
  CatalogItem item = must_find(items, principal, kind, id);
  // A database conflict (the unique folded name) becomes Error(conflict, "name").
  items.rename(principal.user_id, id, clean);
  item.name = clean;
  return item;
}

void Catalog::remove(const Principal& principal, CatalogKind kind, const std::string& id) {
  auto connection = storage::pool(database_).borrow();
  storage::Transaction transaction(*connection);
  storage::CatalogRepository items(*connection, kind);
  must_find(items, principal, kind, id);
  if (items.in_use(principal.user_id, id)) {
    items.set_archived(principal.user_id, id, true);
  } else {
    items.remove(principal.user_id, id);
  }
  transaction.commit();
}

}  // namespace dogcare
