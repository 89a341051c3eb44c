// Call: parameter parsing with the service's error codes.
#include "mock_server/api/call.h"

#include <charconv>

#include "mock_server/api/json_member_names.h"
#include "mock_server/api/multipart.h"
#include "mock_server/base/errors.h"
#include "mock_server/base/ids.h"
#include "mock_server/base/text.h"

namespace cvmock::server {
namespace {

// application/json, text/json and the +json suffix types; parameters such as charset are ignored.
bool isJsonMediaType(std::string_view contentType) {
  std::string type = toLower(contentType.substr(0, contentType.find(';')));
  std::erase_if(type, [](char c) { return c == ' ' || c == '\t'; });
  return type == "application/json" || type == "text/json" ||
         (type.starts_with("application/") && type.ends_with("+json"));
}

}  // namespace

Call::Call(const CallInput& input, httplib::Response& response, Service& service, const ApiOptions& options)
    : service(service), input_(input), response_(response), options_(options) {}

std::string Call::pathText(std::string_view name) const {
  auto param = input_.target.params.find(name);
  return param == input_.target.params.end() ? std::string() : param->second;
}

std::string Call::guid(std::string_view name) const {
  std::optional<std::string> id = normaliseGuid(pathText(name));
  if (!id) throw errors::invalidIds(std::string(name));
  return *id;
}

std::optional<std::string> Call::query(const std::string& name) const {
  if (!input_.head.has_param(name)) return std::nullopt;
  return input_.head.get_param_value(name);
}

std::optional<std::string> Call::queryGuid(const std::string& name) const {
  std::optional<std::string> text = query(name);
  if (!text || text->empty()) return std::nullopt;
  std::optional<std::string> id = normaliseGuid(*text);
  if (!id) throw errors::invalidIds(name);
  return id;
}

std::vector<std::string> Call::queryGuidList(const std::string& name) const {
  std::vector<std::string> ids;
  const std::size_t count = input_.head.get_param_value_count(name);
  for (std::size_t i = 0; i < count; ++i) {
    for (const std::string& piece : splitList(input_.head.get_param_value(name, i), ',')) {
      std::optional<std::string> id = normaliseGuid(piece);
      if (!id) throw errors::invalidIds(name);
      ids.push_back(*id);
    }
  }
  return ids;
}

std::optional<int> Call::queryInt(const std::string& name) const {
  std::optional<std::string> text = query(name);
  if (!text || text->empty()) return std::nullopt;
  int value = 0;
  auto [end, ec] = std::from_chars(text->data(), text->data() + text->size(), value);
  if (ec != std::errc() || end != text->data() + text->size()) {
    throw errors::queryNotInteger(name);
  }
  return value;
}

std::optional<double> Call::queryDouble(const std::string& name) const {
  std::optional<std::string> text = query(name);
  if (!text || text->empty()) return std::nullopt;
  double value = 0;
  auto [end, ec] = std::from_chars(text->data(), text->data() + text->size(), value);
  if (ec != std::errc() || end != text->data() + text->size()) {
    throw errors::queryNotNumber(name);
  }
  return value;
}

std::optional<bool> Call::queryBool(const std::string& name) const {
  std::optional<std::string> text = query(name);
  if (!text || text->empty()) return std::nullopt;
  if (equalsIgnoreCase(*text, "true")) return true;
  if (equalsIgnoreCase(*text, "false")) return false;
  throw errors::queryNotBoolean(name);
}

int Call::take(int defaultTake, int maxTake) const {
  const int value = queryInt("take").value_or(defaultTake);
  if (value < 0 || value > maxTake) {
    throw errors::takeOutOfRange(maxTake);
  }
  return value;
}

int Call::skip() const {
  const int value = queryInt("skip").value_or(0);
  if (value < 0) throw errors::skipNegative();
  return value;
}

nlohmann::json Call::jsonMap() const {
  if (isBlank(input_.body)) return nullptr;
  const std::string contentType = input_.head.get_header_value("Content-Type");
  if (!contentType.empty() && !isJsonMediaType(contentType)) throw errors::unsupportedMediaType(contentType);
  nlohmann::json body = nlohmann::json::parse(input_.body, nullptr, false);
  if (body.is_discarded()) throw errors::notJson();
  return body;
}

nlohmann::json Call::jsonBody() const {
  nlohmann::json body = jsonMap();
  canonicaliseMemberNames(body, options_.strict);
  return body;
}

// Every file part is an image: parts with a filename, or named imageData as the SDKs name them.
std::vector<UploadedImage> Call::images() const {
  std::vector<UploadedImage> out;
  const std::string contentType = input_.head.get_header_value("Content-Type");
  if (!isMultipartFormData(contentType)) {
    if (!input_.body.empty()) out.push_back({"", std::string(input_.body)});
    return out;
  }
  const std::optional<std::string> boundary = multipartBoundary(contentType);
  std::optional<std::vector<FormPart>> parts = boundary ? parseMultipart(input_.body, *boundary) : std::nullopt;
  if (!parts) throw errors::imageStream();
  for (FormPart& part : *parts) {
    if (part.fileName || equalsIgnoreCase(part.name, "imageData")) {
      out.push_back({part.fileName.value_or(""), std::move(part.content)});
    }
  }
  return out;
}

void Call::json(int status, const wire::Json& body) {
  response_.status = status;
  response_.set_content(body.dump(), "application/json; charset=utf-8");
}

void Call::bytes(int status, std::string body, const std::string& contentType) {
  response_.status = status;
  response_.set_content(std::move(body), contentType);
}

void Call::noContent(int status) {
  response_.status = status;
  response_.body.clear();
}

}  // namespace cvmock::server
