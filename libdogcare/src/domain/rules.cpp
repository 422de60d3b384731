#include "domain/rules.hpp"

#include <set>

#include "core/ids.hpp"
#include "core/text.hpp"
#include "dogcare/dogs.hpp"
#include "dogcare/error.hpp"
#include "storage/repositories.hpp"

namespace dogcare::domain {
namespace {

bool is_space(unsigned char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

std::string_view trim(std::string_view text) {
  while (!text.empty() && is_space(static_cast<unsigned char>(text.front()))) {
    text.remove_prefix(1);
  }
  while (!text.empty() && is_space(static_cast<unsigned char>(text.back()))) text.remove_suffix(1);
  return text;
}

void check_characters(std::string_view text, const std::string& field, bool multiline) {
  if (!valid_utf8(text)) throw_invalid(field, field + " is not valid UTF-8");
  for (unsigned char c : text) {
    const bool allowed_break = multiline && (c == '\n' || c == '\r' || c == '\t');
    if ((c < 0x20 || c == 0x7F) && !allowed_break) {
      throw_invalid(field, field + " must not contain control characters");
    }
  }
}

void check_length(std::string_view text, const std::string& field, std::size_t max) {
  if (code_points(text) > max) {
    throw_invalid(field, field + " must be at most " + std::to_string(max) + " characters");
  }
}

}  // namespace

std::string required_text(std::string_view raw, const std::string& field, std::size_t max) {
  check_characters(raw, field, false);
  const std::string_view text = trim(raw);
  if (text.empty()) throw_invalid(field, field + " must not be empty");
  check_length(text, field, max);
  return std::string(text);
}

std::optional<std::string> optional_text(std::string_view raw, const std::string& field,
                                         std::size_t max, bool multiline) {
  check_characters(raw, field, multiline);
  const std::string_view text = trim(raw);
  if (text.empty()) return std::nullopt;
  check_length(text, field, max);
  return std::string(text);
}

std::string comment_text(std::string_view raw, const std::string& field) {
  return optional_text(raw, field, kMaxCommentLength, true).value_or(std::string{});
}

void check_range(long long value, long long low, long long high, const std::string& field) {
  if (value < low || value > high) {
    throw_invalid(
        field, field + " must be between " + std::to_string(low) + " and " + std::to_string(high));
  }
}

void check_observation_date(Date date, Date today, const std::string& field) {
  using namespace std::chrono;
  if (!date.ok()) throw_invalid(field, field + " is not a valid date");
  const Date earliest{year{1990}, January, day{1}};
  if (date < earliest) throw_invalid(field, field + " must be in 1990 or later");
  if (sys_days{date} > sys_days{today} + days{1}) {
    throw_invalid(field, field + " must not be in the future");
  }
}

void check_birth_date(Date date, Date today, const std::string& field) {
  using namespace std::chrono;
  if (!date.ok()) throw_invalid(field, field + " is not a valid date");
  if (date < Date{year{1980}, January, day{1}}) throw_invalid(field, field + " is too far back");
  if (sys_days{date} > sys_days{today} + days{1}) {
    throw_invalid(field, field + " must not be in the future");
  }
}

std::string resolve_dog(storage::Connection& connection, const std::string& owner_id,
                        const std::optional<std::string>& dog_id) {
  storage::DogRepository dogs(connection);
  if (dog_id) {
    if (!valid_id(*dog_id) || !dogs.find(owner_id, *dog_id)) {
      throw_invalid("dog_id", "dog_id does not name one of your dogs");
    }
    return *dog_id;
  }
  const auto page = dogs.list(owner_id, std::nullopt, 2);
  if (page.items.empty()) throw_invalid("dog_id", "add a dog first");
  if (page.items.size() > 1) throw_invalid("dog_id", "dog_id is required: you have several dogs");
  return page.items.front().id;
}

CatalogItem create_item(storage::Connection& connection, const std::string& owner_id,
                        CatalogKind kind, const std::string& name) {
  storage::CatalogRepository items(connection, kind);
  if (items.count(owner_id) >= kMaxCatalogItemsPerUser) {
    throw_invalid("name", "you have reached the limit of " +
                              std::to_string(kMaxCatalogItemsPerUser) + " " +
                              std::string(to_string(kind)) + "s");
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
  if (references.size() > kMaxItemsPerObservation) {
    throw_invalid(field,
                  field + " holds at most " + std::to_string(kMaxItemsPerObservation) + " items");
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
      if (!item) throw_invalid(item_field, item_field + " is not one of your " + field);
    } else {
      const std::string name = required_text(reference, item_field, kMaxCatalogNameLength);
      item = items.find_by_name(owner_id, name);
      if (!item) item = create_item(connection, owner_id, kind, name);
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
