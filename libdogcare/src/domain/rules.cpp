#include "domain/rules.hpp"

#include <set>

#include "core/ids.hpp"
#include "core/text.hpp"
#include "dogcare/dogs.hpp"
#include "dogcare/error.hpp"
#include "domain/validation.hpp"
#include "storage/repositories.hpp"

namespace dogcare::domain {

std::string required_text(std::string_view raw, const FieldInfo& info, const std::string& path) {
  std::string text(raw);
  Violations out;
  if (check_text(text, path, info, out) && text.empty()) add_required(path, out);
  out.raise_if_any();
  return text;
}

std::string required_text(std::string_view raw, const FieldInfo& info) {
  return required_text(raw, info, std::string(info.name));
}

std::string resolve_dog(storage::Connection& connection, const std::string& owner_id,
                        const std::optional<std::string>& dog_id) {
  storage::DogRepository dogs(connection);
  if (dog_id) {
    if (!valid_id(*dog_id) || !dogs.find(owner_id, *dog_id)) {
      throw_invalid("dog_id", Rule::unknown, "dog_id does not name one of your dogs");
    }
    return *dog_id;
  }
  const auto page = dogs.list(owner_id, std::nullopt, 2);
  if (page.items.empty()) throw_invalid("dog_id", Rule::unknown, "add a dog first");
  if (page.items.size() > 1) {
    throw_invalid("dog_id", Rule::required, "dog_id is required: you have several dogs");
  }
  return page.items.front().id;
}

CatalogItem create_item(storage::Connection& connection, const std::string& owner_id,
                        CatalogKind kind, const std::string& name) {
  storage::CatalogRepository items(connection, kind);
  if (items.count(owner_id) >= kMaxCatalogItemsPerUser) {
    throw_invalid({"name",
                   Rule::limit_reached,
                   {},
                   static_cast<long long>(kMaxCatalogItemsPerUser),
                   {},
                   {},
                   "you have reached the limit of " + std::to_string(kMaxCatalogItemsPerUser) +
                       " " + std::string(to_string(kind)) + "s"});
  }
  CatalogItem item{new_id(), name, false};
  items.insert(owner_id, item);
  return item;
}

std::vector<ItemRef> resolve_items(storage::Connection& connection, const std::string& owner_id,
                                   CatalogKind kind, const std::vector<std::string>& references,
                                   const std::string& field) {
  if (!connection.in_transaction()) {
    throw Error(ErrorCode::internal, "resolving catalog items must run in a transaction");
  }
  storage::CatalogRepository items(connection, kind);
  std::vector<ItemRef> out;
  std::set<std::string> seen;
  for (std::size_t i = 0; i < references.size(); ++i) {
    const std::string item_field = field + "[" + std::to_string(i) + "]";
    const std::string& reference = references[i];
    std::optional<CatalogItem> item;
    if (valid_id(reference)) {
      item = items.find(owner_id, reference);
      if (!item) {
        throw_invalid(item_field, Rule::unknown, item_field + " is not one of your " + field);
      }
    } else {
      item = items.find_by_name(owner_id, reference);
      if (!item) item = create_item(connection, owner_id, kind, reference);
    }
    if (item->archived) {
      items.set_archived(owner_id, item->id, false);
      item->archived = false;
    }
    if (seen.insert(item->id).second) out.push_back({item->id, item->name});
  }
  return out;
}

}  // namespace dogcare::domain
