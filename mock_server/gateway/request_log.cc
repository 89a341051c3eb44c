// RequestLog: formatting a line and writing it.
#include "mock_server/gateway/request_log.h"

#include <cstdio>

#include <nlohmann/json.hpp>

namespace cvmock::server {
namespace {

std::string textLine(const LogEntry& entry, bool debug) {
  char timing[32];
  std::snprintf(timing, sizeof timing, "%.1fms", entry.milliseconds);
  std::string line = formatServiceTime(entry.time) + " " + std::string(entry.method) + " " + std::string(entry.path) +
                     " " + std::string(entry.operation) + " " + std::to_string(entry.status) + " " + timing + " " +
                     std::string(entry.requestId);
  if (debug) {
    line += " in=" + std::to_string(entry.requestBytes) + "B out=" + std::to_string(entry.responseBytes) + "B";
    if (!entry.error.empty()) line += " error=" + std::string(entry.error);
  }
  return line + "\n";
}

std::string jsonLine(const LogEntry& entry, bool debug) {
  nlohmann::ordered_json line = {{"time", formatServiceTime(entry.time)},
                                 {"method", entry.method},
                                 {"path", entry.path},
                                 {"operation", entry.operation},
                                 {"status", entry.status},
                                 {"ms", entry.milliseconds},
                                 {"requestId", entry.requestId}};
  if (debug) {
    line["requestBytes"] = entry.requestBytes;
    line["responseBytes"] = entry.responseBytes;
    if (!entry.error.empty()) line["error"] = entry.error;
  }
  return line.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

}  // namespace

std::optional<LogLevel> parseLogLevel(std::string_view text) {
  if (text == "quiet") return LogLevel::Quiet;
  if (text == "info") return LogLevel::Info;
  if (text == "debug") return LogLevel::Debug;
  return std::nullopt;
}

std::optional<LogFormat> parseLogFormat(std::string_view text) {
  if (text == "text") return LogFormat::Text;
  if (text == "json") return LogFormat::Json;
  return std::nullopt;
}

RequestLog::RequestLog(LogConfig config, std::FILE* out) : config_(config), out_(out) {}

void RequestLog::write(const LogEntry& entry) {
  if (!enabled()) return;
  const bool debug = config_.level == LogLevel::Debug;
  const std::string line = config_.format == LogFormat::Json ? jsonLine(entry, debug) : textLine(entry, debug);
  std::lock_guard lock(mutex_);
  std::fwrite(line.data(), 1, line.size(), out_);
  std::fflush(out_);
}

}  // namespace cvmock::server
