// What bound block fetches could break, on every backend: text well beyond
// its bound buffer beside short text, NULL in every nullable column, and the
// block boundaries (no row, exactly one block, a partial last block).
#include <gtest/gtest.h>

#include <algorithm>
#include <map>

#include "fixture.hpp"
#include "storage/odbc.hpp"

namespace dogcare::testing {
namespace {

using storage::ColumnKind;
using storage::ObservationQuery;
using storage::ObservationRepository;
using storage::ResultColumn;
using storage::Statement;

// 4,000 code points of one- to four-byte UTF-8 (9,000 bytes), distinct per seed.
std::string long_text(int seed) {
  std::string out;
  for (int i = 0; i < 1000; ++i) {
    out += "é🐕ß";
    out.push_back(static_cast<char>('a' + (i + seed) % 26));
  }
  return out;
}

class BlockFetchTest : public StorageTest {
 protected:
  // `count` observations of a new user, on consecutive days from 1 May 2024.
  std::string user_with(int count) {
    const auto owner = make_user();
    const auto dog = make_dog(owner);
    for (int i = 0; i < count; ++i) {
      insert(observation(owner, dog, day(2024, 5, 1 + static_cast<unsigned>(i)), 2));
    }
    return owner;
  }
};

TEST_F(BlockFetchTest, PagesOfLongTextNullsAndManyItemsRoundTrip) {
  const auto owner = make_user();
  const auto dog = make_dog(owner);
  // Enough items with long names that a packed list outgrows its buffer.
  std::vector<ItemRef> many;
  for (int i = 0; i < 12; ++i) {
    const auto item = make_item(owner, CatalogKind::trigger,
                                "déclencheur au nom assez long n° " + std::to_string(10 + i));
    many.push_back({item.id, item.name});
  }
  std::sort(many.begin(), many.end(),
            [](const ItemRef& a, const ItemRef& b) { return a.name < b.name; });
  const auto reaction = make_item(owner, CatalogKind::reaction, "aboiement");
  std::map<std::string, Observation> expected;
  for (unsigned i = 0; i < 9; ++i) {
    auto o = observation(owner, dog, day(2024, 3, 1 + i), 1 + static_cast<int>(i % 5));
    if (i % 3 == 1) {  // long text in the middle of a block, items beyond their buffer
      o.comment = long_text(static_cast<int>(i));
      o.handler_action = std::string();
      for (int k = 0; k < 500; ++k) *o.handler_action += "🐕";
      o.triggers = many;
      o.reactions = {{reaction.id, reaction.name}};
      o.distance_m = 40;
      o.recovery_min = 5;
    } else if (i % 3 == 2) {  // short values
      o.comment = "court";
      o.handler_action = "demi-tour";
      o.triggers = {many.front()};
      o.distance_m = 0;
      o.recovery_min = 0;
    }  // i % 3 == 0: every nullable column NULL, no items
    insert(o);
    expected[o.id] = o;
  }
  ObservationRepository repository(connection());
  ObservationQuery q;
  q.limit = 4;  // blocks of 5: pages of 4, 4 and a last partial one of 1
  std::vector<std::size_t> sizes;
  std::size_t seen = 0;
  for (;;) {
    const auto page = repository.list(owner, q);
    sizes.push_back(page.items.size());
    for (const auto& got : page.items) {
      ASSERT_TRUE(expected.count(got.id)) << got.id;
      const Observation& want = expected.at(got.id);
      EXPECT_EQ(got.comment, want.comment) << got.id;
      EXPECT_EQ(got.handler_action, want.handler_action) << got.id;
      EXPECT_EQ(got.distance_m, want.distance_m) << got.id;
      EXPECT_EQ(got.recovery_min, want.recovery_min) << got.id;
      EXPECT_EQ(got.triggers, want.triggers) << got.id;
      EXPECT_EQ(got.reactions, want.reactions) << got.id;
      EXPECT_EQ(got.date, want.date);
      EXPECT_EQ(got.severity, want.severity);
      EXPECT_EQ(got.dog_id, dog);
      EXPECT_EQ(got.created_at, want.created_at);
      ++seen;
    }
    if (!page.next) break;
    q.after = page.next;
  }
  EXPECT_EQ(sizes, (std::vector<std::size_t>{4, 4, 1}));
  EXPECT_EQ(seen, expected.size());

  // The whole month as one block (the calendar's read), then one by one.
  q = ObservationQuery{};
  q.limit = kMaxPageSize;
  const auto all = repository.list(owner, q);
  ASSERT_EQ(all.items.size(), expected.size());
  for (const auto& got : all.items) {
    EXPECT_EQ(got.comment, expected.at(got.id).comment);
    EXPECT_EQ(got.triggers, expected.at(got.id).triggers);
  }
  for (const auto& [id, want] : expected) {
    const auto got = repository.find(owner, id);
    ASSERT_TRUE(got);
    EXPECT_EQ(got->comment, want.comment);
    EXPECT_EQ(got->handler_action, want.handler_action);
  }
}

struct Read {
  std::vector<Date> dates;
  std::uint64_t driver_fetches = 0;
};

// The user's observation dates through a block of three, with or without a
// text column beside the fixed-width ones.
Read read_dates(storage::Connection& connection, const std::string& owner, bool with_text) {
  Statement query(connection, with_text ? "SELECT o.observed_on, o.severity, o.id"
                                          " FROM observations o WHERE o.user_id = ?"
                                          " ORDER BY o.observed_on"
                                        : "SELECT o.observed_on, o.severity"
                                          " FROM observations o WHERE o.user_id = ?"
                                          " ORDER BY o.observed_on");
  std::vector<ResultColumn> columns{{ColumnKind::date, 0}, {ColumnKind::integer, 0}};
  if (with_text) columns.push_back({ColumnKind::text, 64});
  query.bind_result(columns, 3).bind_all(owner).execute();
  Read out;
  while (query.fetch()) {
    out.dates.push_back(query.date(1).value_or(Date{}));
    EXPECT_EQ(query.integer(2), 2);
    if (with_text) {
      EXPECT_EQ(query.text(3)->size(), 36u);
    }
  }
  EXPECT_FALSE(query.fetch());  // stays at the end
  out.driver_fetches = query.driver_fetches();
  return out;
}

std::vector<Date> may_days(int count) {
  std::vector<Date> out;
  for (int i = 0; i < count; ++i) out.push_back(day(2024, 5, 1 + static_cast<unsigned>(i)));
  return out;
}

TEST_F(BlockFetchTest, BlockBoundariesNoRowsOneBlockAndAPartialLastOne) {
  // rows -> SQLFetch calls in blocks of 3: a short block ends the result.
  const std::vector<std::pair<int, std::uint64_t>> cases{{0, 1}, {3, 2}, {6, 3}, {7, 3}};
  for (const auto& [rows, calls] : cases) {
    const auto owner = user_with(rows);
    const Read fixed = read_dates(connection(), owner, false);
    EXPECT_EQ(fixed.dates, may_days(rows)) << rows;
    // Fixed-width columns come in blocks on every driver.
    EXPECT_EQ(fixed.driver_fetches, calls) << rows;

    const Read text = read_dates(connection(), owner, true);
    EXPECT_EQ(text.dates, may_days(rows)) << rows;
    // With text, a driver that cannot SQLGetData within a block (the SQLite
    // ODBC driver) is read a row at a time, the others still in blocks.
    const bool blocks = connection().getdata_within_blocks();
    EXPECT_EQ(blocks, connection().dialect() != Dialect::sqlite);
    EXPECT_EQ(text.driver_fetches, blocks ? calls : static_cast<std::uint64_t>(rows + 1)) << rows;
  }
}

TEST_F(BlockFetchTest, AStatementIsReusedWithNewBuffersEachTime) {
  // The same prepared text with blocks, then without a declared result: the
  // handle must not keep pointers into the first statement's buffers.
  const auto owner = user_with(4);
  EXPECT_EQ(read_dates(connection(), owner, false).dates, may_days(4));
  Statement plain(connection(),
                  "SELECT o.observed_on, o.severity FROM observations o WHERE o.user_id = ?"
                  " ORDER BY o.observed_on");
  plain.bind_all(owner).execute();
  std::vector<Date> dates;
  while (plain.fetch()) dates.push_back(plain.date(1).value_or(Date{}));
  EXPECT_EQ(dates, may_days(4));
  EXPECT_EQ(plain.driver_fetches(), 5u);  // one row per call, then the end
  EXPECT_EQ(read_dates(connection(), owner, false).dates, may_days(4));
}

TEST_F(BlockFetchTest, ReadingAColumnAsAnotherKindIsAnInternalError) {
  const auto owner = user_with(1);
  Statement query(connection(), "SELECT o.severity FROM observations o WHERE o.user_id = ?");
  query.bind_result({{ColumnKind::integer, 0}}, 2).bind_all(owner).execute();
  ASSERT_TRUE(query.fetch());
  try {
    (void)query.text(1);
    FAIL() << "expected an internal error";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::internal);
  }
  EXPECT_EQ(query.integer(1), 2);
}

TEST(BlockFetchOff, ReadsTheSameCellByCell) {
  auto options = options_for(fresh_database());
  options.block_fetch = false;
  Database database(options);
  auto connection = storage::pool(database).borrow();
  Statement query(*connection, "SELECT 7, 'sept'{DUAL}");
  query.bind_result({{ColumnKind::integer, 0}, {ColumnKind::text, 8}}, 4).execute();
  ASSERT_TRUE(query.fetch());
  EXPECT_EQ(query.integer(1), 7);
  EXPECT_EQ(query.text(2), "sept");
  EXPECT_FALSE(query.fetch());
  EXPECT_EQ(query.driver_fetches(), 2u);
}

}  // namespace
}  // namespace dogcare::testing
