// The JSON writer's property: every record it encodes parses with Boost.JSON
// and holds exactly the record's fields, for text of any Unicode (controls,
// U+2028/2029, astral planes, quotes, backslashes) and any integer. A fixed
// seed, so a failure replays; the failing case's index and text are printed.
#include <gtest/gtest.h>

#include <cstdint>
#include <random>
#include <string>
#include <tuple>

#include "json_roundtrip.hpp"

namespace dogcare::http {
namespace {

struct Engine {
  std::mt19937_64 engine;
  std::uint64_t bits() { return engine(); }
  std::uint64_t below(std::uint64_t n) {
    return std::uniform_int_distribution<std::uint64_t>(0, n - 1)(engine);
  }
};

constexpr std::uint64_t kSeed = 20240611;

template <class T>
void holds_for_random(int cases) {
  Engine engine{std::mt19937_64(kSeed)};
  roundtrip::RecordMaker maker(engine);
  for (int i = 0; i < cases; ++i) {
    const auto failure = roundtrip::check_random<T>(maker);
    ASSERT_FALSE(failure) << Description<T>::name << " case " << i << " (seed " << kSeed << "):\n"
                          << failure->report();
  }
}

// Every checked record (roundtrip::CheckedRecords) gets a test of its own;
// pages and lists, which hold many records each, fewer cases.
template <class T>
constexpr int kCases = 3000;
template <>
constexpr int kCases<SearchPage> = 1000;
template <>
constexpr int kCases<DogList> = 1000;
template <>
constexpr int kCases<CatalogList> = 1000;
template <>
constexpr int kCases<DefaultCatalog> = 1000;

template <class Tuple>
struct AsTypes;
template <class... T>
struct AsTypes<std::tuple<T...>> {
  using type = ::testing::Types<T...>;
};

struct RecordName {
  template <class T>
  static std::string GetName(int) {
    return std::string(Description<T>::name);
  }
};

template <class T>
class JsonWriterRoundTrip : public ::testing::Test {};
TYPED_TEST_SUITE(JsonWriterRoundTrip, AsTypes<roundtrip::CheckedRecords>::type, RecordName);

TYPED_TEST(JsonWriterRoundTrip, RandomRecords) {
  holds_for_random<TypeParam>(kCases<TypeParam>);
}

// The maker does reach what the writer must escape, so the cases above are
// not vacuous: every C0 control, DEL, quote, backslash, U+2028 and an astral
// character each come up in the first few thousand strings.
TEST(JsonWriter, RandomTextCoversWhatMustBeEscaped) {
  Engine engine{std::mt19937_64(kSeed)};
  roundtrip::RecordMaker maker(engine);
  std::string all;
  for (int i = 0; i < 3000; ++i) all += maker.text();
  for (char c = 0; c < 0x20; ++c) EXPECT_NE(all.find(c), std::string::npos) << int(c);
  for (const std::string_view needle : {"\x7f", "\"", "\\", "\u2028", "\u2029", "\U0001F600"}) {
    EXPECT_NE(all.find(needle), std::string::npos) << needle;
  }
}

Observation observation_with_comment(std::string comment) {
  Observation observation;
  observation.date = Date{std::chrono::year{2024}, std::chrono::June, std::chrono::day{11}};
  observation.comment = std::move(comment);
  return observation;
}

std::string first(const std::vector<std::string>& differences) {
  return differences.empty() ? "" : differences.front();
}

// A text the writer got wrong would show here: each of these, in a comment,
// parses back to itself.
TEST(JsonWriter, EveryControlCharacterAndSeparatorRoundTrips) {
  for (const char c : {'\x00', '\x01', '\x08', '\x0b', '\x1f', '\x7f', '"', '\\', '/'}) {
    EXPECT_EQ(first(roundtrip::check(observation_with_comment(std::string("a") + c + "b"))), "")
        << int(c);
  }
  EXPECT_EQ(first(roundtrip::check(observation_with_comment("\u2028\u2029\U0010FFFF\uFEFF"))), "");
}

// The check itself tells a wrong text from a right one.
TEST(JsonWriter, TheCheckSeesADifference) {
  Dog dog;
  dog.name = "Rex";
  roundtrip::Comparison comparison;
  Dog other = dog;
  other.name = "Max";
  comparison.same(boost::json::parse(encode(dog)), other, "Dog");
  EXPECT_EQ(comparison.differences.size(), 1u);
}

}  // namespace
}  // namespace dogcare::http
