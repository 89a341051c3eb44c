// One call of an operation as its handler sees it: typed access to path, query and body, who is calling,
// and the ways to answer.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "mock_server/api/http.h"
#include "mock_server/api/operation_target.h"
#include "mock_server/api/url_fetcher.h"
#include "mock_server/api/wire.h"
#include "mock_server/service/request_context.h"
#include "mock_server/service/service.h"

namespace cvmock::server {

// How the API layer reads requests, beyond what the service decides.
struct ApiOptions {
  bool strict = false;  // --strict: refuse request shapes the service tolerates (here, member name spellings)
  UrlFetchConfig urlFetch;
};

// An uploaded file: from a multipart part, or the whole body of an octet-stream request.
struct UploadedImage {
  std::string fileName;
  std::string bytes;
};

// What the gateway hands a handler. The request's head and body, the target and the context are the
// gateway's and outlive the call.
struct CallInput {
  const httplib::Request& head;  // method, path, headers, query (its body is not used)
  std::string_view body;
  const OperationTarget& target;
  const RequestContext& context;
  wire::Dialect dialect;    // what the called API version writes
  wire::BlobLocation blobs;  // the base URL the caller reached cvmock at
};

// Parsing helpers throw ServiceError with the service's code for malformed input.
class Call {
 public:
  Call(const CallInput& input, httplib::Response& response, Service& service, const ApiOptions& options);

  Service& service;
  const RequestContext& context() const { return input_.context; }
  const wire::Dialect& dialect() const { return input_.dialect; }
  const wire::BlobLocation& blobs() const { return input_.blobs; }
  const ServiceLimits& limits() const { return service.config().limits; }
  const ApiOptions& options() const { return options_; }

  // A path parameter that must be a GUID; answers BadRequestInvalidIds otherwise.
  std::string guid(std::string_view name) const;
  // A path parameter as text (for example a publish name).
  std::string pathText(std::string_view name) const;

  std::optional<std::string> query(const std::string& name) const;
  std::optional<std::string> queryGuid(const std::string& name) const;
  std::vector<std::string> queryGuidList(const std::string& name) const;  // comma-separated, possibly repeated
  std::optional<int> queryInt(const std::string& name) const;
  std::optional<double> queryDouble(const std::string& name) const;
  std::optional<bool> queryBool(const std::string& name) const;
  // take/skip with the spec's default and maximum.
  int take(int defaultTake, int maxTake) const;
  int skip() const;

  // The body as JSON, its member names in the spec's spelling (json_member_names.h); BadRequest when it is
  // not JSON, UnsupportedMediaType for another declared type. An empty body is null.
  nlohmann::json jsonBody() const;
  // The body as JSON with its member names as sent: for bodies that are the user's own map (image metadata).
  nlohmann::json jsonMap() const;
  // Images from a multipart/form-data body (every file part), or the body itself otherwise.
  std::vector<UploadedImage> images() const;

  void json(int status, const wire::Json& body);
  void noContent(int status = 204);
  // A body that is not JSON (GetArtifact's file), with its content type.
  void bytes(int status, std::string body, const std::string& contentType);

 private:
  const CallInput& input_;
  httplib::Response& response_;
  const ApiOptions& options_;
};

}  // namespace cvmock::server
