// Turns the service's two error body shapes into one CustomVisionError.
#include "client/errors.h"

#include <nlohmann/json.hpp>

namespace cvmock::client {

CustomVisionError::CustomVisionError(int status, std::string code, std::string message, std::string requestId,
                                     std::optional<std::chrono::milliseconds> retryAfter)
    : std::runtime_error("HTTP " + std::to_string(status) + " " + code + ": " + message +
                         (requestId.empty() ? "" : " (request id " + requestId + ")")),
      status_(status),
      code_(std::move(code)),
      message_(std::move(message)),
      requestId_(std::move(requestId)),
      retryAfter_(retryAfter) {}

namespace {

// Reads {"code","message"} from an error object; false when either is missing or not a string.
bool readCodeAndMessage(const nlohmann::json& object, std::string& code, std::string& message) {
  if (!object.is_object()) return false;
  auto c = object.find("code");
  auto m = object.find("message");
  if (c == object.end() || m == object.end() || !c->is_string() || !m->is_string()) return false;
  code = c->get<std::string>();
  message = m->get<std::string>();
  return true;
}

}  // namespace

CustomVisionError errorFromResponse(int status, const std::string& body, std::string requestId,
                                    std::optional<std::chrono::milliseconds> retryAfter) {
  auto parsed = nlohmann::json::parse(body, nullptr, /*allow_exceptions=*/false);
  std::string code;
  std::string message;
  const bool serviceShape = readCodeAndMessage(parsed, code, message);
  const bool gatewayShape = !serviceShape && parsed.is_object() && parsed.contains("error") &&
                            readCodeAndMessage(parsed["error"], code, message);
  if (!serviceShape && !gatewayShape) {
    code = std::to_string(status);
    message = body;
  }
  return {status, std::move(code), std::move(message), std::move(requestId), retryAfter};
}

}  // namespace cvmock::client
