#include "dogcare/import_v1.hpp"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cstdio>
#include <map>
#include <set>
#include <unordered_map>

#include "core/ids.hpp"
#include "core/text.hpp"
#include "dogcare/accounts.hpp"
#include "dogcare/catalog.hpp"
#include "dogcare/clock.hpp"
#include "dogcare/database.hpp"
#include "dogcare/error.hpp"
#include "dogcare/observations.hpp"
#include "domain/rules.hpp"
#include "domain/validation.hpp"
#include "security/secret_token.hpp"
#include "storage/database_impl.hpp"
#include "storage/repositories.hpp"
#include "storage/v1_import_repository.hpp"
#include "storage/v1_source.hpp"

namespace dogcare {
namespace {

const SystemClock kSystemClock;

// Not a PHC string: verify_password refuses it, so login answers "wrong
// username or password" like for any wrong password, until a reset sets one.
constexpr std::string_view kNoPasswordYet = "!v1-import: no password yet";

std::string in_quotes(std::string_view text) {
  return "« " + std::string(text) + " »";
}

// The original stored local Paris time without an offset (the accounts it
// brings over are in Europe/Paris): an hour that happens twice is taken as
// the first, one that never happened (spring) with the winter offset.
std::optional<Timestamp> paris_to_utc(std::string_view text) {
  int y = 0, mo = 0, d = 0, h = 0, mi = 0, s = 0;
  char fraction[16] = {};
  const std::string copy(text);
  const int got = std::sscanf(copy.c_str(), "%4d-%2d-%2d %2d:%2d:%2d.%15[0-9]", &y, &mo, &d, &h,
                              &mi, &s, fraction);
  if (got < 6) return std::nullopt;
  using namespace std::chrono;
  const year_month_day date{year{y}, month{static_cast<unsigned>(mo)},
                            day{static_cast<unsigned>(d)}};
  if (!date.ok() || h > 23 || mi > 59 || s > 60) return std::nullopt;
  int millis = 0;
  for (int i = 0; i < 3; ++i) millis = millis * 10 + (fraction[i] ? fraction[i] - '0' : 0);
  const local_time<milliseconds> wall{local_days{date} + hours{h} + minutes{mi} + seconds{s} +
                                      milliseconds{millis}};
  return from_local(wall, kDefaultTimeZone);
}

bool allowed_username_char(char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' ||
         c == '_' || c == '-';
}

// The V1 name in the characters dogcare allows: accents dropped ("Zoé" ->
// "Zoe", case kept), anything else becomes '_'; padded or cut to the length rules.
std::string ascii_username(std::string_view name) {
  std::string out;
  std::int32_t at = 0;
  const auto length = static_cast<std::int32_t>(name.size());
  while (at < length) {
    const std::int32_t begin = at;
    UChar32 c = 0;
    U8_NEXT(name.data(), at, length, c);
    if (c >= 0 && c < 0x80) {
      const char ascii = static_cast<char>(c);
      out += allowed_username_char(ascii) ? ascii : '_';
      continue;
    }
    std::string mapped;
    if (c >= 0) {
      try {
        mapped = fold_key(name.substr(begin, at - begin));
      } catch (const Error&) {
        mapped.clear();
      }
    }
    if (mapped.empty() || !std::all_of(mapped.begin(), mapped.end(), allowed_username_char)) {
      out += '_';
      continue;
    }
    if (u_isupper(c)) {
      for (char& m : mapped) m = static_cast<char>(std::toupper(static_cast<unsigned char>(m)));
    }
    out += mapped;
  }
  if (out.size() > kMaxUsernameLength) out.resize(kMaxUsernameLength);
  while (out.size() < kMinUsernameLength) out += "_v1";
  if (out.size() > kMaxUsernameLength) out.resize(kMaxUsernameLength);
  return out;
}

bool username_accepted(const std::string& name) {
  try {
    return domain::required_text(name, account_fields::username, "username") == name;
  } catch (const Error&) {
    return false;
  }
}

// A username the new rules take and no account has, and why it differs.
std::string choose_username(storage::Connection& connection, const std::string& v1_name,
                            std::vector<std::string>& notes) {
  std::string base = v1_name;
  if (!username_accepted(base)) {
    base = ascii_username(v1_name);
    notes.push_back("username " + in_quotes(v1_name) +
                    " is refused by dogcare's rules (3-50 of A-Z a-z 0-9 . _ -): mapped to " +
                    in_quotes(base));
  }
  storage::UserRepository users(connection);
  std::string candidate = base;
  for (int n = 1; users.find_by_username(candidate); ++n) {
    const std::string suffix = n == 1 ? "-v1" : "-v1-" + std::to_string(n);
    candidate = base.substr(0, kMaxUsernameLength - suffix.size()) + suffix;
  }
  if (candidate != base) {
    notes.push_back("username " + in_quotes(base) + " is taken by another dogcare account: " +
                    in_quotes(candidate) + " (use --into to import into that account instead)");
  }
  return candidate;
}

std::string v1_key(const storage::V1User& user) {
  return security::sha256_hex("reactive-dog-tracker-v1\n" + std::to_string(user.id) + "\n" +
                              user.username + "\n" + user.created_at);
}

// The items of one kind a V1 user brings: their own, and whichever others
// (the defaults, and words entries created with no owner) their entries
// used; grouped by the folded name.
struct ItemGroup {
  std::string name;
  bool own = false;
  std::size_t uses = 0;
  std::set<std::string> spellings;
  std::string item_id;
  std::string item_name;
};

struct KindPlan {
  std::vector<ItemGroup> groups;                           // in order of first V1 id
  std::unordered_map<std::int64_t, std::size_t> group_of;  // V1 item id -> group
};

KindPlan plan_items(CatalogKind kind, const std::vector<storage::V1Item>& items,
                    const std::vector<storage::V1Link>& links,
                    const std::set<std::int64_t>& entries, std::int64_t user_id,
                    std::vector<std::string>& notes) {
  std::unordered_map<std::int64_t, std::size_t> uses;
  for (const auto& link : links) {
    if (entries.count(link.entry_id)) ++uses[link.item_id];
  }
  const std::string kind_name(to_string(kind));
  KindPlan plan;
  std::map<std::string, std::size_t> by_key;
  std::map<std::size_t, std::pair<std::size_t, std::int64_t>> best;  // group -> (uses, -id) chosen
  for (const auto& item : items) {
    const bool own = item.user_id == user_id;
    const auto used = uses.find(item.id);
    if (!own && used == uses.end()) continue;
    std::string name;
    std::string key;
    try {
      name = domain::required_text(item.name, catalog_fields::name, "name");
      key = fold_key(name, "name");
    } catch (const Error& error) {
      notes.push_back(kind_name + " #" + std::to_string(item.id) + " " + in_quotes(item.name) +
                      " not taken (" + error.what() + "); entries keep their other items");
      continue;
    }
    auto [at, inserted] = by_key.try_emplace(key, plan.groups.size());
    if (inserted) plan.groups.push_back({});
    ItemGroup& group = plan.groups[at->second];
    const std::size_t count = used == uses.end() ? 0 : used->second;
    group.uses += count;
    group.spellings.insert(name);
    // The user's own spelling wins; else the one the entries used most.
    if (own && !group.own) {
      group.own = true;
      group.name = name;
    } else if (!group.own) {
      auto& chosen = best[at->second];
      if (group.name.empty() || count > chosen.first) {
        group.name = name;
        chosen.first = count;
      }
    }
    plan.group_of[item.id] = at->second;
  }
  return plan;
}

class Importer {
 public:
  Importer(Database& database, const ImportV1Options& options, const Clock& clock,
           const storage::V1Database& source)
      : database_(database), options_(options), clock_(clock), source_(source) {}

