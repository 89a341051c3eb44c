// Call: parameter parsing with the service's error codes.
#include "mock_server/call.h"

#include <charconv>

#include "mock_server/errors.h"
#include "mock_server/ids.h"
#include "mock_server/multipart.h"
#include "mock_server/text.h"

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

Call::Call(const httplib::Request& request, httplib::Response& response, TrainingService& service,
           std::map<std::string, std::string> pathParams, std::string requestId, wire::BlobLocation blobs)
    : service(service),
      request_(request),
      response_(response),
      pathParams_(std::move(pathParams)),
      requestId_(std::move(requestId)),
      blobs_(std::move(blobs)) {}

std::string Call::pathText(const std::string& name) const { return pathParams_.at(name); }

std::string Call::guid(const std::string& name) const {
  std::optional<std::string> id = normaliseGuid(pathParams_.at(name));
  if (!id) throw errors::invalidIds(name);
  return *id;
}

std::optional<std::string> Call::query(const std::string& name) const {
  if (!request_.has_param(name)) return std::nullopt;
  return request_.get_param_value(name);
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
  const std::size_t count = request_.get_param_value_count(name);
  for (std::size_t i = 0; i < count; ++i) {
    for (const std::string& piece : splitList(request_.get_param_value(name, i), ',')) {
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
    throw errors::badRequest("Query parameter " + name + " must be an integer");
  }
  return value;
}

std::optional<double> Call::queryDouble(const std::string& name) const {
  std::optional<std::string> text = query(name);
  if (!text || text->empty()) return std::nullopt;
  double value = 0;
  auto [end, ec] = std::from_chars(text->data(), text->data() + text->size(), value);
  if (ec != std::errc() || end != text->data() + text->size()) {
    throw errors::badRequest("Query parameter " + name + " must be a number");
  }
  return value;
}

std::optional<bool> Call::queryBool(const std::string& name) const {
  std::optional<std::string> text = query(name);
  if (!text || text->empty()) return std::nullopt;
  if (equalsIgnoreCase(*text, "true")) return true;
  if (equalsIgnoreCase(*text, "false")) return false;
  throw errors::badRequest("Query parameter " + name + " must be true or false");
}

int Call::take(int defaultTake, int maxTake) const {
  const int value = queryInt("take").value_or(defaultTake);
  if (value < 0 || value > maxTake) {
    throw errors::badRequest("take must be between 0 and " + std::to_string(maxTake));
  }
  return value;
}

int Call::skip() const {
  const int value = queryInt("skip").value_or(0);
  if (value < 0) throw errors::badRequest("skip must not be negative");
  return value;
}

nlohmann::json Call::jsonBody() const {
  if (isBlank(request_.body)) return nullptr;
  const std::string contentType = request_.get_header_value("Content-Type");
  if (!contentType.empty() && !isJsonMediaType(contentType)) throw errors::unsupportedMediaType(contentType);
  nlohmann::json body = nlohmann::json::parse(request_.body, nullptr, false);
  if (body.is_discarded()) throw errors::badRequest("The request body is not valid JSON");
  return body;
}

// Every file part is an image: parts with a filename, or named imageData as the SDKs name them.
std::vector<UploadedImage> Call::images() const {
  std::vector<UploadedImage> out;
  const std::string contentType = request_.get_header_value("Content-Type");
  if (!isMultipartFormData(contentType)) {
    if (!request_.body.empty()) out.push_back({"", request_.body});
    return out;
  }
  const std::optional<std::string> boundary = multipartBoundary(contentType);
  std::optional<std::vector<FormPart>> parts = boundary ? parseMultipart(request_.body, *boundary) : std::nullopt;
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
