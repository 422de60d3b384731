# Writes OUTPUT, a C++ source holding every migration under SQL_DIR
# (<dialect>/NNN_name.sql) as string literals, sorted by version.
file(GLOB dialect_dirs LIST_DIRECTORIES true "${SQL_DIR}/*")
set(body "")
foreach(dialect sqlite postgresql oracle)
  file(GLOB files "${SQL_DIR}/${dialect}/*.sql")
  list(SORT files)
  string(APPEND body "constexpr EmbeddedMigration k_${dialect}[] = {\n")
  foreach(file IN LISTS files)
    get_filename_component(stem "${file}" NAME_WE)
    if(NOT stem MATCHES "^([0-9]+)_(.+)$")
      message(FATAL_ERROR "migration ${file} is not named NNN_name.sql")
    endif()
    math(EXPR version "${CMAKE_MATCH_1}")
    set(name "${CMAKE_MATCH_2}")
    file(READ "${file}" sql)
    if(sql MATCHES "\\)dogcare_sql\"")
      message(FATAL_ERROR "${file} contains the literal delimiter")
    endif()
    string(APPEND body "    {${version}, \"${name}\", R\"dogcare_sql(${sql})dogcare_sql\"},\n")
  endforeach()
  string(APPEND body "};\n\n")
endforeach()
file(WRITE "${OUTPUT}.tmp" "// Generated from libdogcare/sql by embed_sql.cmake. Do not edit.
#include \"storage/migrations.hpp\"

namespace dogcare::storage {
namespace {

${body}}  // namespace

std::span<const EmbeddedMigration> embedded_migrations(Dialect dialect) {
  switch (dialect) {
    case Dialect::sqlite:
      return k_sqlite;
    case Dialect::postgresql:
      return k_postgresql;
    case Dialect::oracle:
      return k_oracle;
  }
  return {};
}

}  // namespace dogcare::storage
")
file(COPY_FILE "${OUTPUT}.tmp" "${OUTPUT}" ONLY_IF_DIFFERENT)
