// The validation rules of the domain, in one place, and the lookups every
// service shares (the caller's dog, catalog items by id or name).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "dogcare/catalog.hpp"
#include "dogcare/observations.hpp"
#include "dogcare/record.hpp"
#include "storage/odbc.hpp"

namespace dogcare::domain {

// One text checked against a field's description outside a record (a name
// given on its own, an element of a list, a new password): normalised as
// the description says, then checked; throws the violation. `path` is the name reported
// ("triggers[2]").
std::string required_text(std::string_view raw, const FieldInfo& info, const std::string& path);
std::string required_text(std::string_view raw, const FieldInfo& info);

// The dog an operation is about: the given id (which must be the caller's),
// or the caller's only dog when omitted.
std::string resolve_dog(storage::Connection& connection, const std::string& owner_id,
                        const std::optional<std::string>& dog_id);

// Items by id or name (see ObservationInput), from a validated input (names
// already trimmed and checked by its description): an unknown name creates
// the item; a name matching an archived item brings it back. Requires a
// transaction.
std::vector<ItemRef> resolve_items(storage::Connection& connection, const std::string& owner_id,
                                   CatalogKind kind, const std::vector<std::string>& references,
                                   const std::string& field);

// Creates a catalog item (quota and name rules); returns it.
CatalogItem create_item(storage::Connection& connection, const std::string& owner_id,
                        CatalogKind kind, const std::string& name);

}  // namespace dogcare::domain
