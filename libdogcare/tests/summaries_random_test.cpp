// Random sequences of creates, updates and deletes of observations, through
// the public API; after each step the views the analytics summaries feed (and
// the calendar) must equal the same views computed here from the raw
// observations the test knows. A wrong +1/-1 in the summary writer, or a
// period cut wrongly into months and edges, shows as a difference.
//
// The sequence is deterministic for a seed; DOGCARE_TEST_SEED=<n> replays
// another one (the seed is printed with every failure).
#include <cstdio>
#include <cstdlib>
#include <map>
#include <random>
#include <set>
#include <stdexcept>
#include <string>
#include <vector>

#include "core/text.hpp"
#include "domain_fixture.hpp"

namespace dogcare::testing {
namespace {

using namespace std::chrono;

constexpr std::uint32_t kDefaultSeed = 20240615;
constexpr int kOperations = 300;
constexpr int kFullCheckEvery = 25;
// The days observations fall on: a partial March, whole April and May, and
// June up to today by the fixture's clock (2024-06-15 in Paris).
const Date kFirstDay = day(2024, 3, 25);
const Date kLastDay = day(2024, 6, 15);

std::uint32_t seed_from_environment() {
  const char* value = std::getenv("DOGCARE_TEST_SEED");
  if (value == nullptr || *value == '\0') return kDefaultSeed;
  return static_cast<std::uint32_t>(std::strtoul(value, nullptr, 10));
}

std::string number(double value) {
  char buffer[40];
  std::snprintf(buffer, sizeof buffer, "%.12g", value);
  return buffer;
}

// What the test knows of an observation.
struct Known {
  std::string dog;
  Date date{};
  int severity = 0;
  std::set<std::string> triggers;
  std::set<std::string> reactions;
};

struct Item {
  std::string id;
  std::string name;
  std::string key;  // folded name: the library's alphabetical order
};

class RandomizedSummariesTest : public DomainTest {
 protected:
  RandomizedSummariesTest() : seed_(seed_from_environment()), random_(seed_) {}

  void SetUp() override {
    for (const char* name : {"Rex", "Ayla"})
      dogs_ids_.push_back(dogs_.create(me_, {name, {}, {}, {}}).id);
    for (const char* name : {"vélo", "chien", "bruit", "Joggeur", "enfant"}) {
      triggers_.push_back(item(catalog_.create(me_, CatalogKind::trigger, name)));
    }
    for (const char* name : {"aboiement", "fuite", "Grognement", "regard fixe"}) {
      reactions_.push_back(item(catalog_.create(me_, CatalogKind::reaction, name)));
    }
  }

  static Item item(const CatalogItem& created) {
    return {created.id, created.name, fold_key(created.name)};
  }

  // ---- random choices (mt19937 is specified exactly: the same everywhere) ----

  int pick(int low, int high) {
    return low + static_cast<int>(random_() % static_cast<std::uint32_t>(high - low + 1));
  }
  bool chance(int percent) { return pick(1, 100) <= percent; }
  Date random_day() {
    return Date{sys_days{kFirstDay} +
                days{pick(0, (sys_days{kLastDay} - sys_days{kFirstDay}).count())}};
  }
  std::set<std::string> random_subset(const std::vector<Item>& items) {
    std::set<std::string> out;
    for (const Item& i : items) {
      if (chance(35)) out.insert(i.id);
    }
    return out;
  }
  static std::vector<std::string> as_vector(const std::set<std::string>& ids) {
    return {ids.begin(), ids.end()};
  }

  // ---- the operations, applied to the library and to the model ----

  std::string create() {
    Known k{dogs_ids_[pick(0, 1)], random_day(), pick(kMinSeverity, kMaxSeverity),
            random_subset(triggers_), random_subset(reactions_)};
    ObservationInput in;
    in.dog_id = k.dog;
    in.date = k.date;
    in.severity = k.severity;
    in.triggers = as_vector(k.triggers);
    in.reactions = as_vector(k.reactions);
    const Observation made = observations_.create(me_, in);
    known_[made.id] = k;
    ids_.push_back(made.id);
    return "create " + describe(made.id);
  }