  ImportV1User run(const storage::V1User& v1) {
    ImportV1User out;
    out.v1_id = v1.id;
    out.v1_username = v1.username;
    std::vector<const storage::V1Entry*> entries;
    for (const auto& entry : source_.entries) {
      if (entry.user_id == v1.id) entries.push_back(&entry);
    }
    const std::string key = v1_key(v1);
    try {
      auto connection = storage::pool(database_).borrow();
      if (already_imported(*connection, key, out)) return out;
      if (entries.empty()) {
        out.outcome = ImportV1Outcome::skipped;
        out.reason =
            "no entries in the original app: no account made (the owner can register anew)";
        return out;
      }
      storage::Transaction transaction(*connection);
      write_user(*connection, v1, key, entries, out);
      if (options_.dry_run) {
        out.reset_link.reset();
        return out;  // rolled back by the transaction
      }
      transaction.commit();
      if (!out.account_created) out.reset_link.reset();
    } catch (const Error& error) {
      ImportV1User failed;
      failed.v1_id = v1.id;
      failed.v1_username = v1.username;
      failed.username = out.username;
      failed.outcome = ImportV1Outcome::failed;
      failed.reason = std::string(error.what()) + " (nothing of this user was written)";
      failed.notes = std::move(out.notes);
      return failed;
    }
    return out;
  }

