// Turns the service's two error body shapes into one CustomVisionError.
#include "client/errors.h"

#include <nlohmann/json.hpp>

namespace cvmock::client {

CustomVisionError::CustomVisionError(int status, std::string code, std::string message)
    : std::runtime_error("HTTP " + std::to_string(status) + " " + code + ": " + message),
      status_(status),
      code_(std::move(code)),
      message_(std::move(message)) {}

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

CustomVisionError errorFromResponse(int status, const std::string& body) {
  auto parsed = nlohmann::json::parse(body, nullptr, /*allow_exceptions=*/false);
  std::string code;
  std::string message;
  if (readCodeAndMessage(parsed, code, message)) return {status, code, message};
  if (parsed.is_object() && parsed.contains("error") &&
      readCodeAndMessage(parsed["error"], code, message)) {
    return {status, code, message};
  }
  return {status, std::to_string(status), body};
}

}  // namespace cvmock::client
