#include "openapi.hpp"

#include <algorithm>
#include <boost/json/serialize.hpp>

namespace dogcare::http {

namespace json = boost::json;

namespace {

json::object problem_schema() {
  json::object error_properties{
      {"location", {{"type", "string"}, {"enum", {"body", "query"}}}},
      {"path",
       {{"type", "string"},
        {"description",
         "The member as a JSON path ($.triggers[2], $ for the whole body) or the query "
         "parameter as the library names it (severity[1])."}}},
      {"pointer",
       {{"type", "string"}, {"description", "Body errors: the member as an RFC 6901 pointer."}}},
      {"parameter", {{"type", "string"}, {"description", "Query errors: the parameter's name."}}},
      {"code",
       {{"type", "string"},
        {"description",
         "Why: a library rule (required, too_short, too_long, out_of_range, too_many, too_early, "
         "too_late, invalid_format, invalid_characters, unknown, taken, limit_reached, wrong, "
         "invalid) or a shape error (invalid_type, invalid_json)."}}},
      {"min", {{"type", "integer"}, {"description", "The lower bound broken, where one applies."}}},
      {"max", {{"type", "integer"}, {"description", "The upper bound broken, where one applies."}}},
      {"earliest", {{"type", "string"}, {"format", "date"}}},
      {"latest", {{"type", "string"}, {"format", "date"}}},
      {"detail", {{"type", "string"}, {"description", "English, naming the member."}}},
  };
  return {
      {"type", "object"},
      {"description", "Problem details (RFC 9457)."},
      {"required", {"type", "title", "status", "detail"}},
      {"properties",
       {{"type", {{"type", "string"}}},
        {"title", {{"type", "string"}}},
        {"status", {{"type", "integer"}}},
        {"detail", {{"type", "string"}, {"description", "English; for 422 the first error's."}}},
        {"errors",
         {{"type", "array"},
          {"description", "422: every bad member or parameter, not only the first."},
          {"items",
           {{"type", "object"},
            {"required", {"location", "path", "code", "detail"}},
            {"properties", std::move(error_properties)}}}}}}},
  };
}

json::object problem_content() {
  return {{"application/problem+json", {{"schema", {{"$ref", "#/components/schemas/Problem"}}}}}};
}

json::array path_parameters(const Route& route) {
  json::array parameters;
  for (const auto& segment : route.segments) {
    if (segment.size() > 2 && segment.front() == '{' && segment.back() == '}') {
      parameters.push_back(json::object{{"name", segment.substr(1, segment.size() - 2)},
                                        {"in", "path"},
                                        {"required", true},
                                        {"schema", {{"type", "string"}}}});
    }
  }
  return parameters;
}

json::object operation(const Route& route, Components& components) {
  json::object op{{"summary", route.summary}, {"tags", {route.tag}}};
  if (route.auth == Auth::none) {
    op["security"] = json::array{};
  } else {
    op["security"] = {{{"bearerAuth", json::array{}}}, {{"oauth2", json::array{}}}};
  }
  json::array parameters = path_parameters(route);
  if (route.query_type) {
    for (auto& p : route.query_type->parameters(components)) {
      const auto& name = p.as_object().at("name").as_string();
      const bool ignored =
          std::find(route.ignored_parameters.begin(), route.ignored_parameters.end(),
                    std::string_view(name)) != route.ignored_parameters.end();
      if (!ignored) parameters.push_back(std::move(p));
    }
  }
  if (!parameters.empty()) op["parameters"] = std::move(parameters);
  if (route.body_type) {
    const auto schema = route.body_type->schema(components);
    json::object content{{"application/json", {{"schema", schema}}}};
    if (route.body == Body::json_or_form) {
      content["application/x-www-form-urlencoded"] = {{"schema", schema}};
    }
    op["requestBody"] = {{"required", true}, {"content", std::move(content)}};
  }
  json::object responses;
  for (const auto& reply : route.replies) {
    json::object response{{"description", reply.description}};
    if (reply.type) {
      response["content"] = {{reply.media, {{"schema", reply.type->schema(components)}}}};
    } else if (!reply.media.empty()) {
      response["content"] = {{reply.media, {{"schema", {{"type", "string"}}}}}};
    }
    if (reply.location) {
      response["headers"] = {
          {"Location", {{"description", "The new resource"}, {"schema", {{"type", "string"}}}}}};
    }
    responses[std::to_string(reply.status)] = std::move(response);
  }
  if (route.problems) {
    responses["4XX"] = {{"description", "Problem details (RFC 9457)"},
                        {"content", problem_content()}};
    responses["503"] = {{"description", "The database is unreachable or saturated"},
                        {"content", problem_content()}};
  }
  op["responses"] = std::move(responses);
  return op;
}

std::string lower(std::string text) {
  for (auto& c : text) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return text;
}

}  // namespace

std::string openapi_document(const std::vector<Route>& routes, std::string_view version) {
  Components components;
  json::object paths;
  json::array tags;
  for (const auto& route : routes) {
    auto& item = paths[route.pattern];
    if (!item.is_object()) item = json::object{};
    item.as_object()[lower(route.method)] = operation(route, components);
    const bool known = std::any_of(tags.begin(), tags.end(), [&](const json::value& tag) {
      return tag.as_object().at("name").as_string() == route.tag;
    });
    if (!known) tags.push_back(json::object{{"name", route.tag}});
  }
  json::object schemas = components.schemas();
  schemas["Problem"] = problem_schema();
  json::object document{
      {"openapi", "3.1.0"},
      {"info",
       {{"title", "dogcare API"},
        {"version", version},
        {"description",
         "Record what sets a reactive dog off, how it responds, and whether things get better. "
         "Errors are application/problem+json (RFC 9457); a 422 lists every invalid member or "
         "parameter in `errors`, each with its JSON pointer, a stable `code` and the limits."}}},
      {"servers", {{{"url", "/"}}}},
      {"tags", std::move(tags)},
      {"paths", std::move(paths)},
      {"components",
       {{"schemas", std::move(schemas)},
        {"securitySchemes",
         {{"bearerAuth", {{"type", "http"}, {"scheme", "bearer"}, {"bearerFormat", "JWT"}}},
          {"oauth2",
           {{"type", "oauth2"},
            {"flows",
             {{"password",
               {{"tokenUrl", "/api/v1/auth/login"}, {"scopes", json::object{}}}}}}}}}}}},
  };
  return json::serialize(document);
}

}  // namespace dogcare::http
