// Server: normalises the path, finds the resource a key opens, finds the operation and answers in the service's
// format, on the main listener and each resource's own.
#include "mock_server/server.h"

#include <algorithm>
#include <array>
#include <chrono>
#include <filesystem>
#include <thread>

#include <sys/socket.h>

#include "mock_server/http.h"

#include "mock_server/admin/admin_routes.h"
#include "mock_server/portal/portal.h"

#include "mock_server/auth.h"
#include "mock_server/errors.h"
#include "mock_server/ids.h"
#include "mock_server/request_body.h"
#include "mock_server/response_log.h"
#include "mock_server/sqlite_store.h"
#include "mock_server/strict.h"
#include "mock_server/routes.h"
#include "mock_server/simulation/intercept.h"
#include "mock_server/text.h"
#include "mock_server/training_service.h"

namespace cvmock::server {
namespace {

constexpr std::array kTrainingVersions = {"v3.0", "v3.1", "v3.2", "v3.3", "v3.4-preview"};
constexpr std::array kPredictionVersions = {"v3.0", "v3.1"};

template <std::size_t N>
bool knownVersion(const std::array<const char*, N>& versions, const std::string& version) {
  return std::any_of(versions.begin(), versions.end(), [&](const char* v) { return equalsIgnoreCase(v, version); });
}

template <std::size_t N>
std::string versionList(const std::array<const char*, N>& versions) {
  std::string out;
  for (const char* v : versions) out += (out.empty() ? "" : ", ") + std::string(v);
  return out;
}

// The headers every recorded response carries; the request id doubles as the prediction id.
void setServiceHeaders(httplib::Response& response, const std::string& requestId) {
  response.set_header("Request-Id", requestId);
  response.set_header("apim-request-id", requestId);
  response.set_header("Strict-Transport-Security", "max-age=31536000; includeSubDomains; preload");
  response.set_header("X-Content-Type-Options", "nosniff");
  response.set_header("Date", formatHttpDate(now()));
}

void writeServiceError(httplib::Response& response, int status, const std::string& code, const std::string& message) {
  response.status = status;
  response.set_content(wire::Json{{"code", code}, {"message", message}}.dump(), "application/json; charset=utf-8");
}

void writeGatewayError(httplib::Response& response, const GatewayError& error) {
  response.status = error.status();
  if (error.retryAfterSeconds() > 0) response.set_header("Retry-After", std::to_string(error.retryAfterSeconds()));
  wire::Json body = {{"error", {{"code", std::to_string(error.status())}, {"message", error.what()}}}};
  response.set_content(body.dump(), "application/json; charset=utf-8");
}

// "i-{guid}" and the like: the id after a two-character prefix.
std::optional<std::string> prefixedGuid(const std::string& segment) {
  return segment.size() < 2 ? std::nullopt : normaliseGuid(segment.substr(2));
}

// Image bytes behind the URIs in responses, ids without hyphens: training images at
// /_cvmock/blobs/i-{project}/{i|t}-{image}, stored predictions' images at
// /_cvmock/blobs/predictionimages/{project}/{o|t}-{id}; iteration exports (ExportIteration's downloadUri) at
// /_cvmock/blobs/m-{project}/{iteration}.{platform}[.{flavor}].zip.
std::optional<std::string> blobBytes(const TrainingService& service, const std::vector<std::string>& segments) {
  if (segments.size() == 4 && segments[2].rfind("m-", 0) == 0) {
    return service.exportDownload(segments[2] + "/" + segments[3]);
  }
  if (segments.size() == 4) {
    std::optional<std::string> projectId = prefixedGuid(segments[2]);
    std::optional<std::string> imageId = prefixedGuid(segments[3]);
    return projectId && imageId ? service.imageBytes(*projectId, *imageId) : std::nullopt;
  }
  if (segments.size() == 5 && segments[2] == "predictionimages") {
    std::optional<std::string> projectId = normaliseGuid(segments[3]);
    std::optional<std::string> predictionId = prefixedGuid(segments[4]);
    return projectId && predictionId ? service.predictionImageBytes(*projectId, *predictionId) : std::nullopt;
  }
  return std::nullopt;
}

void serveBlob(TrainingService& service, const std::vector<std::string>& segments, httplib::Response& response) {
  std::optional<std::string> bytes = blobBytes(service, segments);
  if (!bytes) throw errors::resourceNotFound("No such blob.");
  response.status = 200;
  response.set_content(std::move(*bytes), "application/octet-stream");
}

std::unique_ptr<Store> openStore(const std::string& dataDir) {
  if (dataDir.empty()) return std::make_unique<SqliteStore>();
  return std::make_unique<SqliteStore>(std::filesystem::path(dataDir));
}

// Plain HTTP, or HTTPS when a certificate is configured; throws when the certificate or key cannot be loaded.
std::unique_ptr<httplib::Server> makeHttpServer(const ServerConfig& config) {
  if (config.certFile.empty()) return std::make_unique<httplib::Server>();
  auto server = std::make_unique<httplib::SSLServer>(config.certFile.c_str(), config.keyFile.c_str());
  if (!server->is_valid()) {
    throw std::runtime_error("cannot load the TLS certificate " + config.certFile + " and key " + config.keyFile);
  }
  return server;
}

// Each keep-alive connection holds a request thread while it is open, so the pool is sized for many
// concurrent clients rather than for the cores; trainings run on their own workers and never take one.
constexpr std::size_t kRequestThreads = 64;

// The resources from the simple flags when none were configured (resources.h).
ServerConfig withResources(ServerConfig config) {
  if (config.service.resources.empty()) {
    config.service.resources = defaultResources(config.trainingKey, config.predictionKey,
                                                config.cognitiveServicesKey, config.service.predictionResourceId);
  }
  return config;
}

}  // namespace

// One cpp-httplib server and the resources whose keys it accepts: the main listener has those without a port
// of their own, a resource's own listener has just that resource.
struct Server::Listener {
  std::unique_ptr<httplib::Server> http;
  int configuredPort = 0;  // 0 picks a free port
  int port = 0;            // bound
  int socket = -1;         // captured when cpp-httplib creates it, to raise its listen backlog
  std::vector<const Resource*> resources;
};

Server::Server(ServerConfig config)
    : config_(withResources(std::move(config))),
      service_(std::make_unique<TrainingService>(
          config_.service, openStore(config_.dataDir),
          std::make_shared<simulation::Simulation>(config_.simulation, config_.service.seed))),
      requestIds_(restartSeed(config_.service.seed ^ 0x9e3779b97f4a7c15ULL, service_->restarts())) {
  installClock(service_->simulation().clock);  // dates follow the simulation's clock when a test fixes it
  // The service's own copy of the resources: the caller a request carries into it points there.
  auto main = std::make_unique<Listener>();
  main->configuredPort = config_.port;
  listeners_.push_back(std::move(main));
  for (const Resource& resource : service_->config().resources) {
    if (!resource.port) {
      listeners_.front()->resources.push_back(&resource);
      continue;
    }
    auto own = std::make_unique<Listener>();
    own->configuredPort = *resource.port;
    own->resources.push_back(&resource);
    listeners_.push_back(std::move(own));
  }
  for (const std::unique_ptr<Listener>& listener : listeners_) configure(*listener);
}

void Server::configure(Listener& listener) {
  listener.http = makeHttpServer(config_);
  httplib::Server& http = *listener.http;
  http.new_task_queue = [] { return new httplib::ThreadPool(kRequestThreads); };
  http.set_socket_options([&listener](socket_t socket) {
    httplib::default_socket_options(socket);
    listener.socket = socket;
  });
  const Listener* self = &listener;
  auto handler = [this, self](const httplib::Request& request, httplib::Response& response) {
    dispatch(*self, request, response);
  };
  http.Get(".*", handler);
  // Bodies are read by readBody, which refuses an oversized one without keeping it in memory.
  auto bodyHandler = [this, self](const httplib::Request& request, httplib::Response& response,
                                  const httplib::ContentReader& reader) {
    readBody(request, reader, config_.service.limits,
             [&](const httplib::Request& withBody) { dispatch(*self, withBody, response); });
  };
  http.Post(".*", bodyHandler);
  http.Put(".*", bodyHandler);
  http.Patch(".*", bodyHandler);
  http.Delete(".*", bodyHandler);
  // A client that asks first (Expect: 100-continue) is refused before it sends an oversized body.
  http.set_expect_100_continue_handler([this, self](const httplib::Request& request, httplib::Response& response) {
    if (!bodyOverLimit(request, config_.service.limits)) return 100;
    dispatch(*self, request, response);
    return response.status;
  });
  // cpp-httplib expects a body on POST/PUT/PATCH/DELETE and refuses one without Content-Length;
  // clients send such bodiless calls all the time (POST projects?name=...), so answer them here.
  http.set_pre_routing_handler([this, self](const httplib::Request& request, httplib::Response& response) {
    // cpp-httplib hands this handler its own, mutable request object behind a const reference.
    keepMultipartRaw(const_cast<httplib::Request&>(request));
    const bool framed = request.has_header("Content-Length") || request.has_header("Transfer-Encoding");
    if (framed || request.method == "GET") return httplib::Server::HandlerResponse::Unhandled;
    dispatch(*self, request, response);
    return httplib::Server::HandlerResponse::Handled;
  });
  http.set_payload_max_length(largestBody(config_.service.limits));
  // Small JSON answers must not wait out the peer's delayed ACK (Nagle): that alone costs ~40 ms a call.
  http.set_tcp_nodelay(true);
}

Server::~Server() {
  stop();
  for (std::thread& thread : resourceThreads_) {
    if (thread.joinable()) thread.join();
  }
}

bool Server::bind() {
  const std::string& host = config_.host;
  for (const std::unique_ptr<Listener>& listener : listeners_) {
    httplib::Server& http = *listener->http;
    listener->port = listener->configuredPort == 0 ? http.bind_to_any_port(host) : listener->configuredPort;
    if (listener->port < 0) return false;
    if (listener->configuredPort != 0 && !http.bind_to_port(host, listener->configuredPort)) return false;
    // cpp-httplib listens with a backlog of 5: a burst of new connections from many clients overflows it and
    // the kernel drops them, so a client's request goes unanswered. Listening again only raises the backlog.
    ::listen(listener->socket, SOMAXCONN);
  }
  return true;
}

int Server::port() const { return listeners_.front()->port; }

int Server::resourcePort(const std::string& name) const {
  for (const std::unique_ptr<Listener>& listener : listeners_) {
    for (const Resource* resource : listener->resources) {
      if (resource->name == name) return listener->port;
    }
  }
  return -1;
}

std::vector<Endpoint> Server::endpoints() const {
  const std::string scheme = config_.certFile.empty() ? "http://" : "https://";
  std::vector<Endpoint> out;
  for (const std::unique_ptr<Listener>& listener : listeners_) {
    Endpoint endpoint{scheme + config_.host + ":" + std::to_string(listener->port), {}};
    for (const Resource* resource : listener->resources) endpoint.resources.push_back(resource->name);
    out.push_back(std::move(endpoint));
  }
  return out;
}

void Server::run() {
  for (std::size_t i = 1; i < listeners_.size(); ++i) {
    resourceThreads_.emplace_back([listener = listeners_[i].get()] { listener->http->listen_after_bind(); });
  }
  // Once the main listener runs, stop() reaches every listener: none may still be about to start.
  for (std::size_t i = 1; i < listeners_.size(); ++i) {
    while (!listeners_[i]->http->is_running()) std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
  listeners_.front()->http->listen_after_bind();
  stop();  // the main listener stopped: the resources' own stop with it
  for (std::thread& thread : resourceThreads_) thread.join();
  resourceThreads_.clear();
}

void Server::stop() {
  for (const std::unique_ptr<Listener>& listener : listeners_) {
    if (listener->http->is_running()) listener->http->stop();
  }
}

void Server::waitUntilReady() const {
  for (const std::unique_ptr<Listener>& listener : listeners_) {
    while (!listener->http->is_running()) std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
}

void Server::dispatch(const Listener& listener, const httplib::Request& request, httplib::Response& response) {
  if (admin::isAdminPath(request.path)) {
    admin::handleAdmin(*service_, request, response);
    return;
  }
  if (portal::isPortalPath(request.path)) {  // public pages; the API calls they make carry the user's key
    portal::handlePortal(request, response);
    return;
  }
  const std::string requestId = requestIds_.next();
  setServiceHeaders(response, requestId);
  wire::Dialect dialect;  // the called version's, once known; errors are written in it too
  simulation::Simulation& simulation = service_->simulation();
  simulation::JournalScope journal(simulation.journal, *simulation.clock, request.method, request.path, requestId,
                                   response.status);
  try {
    const std::vector<std::string> segments = splitList(request.path, '/');
    if (segments.size() >= 2 && segments[0] == "_cvmock" && segments[1] == "blobs" && request.method == "GET") {
      serveBlob(*service_, segments, response);
      return;
    }
    if (segments.size() < 3 || !equalsIgnoreCase(segments[0], "customvision")) {
      throw errors::resourceNotFound("cvmock serves /customvision/{version}/training and /prediction.");
    }
    const std::string& version = segments[1];
    const bool training = equalsIgnoreCase(segments[2], "training");
    if (!training && !equalsIgnoreCase(segments[2], "prediction")) {
      throw errors::resourceNotFound("Unknown API '" + segments[2] + "': expected training or prediction.");
    }
    if (training ? !knownVersion(kTrainingVersions, version) : !knownVersion(kPredictionVersions, version)) {
      throw errors::resourceNotFound("API version '" + version + "' is not served; known versions are " +
                                     (training ? versionList(kTrainingVersions) : versionList(kPredictionVersions)) +
                                     ".");
    }
    const Api api = training ? Api::Training : Api::Prediction;
    dialect = training ? wire::Dialect::training(version) : wire::Dialect::prediction(version);
    const std::string presented = presentedKey(request, api);
    // Only the resources served on this listener: another resource's key is as wrong here as on Azure.
    const Resource* caller = authenticate(listener.resources, api, presented);
    if (!caller) throw errors::accessDenied();
    CallerScope callerScope(caller);

    const std::vector<std::string> rest(segments.begin() + 3, segments.end());
    std::optional<RouteMatch> match = matchRoute(training ? trainingRoutes() : predictionRoutes(), request.method, rest);
    if (!match) throw errors::resourceNotFound("No operation matches " + request.method + " " + request.path + ".");
    if (config_.strict) enforceStrict(request, *match->route);
    refuseOversizedBody(request, config_.service.limits);
    journal.operation = match->route->operationId;
    if (simulation::interceptOperation(simulation, request, response, journal.operation, presented, journal.fault)) {
      return;
    }

    const std::string host = request.get_header_value("Host");
    const std::string scheme = config_.certFile.empty() ? "http://" : "https://";
    wire::BlobLocation blobs{scheme + (host.empty() ? config_.host + ":" + std::to_string(listener.port) : host)};
    Call call(request, response, *service_, std::move(match->params), requestId, std::move(blobs));
    call.dialect = dialect;
    match->route->handler(call);
  } catch (const ServiceError& error) {
    writeServiceError(response, error.status(), wire::errorCode(error.code(), dialect), error.what());
  } catch (const GatewayError& error) {
    writeGatewayError(response, error);
  } catch (const nlohmann::json::exception& error) {
    writeServiceError(response, 400, "BadRequest", std::string("Malformed request body: ") + error.what());
  } catch (const std::exception& error) {
    writeServiceError(response, 500, "ErrorUnknown", error.what());
  }
  logResponse(request, response);  // only when $CVMOCK_RESPONSE_LOG is set: tests/schema checks it
}

}  // namespace cvmock::server
