// The start-up failures in words: each names the flag to change, the cause and the fix, in one paragraph.
#include "mock_server/app/startup_errors.h"

#include <cerrno>
#include <cstring>

namespace cvmock::server {

std::string bindFailureMessage(const BindFailure& failure) {
  const std::string where = failure.resource.empty() ? "" : " (resource " + failure.resource + "'s own port)";
  const std::string port = failure.address.substr(failure.address.rfind(':') + 1);
  const std::string portFlag =
      failure.resource.empty() ? "start cvmock with --port N (--port 0 picks a free port)"
                               : "change the resource's \"port\" in the --resources file (0 picks a free port)";
  switch (failure.error) {
    case EADDRINUSE:
      return "port " + port + " is already in use" + where + ": another cvmock or another program holds " +
             failure.address + ". Stop it, or " + portFlag + ".";
    case EACCES:
      return "no permission to listen on " + failure.address + where + ": ports below 1024 need root. " +
             portFlag + ".";
    case EADDRNOTAVAIL:
      return "cannot listen on " + failure.address + where +
             ": the --host address is not one of this machine's. Use --host 127.0.0.1, or 0.0.0.0 for every "
             "interface.";
    default:
      break;
  }
  return "cannot listen on " + failure.address + where + ": " +
         (failure.error ? std::strerror(failure.error) : std::string("the address could not be resolved")) +
         ". Check --host and --port.";
}

std::string dataDirFailureMessage(const DataDirError& error) {
  const std::string dir = "--data-dir " + error.directory().string();
  // ENOTDIR's own words ("Not a directory") would seem to say the data dir itself is the file.
  const std::string reason = error.systemError() == ENOTDIR ? "part of the path is a file"
                             : error.systemError()          ? std::strerror(error.systemError())
                                                            : "";
  switch (error.kind()) {
    case DataDirError::Kind::NotADirectory:
      return dir + " is a file, not a directory. Give a directory there (cvmock creates it when missing), or move "
             "the file away.";
    case DataDirError::Kind::CannotCreate:
      return "cannot create " + dir + ": " + reason +
             ". Create it yourself, or give a path under a directory you can write (its missing parents are "
             "created too).";
    case DataDirError::Kind::NotWritable:
      return "cannot write to " + dir + ": " + reason +
             ". Make it writable by this user (and its cvmock.db, if there is one), or give another --data-dir.";
    case DataDirError::Kind::CannotLock:
      return "cannot lock " + dir + ": " + reason +
             ". cvmock locks its data directory so that two never share one; use a directory on a local disk.";
    case DataDirError::Kind::InUse:
      break;
  }
  const std::string holder = error.holderPid() ? " (pid " + std::to_string(*error.holderPid()) + ")" : "";
  return dir + " is in use by another cvmock" + holder +
         ": two cvmocks on one data directory would overwrite each other's state. Stop the other, or start this "
         "one with another --data-dir (or none, to keep the state in memory).";
}

std::string databaseFailureMessage(const std::string& dataDir, const std::string& reason) {
  return "--data-dir " + dataDir + " holds a cvmock.db that cannot be opened (" + reason +
         "). Give another --data-dir, or move cvmock.db away to start afresh; a database from a newer cvmock opens "
         "only with that cvmock.";
}

}  // namespace cvmock::server
