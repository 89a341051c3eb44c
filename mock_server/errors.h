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
// An object-detection operation: BadRequestNotSupported, a code both APIs' enums list.
ServiceError detectionNotSupported(const std::string& operation);
// --strict refused a shape the service tolerates; `what` says what and why.
ServiceError strictRejection(const std::string& what);
// A `$filter` expression that does not parse (metadata_filter.h); the message says what and where.
ServiceError invalidMetadataFilter(const std::string& detail);

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
ServiceError invalidEmailAddress();
ServiceError reservedBudgetNotEnoughForAdvancedTraining();
ServiceError trainingAlreadyInProgress();
ServiceError notEnoughImagesForTraining();
ServiceError multiClassTrainingValidationFailed();

// Stored predictions
ServiceError predictionIdsMissing();
ServiceError predictionIdsExceededCount(int limit);
ServiceError predictionTagsExceededCount(int limit);
ServiceError predictionResultsExceededCount(int limit);
ServiceError predictionInvalidQueryParameters(const std::string& message);

// Transfers: project export/import, artifacts, iteration exports
ServiceError invalidImportToken();
ServiceError invalidArtifactUri();
ServiceError exportWhileTraining();
ServiceError exportValidationFailed(const std::string& reason);
ServiceError projectUnsupportedExportPlatform(const std::string& platform);
ServiceError exportAlreadyInProgress(const std::string& iterationId);

}  // namespace errors
}  // namespace cvmock::server
