#include <dogcare/database.hpp>
#include <dogcare/error.hpp>

#include <iostream>

int main(int argc, char** argv) {
  if (argc != 2) return 2;
  try {
    dogcare::DatabaseOptions options;
    options.connection = argv[1];
    dogcare::Database database(options);
    std::cout << "schema " << database.schema_version() << " of "
              << dogcare::Database::latest_schema_version() << "\n";
    return database.ready() ? 0 : 1;
  } catch (const dogcare::Error& error) {
    std::cerr << error.what() << "\n";
    return 1;
  }
}
