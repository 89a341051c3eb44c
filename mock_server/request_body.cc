// Body limits per route and reading bodies past cpp-httplib's multipart parser.
#include "mock_server/request_body.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <string>

#include "mock_server/errors.h"
#include "mock_server/multipart.h"
#include "mock_server/text.h"

namespace cvmock::server {
namespace {

constexpr std::size_t kPredictionFramingBytes = 64 * 1024;
constexpr std::size_t kBatchFramingBytes = 1024 * 1024;

// customvision/{version}/prediction/..., or a training quick test (quicktest/image, quicktest/url).
bool takesPredictionImage(std::string_view path) {
  const std::vector<std::string> segments = splitList(path, '/');
  if (segments.size() >= 3 && equalsIgnoreCase(segments[2], "prediction")) return true;
  return segments.size() >= 2 && equalsIgnoreCase(segments[segments.size() - 2], "quicktest");
}

std::uint64_t declaredLength(const httplib::Request& request) {
  const std::string text = request.get_header_value("Content-Length");
  std::uint64_t length = 0;
  std::from_chars(text.data(), text.data() + text.size(), length);
  return length;
}

}  // namespace

BodyLimit bodyLimit(std::string_view path, const ServiceLimits& limits) {
  if (takesPredictionImage(path)) {
    return {limits.maxPredictionImageBytes, limits.maxPredictionImageBytes + kPredictionFramingBytes};
  }
  const std::size_t base64Image = (limits.maxTrainingImageBytes + 2) / 3 * 4;
  return {limits.maxTrainingImageBytes, limits.maxImagesPerBatch * base64Image + kBatchFramingBytes};
}

std::size_t largestBody(const ServiceLimits& limits) {
  return std::max(bodyLimit("customvision/v3.3/training", limits).bodyBytes,
                  bodyLimit("customvision/v3.0/prediction", limits).bodyBytes);
}

bool bodyOverLimit(const httplib::Request& request, const ServiceLimits& limits) {
  return declaredLength(request) > bodyLimit(request.path, limits).bodyBytes;
}

void refuseOversizedBody(const httplib::Request& request, const ServiceLimits& limits) {
  if (bodyOverLimit(request, limits)) throw errors::imageSizeBytes(bodyLimit(request.path, limits).imageBytes);
}

void keepMultipartRaw(httplib::Request& request) {
  auto contentType = request.headers.find("Content-Type");
  if (contentType == request.headers.end() || !isMultipartFormData(contentType->second)) return;
  std::string& value = contentType->second;
  const std::size_t mediaTypeEnd = std::min(value.find(';'), value.size());
  for (std::size_t i = 0; i < mediaTypeEnd; ++i) value[i] = static_cast<char>(std::toupper(value[i]));
}

void readBody(const httplib::Request& request, const httplib::ContentReader& reader, const ServiceLimits& limits,
              const std::function<void(const httplib::Request&)>& dispatch) {
  if (bodyOverLimit(request, limits)) {
    reader([](const char*, std::size_t) { return true; });
    dispatch(request);
    return;
  }
  httplib::Request withBody = request;
  const bool complete = reader([&](const char* data, std::size_t size) {
    withBody.body.append(data, size);
    return true;
  });
  if (complete) dispatch(withBody);
}

}  // namespace cvmock::server
