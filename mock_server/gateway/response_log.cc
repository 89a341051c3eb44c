// logResponse: appends the answer to $CVMOCK_RESPONSE_LOG.
#include "mock_server/gateway/response_log.h"

#include <cstdlib>
#include <mutex>
#include <optional>
#include <string>

#include <fcntl.h>
#include <unistd.h>

#include <nlohmann/json.hpp>

namespace cvmock::server {
namespace {

// The file descriptor of the log, opened once per process; -1 when there is no log.
int logFile() {
  static const int fd = [] {
    const char* path = std::getenv(kResponseLogVariable);
    if (path == nullptr || *path == '\0') return -1;
    return ::open(path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0644);
  }();
  return fd;
}

// One write(2) per line on an O_APPEND descriptor keeps lines whole across threads and processes; the mutex
// covers a short write, which then finishes before another thread's line starts.
void appendLine(int fd, const std::string& line) {
  static std::mutex mutex;
  std::lock_guard<std::mutex> lock(mutex);
  std::size_t written = 0;
  while (written < line.size()) {
    const ssize_t n = ::write(fd, line.data() + written, line.size() - written);
    if (n <= 0) return;
    written += static_cast<std::size_t>(n);
  }
}

}  // namespace

void logResponse(const OperationTarget& target, const httplib::Request& request, const httplib::Response& response) {
  const int fd = logFile();
  if (fd < 0) return;
  try {
    nlohmann::json body = nlohmann::json::parse(response.body, nullptr, false);
    if (body.is_discarded()) body = nullptr;
    const nlohmann::json line = {{"api", target.api->name},
                                 {"version", target.version},
                                 {"operationId", target.operation->id},
                                 {"method", request.method},
                                 {"path", request.path},
                                 {"status", response.status},
                                 {"contentType", response.get_header_value("Content-Type")},
                                 {"body", std::move(body)}};
    appendLine(fd, line.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) + "\n");
  } catch (const std::exception&) {
    // Logging must never change or break an answer.
  }
}

}  // namespace cvmock::server
