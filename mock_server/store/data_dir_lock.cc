// DataDirLock: checks with the file system's own answers (access, open, flock), so a read-only mount and a
// directory owned by someone else are told apart from a lock another process holds.
#include "mock_server/store/data_dir_lock.h"

#include <cerrno>
#include <charconv>
#include <string>
#include <utility>

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

namespace cvmock::server {
namespace {

namespace fs = std::filesystem;

// The directory exists afterwards, or DataDirError says why it cannot.
void makeDirectory(const fs::path& directory) {
  std::error_code error;
  const fs::file_status status = fs::status(directory, error);
  if (fs::is_directory(status)) return;
  if (fs::exists(status)) throw DataDirError(DataDirError::Kind::NotADirectory, directory);
  fs::create_directories(directory, error);
  if (error) throw DataDirError(DataDirError::Kind::CannotCreate, directory, error.value());
}

// The pid the holder wrote into the lock file; nullopt while it has not yet written it.
std::optional<pid_t> readHolder(int fd) {
  char text[32];
  const ssize_t size = ::pread(fd, text, sizeof text, 0);
  pid_t pid = 0;
  if (size <= 0) return std::nullopt;
  const auto [end, ec] = std::from_chars(text, text + size, pid);
  if (ec != std::errc() || pid <= 0) return std::nullopt;
  return pid;
}

void writeOwnPid(int fd) {
  const std::string pid = std::to_string(::getpid()) + "\n";
  // Best effort: the pid only improves the refusal's message, the flock is what excludes.
  if (::ftruncate(fd, 0) != 0) return;
  [[maybe_unused]] const ssize_t written = ::pwrite(fd, pid.data(), pid.size(), 0);
}

}  // namespace

DataDirError::DataDirError(Kind kind, std::filesystem::path directory, int systemError,
                           std::optional<pid_t> holderPid)
    : std::runtime_error("cannot use data directory " + directory.string()),
      kind_(kind),
      directory_(std::move(directory)),
      systemError_(systemError),
      holderPid_(holderPid) {}

DataDirLock::DataDirLock(const fs::path& directory, const std::string& databaseFile) {
  makeDirectory(directory);
  if (::access(directory.c_str(), W_OK) != 0) throw DataDirError(DataDirError::Kind::NotWritable, directory, errno);
  const fs::path database = directory / databaseFile;
  if (::access(database.c_str(), F_OK) == 0 && ::access(database.c_str(), W_OK) != 0) {
    throw DataDirError(DataDirError::Kind::NotWritable, directory, errno);
  }
  fd_ = ::open((directory / kFileName).c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
  if (fd_ < 0) throw DataDirError(DataDirError::Kind::NotWritable, directory, errno);
  if (::flock(fd_, LOCK_EX | LOCK_NB) != 0) {
    const int error = errno;
    const std::optional<pid_t> holder = readHolder(fd_);
    ::close(fd_);
    if (error == EWOULDBLOCK) throw DataDirError(DataDirError::Kind::InUse, directory, 0, holder);
    throw DataDirError(DataDirError::Kind::CannotLock, directory, error);
  }
  writeOwnPid(fd_);
}

DataDirLock::~DataDirLock() {
  if (fd_ >= 0) ::close(fd_);
}

DataDirLock::DataDirLock(DataDirLock&& other) noexcept : fd_(other.fd_) { other.fd_ = -1; }

}  // namespace cvmock::server
