// Server: the listeners (one per port), cpp-httplib's hooks, and the pipeline they all feed.
#include "mock_server/gateway/server.h"

#include <cerrno>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <thread>

#include <sys/socket.h>

#include "mock_server/api/error_response.h"
#include "mock_server/base/errors.h"
#include "mock_server/gateway/body_limits.h"
#include "mock_server/gateway/header_limits.h"
#include "mock_server/gateway/pipeline.h"
#include "mock_server/service/service.h"
#include "mock_server/store/sqlite_store.h"

namespace cvmock::server {
namespace {

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

// The resources from the simple flags when none were configured (resources.h).
ServerConfig withResources(ServerConfig config) {
  if (config.service.resources.empty()) {
    config.service.resources = defaultResources(config.trainingKey, config.predictionKey,
                                                config.cognitiveServicesKey, config.service.predictionResourceId);
  }
  return config;
}

// cpp-httplib sends the answer to an Expect: 100-continue probe without a Content-Length, so a client could not
// tell where it ends; and the body such a client may send anyway must not be read as its next request.
int refuseProbe(httplib::Response& response) {
  response.set_header("Content-Length", std::to_string(response.body.size()));
  response.set_header("Connection", "close");
  return response.status;
}

GatewayOptions gatewayOptions(const ServerConfig& config) {
  return {config.certFile.empty() ? "http" : "https", config.host, ApiOptions{config.strict, config.urlFetch}};
}

}  // namespace

// One cpp-httplib server and the resources whose keys it accepts: the main listener has those without a port
// of their own, a resource's own listener has just that resource.
struct Server::Listener {
  std::unique_ptr<httplib::Server> http;
  int configuredPort = 0;  // 0 picks a free port
  int socket = -1;         // captured when cpp-httplib creates it, to raise its listen backlog
  std::string resource;    // the resource whose own listener this is; "" for the main one
  ListenerView view;
};

Server::Server(ServerConfig config)
    : config_(withResources(std::move(config))),
      service_(std::make_unique<Service>(
          config_.service, openStore(config_.dataDir),
          std::make_shared<simulation::Simulation>(config_.simulation, config_.service.seed))),
      log_(std::make_unique<RequestLog>(config_.log, stdout)),
      pipeline_(std::make_unique<Pipeline>(*service_, gatewayOptions(config_), *log_)) {
  // The service's own copy of the resources: the caller a request carries into it points there.
  auto main = std::make_unique<Listener>();
  main->configuredPort = config_.port;
  listeners_.push_back(std::move(main));
  for (const Resource& resource : service_->config().resources) {
    if (!resource.port) {
      listeners_.front()->view.resources.push_back(&resource);
      continue;
    }
    auto own = std::make_unique<Listener>();
    own->configuredPort = *resource.port;
    own->resource = resource.name;
    own->view.resources.push_back(&resource);
    listeners_.push_back(std::move(own));
  }
  for (const std::unique_ptr<Listener>& listener : listeners_) configure(*listener);
}

void Server::configure(Listener& listener) {
  listener.http = makeHttpServer(config_);
  httplib::Server& http = *listener.http;
  http.new_task_queue = [threads = config_.requestThreads] { return new httplib::ThreadPool(threads); };
  // SO_REUSEADDR lets a restarted cvmock bind while old connections linger; cpp-httplib's default would also
  // set SO_REUSEPORT, which lets a second process share the port and take half of its requests.
  http.set_socket_options([&listener](socket_t socket) {
    const int yes = 1;
    ::setsockopt(socket, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
    listener.socket = socket;
  });
  Pipeline& pipeline = *pipeline_;
  const ListenerView& view = listener.view;
  // Which connections have a request under way, so that stop() closes only the idle ones. The logger runs once
  // the answer has been written.
  OpenConnections& connections = connections_;
  http.set_logger([&connections](const httplib::Request& request, const httplib::Response&) {
    connections.requestAnswered(request.remote_port);
  });
  http.Get(".*", [&pipeline, &view](const httplib::Request& request, httplib::Response& response) {
    Exchange exchange(request, response, view);
    pipeline.route(exchange);
    pipeline.serve(exchange);
  });
  auto bodyHandler = [&pipeline, &view](const httplib::Request& request, httplib::Response& response,
                                        const httplib::ContentReader& reader) {
    Exchange exchange(request, response, view);
    pipeline.route(exchange);
    if (pipeline.readBody(exchange, reader)) pipeline.serve(exchange);
  };
  http.Post(".*", bodyHandler);
  http.Put(".*", bodyHandler);
  http.Patch(".*", bodyHandler);
  http.Delete(".*", bodyHandler);
  // A client that asks first (Expect: 100-continue) is refused before it sends an oversized body. This probe
  // is the one place a path is routed twice: once here, once when the body comes.
  http.set_expect_100_continue_handler([&pipeline, &view, &connections](const httplib::Request& request,
                                                          httplib::Response& response) {
    connections.requestBegan(request.remote_port);
    if (headersTooLarge(request)) {
      writeError(response, errors::httpRefusal(431));
      return refuseProbe(response);
    }
    Exchange exchange(request, response, view);
    pipeline.route(exchange);
    if (declaredLength(request) <= pipeline.bodyLimit(exchange)) return 100;
    exchange.bodyOverLimit = true;
    pipeline.serve(exchange);
    return refuseProbe(response);
  });
  // cpp-httplib expects a body on POST/PUT/PATCH/DELETE and refuses one without Content-Length; clients send
  // such bodiless calls all the time (POST projects?name=...), so they are answered here.
  http.set_pre_routing_handler([&pipeline, &view, &connections](const httplib::Request& request,
                                                                httplib::Response& response) {
    connections.requestBegan(request.remote_port);
    if (headersTooLarge(request)) {
      writeError(response, errors::httpRefusal(431));
      return httplib::Server::HandlerResponse::Handled;
    }
    // cpp-httplib hands this handler its own, mutable request object behind a const reference.
    keepMultipartRaw(const_cast<httplib::Request&>(request));
    const bool framed = request.has_header("Content-Length") || request.has_header("Transfer-Encoding");
    if (framed || request.method == "GET") return httplib::Server::HandlerResponse::Unhandled;
    Exchange exchange(request, response, view);
    pipeline.route(exchange);
    pipeline.serve(exchange);
    return httplib::Server::HandlerResponse::Handled;
  });
  // What cpp-httplib refuses itself (a URI, headers or a body too large, a request it cannot parse) gets the
  // gateway's JSON body too; answers of the pipeline already have theirs. A header line over cpp-httplib's limit
  // is a 400 to it and a 431 here, as are headers over kMaxRequestHeaderBytes in all (checked before routing).
  http.set_error_handler(httplib::Server::HandlerWithResponse(
      [](const httplib::Request& request, httplib::Response& response) {
        if (!response.body.empty()) return httplib::Server::HandlerResponse::Unhandled;
        const bool headerLine = response.status == 400 && headerLineRefused(request);
        writeError(response, errors::httpRefusal(headerLine ? 431 : response.status));
        return httplib::Server::HandlerResponse::Handled;
      }));
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
    errno = 0;
    const bool bound = listener->configuredPort == 0 ? (listener->view.port = http.bind_to_any_port(host)) >= 0
                                                     : http.bind_to_port(host, listener->configuredPort);
    if (!bound) {
      bindFailure_ = {host + ":" + std::to_string(listener->configuredPort), errno, listener->resource};
      return false;
    }
    if (listener->configuredPort != 0) listener->view.port = listener->configuredPort;
    // cpp-httplib listens with a backlog of 5: a burst of new connections from many clients overflows it and
    // the kernel drops them, so a client's request goes unanswered. Listening again only raises the backlog.
    ::listen(listener->socket, SOMAXCONN);
  }
  return true;
}

int Server::port() const { return listeners_.front()->view.port; }

int Server::resourcePort(const std::string& name) const {
  for (const std::unique_ptr<Listener>& listener : listeners_) {
    for (const Resource* resource : listener->view.resources) {
      if (resource->name == name) return listener->view.port;
    }
  }
  return -1;
}

std::vector<Endpoint> Server::endpoints() const {
  const std::string scheme = config_.certFile.empty() ? "http://" : "https://";
  std::vector<Endpoint> out;
  for (const std::unique_ptr<Listener>& listener : listeners_) {
    Endpoint endpoint{scheme + config_.host + ":" + std::to_string(listener->view.port), {}};
    for (const Resource* resource : listener->view.resources) endpoint.resources.push_back(resource->name);
    out.push_back(std::move(endpoint));
  }
  return out;
}

const std::vector<Resource>& Server::resources() const { return service_->config().resources; }

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
  std::vector<int> ports;
  for (const std::unique_ptr<Listener>& listener : listeners_) {
    if (listener->http->is_running()) listener->http->stop();
    ports.push_back(listener->view.port);
  }
  connections_.closeIdle(ports);
}

void Server::waitUntilReady() const {
  for (const std::unique_ptr<Listener>& listener : listeners_) {
    while (!listener->http->is_running()) std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
}

}  // namespace cvmock::server
