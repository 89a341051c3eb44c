// Pipeline: the stages of serving a request.
#include "mock_server/gateway/pipeline.h"

#include "mock_server/api/admin/admin_routes.h"
#include "mock_server/api/error_response.h"
#include "mock_server/base/errors.h"
#include "mock_server/gateway/auth.h"
#include "mock_server/gateway/body_limits.h"
#include "mock_server/gateway/intercept.h"
#include "mock_server/gateway/portal/portal.h"
#include "mock_server/gateway/response_log.h"
#include "mock_server/gateway/strict.h"
#include "mock_server/service/blob_paths.h"

namespace cvmock::server {
namespace {

// The headers every recorded response carries; the request id doubles as the prediction id.
void setServiceHeaders(httplib::Response& response, const std::string& requestId, TimePoint now) {
  response.set_header("Request-Id", requestId);
  response.set_header("apim-request-id", requestId);
  response.set_header("Strict-Transport-Security", "max-age=31536000; includeSubDomains; preload");
  response.set_header("X-Content-Type-Options", "nosniff");
  response.set_header("Date", formatHttpDate(now));
}

std::string_view operationName(const Exchange& exchange) {
  switch (exchange.surface) {
    case Surface::Admin:
      return "admin";
    case Surface::Blob:
      return "blob";
    case Surface::Portal:
      return "portal";
    case Surface::Api:
      break;
  }
  return exchange.target ? exchange.target->operation->id : std::string_view("-");
}

}  // namespace

Pipeline::Pipeline(Service& service, GatewayOptions options, RequestLog& log)
    : service_(service),
      options_(std::move(options)),
      log_(log),
      requestIds_(restartSeed(service.config().seed ^ 0x9e3779b97f4a7c15ULL, service.restarts())) {}

void Pipeline::route(Exchange& exchange) const {
  const std::string& path = exchange.request.path;
  if (portal::isPortalPath(path)) {
    exchange.surface = Surface::Portal;
  } else if (path.starts_with(kBlobRoute)) {
    exchange.surface = Surface::Blob;
  } else if (admin::isAdminPath(path)) {
    exchange.surface = Surface::Admin;
  } else {
    try {
      exchange.target = resolveOperation(exchange.request.method, path);
    } catch (const GatewayError&) {
      exchange.refusal = std::current_exception();
    }
  }
}

std::size_t Pipeline::bodyLimit(const Exchange& exchange) const {
  const BodyKind kind = exchange.target ? exchange.target->operation->body : BodyKind::None;
  return server::bodyLimit(kind, service_.config().limits);
}

bool Pipeline::readBody(Exchange& exchange, const httplib::ContentReader& reader) const {
  const std::size_t limit = bodyLimit(exchange);
  const std::size_t declared = declaredLength(exchange.request);
  exchange.bodyOverLimit = declared > limit;
  if (!exchange.bodyOverLimit) exchange.body.reserve(declared);
  const bool complete = reader([&](const char* data, std::size_t size) {
    exchange.bodyOverLimit = exchange.bodyOverLimit || exchange.body.size() + size > limit;
    if (!exchange.bodyOverLimit) exchange.body.append(data, size);
    return true;
  });
  // A body past cpp-httplib's own cap (the largest any operation takes) fails to read, yet it is ours to refuse.
  return complete || exchange.bodyOverLimit;
}

void Pipeline::serve(Exchange& exchange) {
  exchange.context.requestId = requestIds_.next();
  setServiceHeaders(exchange.response, exchange.context.requestId, service_.clock().now());
  try {
    if (exchange.refusal) std::rethrow_exception(exchange.refusal);
    switch (exchange.surface) {
      case Surface::Admin:
        admin::handleAdmin(service_, exchange.request, exchange.body, exchange.response);
        break;
      case Surface::Portal:
        portal::handlePortal(exchange.request, exchange.response);
        break;
      case Surface::Blob:
        serveBlob(exchange);
        break;
      case Surface::Api:
        serveOperation(exchange);
        break;
    }
  } catch (const ServiceError& error) {
    exchange.error = error.code() + ": " + error.what();
    writeError(exchange.response, error, exchange.dialect);
  } catch (const GatewayError& error) {
    exchange.error = std::to_string(error.status()) + ": " + error.what();
    writeError(exchange.response, error);
  } catch (const nlohmann::json::exception& error) {
    const ServiceError malformed = errors::malformedBody(error.what());
    exchange.error = malformed.code() + ": " + malformed.what();
    writeError(exchange.response, malformed, exchange.dialect);
  } catch (const std::exception& error) {
    const ServiceError unknown = errors::unknown(error.what());
    exchange.error = unknown.code() + ": " + unknown.what();
    writeError(exchange.response, unknown, exchange.dialect);
  }
  record(exchange);
}

void Pipeline::serveOperation(Exchange& exchange) {
  const OperationTarget& target = *exchange.target;
  const Operation& operation = *target.operation;
  const Api api = target.api->api;
  exchange.dialect = api == Api::Training ? wire::Dialect::training(target.version)
                                          : wire::Dialect::prediction(target.version);
  const std::string key = presentedKey(exchange.request, api);
  // Only the resources served on this listener: another resource's key is as wrong here as on Azure.
  exchange.context.caller = authenticate(exchange.listener.resources, api, key);
  if (!exchange.context.caller) throw errors::accessDenied();
  if (options_.api.strict) enforceStrict(exchange.request, target);
  if (exchange.bodyOverLimit) refuseOversizedBody(operation.body, service_.config().limits);
  exchange.dropped =
      interceptOperation(service_.simulation(), exchange.request, exchange.response, operation, key, exchange.fault);
  if (exchange.dropped) return;
  const std::string host = exchange.request.get_header_value("Host");
  const std::string authority = host.empty() ? options_.host + ":" + std::to_string(exchange.listener.port) : host;
  const CallInput input{exchange.request, exchange.body, target, exchange.context, exchange.dialect,
                        wire::BlobLocation{options_.scheme + "://" + authority}};
  Call call(input, exchange.response, service_, options_.api);
  operation.handler(call);
}

void Pipeline::serveBlob(Exchange& exchange) {
  const std::optional<BlobPath> path =
      exchange.request.method == "GET" ? parseBlobPath(std::string_view(exchange.request.path).substr(kBlobRoute.size()))
                                       : std::nullopt;
  std::optional<std::string> bytes = path ? service_.transfers().blobBytes(*path) : std::nullopt;
  if (!bytes) throw errors::resourceNotFound("No such blob.");
  exchange.response.status = 200;
  exchange.response.set_content(std::move(*bytes), "application/octet-stream");
}

void Pipeline::record(const Exchange& exchange) {
  const httplib::Request& request = exchange.request;
  const httplib::Response& response = exchange.response;
  const double milliseconds =
      std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - exchange.started).count();
  const TimePoint now = service_.clock().now();
  if (exchange.surface == Surface::Api || exchange.surface == Surface::Blob) {
    const std::string_view operation = exchange.target ? exchange.target->operation->id : std::string_view();
    service_.simulation().journal.record({0, now, request.method, request.path, std::string(operation),
                                          response.status, milliseconds, exchange.context.requestId, exchange.fault});
  }
  if (exchange.target && !exchange.dropped) logResponse(*exchange.target, request, response);
  log_.write({now, request.method, request.path, operationName(exchange), response.status, milliseconds,
              exchange.context.requestId, exchange.body.size(), response.body.size(), exchange.error});
}

}  // namespace cvmock::server
