// The SQLite store's schema and its numbered migrations.
#pragma once

#include "mock_server/store/sqlite_db.h"

namespace cvmock::server::sqlite {

// The schema version this build writes.
int currentSchemaVersion();

// Brings `db` up to currentSchemaVersion(): each missing migration runs in its own transaction and
// records its number in `schema_version`, so a crash between two leaves a database a restart resumes.
// Throws Error when the database is newer than this build (it would not know how to read it).
void migrate(Database& db);

}  // namespace cvmock::server::sqlite
