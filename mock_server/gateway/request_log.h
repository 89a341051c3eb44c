// The console's request log: one line per request, as text or JSON, at a level the user picks.
#pragma once

#include <cstddef>
#include <cstdio>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>

#include "mock_server/base/clock.h"

namespace cvmock::server {

enum class LogLevel { Quiet, Info, Debug };
enum class LogFormat { Text, Json };

std::optional<LogLevel> parseLogLevel(std::string_view text);    // quiet | info | debug
std::optional<LogFormat> parseLogFormat(std::string_view text);  // text | json

struct LogConfig {
  LogLevel level = LogLevel::Info;
  LogFormat format = LogFormat::Text;
};

// One answered request, as the log shows it.
struct LogEntry {
  TimePoint time;
  std::string_view method;
  std::string_view path;
  std::string_view operation;  // the operationId, or what else answered ("admin", "portal", "blob", "-")
  int status = 0;
  double milliseconds = 0;
  std::string_view requestId;
  // Debug level only:
  std::size_t requestBytes = 0;
  std::size_t responseBytes = 0;
  std::string_view error;  // the error code and message of a refusal, "" for success
};

// Thread-safe: each line is written whole and flushed, so lines of concurrent requests never mix and a user
// watching the console sees each request as it ends. Writes nothing at LogLevel::Quiet.
class RequestLog {
 public:
  RequestLog(LogConfig config, std::FILE* out);

  bool enabled() const { return config_.level != LogLevel::Quiet; }
  void write(const LogEntry& entry);

 private:
  LogConfig config_;
  std::FILE* out_;
  std::mutex mutex_;  // one line at a time on out_
};

}  // namespace cvmock::server