  std::string update() {
    const std::string& id =
        ids_[static_cast<std::size_t>(pick(0, static_cast<int>(ids_.size()) - 1))];
    Known& k = known_[id];
    ObservationPatch patch;
    std::string what;
    while (what.empty()) {
      if (chance(40)) {
        k.dog = dogs_ids_[pick(0, 1)];
        patch.dog_id = k.dog;
        what += " dog";
      }
      if (chance(40)) {
        k.date = random_day();
        patch.date = k.date;
        what += " date";
      }
      if (chance(40)) {
        k.severity = pick(kMinSeverity, kMaxSeverity);
        patch.severity = k.severity;
        what += " severity";
      }
      if (chance(40)) {
        k.triggers = random_subset(triggers_);
        patch.triggers = as_vector(k.triggers);
        what += " triggers";
      }
      if (chance(40)) {
        k.reactions = random_subset(reactions_);
        patch.reactions = as_vector(k.reactions);
        what += " reactions";
      }
    }
    observations_.update(me_, id, patch);
    return "update" + what + " to " + describe(id);
  }

  std::string remove() {
    const auto at = static_cast<std::size_t>(pick(0, static_cast<int>(ids_.size()) - 1));
    const std::string id = ids_[at];
    const std::string what = "delete " + describe(id);
    observations_.remove(me_, id);
    known_.erase(id);
    ids_.erase(ids_.begin() + static_cast<std::ptrdiff_t>(at));
    return what;
  }

  std::string describe(const std::string& id) {
    const Known& k = known_.at(id);
    return id.substr(24) + " (dog " + std::to_string(k.dog == dogs_ids_[0] ? 0 : 1) + ", " +
           format_date(k.date) + ", severity " + std::to_string(k.severity) + ", " +
           std::to_string(k.triggers.size()) + " triggers, " + std::to_string(k.reactions.size()) +
           " reactions)";
  }

  // ---- the views, as the library gives them and as the model implies ----

  static std::string render(const AnalyticsReport& r) {
    std::string out = "observations " + std::to_string(r.observations) + "\ntrigger_severity";
    for (const auto& c : r.trigger_severity) {
      out += " " + c.trigger_id.substr(24) + "/" + c.trigger + "@" + std::to_string(c.severity) +
             "=" + std::to_string(c.count);
    }
    out += "\ndaily";
    for (const auto& d : r.daily) {
      out += " " + format_date(d.date) + ":" + number(d.mean) + "/" + std::to_string(d.count) +
             "~" + number(d.rolling_mean);
    }
    out += "\nreactions";
    for (const auto& share : r.reactions) {
      out += " " + share.reaction_id.substr(24) + "/" + share.reaction + "=" +
             std::to_string(share.count) + "(";
      for (const auto& t : share.triggers) {
        out += t.trigger_id.substr(24) + "/" + t.trigger + ":" + std::to_string(t.count) + " ";
      }
      out += ")";
    }
    const HighIntensityShare& h = r.high_intensity;
    out += "\nhigh_intensity " + std::to_string(static_cast<int>(h.month.year())) + "-" +
           std::to_string(static_cast<unsigned>(h.month.month())) + " " + std::to_string(h.high) +
           "/" + std::to_string(h.total) + "=" + number(h.share) + " before " +
           std::to_string(h.previous_high) + "/" + std::to_string(h.previous_total) + "=" +
           number(h.previous_share) + " delta " + number(h.delta);
    out += "\ntrend " + std::string(to_string(r.trend.direction)) + " " +
           std::to_string(r.trend.days) + " days, slope " + number(r.trend.slope_per_day);
    return out;
  }

