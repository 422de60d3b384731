// Writes JSON text straight into a string, from the records' descriptions:
// no intermediate boost::json::value tree. Text is the library's (valid
// UTF-8), so it passes through as is; only what JSON requires is escaped
// (quote, backslash, control characters), which keeps every code point exact.
#pragma once

#include <chrono>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

#include "codec_traits.hpp"
#include "dogcare/record.hpp"
#include "dogcare/time.hpp"

namespace dogcare::http {

class JsonWriter {
 public:
  explicit JsonWriter(std::string& out) : out_(out) {}

  void begin_object() {
    separate();
    out_ += '{';
    first_ = true;
  }
  void end_object() {
    out_ += '}';
    first_ = false;
  }
  void begin_array() {
    separate();
    out_ += '[';
    first_ = true;
  }
  void end_array() {
    out_ += ']';
    first_ = false;
  }
  void key(std::string_view name) {
    separate();
    write_string(name);
    out_ += ':';
    first_ = true;  // the value follows without a comma
  }
  void string(std::string_view text) {
    separate();
    write_string(text);
  }
  void null() { raw("null"); }
  void boolean(bool value) { raw(value ? "true" : "false"); }
  void integer(long long value);
  void unsigned_integer(unsigned long long value);
  void number(double value);

 private:
  void separate() {
    if (!first_) out_ += ',';
    first_ = false;
  }
  void raw(std::string_view text) {
    separate();
    out_ += text;
  }
  void write_string(std::string_view text);

  std::string& out_;
  bool first_ = true;
};

template <class T>
void write_value(JsonWriter& writer, const T& value);

template <Described T>
void write_record(JsonWriter& writer, const T& record) {
  writer.begin_object();
  for_each_field<T>([&](const auto& f) {
    if (f.info.write_only) return;
    writer.key(f.info.name);
    write_value(writer, f.get(record));
  });
  writer.end_object();
}

template <class T>
void write_value(JsonWriter& writer, const T& value) {
  if constexpr (std::is_same_v<T, std::string>) {
    writer.string(value);
  } else if constexpr (std::is_same_v<T, bool>) {
    writer.boolean(value);
  } else if constexpr (is_integer_v<T> && std::is_signed_v<T>) {
    writer.integer(value);
  } else if constexpr (is_integer_v<T>) {
    writer.unsigned_integer(value);
  } else if constexpr (std::is_floating_point_v<T>) {
    writer.number(value);
  } else if constexpr (std::is_same_v<T, Date>) {
    writer.string(format_date(value));
  } else if constexpr (std::is_same_v<T, std::chrono::year_month>) {
    writer.string(format_month(value));
  } else if constexpr (std::is_same_v<T, Timestamp>) {
    writer.string(format_timestamp(value));
  } else if constexpr (std::is_same_v<T, std::chrono::seconds>) {
    writer.integer(value.count());
  } else if constexpr (DescribedEnum<T>) {
    writer.string(to_name(value));
  } else if constexpr (is_optional_v<T>) {
    if (value) {
      write_value(writer, *value);
    } else {
      writer.null();
    }
  } else if constexpr (is_vector_v<T>) {
    writer.begin_array();
    for (const auto& element : value) write_value(writer, element);
    writer.end_array();
  } else if constexpr (Described<T>) {
    write_record(writer, value);
  } else {
    static_assert(!sizeof(T*), "no JSON encoding for this member type");
  }
}

// The JSON text of a described record.
template <Described T>
std::string encode(const T& record) {
  std::string out;
  out.reserve(256);
  JsonWriter writer(out);
  write_record(writer, record);
  return out;
}

}  // namespace dogcare::http
