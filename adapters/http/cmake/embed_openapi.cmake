# Writes OUTPUT, a C++ file that returns the OpenAPI document INPUT with
# info.version set to VERSION.
file(READ ${INPUT} document)
string(JSON ignored ERROR_VARIABLE json_error TYPE "${document}")
if(json_error)
  message(FATAL_ERROR "${INPUT} is not valid JSON: ${json_error}")
endif()
# info.version is the project's (the VERSION file), not the source's.
string(JSON document SET "${document}" info version "\"${VERSION}\"")
file(WRITE ${OUTPUT}.tmp
  "#include \"openapi_document.hpp\"\n"
  "namespace dogcare::http {\n"
  "std::string_view openapi_document() {\n"
  "  static constexpr char text[] = R\"openapi(${document})openapi\";\n"
  "  return {text, sizeof text - 1};\n"
  "}\n"
  "}  // namespace dogcare::http\n")
file(COPY_FILE ${OUTPUT}.tmp ${OUTPUT} ONLY_IF_DIFFERENT)
