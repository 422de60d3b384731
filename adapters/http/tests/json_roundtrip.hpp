// What the JSON writer promises, as a check shared by the property test
// (json_writer_test.cpp) and the fuzzer (fuzz/fuzz_json_writer.cpp): random
// described records, encoded by the writer, parse with Boost.JSON (strict,
// UTF-8 validated) into a value that holds exactly the records' fields.
//
// Records are made generically from their descriptions by a RecordMaker over
// a Source of randomness (a seeded engine, or the fuzzer's bytes); the parsed
// value is compared field by field with an oracle that does not use the
// writer (timestamps are read back by a parser of its own). The records
// checked (CheckedRecords) and the check of one random record (check_random)
// are here too, so the test and the fuzzer are only their drivers.
#pragma once

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>
#include <boost/json/value.hpp>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <limits>
#include <optional>
#include <string>
#include <string_view>
#include <tuple>
#include <type_traits>
#include <utility>
#include <vector>

#include "codec_traits.hpp"
#include "dogcare/catalog.hpp"
#include "dogcare/dogs.hpp"
#include "dogcare/observations.hpp"
#include "dogcare/record.hpp"
#include "dogcare/time.hpp"
#include "http_records.hpp"
#include "json_writer.hpp"

namespace dogcare::http::roundtrip {

// A Source gives `std::uint64_t bits()` (any 64 bits) and
// `std::uint64_t below(std::uint64_t n)` (in [0, n), n > 0).
template <class Source>
class RecordMaker {
 public:
  explicit RecordMaker(Source& source) : source_(source) {}

  // A code point chosen to stress the escaping: controls (C0, DEL, C1),
  // quote, backslash, slash, U+2028/2029, BOM and noncharacters, the
  // largest of each UTF-8 length, any BMP scalar and any astral one.
  char32_t code_point() {
    static constexpr char32_t special[] = {
        0x00,   0x01,   0x08,   0x09,   0x0a,   0x0c,    0x0d,    0x1f,    0x7f,     '"',
        '\\',   '/',    0x80,   0x9f,   0xa0,   0x7ff,   0x800,   0x2028,  0x2029,   0xd7ff,
        0xe000, 0xfeff, 0xfffd, 0xfffe, 0xffff, 0x10000, 0x1f600, 0xe0001, 0x10ffff, 'e'};
    switch (source_.below(6)) {
      case 0:
        return special[source_.below(std::size(special))];
      case 1:
        return static_cast<char32_t>(source_.below(0x20));  // a C0 control
      case 2:
        return static_cast<char32_t>(0x20 + source_.below(0x5f));  // printable ASCII
      case 3: {
        const auto c = static_cast<char32_t>(0x80 + source_.below(0x10000 - 0x80 - 0x800));
        return c < 0xd800 ? c : c + 0x800;  // any BMP scalar above ASCII, no surrogate
      }
      case 4:
        return static_cast<char32_t>(0x10000 + source_.below(0x100000));  // astral
      default:
        return static_cast<char32_t>(0x20 + source_.below(0x5f));
    }
  }

  std::string text() {
    std::string out;
    const auto length = source_.below(12);
    for (std::uint64_t i = 0; i < length; ++i) append_utf8(out, code_point());
    return out;
  }

  template <class T>
  T make() {
    T value{};
    fill(value);
    return value;
  }

  template <class T>
  void fill(T& value) {
    if constexpr (std::is_same_v<T, std::string>) {
      value = text();
    } else if constexpr (std::is_same_v<T, bool>) {
      value = source_.below(2) == 1;
    } else if constexpr (is_integer_v<T>) {
      value = integer<T>();
    } else if constexpr (std::is_floating_point_v<T>) {
      value = static_cast<T>(static_cast<double>(integer<std::int32_t>()) / 64.0);
    } else if constexpr (std::is_same_v<T, Date>) {
      value = Date{day()};
    } else if constexpr (std::is_same_v<T, std::chrono::year_month>) {
      const Date date{day()};
      value = date.year() / date.month();
    } else if constexpr (std::is_same_v<T, Timestamp>) {
      value = Timestamp{day()} + std::chrono::milliseconds(source_.below(86'400'000));
    } else if constexpr (std::is_same_v<T, std::chrono::seconds>) {
      value = std::chrono::seconds(integer<std::int64_t>());
    } else if constexpr (DescribedEnum<T>) {
      const auto& values = EnumDescription<T>::values;
      value = values[source_.below(values.size())].first;
    } else if constexpr (is_optional_v<T>) {
      if (source_.below(3) == 0) {
        value.reset();
      } else {
        value.emplace();
        fill(*value);
      }
    } else if constexpr (is_vector_v<T>) {
      value.resize(source_.below(4));
      for (auto& element : value) fill(element);
    } else if constexpr (Described<T>) {
      for_each_field<T>([&](const auto& f) { fill(f.get(value)); });
    } else {
      static_assert(!sizeof(T*), "no maker for this member type");
    }
  }

