// One HTTP call as a handler sees it: typed access to path, query and body, and the ways to answer.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "mock_server/http.h"

#include "mock_server/training_service.h"
#include "mock_server/wire.h"

namespace cvmock::server {

// An uploaded file: from a multipart part, or the whole body of an octet-stream request.
struct UploadedImage {
  std::string fileName;
  std::string bytes;
};

// Parsing helpers throw ServiceError with the service's code for malformed input.
class Call {
 public:
  Call(const httplib::Request& request, httplib::Response& response, TrainingService& service,
       std::map<std::string, std::string> pathParams, std::string requestId, wire::BlobLocation blobs);

  TrainingService& service;
  const std::string& requestId() const { return requestId_; }
  const wire::BlobLocation& blobs() const { return blobs_; }
  // What the called API version writes (set by the dispatcher; the newest version's by default).
  wire::Dialect dialect;

  // A path parameter that must be a GUID; answers BadRequestInvalidIds otherwise.
  std::string guid(const std::string& name) const;
  // A path parameter as text (for example a publish name).
  std::string pathText(const std::string& name) const;

  std::optional<std::string> query(const std::string& name) const;
  std::optional<std::string> queryGuid(const std::string& name) const;
  std::vector<std::string> queryGuidList(const std::string& name) const;  // comma-separated, possibly repeated
  std::optional<int> queryInt(const std::string& name) const;
  std::optional<double> queryDouble(const std::string& name) const;
  std::optional<bool> queryBool(const std::string& name) const;
  // take/skip with the spec's default and maximum.
  int take(int defaultTake, int maxTake) const;
  int skip() const;

  // The body as JSON; BadRequest when it is not JSON. An empty body is null.
  nlohmann::json jsonBody() const;
  // Images from a multipart/form-data body (every file part), or the body itself otherwise.
  std::vector<UploadedImage> images() const;

  void json(int status, const wire::Json& body);
  void noContent(int status = 204);
  // A body that is not JSON (GetArtifact's file), with its content type.
  void bytes(int status, std::string body, const std::string& contentType);

 private:
  const httplib::Request& request_;
  httplib::Response& response_;
  std::map<std::string, std::string> pathParams_;
  std::string requestId_;
  wire::BlobLocation blobs_;
};

}  // namespace cvmock::server
