// CSV export of search results (RFC 4180), pulled a piece (keyset pages) at a time.
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "dogcare/clock.hpp"
#include "dogcare/database.hpp"
#include "dogcare/observations.hpp"
#include "domain/access.hpp"
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

// The CSV's columns are the observation's described fields, but for what
// the library sets (id, timestamps); the dog is shown by its name.
bool in_csv(std::string_view field) {
  return field != "id" && field != "created_at" && field != "updated_at";
}

std::string_view csv_column(std::string_view field) {
  return field == "dog_id" ? "dog" : field;
}

std::string csv_header() {
  std::string header;
  for_each_field<Observation>([&](const auto& f) {
    if (!in_csv(f.info.name)) return;
    if (!header.empty()) header.push_back(',');
    header += csv_column(f.info.name);
  });
  return header + "\r\n";
}

void append_value(std::string& out, const std::string& text) {
  append_field(out, text, true);
}
void append_value(std::string& out, const std::optional<std::string>& text) {
  append_field(out, text.value_or(""), true);
}
void append_value(std::string& out, int number) {
  out += std::to_string(number);
}
void append_value(std::string& out, const std::optional<int>& number) {
  if (number) out += std::to_string(*number);
}
void append_value(std::string& out, Date date) {
  append_field(out, format_date(date), false);
}
void append_value(std::string& out, Timestamp instant) {
  out += format_timestamp(instant);
}
void append_value(std::string& out, const std::vector<ItemRef>& items) {
  append_field(out, join_names(items), true);
}

void append_row(std::string& out, const Observation& o,
                const std::map<std::string, std::string>& dog_names) {
  bool first = true;
  for_each_field<Observation>([&](const auto& f) {
    if (!in_csv(f.info.name)) return;
    if (!first) out.push_back(',');
    first = false;
    if (f.info.name == "dog_id") {
      const auto it = dog_names.find(o.dog_id);
      append_field(out, it == dog_names.end() ? std::string() : it->second, true);
    } else {
      append_value(out, f.get(o));
    }
  });
  out += "\r\n";
}

}  // namespace

struct CsvExport::State {
  Database& database;
  std::string user_id;
  storage::ObservationQuery query;
  std::map<std::string, std::string> dog_names;
  bool header_given = false;
  bool done = false;
};

CsvExport::CsvExport(std::unique_ptr<State> state) : state_(std::move(state)) {}
CsvExport::CsvExport(CsvExport&&) noexcept = default;
CsvExport& CsvExport::operator=(CsvExport&&) noexcept = default;
CsvExport::~CsvExport() = default;

std::optional<std::string> CsvExport::next() {
  if (!state_ || state_->done) return std::nullopt;
  State& s = *state_;
  if (!s.header_given) {
    s.header_given = true;
    return csv_header();
  }
  std::string piece;
  while (piece.size() < kPieceBytes) {
    storage::Page<Observation, storage::ObservationCursor> page;
    {
      // One connection per page, given back before the piece is returned:
      // a slow reader never holds the pool.
      auto connection = storage::pool(s.database).borrow();
      page = storage::ObservationRepository(*connection).list(s.user_id, s.query);
    }
    for (const Observation& o : page.items) append_row(piece, o, s.dog_names);
    if (!page.next) {
      s.done = true;
      break;
    }
    s.query.after = page.next;  // keyset: the position after this page's last row
  }
  if (piece.empty()) return std::nullopt;
  return piece;
}

CsvExport Observations::open_csv_export(const Principal& principal, const SearchQuery& query) {
  SearchQuery all = query;
  all.limit = CsvExport::kPageRows;
  all.cursor.reset();
  storage::ObservationQuery q = domain::to_storage_query(all);
  auto connection = storage::pool(database_).borrow();
  const auto access = q.dog_id ? domain::find_dog_access(*connection, principal, *q.dog_id,
                                                         {AccessView::csv_export, clock_.now()})
                               : std::nullopt;
  auto state = std::make_unique<CsvExport::State>(
      CsvExport::State{database_, domain::listing_owner(principal, access), std::move(q), {}});
  if (access) {
    state->dog_names[access->dog.id] = access->dog.name;  // the only dog the rows can hold
  } else {
    for (const auto& dog : storage::DogRepository(*connection)
                               .list(principal.user_id, std::nullopt, kMaxPageSize)
                               .items) {
      state->dog_names[dog.id] = dog.name;
    }
  }
  return CsvExport(std::move(state));
}

void Observations::export_csv(const Principal& principal, const SearchQuery& query,
                              const std::function<void(std::string_view)>& sink) {
  auto csv = open_csv_export(principal, query);
  while (auto piece = csv.next()) sink(*piece);
}

}  // namespace dogcare
