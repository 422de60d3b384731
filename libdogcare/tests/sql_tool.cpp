// sql_tool: exposes the library's SQL handling to tests/sql (Python), so the
// Oracle statements the library would send are checked by a real parser.
//   sql_tool split < script.sql     one statement per line, as migrations run them
//   sql_tool render DIALECT < lines render each statement template for DIALECT
//   sql_tool dialect DIALECT        the statements only that dialect runs
#include <algorithm>
#include <iostream>
#include <iterator>
#include <string>

#include "storage/dialect.hpp"
#include "storage/migrations.hpp"

namespace {

dogcare::Dialect parse_dialect(const std::string& name) {
  if (name == "oracle") return dogcare::Dialect::oracle;
  if (name == "postgresql") return dogcare::Dialect::postgresql;
  return dogcare::Dialect::sqlite;
}

void print_line(std::string statement) {
  std::replace(statement.begin(), statement.end(), '\n', ' ');
  std::cout << statement << '\n';
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) return 2;
  const std::string command = argv[1];
  if (command == "split") {
    const std::string script{std::istreambuf_iterator<char>(std::cin), {}};
    for (auto& statement : dogcare::storage::split_statements(script)) print_line(statement);
    return 0;
  }
  if (argc < 3) return 2;
  const auto dialect = parse_dialect(argv[2]);
  if (command == "render") {
    for (std::string line; std::getline(std::cin, line);) {
      if (!line.empty()) print_line(dogcare::storage::render_sql(line, dialect));
    }
    return 0;
  }
  if (command == "dialect") {
    for (auto& statement : dogcare::storage::dialect_statements(dialect)) print_line(statement);
    return 0;
  }
  return 2;
}
