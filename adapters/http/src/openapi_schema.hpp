// JSON Schemas (OpenAPI 3.1) from the records' descriptions: the same
// descriptions the codec decodes and encodes with, so the document cannot
// say something the server does not do.
#pragma once

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>
#include <boost/json/value.hpp>
#include <chrono>
#include <string>
#include <string_view>
#include <type_traits>

#include "codec_traits.hpp"
#include "dogcare/record.hpp"
#include "dogcare/time.hpp"

namespace dogcare::http {

// The document's components/schemas, filled as records are referenced.
class Components {
 public:
  bool has(std::string_view name) const { return schemas_.contains(name); }
  void add(std::string_view name, boost::json::object schema) {
    schemas_[name] = std::move(schema);
  }
  // Reserves the name before the schema is built (records may nest).
  void reserve(std::string_view name) { schemas_[name] = boost::json::object{}; }
  const boost::json::object& schemas() const { return schemas_; }

 private:
  boost::json::object schemas_;
};

// What a route says about the record it reads or writes: its name and how
// to document it (as a schema, or as query parameters).
struct TypeDoc {
  std::string_view name;
  boost::json::value (*schema)(Components&);
  boost::json::array (*parameters)(Components&);
};

namespace schema {

inline boost::json::object nullable(boost::json::object schema) {
  if (const auto it = schema.find("type"); it != schema.end() && it->value().is_string()) {
    it->value() = boost::json::array{it->value(), "null"};
    return schema;
  }
  boost::json::object wrapper;
  wrapper["anyOf"] = boost::json::array{std::move(schema), boost::json::object{{"type", "null"}}};
  return wrapper;
}

template <Described T>
boost::json::object reference(Components& components);

template <class V>
boost::json::object value_schema(const FieldInfo& info, Components& components) {
  const Limits& limits = info.limits;
  boost::json::object s;
  if constexpr (std::is_same_v<V, std::string>) {
    s["type"] = "string";
    if (limits.min_length > 0) s["minLength"] = limits.min_length;
    if (limits.max_length > 0) s["maxLength"] = limits.max_length;
    if (!limits.characters.empty()) {
      s["pattern"] = "^[" + std::string(limits.characters) + "]*$";
    }
    if (!limits.format.empty()) s["format"] = limits.format;
  } else if constexpr (std::is_same_v<V, bool>) {
    s["type"] = "boolean";
  } else if constexpr (is_integer_v<V>) {
    s["type"] = "integer";
    if (limits.has_min()) {
      s["minimum"] = limits.min;
    } else if constexpr (std::is_unsigned_v<V>) {
      s["minimum"] = 0;
    }
    if (limits.has_max()) s["maximum"] = limits.max;
  } else if constexpr (std::is_floating_point_v<V>) {
    s["type"] = "number";
  } else if constexpr (std::is_same_v<V, Date>) {
    s["type"] = "string";
    s["format"] = "date";
  } else if constexpr (std::is_same_v<V, Timestamp>) {
    s["type"] = "string";
    s["format"] = "date-time";
  } else if constexpr (std::is_same_v<V, std::chrono::year_month>) {
    s["type"] = "string";
    s["pattern"] = "^[0-9]{4}-(0[1-9]|1[0-2])$";
  } else if constexpr (std::is_same_v<V, std::chrono::seconds>) {
    s["type"] = "integer";
  } else if constexpr (DescribedEnum<V>) {
    s["type"] = "string";
    boost::json::array names;
    for (const auto& [value, name] : EnumDescription<V>::values) names.emplace_back(name);
    s["enum"] = std::move(names);
  } else if constexpr (is_vector_v<V>) {
    s["type"] = "array";
    s["items"] = value_schema<typename V::value_type>(info, components);
    if (limits.max_items > 0) s["maxItems"] = limits.max_items;
  } else if constexpr (Described<V>) {
    return reference<V>(components);
  } else {
    static_assert(!sizeof(V*), "no schema for this member type");
  }
  return s;
}

template <class Member>
boost::json::object member_schema(const FieldInfo& info, Components& components) {
  auto s = value_schema<unwrapped_t<Member>>(info, components);
  if (accepts_null<Member>(info)) s = nullable(std::move(s));
  if (!info.doc.empty()) s["description"] = info.doc;
  if (info.write_only) s["writeOnly"] = true;
  return s;
}

template <Described T>
boost::json::object record_schema(Components& components) {
  boost::json::object properties;
  boost::json::array required;
  for_each_field<T>([&](const auto& f) {
    using Member = typename std::remove_cvref_t<decltype(f)>::member_type;
    properties[f.info.name] = member_schema<Member>(f.info, components);
    if (must_be_given<Member>(f.info)) required.emplace_back(f.info.name);
  });
  boost::json::object s{{"type", "object"}};
  if constexpr (requires { Description<T>::doc; }) s["description"] = Description<T>::doc;
  s["properties"] = std::move(properties);
  if (!required.empty()) s["required"] = std::move(required);
  return s;
}

template <Described T>
boost::json::object reference(Components& components) {
  const std::string_view name = Description<T>::name;
  if (!components.has(name)) {
    components.reserve(name);
    components.add(name, record_schema<T>(components));
  }
  return {{"$ref", "#/components/schemas/" + std::string(name)}};
}

template <Described T>
boost::json::value reference_value(Components& components) {
  return reference<T>(components);
}

// Each field of a query record as a query parameter; a list is the
// parameter repeated (style form, explode).
template <Described T>
boost::json::array query_parameters(Components& components) {
  boost::json::array parameters;
  for_each_field<T>([&](const auto& f) {
    using Member = typename std::remove_cvref_t<decltype(f)>::member_type;
    auto s = value_schema<unwrapped_t<Member>>(f.info, components);
    boost::json::object parameter{{"name", f.info.name},
                                  {"in", "query"},
                                  {"required", must_be_given<Member>(f.info)},
                                  {"description", f.info.doc},
                                  {"schema", std::move(s)}};
    if constexpr (is_vector_v<Member>) {
      parameter["style"] = "form";
      parameter["explode"] = true;
    }
    parameters.push_back(std::move(parameter));
  });
  return parameters;
}

}  // namespace schema

template <Described T>
const TypeDoc& type_doc() {
  static const TypeDoc doc{Description<T>::name, &schema::reference_value<T>,
                           &schema::query_parameters<T>};
  return doc;
}

}  // namespace dogcare::http
