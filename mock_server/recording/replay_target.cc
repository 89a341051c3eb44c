// The in-process cvmock a recording is replayed against, configured through its own command line.
#include "mock_server/recording/replay_target.h"

#include <stdexcept>

#include <httplib.h>

#include "mock_server/app/options.h"
#include "mock_server/gateway/server.h"

namespace cvmock::recording {
namespace {

constexpr const char* kAdminKey = "cvmock-verify-admin-key";
constexpr std::size_t kReplayRequestThreads = 4;

httplib::Headers toHttplib(const HeaderList& headers) {
  httplib::Headers out;
  for (const auto& [name, values] : headers) {
    for (const std::string& value : values) out.emplace(name, value);
  }
  return out;
}

HeaderList fromHttplib(const httplib::Headers& headers) {
  HeaderList out;
  for (const auto& [name, value] : headers) {
    if (!out.empty() && out.back().first == name) {
      out.back().second.push_back(value);
    } else {
      out.emplace_back(name, std::vector<std::string>{value});
    }
  }
  return out;
}

}  // namespace

ReplayTarget::ReplayTarget(std::uint64_t seed, const std::string& predictionResourceId,
                           std::shared_ptr<server::DetectorFitMemo> detectorFits) {
  // Trainings are held (manual) so the replay shows "Training" for as long as the recording did.
  std::vector<std::string> flags = {"--host",           "127.0.0.1",
                                    "--port",           "0",
                                    "--seed",           std::to_string(seed),
                                    "--training-key",   kReplayTrainingKey,
                                    "--prediction-key", kReplayPredictionKey,
                                    "--training-mode",  "manual",
                                    "--admin-key",      kAdminKey,
                                    // verify writes its report to stdout; request lines would corrupt it
                                    "--log-level",      "quiet"};
  if (!predictionResourceId.empty()) {
    flags.insert(flags.end(), {"--prediction-resource-id", predictionResourceId});
  }
  const server::ParsedOptions options =
      server::parseOptions(flags, [](const char*) { return std::optional<std::string>(); });
  if (!options.error.empty()) throw std::runtime_error("cannot configure the replayed cvmock: " + options.error);
  predictionResourceId_ = options.config.service.predictionResourceId;
  server::ServerConfig config = options.config;
  config.service.detectorFits = std::move(detectorFits);
  // The replay is this cvmock's only client, one request at a time on one keep-alive connection: a few threads
  // (not the 64 that cost as much to start as a short cassette's replay) leave room for a reconnection.
  config.requestThreads = kReplayRequestThreads;
  server_ = std::make_unique<server::Server>(std::move(config));
  if (!server_->bind()) throw std::runtime_error("the replayed cvmock cannot listen on 127.0.0.1");
  serving_ = std::thread([this] { server_->run(); });
  server_->waitUntilReady();
  client_ = std::make_unique<httplib::Client>("127.0.0.1", server_->port());
  client_->set_url_encode(false);
  client_->set_keep_alive(true);
  client_->set_tcp_nodelay(true);
  client_->set_read_timeout(60, 0);
}

ReplayTarget::~ReplayTarget() {
  client_.reset();
  server_->stop();
  if (serving_.joinable()) serving_.join();
}

LiveAnswer ReplayTarget::send(const std::string& method, const std::string& target, const HeaderList& headers,
                              const std::string& body) {
  httplib::Request request;
  request.method = method;
  request.path = target;
  request.headers = toHttplib(headers);
  request.body = body;
  httplib::Response response;
  httplib::Error error = httplib::Error::Success;
  if (!client_->send(request, response, error)) return {0, {}, "no answer: " + httplib::to_string(error)};
  return {response.status, fromHttplib(response.headers), response.body};
}

Json ReplayTarget::call(const std::string& method, const std::string& target, HeaderList headers,
                        const std::string& body) {
  const LiveAnswer answer = send(method, target, headers, body);
  if (answer.status < 200 || answer.status >= 300) {
    throw std::runtime_error(method + " " + target + " answered " + std::to_string(answer.status) + ": " +
                             answer.body.substr(0, 300));
  }
  return answer.body.empty() ? Json() : Json::parse(answer.body, nullptr, false);
}

Json ReplayTarget::training(const std::string& method, const std::string& pathAndQuery, const std::string& body,
                            const std::string& contentType) {
  HeaderList headers = {{"Training-Key", {kReplayTrainingKey}}};
  if (!contentType.empty()) headers.push_back({"Content-Type", {contentType}});
  return call(method, "/customvision/v3.3/training" + pathAndQuery, std::move(headers), body);
}

Json ReplayTarget::prediction(const std::string& pathAndQuery, const std::string& body,
                              const std::string& contentType) {
  return call("POST", "/customvision/v3.1/prediction" + pathAndQuery,
              {{"Prediction-Key", {kReplayPredictionKey}}, {"Content-Type", {contentType}}}, body);
}

void ReplayTarget::releaseTrainings() {
  call("POST", "/_cvmock/training/advance", {{"Cvmock-Admin-Key", {kAdminKey}}}, "");
}

}  // namespace cvmock::recording
