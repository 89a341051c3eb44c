// The data directory's guard: made ready to hold the database, and locked so that one process at a time uses it.
#pragma once

#include <filesystem>
#include <optional>
#include <stdexcept>
#include <string>

#include <sys/types.h>

namespace cvmock::server {

// Why a data directory cannot be used; the store knows the cause, the executable words it (with its flag).
class DataDirError : public std::runtime_error {
 public:
  enum class Kind {
    NotADirectory,  // the path names a file (or something else that is not a directory)
    CannotCreate,   // the directory is missing and could not be made; systemError says why
    NotWritable,    // the directory (or its database file) cannot be written; systemError says why
    CannotLock,     // the file system refuses locks (some network file systems); systemError says why
    InUse,          // another process holds the lock; holderPid names it when known
  };
  DataDirError(Kind kind, std::filesystem::path directory, int systemError = 0,
               std::optional<pid_t> holderPid = std::nullopt);

  Kind kind() const { return kind_; }
  const std::filesystem::path& directory() const { return directory_; }
  int systemError() const { return systemError_; }  // errno, or 0
  std::optional<pid_t> holderPid() const { return holderPid_; }

 private:
  Kind kind_;
  std::filesystem::path directory_;
  int systemError_;
  std::optional<pid_t> holderPid_;
};

// An exclusive flock on `directory`/cvmock.lock, held while the object lives (and so, in the executable, for
// the process's life): two cvmocks writing one SQLite file from two processes would each cache state the other
// changes underneath. The file holds the holder's pid, so the refused process can name it. Movable, not
// copyable; the descriptor is close-on-exec, so a child process never inherits the lock.
class DataDirLock {
 public:
  // Creates `directory` and its missing parents, checks that it and `databaseFile` in it (when present) are
  // writable, and takes the lock without waiting. Throws DataDirError when any of that fails. The lock file is
  // left in place afterwards: removing it would let a newcomer lock a fresh file while another process still
  // holds the old one.
  DataDirLock(const std::filesystem::path& directory, const std::string& databaseFile);
  ~DataDirLock();
  DataDirLock(DataDirLock&& other) noexcept;
  DataDirLock& operator=(DataDirLock&&) = delete;
  DataDirLock(const DataDirLock&) = delete;
  DataDirLock& operator=(const DataDirLock&) = delete;

  static constexpr const char* kFileName = "cvmock.lock";

 private:
  int fd_ = -1;
};

}  // namespace cvmock::server