 private:
  bool already_imported(storage::Connection& connection, const std::string& key,
                        ImportV1User& out) {
    const auto done = storage::V1ImportRepository(connection).find(key);
    if (!done) return false;
    out.outcome = ImportV1Outcome::already_imported;
    auto user = storage::UserRepository(connection).find(done->user_id);
    out.username = user ? user->user.username : done->user_id;
    out.reason = "imported on " + format_timestamp(done->imported_at) + " into " +
                 in_quotes(out.username) + " (" + std::to_string(done->observations) +
                 " observations)";
    if (user && user->password_hash == kNoPasswordYet && !options_.dry_run) {
      storage::Transaction transaction(connection);
      out.reset_link = issue_reset(connection, user->user.id);
      transaction.commit();
      out.notes.push_back("its password is not set yet: a new reset link is issued");
    }
    return true;
  }

  std::string issue_reset(storage::Connection& connection, const std::string& user_id) {
    const std::string token = security::random_token();
    const Timestamp now = clock_.now();
    storage::PasswordResetRepository(connection)
        .insert({new_id(), user_id, security::sha256_hex(token),
                 now + std::chrono::duration_cast<Timestamp::duration>(options_.reset_ttl),
                 std::nullopt, now});
    return options_.reset_link + token;
  }

  // The account and its dog: new, or the --into account's first dog.
  std::pair<std::string, std::string> account(storage::Connection& connection,
                                              const storage::V1User& v1, ImportV1User& out) {
    const Timestamp now = clock_.now();
    storage::UserRepository users(connection);
    storage::DogRepository dogs(connection);
    std::string user_id;
    if (options_.into) {
      const auto user = users.find_by_username(*options_.into);
      if (!user)
        throw_invalid("into", Rule::unknown,
                      "--into: no dogcare account " + in_quotes(*options_.into));
      user_id = user->user.id;
      out.username = user->user.username;
      const auto page = dogs.list(user_id, std::nullopt, 1);
      if (!page.items.empty()) return {user_id, page.items.front().id};
    } else {
      storage::UserRecord record;
      record.user.id = user_id = new_id();
      record.user.username = out.username = choose_username(connection, v1.username, out.notes);
      record.user.onboarded = true;  // it has a catalog and a dog already
      record.user.created_at = record.user.updated_at = now;
      record.password_hash = std::string(kNoPasswordYet);
      users.insert(record);
      out.account_created = true;
      out.reset_link = issue_reset(connection, user_id);
    }
    Dog dog;
    dog.id = new_id();
    dog.owner_id = user_id;
    dog.name = options_.dog_name;
    dog.created_at = dog.updated_at = now;
    dogs.insert(dog);
    return {user_id, dog.id};
  }

  void write_items(storage::Connection& connection, const std::string& owner, CatalogKind kind,
                   KindPlan& plan, ImportV1User& out) {
    storage::CatalogRepository items(connection, kind);
    for (auto& group : plan.groups) {
      if (group.spellings.size() > 1) {
        std::string names;
        for (const auto& spelling : group.spellings) {
          names += (names.empty() ? "" : " + ") + spelling;
        }
        out.merged.push_back(std::string(to_string(kind)) + " " + in_quotes(group.name) + ": " +
                             names);
      }
      if (auto existing = items.find_by_name(owner, group.name)) {
        group.item_id = existing->id;
        group.item_name = existing->name;
        if (existing->name != group.name) {
          out.merged.push_back(std::string(to_string(kind)) + " " + in_quotes(group.name) +
                               ": into the account's " + in_quotes(existing->name));
        }
        continue;
      }
      const auto item = domain::create_item(connection, owner, kind, group.name);
      group.item_id = item.id;
      group.item_name = item.name;
      ++(kind == CatalogKind::trigger ? out.triggers_created : out.reactions_created);
    }
  }

  // The entry's items, merged (one ref per item), with dropped duplicates counted.
  std::vector<ItemRef> refs(const std::vector<storage::V1Link>& links, std::int64_t entry_id,
                            const KindPlan& plan, CatalogKind kind, ImportV1User& out) {
    std::vector<ItemRef> result;
    const auto first = std::lower_bound(
        links.begin(), links.end(), entry_id,
        [](const storage::V1Link& link, std::int64_t id) { return link.entry_id < id; });
    for (auto link = first; link != links.end() && link->entry_id == entry_id; ++link) {
      out.duplicate_links += static_cast<int>(link->copies - 1);
      const auto group = plan.group_of.find(link->item_id);
      if (group == plan.group_of.end()) {
        out.notes.push_back("entry #" + std::to_string(entry_id) + ": " +
                            std::string(to_string(kind)) + " #" + std::to_string(link->item_id) +
                            " does not exist or was not taken: link dropped");
        continue;
      }
      const ItemGroup& g = plan.groups[group->second];
      const bool seen = std::any_of(result.begin(), result.end(),
                                    [&](const ItemRef& ref) { return ref.id == g.item_id; });
      if (seen) {
        ++out.duplicate_links;
        continue;
      }
      result.push_back({g.item_id, g.item_name});
    }
    return result;
  }

