// libFuzzer target for the JSON writer (json_writer.hpp): the input's bytes
// choose a record type and every field of a record (text of any Unicode
// scalar, integers, dates, optional and list members, through the same
// RecordMaker as the property test, tests/json_roundtrip.hpp), which the
// writer encodes. A bug is: text that Boost.JSON does not parse (strict,
// UTF-8 validated), or a parsed value that differs from the record in any
// field; the target then prints the difference and the text, and aborts.
#include <fuzzer/FuzzedDataProvider.h>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "dogcare/catalog.hpp"
#include "dogcare/dogs.hpp"
#include "dogcare/observations.hpp"
#include "http_records.hpp"
#include "json_roundtrip.hpp"

namespace {

struct Bytes {
  FuzzedDataProvider& data;
  std::uint64_t bits() { return data.ConsumeIntegral<std::uint64_t>(); }
  std::uint64_t below(std::uint64_t n) {
    return data.ConsumeIntegralInRange<std::uint64_t>(0, n - 1);
  }
};

template <class T>
void check(dogcare::http::roundtrip::RecordMaker<Bytes>& maker) {
  const auto record = maker.make<T>();
  std::string text;
  const auto differences = dogcare::http::roundtrip::check(record, &text);
  if (differences.empty()) return;
  for (const auto& difference : differences) std::fprintf(stderr, "%s\n", difference.c_str());
  std::fprintf(stderr, "text: %s\n", text.c_str());
  std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* input, std::size_t size) {
  FuzzedDataProvider data(input, size);
  Bytes bytes{data};
  dogcare::http::roundtrip::RecordMaker maker(bytes);
  using namespace dogcare;
  switch (data.ConsumeIntegralInRange(0, 6)) {
    case 0:
      check<Observation>(maker);
      break;
    case 1:
      check<SearchPage>(maker);
      break;
    case 2:
      check<Dog>(maker);
      break;
    case 3:
      check<http::DogList>(maker);
      break;
    case 4:
      check<CatalogItem>(maker);
      break;
    case 5:
      check<http::CatalogList>(maker);
      break;
    default:
      check<http::DefaultCatalog>(maker);
  }
  return 0;
}
