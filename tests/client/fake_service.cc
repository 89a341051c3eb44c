// The recording fake service behind the client tests.
#include "tests/client/fake_service.h"

#include <gtest/gtest.h>

#include <chrono>
#include <stdexcept>

namespace cvmock::client::testing {

FakeService::FakeService() : responses_{CannedResponse{}} {
  auto handler = [this](const httplib::Request& request, httplib::Response& response) {
    handle(request, response);
  };
  server_.Get(".*", handler);
  server_.Post(".*", handler);
  server_.Patch(".*", handler);
  server_.Delete(".*", handler);
  port_ = server_.bind_to_any_port("127.0.0.1");
  if (port_ < 0) throw std::runtime_error("the fake service could not bind a port");
  thread_ = std::thread([this] { server_.listen_after_bind(); });
  // stop() does nothing until the accept loop runs, so a destructor racing ahead of the thread
  // would wait on join() forever.
  while (!server_.is_running()) std::this_thread::sleep_for(std::chrono::milliseconds(1));
}

FakeService::~FakeService() {
  server_.stop();
  thread_.join();
}

std::string FakeService::endpoint() const { return "http://127.0.0.1:" + std::to_string(port_); }

void FakeService::respond(int status, std::string body) {
  respondInOrder({CannedResponse{status, std::move(body)}});
}

void FakeService::respondInOrder(std::vector<CannedResponse> responses) {
  std::lock_guard lock(mutex_);
  responses_.assign(responses.begin(), responses.end());
}

std::vector<RecordedRequest> FakeService::requests() const {
  std::lock_guard lock(mutex_);
  return requests_;
}

RecordedRequest FakeService::lastRequest() const {
  std::lock_guard lock(mutex_);
  if (requests_.empty()) {
    ADD_FAILURE() << "the fake service received no request";
    return {};
  }
  return requests_.back();
}

void FakeService::handle(const httplib::Request& request, httplib::Response& response) {
  std::lock_guard lock(mutex_);
  requests_.push_back({request.method, request.target, request.path, request.params,
                       request.headers, request.body, request.files});
  const CannedResponse& canned = responses_.front();
  response.status = canned.status;
  for (const auto& [name, value] : canned.headers) response.set_header(name, value);
  if (!canned.body.empty()) response.set_content(canned.body, canned.contentType.c_str());
  if (responses_.size() > 1) responses_.pop_front();
}

}  // namespace cvmock::client::testing