 private:
  template <class T>
  T integer() {
    using limits = std::numeric_limits<T>;
    switch (source_.below(4)) {
      case 0: {  // a boundary
        const T boundaries[] = {
            limits::min(),     static_cast<T>(limits::min() + 1), static_cast<T>(0),
            static_cast<T>(1), static_cast<T>(limits::max() - 1), limits::max()};
        return boundaries[source_.below(std::size(boundaries))];
      }
      case 1:
        return static_cast<T>(source_.below(10));
      default:
        return static_cast<T>(source_.bits());  // any value of the type
    }
  }

  // Any day of years 1 to 9999 (what the four-digit formats can hold).
  std::chrono::sys_days day() {
    using namespace std::chrono;
    constexpr sys_days first{year{1} / January / 1};
    constexpr sys_days last{year{9999} / December / 31};
    const auto span = static_cast<std::uint64_t>((last - first).count()) + 1;
    return first + days(source_.below(span));
  }

  static void append_utf8(std::string& out, char32_t c) {
    const auto put = [&](std::uint32_t byte) { out += static_cast<char>(byte); };
    const auto u = static_cast<std::uint32_t>(c);
    if (u < 0x80) {
      put(u);
    } else if (u < 0x800) {
      put(0xc0 | (u >> 6));
      put(0x80 | (u & 0x3f));
    } else if (u < 0x10000) {
      put(0xe0 | (u >> 12));
      put(0x80 | ((u >> 6) & 0x3f));
      put(0x80 | (u & 0x3f));
    } else {
      put(0xf0 | (u >> 18));
      put(0x80 | ((u >> 12) & 0x3f));
      put(0x80 | ((u >> 6) & 0x3f));
      put(0x80 | (u & 0x3f));
    }
  }

  Source& source_;
};

// "YYYY-MM-DDTHH:MM:SS.mmmZ" read back without the library's formatter.
inline std::optional<Timestamp> read_timestamp(std::string_view text) {
  if (text.size() != 24) return std::nullopt;
  const std::string copy(text);
  int y = 0;
  unsigned mo = 0, d = 0, h = 0, mi = 0, s = 0, ms = 0;
  char t = 0, z = 0;
  if (std::sscanf(copy.c_str(), "%4d-%2u-%2u%c%2u:%2u:%2u.%3u%c", &y, &mo, &d, &t, &h, &mi, &s, &ms,
                  &z) != 9 ||
      t != 'T' || z != 'Z' || h > 23 || mi > 59 || s > 59) {
    return std::nullopt;
  }
  using namespace std::chrono;
  const year_month_day date{year{y}, month{mo}, day{d}};
  if (!date.ok()) return std::nullopt;
  return Timestamp{sys_days{date}} + hours(h) + minutes(mi) + seconds(s) + milliseconds(ms);
}

// Every difference between a parsed JSON value and the record it came from,
// as "path: what" lines (none when they are equal).
class Comparison {
 public:
  std::vector<std::string> differences;

