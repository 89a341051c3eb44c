// The one catalogue of errors cvmock answers with: HTTP status, the spec's CustomVisionErrorCodes value and message.
#pragma once

#include <stdexcept>
#include <string>

namespace cvmock::server {

// A service error as the real service sends it: {"code": ..., "message": ...} with an HTTP status.
// Thrown by the service layer, written by the HTTP layer; handlers never spell a code themselves.
class ServiceError : public std::runtime_error {
 public:
  ServiceError(int status, std::string code, const std::string& message);
  int status() const { return status_; }
  const std::string& code() const { return code_; }

 private:
  int status_;
  std::string code_;
};

// A gateway error (API Management in front of the service) uses another shape:
// {"error": {"code": "<status>", "message": ...}}.
class GatewayError : public std::runtime_error {
 public:
  GatewayError(int status, const std::string& message, int retryAfterSeconds = 0);
  int status() const { return status_; }
  // Seconds for the Retry-After header; 0 sends none.
  int retryAfterSeconds() const { return retryAfterSeconds_; }

 private:
  int status_;
  int retryAfterSeconds_;
};

namespace errors {

// Gateway
GatewayError accessDenied();
GatewayError resourceNotFound(const std::string& detail);
// 429 from the rate limiter: names the operation and the tier, as the real gateway does.
GatewayError rateLimitExceeded(const std::string& operationId, const std::string& tier, int retryAfterSeconds);

// Request shape
ServiceError badRequest(const std::string& message);
ServiceError requiredParamIsNull(const std::string& parameter);
ServiceError invalidIds(const std::string& parameter);
ServiceError unsupportedMediaType(const std::string& contentType);
ServiceError exceededBatchSize(const std::string& message);
ServiceError operationNotSupported(const std::string& operation);

// Projects and domains
ServiceError notFoundProject();
ServiceError notFoundDomain();
ServiceError projectName();
ServiceError projectDescription();
ServiceError projectUnknownDomain();
ServiceError projectUnknownClassification();
ServiceError projectUnsupportedDomainTypeChange();

// Tags
ServiceError notFoundTag();
ServiceError tagName();
ServiceError tagNameNotUnique();
ServiceError tagDescription();
ServiceError tagType();
ServiceError multipleNegativeTag();

// Images
ServiceError notFoundImage();
ServiceError imageBatch(const std::string& message);
ServiceError imageTags(const std::string& message);
ServiceError imageFormat();
ServiceError imageDimensions();
ServiceError imageSizeBytes(std::size_t limitBytes);
ServiceError imageStream();
ServiceError imageUrl(const std::string& reason);
ServiceError imageMetadataKey();
ServiceError imageMetadataValue();
ServiceError negativeAndRegularTagOnSameImage();
ServiceError exceedTagPerImageLimit(int limit);

// Tier quotas (simulation/quotas.h)
ServiceError exceedProjectLimit(int limit);
ServiceError exceedTagPerProjectLimit(int limit);
ServiceError imageExceededCount(int limit);
ServiceError exceedIterationPerProjectLimit(int limit);
ServiceError exceededQuota();

// Iterations, training and publishing
ServiceError notFoundIteration();
ServiceError notFoundProjectDefaultIteration();
ServiceError iterationName();
ServiceError iterationNameNotUnique();
ServiceError iterationIsNotTrained();
ServiceError iterationIsPublished();
ServiceError iterationNotPublished();
ServiceError invalidPublishName(const std::string& message);
ServiceError invalidPublishTarget();
ServiceError trainingNotNeeded();
ServiceError trainingAlreadyInProgress();
ServiceError notEnoughImagesForTraining();
ServiceError multiClassTrainingValidationFailed();

// Stored predictions
ServiceError predictionIdsMissing();
ServiceError predictionIdsExceededCount(int limit);
ServiceError predictionTagsExceededCount(int limit);
ServiceError predictionResultsExceededCount(int limit);
ServiceError predictionInvalidQueryParameters(const std::string& message);

}  // namespace errors
}  // namespace cvmock::server
