// Body limits by kind of body.
#include "mock_server/gateway/body_limits.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <string>

#include "mock_server/api/multipart.h"
#include "mock_server/base/errors.h"

namespace cvmock::server {
namespace {

constexpr std::size_t kPredictionFramingBytes = 64 * 1024;
constexpr std::size_t kBatchFramingBytes = 1024 * 1024;
constexpr std::size_t kDocumentBytes = 1024 * 1024;

}  // namespace

std::size_t bodyLimit(BodyKind kind, const ServiceLimits& limits) {
  switch (kind) {
    case BodyKind::PredictionImage:
      return limits.maxPredictionImageBytes + kPredictionFramingBytes;
    case BodyKind::Images:
    case BodyKind::JsonImages:
      return limits.maxImagesPerBatch * ((limits.maxTrainingImageBytes + 2) / 3 * 4) + kBatchFramingBytes;
    case BodyKind::None:
    case BodyKind::Json:
      break;
  }
  return kDocumentBytes;
}

std::size_t largestBody(const ServiceLimits& limits) {
  return std::max(bodyLimit(BodyKind::Images, limits), bodyLimit(BodyKind::PredictionImage, limits));
}

void refuseOversizedBody(BodyKind kind, const ServiceLimits& limits) {
  switch (kind) {
    case BodyKind::PredictionImage:
      throw errors::imageSizeBytes(limits.maxPredictionImageBytes);
    case BodyKind::Images:
    case BodyKind::JsonImages:
      throw errors::imageSizeBytes(limits.maxTrainingImageBytes);
    case BodyKind::None:
    case BodyKind::Json:
      break;
  }
  throw errors::requestTooLarge(kDocumentBytes);
}

std::size_t declaredLength(const httplib::Request& request) {
  const std::string text = request.get_header_value("Content-Length");
  std::size_t length = 0;
  std::from_chars(text.data(), text.data() + text.size(), length);
  return length;
}

void keepMultipartRaw(httplib::Request& request) {
  auto contentType = request.headers.find("Content-Type");
  if (contentType == request.headers.end() || !isMultipartFormData(contentType->second)) return;
  std::string& value = contentType->second;
  const std::size_t mediaTypeEnd = std::min(value.find(';'), value.size());
  for (std::size_t i = 0; i < mediaTypeEnd; ++i) value[i] = static_cast<char>(std::toupper(value[i]));
}

}  // namespace cvmock::server