  void write_user(storage::Connection& connection, const storage::V1User& v1,
                  const std::string& key, const std::vector<const storage::V1Entry*>& entries,
                  ImportV1User& out) {
    const auto [owner, dog] = account(connection, v1, out);
    std::set<std::int64_t> entry_ids;
    for (const auto* entry : entries) entry_ids.insert(entry->id);
    KindPlan triggers = plan_items(CatalogKind::trigger, source_.triggers, source_.trigger_links,
                                   entry_ids, v1.id, out.notes);
    KindPlan reactions = plan_items(CatalogKind::reaction, source_.reactions,
                                    source_.reaction_links, entry_ids, v1.id, out.notes);
    write_items(connection, owner, CatalogKind::trigger, triggers, out);
    write_items(connection, owner, CatalogKind::reaction, reactions, out);

    storage::ObservationRepository observations(connection);
    const Timestamp now = clock_.now();
    const Date today = local_date(now, kDefaultTimeZone);  // the imported account's zone
    for (const auto* entry : entries) {
      const std::string where =
          "entry #" + std::to_string(entry->id) + " (" + entry->entry_date + ")";
      int severity = 0;
      const auto& text = entry->severity;
      const auto parsed = std::from_chars(text.data(), text.data() + text.size(), severity);
      if (parsed.ec != std::errc{} || parsed.ptr != text.data() + text.size()) {
        out.notes.push_back(where + ": severity " + in_quotes(text) + " is not a number: skipped");
        continue;
      }
      if (severity < kMinSeverity || severity > kMaxSeverity) {
        const int taken = std::clamp(severity, kMinSeverity, kMaxSeverity);
        out.notes.push_back(where + ": severity " + text + " is outside 1-5: taken as " +
                            std::to_string(taken));
        severity = taken;
      }
      ObservationInput input;
      input.dog_id = dog;
      const auto date = parse_date(entry->entry_date);
      input.severity = severity;
      input.comment = entry->comment.value_or(std::string{});
      if (!date) {
        out.notes.push_back(where + ": the date is not a calendar date: skipped");
        continue;
      }
      input.date = *date;
      try {
        domain::validate(input, today);
      } catch (const Error& error) {
        out.notes.push_back(where + ": skipped, " + error.what());
        continue;
      }
      Observation o;
      o.id = new_id();
      o.owner_id = owner;
      o.dog_id = dog;
      o.date = input.date;
      o.severity = input.severity;
      o.comment = input.comment;
      o.triggers = refs(source_.trigger_links, entry->id, triggers, CatalogKind::trigger, out);
      o.reactions = refs(source_.reaction_links, entry->id, reactions, CatalogKind::reaction, out);
      const auto created = entry->created_at ? paris_to_utc(*entry->created_at) : std::nullopt;
      o.created_at = o.updated_at = created.value_or(now);
      observations.insert(o);
      ++out.observations;
      out.trigger_links += static_cast<int>(o.triggers.size());
      out.reaction_links += static_cast<int>(o.reactions.size());
    }
    storage::V1ImportRepository(connection)
        .insert({key, v1.id, v1.username, owner, dog, out.observations, now});
  }

  Database& database_;
  const ImportV1Options& options_;
  const Clock& clock_;
  const storage::V1Database& source_;
};

}  // namespace

ImportV1Report import_v1(Database& database, const ImportV1Options& options) {
  return import_v1(database, options, kSystemClock);
}

ImportV1Report import_v1(Database& database, const ImportV1Options& options, const Clock& clock) {
  if (options.into && !options.user) {
    throw_invalid("into", Rule::required,
                  "--into needs --user: one user of the original app goes into one account");
  }
  if (options.into) {
    auto connection = storage::pool(database).borrow();
    if (!storage::UserRepository(*connection).find_by_username(*options.into)) {
      throw_invalid("into", Rule::unknown,
                    "--into: no dogcare account " + in_quotes(*options.into));
    }
  }
  const auto source = storage::read_v1_database(options.source);
  std::vector<const storage::V1User*> chosen;
  for (const auto& user : source.users) {
    if (!options.user || user.username == *options.user) chosen.push_back(&user);
  }
  if (options.user && chosen.empty()) {
    throw_invalid(
        "user", Rule::unknown,
        "--user: no user " + in_quotes(*options.user) + " in the original app's database");
  }
  ImportV1Report report;
  report.source = options.source;
  report.dry_run = options.dry_run;
  Importer importer(database, options, clock, source);
  for (const auto* user : chosen) report.users.push_back(importer.run(*user));
  return report;
}

}  // namespace dogcare
