// CSV export of search results (RFC 4180), streamed a page at a time.
#include <map>

#include "dogcare/database.hpp"
#include "dogcare/observations.hpp"
#include "domain/cursor.hpp"
#include "storage/database_impl.hpp"
#include "storage/repositories.hpp"

namespace dogcare {
namespace {

// Quotes a field when it holds a separator, a quote or a line break, and
// defuses spreadsheet formulas (OWASP "CSV injection") with a leading quote.
void append_field(std::string& out, std::string_view value, bool text) {
  std::string cell;
  if (text && !value.empty() &&
      std::string_view("=+-@\t\r").find(value.front()) != std::string::npos) {
    cell.push_back('\'');
  }
  cell.append(value);
  if (cell.find_first_of(",\"\r\n") == std::string::npos) {
    out += cell;
    return;
  }
  out.push_back('"');
  for (char c : cell) {
    if (c == '"') out.push_back('"');
    out.push_back(c);
  }
  out.push_back('"');
}

std::string join_names(const std::vector<ItemRef>& items) {
  std::string out;
  for (const auto& item : items) {
    if (!out.empty()) out += "; ";
    out += item.name;
  }
  return out;
}

template <typename T>
std::string optional_number(const std::optional<T>& value) {
  return value ? std::to_string(*value) : std::string{};
}

}  // namespace

void Observations::export_csv(const Principal& principal, const SearchQuery& query,
                              const std::function<void(std::string_view)>& sink) {
  SearchQuery all = query;
  all.limit = kMaxPageSize;
  all.cursor.reset();
  storage::ObservationQuery q = domain::to_storage_query(all);

  std::map<std::string, std::string> dog_names;
  {
    auto connection = storage::pool(database_).borrow();
    for (const auto& dog : storage::DogRepository(*connection)
                               .list(principal.user_id, std::nullopt, kMaxPageSize)
                               .items) {
      dog_names[dog.id] = dog.name;
    }
  }
  sink("date,dog,severity,triggers,reactions,comment,distance_m,recovery_min,handler_action\r\n");
  for (;;) {
    storage::Page<Observation, storage::ObservationCursor> page;
    {
      // One connection per page: a slow reader never holds the pool.
      auto connection = storage::pool(database_).borrow();
      page = storage::ObservationRepository(*connection).list(principal.user_id, q);
    }
    std::string chunk;
    for (const Observation& o : page.items) {
      append_field(chunk, format_date(o.date), false);
      chunk.push_back(',');
      append_field(chunk, dog_names[o.dog_id], true);
      chunk.push_back(',');
      chunk += std::to_string(o.severity);
      chunk.push_back(',');
      append_field(chunk, join_names(o.triggers), true);
      chunk.push_back(',');
      append_field(chunk, join_names(o.reactions), true);
      chunk.push_back(',');
      append_field(chunk, o.comment, true);
      chunk.push_back(',');
      chunk += optional_number(o.distance_m);
      chunk.push_back(',');
      chunk += optional_number(o.recovery_min);
      chunk.push_back(',');
      append_field(chunk, o.handler_action.value_or(""), true);
      chunk += "\r\n";
    }
    if (!chunk.empty()) sink(chunk);
    if (!page.next) break;
    q.after = page.next;
  }
}

}  // namespace dogcare
