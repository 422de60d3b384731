// The validation rules of the domain, in one place, and the lookups every
// service shares (the caller's dog, catalog items by id or name).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "dogcare/catalog.hpp"
#include "dogcare/observations.hpp"
#include "storage/odbc.hpp"

namespace dogcare::domain {

// Trimmed, well-formed UTF-8 without control characters, 1..max code points.
std::string required_text(std::string_view raw, const std::string& field, std::size_t max);
// As required_text but may be empty (then nullopt); newlines allowed when multiline.
std::optional<std::string> optional_text(std::string_view raw, const std::string& field,
                                         std::size_t max, bool multiline);
// A comment: may be empty, may span lines, at most kMaxCommentLength code points.
std::string comment_text(std::string_view raw, const std::string& field);

void check_range(long long value, long long low, long long high, const std::string& field);
// Observations happen between 1990-01-01 and tomorrow (time zones).
void check_observation_date(Date date, Date today, const std::string& field);
void check_birth_date(Date date, Date today, const std::string& field);

// The dog an operation is about: the given id (which must be the caller's),
// or the caller's only dog when omitted.
std::string resolve_dog(storage::Connection& connection, const std::string& owner_id,
                        const std::optional<std::string>& dog_id);

// Items by id or name (see ObservationInput): an unknown name creates the
// item; a name matching an archived item brings it back. Requires a transaction.
std::vector<ItemRef> resolve_items(storage::Connection& connection, const std::string& owner_id,
                                   CatalogKind kind, const std::vector<std::string>& references,
                                   const std::string& field);

// Creates a catalog item (quota and name rules); returns it.
CatalogItem create_item(storage::Connection& connection, const std::string& owner_id,
                        CatalogKind kind, const std::string& name);

}  // namespace dogcare::domain
