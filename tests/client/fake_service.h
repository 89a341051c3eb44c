// An in-process HTTP server that records every request and answers with canned responses.
#pragma once

#include <httplib.h>

#include <deque>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace cvmock::client::testing {

struct CannedResponse {
  int status = 200;
  std::string body{};
  std::string contentType = "application/json; charset=utf-8";
  httplib::Headers headers{};  // e.g. Retry-After, apim-request-id
};

struct RecordedRequest {
  std::string method;
  std::string target;  // path and query exactly as sent, still percent-encoded
  std::string path;    // decoded by httplib
  httplib::Params params;
  httplib::Headers headers;
  std::string body;
  httplib::MultipartFormDataMap files;  // parsed multipart parts, by part name
};

// Listens on 127.0.0.1 on a free port from construction until destruction.
class FakeService {
 public:
  FakeService();
  ~FakeService();
  FakeService(const FakeService&) = delete;
  FakeService& operator=(const FakeService&) = delete;

  // "http://127.0.0.1:<port>"
  std::string endpoint() const;

  // Answers every following request with this response.
  void respond(int status, std::string body);
  // Answers the next requests with these in order; the last one repeats.
  void respondInOrder(std::vector<CannedResponse> responses);

  std::vector<RecordedRequest> requests() const;
  // The most recent request; fails the test when there is none.
  RecordedRequest lastRequest() const;

 private:
  void handle(const httplib::Request& request, httplib::Response& response);

  httplib::Server server_;
  int port_ = 0;
  std::thread thread_;
  mutable std::mutex mutex_;
  std::deque<CannedResponse> responses_;
  std::vector<RecordedRequest> requests_;
};

}  // namespace cvmock::client::testing
