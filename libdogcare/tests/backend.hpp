// The database a test process runs against, chosen by DOGCARE_TEST_BACKEND:
//   sqlite_file    a SQLite file in a fresh temporary directory
//   sqlite_memory  an in-memory SQLite database (one connection)
//   postgresql     the server scripts/pg-test-server started; its state
//                  directory is DOGCARE_TEST_PG_STATE
#pragma once

#include <memory>
#include <string>

#include "dogcare/database.hpp"

namespace dogcare::testing {

enum class Backend { sqlite_file, sqlite_memory, postgresql };

Backend backend();
const char* backend_name();

// A connection (SQLite path or ODBC string) to a new, empty database.
// PostgreSQL databases made here are dropped when the process exits.
std::string fresh_database();

// Options for a database of this backend (pool size 1 for in-memory SQLite).
DatabaseOptions options_for(const std::string& connection);

// One migrated database shared by the tests of this process.
Database& shared_database();

// Restarts the PostgreSQL server (fast shutdown drops every connection).
void restart_postgresql();

}  // namespace dogcare::testing