  const Item& trigger(const std::string& id) const { return find_item(triggers_, id); }
  const Item& reaction(const std::string& id) const { return find_item(reactions_, id); }
  static const Item& find_item(const std::vector<Item>& items, const std::string& id) {
    for (const Item& i : items) {
      if (i.id == id) return i;
    }
    throw std::logic_error("unknown item " + id);
  }

  bool matches(const Known& k, const std::optional<std::string>& dog, std::optional<Date> from,
               std::optional<Date> to) const {
    return (!dog || k.dog == *dog) && (!from || k.date >= *from) && (!to || k.date <= *to);
  }

  AnalyticsReport expected_report(const AnalyticsQuery& q) const {
    AnalyticsReport r;
    std::map<std::pair<std::string, int>, int> by_trigger;  // (trigger key, severity)
    std::map<Date, std::pair<int, int>> by_day;             // severity sum, count
    std::map<std::string, int> by_reaction;
    std::map<std::pair<std::string, std::string>, int> pairs;  // reaction, trigger
    for (const auto& [id, k] : known_) {
      if (!matches(k, q.dog_id, q.from, q.to)) continue;
      ++r.observations;
      for (const auto& t : k.triggers) ++by_trigger[{t, k.severity}];
      by_day[k.date].first += k.severity;
      ++by_day[k.date].second;
      for (const auto& reaction_id : k.reactions) {
        ++by_reaction[reaction_id];
        for (const auto& t : k.triggers) ++pairs[{reaction_id, t}];
      }
    }

    for (const auto& [key, count] : by_trigger) {
      r.trigger_severity.push_back({key.first, trigger(key.first).name, key.second, count});
    }
    std::sort(r.trigger_severity.begin(), r.trigger_severity.end(),
              [&](const auto& a, const auto& b) {
                return std::pair(trigger(a.trigger_id).key, a.severity) <
                       std::pair(trigger(b.trigger_id).key, b.severity);
              });

    for (const auto& [date, totals] : by_day) {
      long long sum = 0, count = 0;
      for (const auto& [other, other_totals] : by_day) {
        if (other <= date && sys_days{other} > sys_days{date} - days{7}) {
          sum += other_totals.first;
          count += other_totals.second;
        }
      }
      r.daily.push_back({date, static_cast<double>(totals.first) / totals.second, totals.second,
                         static_cast<double>(sum) / static_cast<double>(count)});
    }

    const auto more_then_alphabetical = [](int count_a, const std::string& key_a, int count_b,
                                           const std::string& key_b) {
      return count_a != count_b ? count_a > count_b : key_a < key_b;
    };
    for (const auto& [reaction_id, count] : by_reaction) {
      ReactionShare share{reaction_id, reaction(reaction_id).name, count, {}};
      for (const auto& [key, together] : pairs) {
        if (key.first == reaction_id) {
          share.triggers.push_back({key.second, trigger(key.second).name, together});
        }
      }
      std::sort(share.triggers.begin(), share.triggers.end(), [&](const auto& a, const auto& b) {
        return more_then_alphabetical(a.count, trigger(a.trigger_id).key, b.count,
                                      trigger(b.trigger_id).key);
      });
      r.reactions.push_back(std::move(share));
    }
    std::sort(r.reactions.begin(), r.reactions.end(), [&](const auto& a, const auto& b) {
      return more_then_alphabetical(a.count, reaction(a.reaction_id).key, b.count,
                                    reaction(b.reaction_id).key);
    });

    // View 4 takes whole months, whatever the period.
    HighIntensityShare& h = r.high_intensity;
    h.month = q.month.value_or(year{2024} / June);
    const auto strong_of = [&](year_month ym) {
      std::pair<int, int> out{0, 0};
      for (const auto& [id, k] : known_) {
        if (!matches(k, q.dog_id, Date{ym / 1}, Date{ym / last})) continue;
        ++out.second;
        if (k.severity >= kStrongSeverity) ++out.first;
      }
      return out;
    };
    std::tie(h.high, h.total) = strong_of(h.month);
    std::tie(h.previous_high, h.previous_total) = strong_of(h.month - months{1});
    h.share = h.total ? static_cast<double>(h.high) / h.total : 0;
    h.previous_share =
        h.previous_total ? static_cast<double>(h.previous_high) / h.previous_total : 0;
    h.delta = h.share - h.previous_share;

    // Least squares over (days since the first day, mean that day).
    r.trend.days = static_cast<int>(r.daily.size());
    if (r.trend.days >= 3) {
      const sys_days origin{r.daily.front().date};
      double sx = 0, sy = 0, sxx = 0, sxy = 0;
      for (const auto& d : r.daily) {
        const double x = static_cast<double>((sys_days{d.date} - origin).count());
        sx += x;
        sy += d.mean;
        sxx += x * x;
        sxy += x * d.mean;
      }
      const double n = static_cast<double>(r.daily.size());
      const double denominator = n * sxx - sx * sx;
      r.trend.slope_per_day = denominator == 0 ? 0 : (n * sxy - sx * sy) / denominator;
      constexpr double kStable = 0.01;  // severity points a day, as the library documents
      r.trend.direction = r.trend.slope_per_day <= -kStable  ? TrendDirection::improving
                          : r.trend.slope_per_day >= kStable ? TrendDirection::worsening
                                                             : TrendDirection::stable;
    }
    return r;
  }

