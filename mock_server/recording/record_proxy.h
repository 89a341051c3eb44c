// `cvmock record`: a reverse proxy that forwards each request to the real service unchanged, hands its answer
// back unchanged, and writes the exchange, scrubbed, to a cassette.
#pragma once

#include <filesystem>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <utility>
#include <vector>

#include "mock_server/gateway/open_connections.h"
#include "mock_server/recording/body_store.h"
#include "mock_server/recording/cassette_writer.h"
#include "mock_server/recording/scrubber.h"
#include "mock_server/recording/upstream.h"

namespace httplib {
class Server;
struct Request;
struct Response;
class ContentReader;
}  // namespace httplib

namespace cvmock::recording {

class SpooledBody;

struct RecordConfig {
  std::string host = "127.0.0.1";
  int port = 8808;                 // 0 picks a free port
  std::string upstream;            // http(s)://host[:port]
  std::string upstreamCa;          // PEM file of CAs to trust instead of the system store; "" for the system's
  std::filesystem::path out;       // the recording folder: the cassette, and bodies/ beside it
  std::string name = "recording";  // the cassette is out/name.jsonl
};

// Bodies up to this size are held in memory (and scrubbed when text); larger ones pass through a spool file.
inline constexpr std::size_t kProxyMemoryLimit = 4 * 1024 * 1024;

class RecordProxy {
 public:
  // Throws std::runtime_error for an upstream that is not http(s)://host[:port], or a cassette that exists
  // already or cannot be written.
  explicit RecordProxy(RecordConfig config);
  ~RecordProxy();
  RecordProxy(const RecordProxy&) = delete;
  RecordProxy& operator=(const RecordProxy&) = delete;

  // False when the address is taken or invalid.
  bool bind();
  int port() const { return port_; }
  // Serves until stop(); call after bind().
  void run();
  // Stops accepting and closes the idle keep-alive connections (an SDK's pool would otherwise hold run() for
  // cpp-httplib's 5 s keep-alive); an exchange under way is answered and recorded first. Safe from any thread.
  void stop();
  std::filesystem::path cassette() const { return cassette_; }

 private:
  void forward(const httplib::Request& request, httplib::Response& response, const httplib::ContentReader* reader);
  // The recorded form of a body that passed through: decoded and scrubbed when held in memory, stored as it
  // came when spooled (large bodies are images).
  Body recordBody(SpooledBody& body, const HeaderList& headers);
  // The images behind the URLs a JSON request body names, fetched once per URL and kept by scrubbed URL.
  std::vector<std::pair<std::string, Body>> urlImages(const std::string& body);

  RecordConfig config_;
  std::filesystem::path cassette_;
  UpstreamPool upstream_;
  Scrubber scrubber_;
  BodyStore bodies_;
  CassetteWriter writer_;
  std::mutex urlMutex_;  // guards fetchedUrls_
  std::map<std::string, Body> fetchedUrls_;
  server::OpenConnections connections_;
  std::unique_ptr<httplib::Server> http_;
  int port_ = 0;
};

}  // namespace cvmock::recording
