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

#include "json_roundtrip.hpp"

namespace {

struct Bytes {
  FuzzedDataProvider& data;
  std::uint64_t bits() { return data.ConsumeIntegral<std::uint64_t>(); }
  std::uint64_t below(std::uint64_t n) {
    return data.ConsumeIntegralInRange<std::uint64_t>(0, n - 1);
  }
};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* input, std::size_t size) {
  namespace roundtrip = dogcare::http::roundtrip;
  FuzzedDataProvider data(input, size);
  Bytes bytes{data};
  roundtrip::RecordMaker maker(bytes);
  const auto index = data.ConsumeIntegralInRange<std::size_t>(0, roundtrip::kCheckedRecords - 1);
  roundtrip::with_checked_record(index, [&]<class T>() {
    if (const auto failure = roundtrip::check_random<T>(maker)) {
      std::fputs(failure->report().c_str(), stderr);
      std::abort();
    }
  });
  return 0;
}