  static std::string render(const CalendarMonth& m) {
    std::string out = std::to_string(m.year) + "-" + std::to_string(m.month);
    for (const auto& d : m.days) {
      out += "\n" + format_date(d.date) + " max " + std::to_string(d.max_severity) + " " +
             std::string(to_string(d.band)) + ":";
      std::vector<std::string> lines;
      for (const auto& o : d.observations) {
        std::string line = " " + o.id.substr(24) + "/" + o.dog_id.substr(24) + "/" +
                           format_date(o.date) + "/" + std::to_string(o.severity) + "/t";
        for (const auto& t : o.triggers) line += "," + t.id.substr(24);
        line += "/r";
        for (const auto& r : o.reactions) line += "," + r.id.substr(24);
        lines.push_back(line);
      }
      std::sort(lines.begin(), lines.end());  // ids of one day: any order
      for (const auto& line : lines) out += line;
    }
    return out;
  }

  CalendarMonth expected_month(const std::string& dog, year_month ym) const {
    CalendarMonth m;
    m.year = static_cast<int>(ym.year());
    m.month = static_cast<unsigned>(ym.month());
    m.dog_id = dog;
    std::map<Date, CalendarDay> days_by_date;
    for (const auto& [id, k] : known_) {
      if (!matches(k, dog, Date{ym / 1}, Date{ym / last})) continue;
      CalendarDay& d = days_by_date[k.date];
      d.date = k.date;
      d.max_severity = std::max(d.max_severity, k.severity);
      Observation o;
      o.id = id;
      o.dog_id = k.dog;
      o.date = k.date;
      o.severity = k.severity;
      // Alphabetical by name, as the library lists them.
      for (const auto& t : k.triggers) o.triggers.push_back({t, trigger(t).name});
      for (const auto& r : k.reactions) o.reactions.push_back({r, reaction(r).name});
      std::sort(o.triggers.begin(), o.triggers.end(), [&](const auto& a, const auto& b) {
        return trigger(a.id).key < trigger(b.id).key;
      });
      std::sort(o.reactions.begin(), o.reactions.end(), [&](const auto& a, const auto& b) {
        return reaction(a.id).key < reaction(b.id).key;
      });
      d.observations.push_back(std::move(o));
    }
    for (auto& [date, d] : days_by_date) {
      d.band = d.max_severity >= kStrongSeverity ? SeverityBand::red
               : d.max_severity == 3             ? SeverityBand::orange
                                                 : SeverityBand::green;
      m.days.push_back(std::move(d));
    }
    return m;
  }

