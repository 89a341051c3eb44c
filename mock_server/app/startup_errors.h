// The words for each way cvmock can fail to start: which flag, what went wrong, and what to do about it.
#pragma once

#include <string>

#include "mock_server/gateway/server.h"
#include "mock_server/store/data_dir_lock.h"

namespace cvmock::server {

// Why the listeners could not be bound, with the flag to change: a port in use, a host that is not this
// machine's, a port that needs privileges.
std::string bindFailureMessage(const BindFailure& failure);

// Why --data-dir cannot be used: a file in its place, a directory that cannot be made or written, or another
// cvmock holding it (with that process's pid when known).
std::string dataDirFailureMessage(const DataDirError& error);

// Why the database in --data-dir `dataDir` cannot be opened (not a database, or one from a newer cvmock), with
// SQLite's own reason `reason`.
std::string databaseFailureMessage(const std::string& dataDir, const std::string& reason);

}  // namespace cvmock::server