  template <class T>
  void same(const boost::json::value& json, const T& expected, const std::string& path) {
    if constexpr (std::is_same_v<T, std::string>) {
      if (!json.is_string() || std::string_view(json.get_string()) != expected) differ(path, json);
    } else if constexpr (std::is_same_v<T, bool>) {
      if (!json.is_bool() || json.get_bool() != expected) differ(path, json);
    } else if constexpr (is_integer_v<T> && std::is_signed_v<T>) {
      if (!json.is_int64() || json.get_int64() != static_cast<std::int64_t>(expected)) {
        differ(path, json);
      }
    } else if constexpr (is_integer_v<T>) {
      const auto wanted = static_cast<std::uint64_t>(expected);
      const bool ok = (json.is_int64() && json.get_int64() >= 0 &&
                       static_cast<std::uint64_t>(json.get_int64()) == wanted) ||
                      (json.is_uint64() && json.get_uint64() == wanted);
      if (!ok) differ(path, json);
    } else if constexpr (std::is_floating_point_v<T>) {
      if (!json.is_number() || json.to_number<double>() != static_cast<double>(expected)) {
        differ(path, json);
      }
    } else if constexpr (std::is_same_v<T, Date>) {
      if (!json.is_string() || parse_date(json.get_string()) != std::optional<Date>(expected)) {
        differ(path, json);
      }
    } else if constexpr (std::is_same_v<T, std::chrono::year_month>) {
      if (!json.is_string() ||
          parse_month(json.get_string()) != std::optional<std::chrono::year_month>(expected)) {
        differ(path, json);
      }
    } else if constexpr (std::is_same_v<T, Timestamp>) {
      if (!json.is_string() ||
          read_timestamp(json.get_string()) != std::optional<Timestamp>(expected)) {
        differ(path, json);
      }
    } else if constexpr (std::is_same_v<T, std::chrono::seconds>) {
      if (!json.is_int64() || json.get_int64() != expected.count()) differ(path, json);
    } else if constexpr (DescribedEnum<T>) {
      if (!json.is_string() || std::string_view(json.get_string()) != to_name(expected)) {
        differ(path, json);
      }
    } else if constexpr (is_optional_v<T>) {
      if (!expected) {
        if (!json.is_null()) differ(path, json);
      } else {
        same(json, *expected, path);
      }
    } else if constexpr (is_vector_v<T>) {
      if (!json.is_array() || json.get_array().size() != expected.size()) {
        differ(path, json);
        return;
      }
      for (std::size_t i = 0; i < expected.size(); ++i) {
        same(json.get_array()[i], expected[i], path + "[" + std::to_string(i) + "]");
      }
    } else if constexpr (Described<T>) {
      if (!json.is_object()) {
        differ(path, json);
        return;
      }
      const auto& object = json.get_object();
      std::size_t written = 0;
      for_each_field<T>([&](const auto& f) {
        const std::string member = path + "." + std::string(f.info.name);
        const auto* value = object.if_contains(f.info.name);
        if (f.info.write_only) {
          if (value) differences.push_back(member + ": a write-only field was written");
          return;
        }
        ++written;
        if (!value) {
          differences.push_back(member + ": missing");
          return;
        }
        same(*value, f.get(expected), member);
      });
      if (object.size() != written) differences.push_back(path + ": members beyond the fields");
    } else {
      static_assert(!sizeof(T*), "no comparison for this member type");
    }
  }

 private:
  void differ(const std::string& path, const boost::json::value& json) {
    differences.push_back(path + ": got " + boost::json::serialize(json));
  }
};

// Encodes `record` with the writer and checks it; the differences (the
// parse error first when the text is not JSON), empty when all is well.
template <Described T>
std::vector<std::string> check(const T& record, std::string* text_out = nullptr) {
  const std::string text = encode(record);
  if (text_out) *text_out = text;
  boost::json::error_code ec;
  const auto parsed = boost::json::parse(text, ec);
  if (ec) return {"not JSON: " + ec.message()};
  Comparison comparison;
  comparison.same(parsed, record, std::string(Description<T>::name));
  return comparison.differences;
}

// A record that failed the check: its differences and the writer's text.
struct Failure {
  std::vector<std::string> differences;
  std::string text;

  // One line a difference, then "text: " and the text.
  std::string report() const {
    std::string out;
    for (const auto& difference : differences) out += difference + "\n";
    return out + "text: " + text + "\n";
  }
};

// The property for one record: a random T from `maker`, encoded and checked.
template <Described T, class Source>
std::optional<Failure> check_random(RecordMaker<Source>& maker) {
  const auto record = maker.template make<T>();
  Failure failure;
  failure.differences = check(record, &failure.text);
  if (failure.differences.empty()) return std::nullopt;
  return failure;
}

// The records the writer is checked on; the fuzzer picks one by its index
// (keep the order: it is what a saved corpus replays).
using CheckedRecords = std::tuple<Observation, SearchPage, Dog, DogList, CatalogItem, CatalogList,
                                  DefaultCatalog, DogSharing, HeldShareList, ShareCode>;
inline constexpr std::size_t kCheckedRecords = std::tuple_size_v<CheckedRecords>;

// Calls `f.template operator()<T>()` for the index-th type of CheckedRecords
// (index < kCheckedRecords).
template <class F>
void with_checked_record(std::size_t index, F&& f) {
  [&]<std::size_t... I>(std::index_sequence<I...>) {
    (void)((I == index &&
            (f.template operator()<std::tuple_element_t<I, CheckedRecords>>(), true)) ||
           ...);
  }
  (std::make_index_sequence<kCheckedRecords>{});
}

}  // namespace dogcare::http::roundtrip