  // ---- the comparisons ----

  AnalyticsQuery random_query() {
    AnalyticsQuery q;
    if (chance(50)) q.dog_id = dogs_ids_[pick(0, 1)];
    if (chance(70)) {
      q.period = Period::custom;
      // Bounds on the first or last day of a month, or anywhere in one.
      const auto bound = [&] {
        const Date d = random_day();
        if (chance(25)) return Date{d.year() / d.month() / 1};
        if (chance(25)) return Date{d.year() / d.month() / last};
        return d;
      };
      if (chance(80)) q.from = bound();
      if (chance(80) || !q.from) q.to = bound();
      if (q.from && q.to && *q.from > *q.to) std::swap(q.from, q.to);
    }
    if (chance(60)) q.month = year{2024} / month{static_cast<unsigned>(pick(3, 7))};
    return q;
  }

  static std::string describe(const AnalyticsQuery& q) {
    std::string out = q.period.value_or(Period::all) == Period::all ? "all time" : "custom";
    out += " from " + (q.from ? format_date(*q.from) : std::string("-"));
    out += " to " + (q.to ? format_date(*q.to) : std::string("-"));
    out += q.dog_id ? " dog " + q.dog_id->substr(24) : std::string(" every dog");
    if (q.month) out += " month " + std::to_string(static_cast<unsigned>(q.month->month()));
    return out;
  }

  // False (with a failure naming the step) at the first difference.
  bool report_matches(const AnalyticsQuery& q, const std::string& step) {
    const std::string want = render(expected_report(q));
    const std::string got = render(analytics_.report(me_, q));
    EXPECT_EQ(got, want) << "analytics, " << describe(q) << ", after " << step;
    return got == want;
  }

  bool everything_matches(const std::string& step) {
    AnalyticsQuery all;
    if (!report_matches(all, step)) return false;
    for (const auto& dog : dogs_ids_) {
      AnalyticsQuery per_dog;
      per_dog.dog_id = dog;
      if (!report_matches(per_dog, step)) return false;
      for (unsigned m = 3; m <= 6; ++m) {
        const year_month ym = year{2024} / month{m};
        const std::string want = render(expected_month(dog, ym));
        const std::string got = render(calendar_.month(me_, dog, 2024, m));
        EXPECT_EQ(got, want) << "calendar of dog " << dog.substr(24) << ", after " << step;
        if (got != want) return false;
      }
    }
    for (int i = 0; i < 4; ++i) {
      if (!report_matches(random_query(), step)) return false;
    }
    return true;
  }

  std::uint32_t seed_;
  std::mt19937 random_;
  const Principal me_ = new_user();  // the database is the fixture's, ready by now
  std::vector<std::string> dogs_ids_;
  std::vector<Item> triggers_;
  std::vector<Item> reactions_;
  std::map<std::string, Known> known_;
  std::vector<std::string> ids_;  // of known_, in creation order: picks are reproducible
};

TEST_F(RandomizedSummariesTest, EveryViewMatchesTheRawObservations) {
  SCOPED_TRACE("seed " + std::to_string(seed_) +
               " (replay: DOGCARE_TEST_SEED=" + std::to_string(seed_) + ")");
  for (int step = 1; step <= kOperations; ++step) {
    const int roll = pick(1, 100);
    std::string what;
    if (ids_.empty() || roll <= 45) {
      what = create();
    } else if (roll <= 80) {
      what = update();
    } else {
      what = remove();
    }
    const std::string label = "step " + std::to_string(step) + ": " + what;
    if (!report_matches(random_query(), label)) return;
    if ((step % kFullCheckEvery == 0 || step == kOperations) && !everything_matches(label)) return;
  }
  // The sequence reached every kind of state: several observations left,
  // some deleted, some moved between dogs.
  EXPECT_GT(known_.size(), 10u);
}

}  // namespace
}  // namespace dogcare::testing
