// Security over HTTP: keys on every route, cross-API refusal, the multi-service key, HTTPS, early refusal
// of oversized bodies, and blob paths that cannot reach the file system.
#include <gtest/gtest.h>

#include <sys/socket.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "mock_server/api/operation.h"
#include "mock_server/app/options.h"
#include "mock_server/base/text.h"
#include "tests/support/http_session.h"
#include "tests/support/raw_http.h"
#include "tests/support/test_server.h"

namespace cvmock::testing {
namespace {

constexpr const char* kSomeGuid = "00000000-0000-0000-0000-0000000000aa";

// A route's pattern with every {parameter} filled with a GUID.
std::string concrete(const std::string& pattern) {
  std::string path;
  for (const std::string& segment : server::splitList(pattern, '/')) {
    path += "/" + (segment.starts_with("{") ? std::string(kSomeGuid) : segment);
  }
  return path;
}

int statusOf(httplib::Client& client, const std::string& method, const std::string& path,
             const httplib::Headers& headers) {
  httplib::Result result = method == "GET"      ? client.Get(path, headers)
                           : method == "POST"   ? client.Post(path, headers, "", "application/json")
                           : method == "PATCH"  ? client.Patch(path, headers, "", "application/json")
                                                : client.Delete(path, headers);
  return result ? result->status : -1;
}

TEST(ApiSecurity, EveryRouteRefusesNoKeyAndTheOtherApisKey) {
  TestServer server;
  httplib::Client client(server.endpoint());
  for (const server::Operation& row : server::trainingApi().operations) {
    const std::string path = "/customvision/v3.3/training" + concrete(std::string(row.pattern));
    const std::string method(row.method);
    EXPECT_EQ(statusOf(client, method, path, {}), 401) << row.id;
    EXPECT_EQ(statusOf(client, method, path, {{"Training-Key", "cvmock-prediction-key"}}), 401) << row.id;
    EXPECT_NE(statusOf(client, method, path, {{"Training-Key", "cvmock-training-key"}}), 401) << row.id;
  }
  for (const server::Operation& row : server::predictionApi().operations) {
    const std::string path = "/customvision/v3.0/prediction" + concrete(std::string(row.pattern));
    const std::string method(row.method);
    EXPECT_EQ(statusOf(client, method, path, {}), 401) << row.id;
    EXPECT_EQ(statusOf(client, method, path, {{"Prediction-Key", "cvmock-training-key"}}), 401) << row.id;
    EXPECT_EQ(statusOf(client, method, path, {{"Ocp-Apim-Subscription-Key", "cvmock-training-key"}}), 401)
        << row.id;
  }
}

TEST(ApiSecurity, MultiServiceKeyOpensBothApisOnlyWhenConfigured) {
  const std::string classify = std::string("/") + kSomeGuid + "/classify/iterations/model/image";
  {
    TestServer plain;
    EXPECT_EQ(trainingSession(plain.endpoint(), "multi").get("/projects").status, 401);
    EXPECT_EQ(predictionSession(plain.endpoint(), "multi").post(classify, "x", "image/png").status, 401);
  }
  server::ServerConfig config;
  config.cognitiveServicesKey = "multi";
  TestServer server(config);
  EXPECT_EQ(trainingSession(server.endpoint(), "multi").get("/projects").status, 200);
  // Past the key check: the project is unknown.
  EXPECT_EQ(predictionSession(server.endpoint(), "multi").post(classify, "x", "image/png").code(), "NotFoundProject");
  // The single-service keys still open only their own API.
  EXPECT_EQ(trainingSession(server.endpoint(), "cvmock-prediction-key").get("/projects").status, 401);
  EXPECT_EQ(predictionSession(server.endpoint(), "cvmock-training-key").post(classify, "x", "image/png").status, 401);
}

// Asks with Expect: 100-continue and never sends the 100 MB body: the refusal must come anyway.
TEST(ApiSecurity, OversizedBodyIsRefusedBeforeItIsSent) {
  TestServer server;
  const int sock = connectLoopback(server.port());
  ASSERT_GE(sock, 0);
  const std::string request = std::string("POST /customvision/v3.0/prediction/") + kSomeGuid +
                              "/classify/iterations/model/image HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                              "Prediction-Key: cvmock-prediction-key\r\nContent-Type: application/octet-stream\r\n"
                              "Content-Length: 104857600\r\nExpect: 100-continue\r\n\r\n";
  ASSERT_EQ(send(sock, request.data(), request.size(), 0), static_cast<ssize_t>(request.size()));
  std::string answer;
  receiveUntil(sock, answer, [](const std::string& text) { return text.find('}') != std::string::npos; });
  close(sock);
  EXPECT_TRUE(answer.starts_with("HTTP/1.1 400")) << answer;
  EXPECT_NE(answer.find("BadRequestImageSizeBytes"), std::string::npos) << answer;
}

TEST(ApiSecurity, BlobPathsMapIdsNeverFiles) {
  TestServer server;
  httplib::Client client(server.endpoint());
  HttpSession training = trainingSession(server.endpoint());
  const std::string projectId = training.post("/projects?name=blobs").json()["id"];
  const std::string blob = "/_cvmock/blobs/i-" + projectId;
  for (const std::string& attempt :
       {std::string("/_cvmock/blobs/../../../../etc/passwd"), std::string("/_cvmock/blobs/%2e%2e/%2e%2e/etc/passwd"),
        std::string("/_cvmock/blobs//etc/passwd"), std::string("/_cvmock/blobs/%2Fetc%2Fpasswd"),
        blob + "/..%2f..%2f..%2fetc%2fpasswd", blob + "/i-../../../etc/passwd", std::string("/etc/passwd"),
        std::string("/_cvmock/blobs/i-..%2F..%2Fcvmock.db/i-x")}) {
    httplib::Result result = client.Get(attempt);
    ASSERT_TRUE(result) << attempt;
    EXPECT_EQ(result->status, 404) << attempt;
    EXPECT_EQ(result->body.find("root:"), std::string::npos) << attempt;
  }
}

class TlsFiles {
 public:
  TlsFiles() : dir_(std::filesystem::temp_directory_path() / ("cvmock-tls-" + std::to_string(getpid()))) {
    std::filesystem::create_directories(dir_);
    const std::string command = "openssl req -x509 -newkey rsa:2048 -nodes -days 1 -subj /CN=127.0.0.1 -keyout " +
                                key() + " -out " + cert() + " > /dev/null 2>&1";
    created_ = std::system(command.c_str()) == 0;
  }
  ~TlsFiles() { std::filesystem::remove_all(dir_); }
  bool created() const { return created_; }
  std::string cert() const { return (dir_ / "cert.pem").string(); }
  std::string key() const { return (dir_ / "key.pem").string(); }

 private:
  std::filesystem::path dir_;
  bool created_ = false;
};

TEST(ApiSecurity, ServesHttpsWithCertAndKey) {
  TlsFiles files;
  ASSERT_TRUE(files.created()) << "needs the openssl command (Debian package openssl)";
  server::ServerConfig config;
  config.certFile = files.cert();
  config.keyFile = files.key();
  TestServer server(config);
  httplib::SSLClient tls("127.0.0.1", server.port());
  tls.enable_server_certificate_verification(false);
  const httplib::Headers key = {{"Training-Key", "cvmock-training-key"}};
  httplib::Result created = tls.Post("/customvision/v3.3/training/projects?name=tls", key, "", "application/json");
  ASSERT_TRUE(created) << httplib::to_string(created.error());
  EXPECT_EQ(created->status, 200);
  httplib::Result listed = tls.Get("/customvision/v3.3/training/projects", key);
  ASSERT_TRUE(listed);
  EXPECT_EQ(nlohmann::json::parse(listed->body).size(), 1u);
  httplib::Client plain(server.endpoint());
  plain.set_read_timeout(2, 0);
  httplib::Result refused = plain.Get("/customvision/v3.3/training/projects", key);
  EXPECT_TRUE(!refused || refused->status != 200);
}

TEST(ApiSecurity, TlsOptionsAreCheckedAtStartUp) {
  auto noEnv = [](const char*) { return std::optional<std::string>(); };
  EXPECT_EQ(server::parseOptions({"--cert", "/tmp/x.pem"}, noEnv).error, "--cert and --key must be given together");
  EXPECT_EQ(server::parseOptions({"--key", "/tmp/x.pem"}, noEnv).error, "--cert and --key must be given together");
  EXPECT_EQ(server::parseOptions({"--cert", "/nonexistent/c.pem", "--key", "/nonexistent/k.pem"}, noEnv).error,
            "cannot read /nonexistent/c.pem");
  TlsFiles files;
  ASSERT_TRUE(files.created());
  const std::string garbage = files.cert() + ".bad";
  std::ofstream(garbage) << "not a certificate";
  server::ServerConfig config;
  config.certFile = garbage;
  config.keyFile = files.key();
  EXPECT_THROW(server::Server{config}, std::runtime_error);
}

TEST(ApiSecurity, MultiServiceKeyAndLimitsFromTheCommandLine) {
  auto env = [](const char* name) {
    return std::string(name) == "CVMOCK_MAX_PREDICTION_IMAGE_BYTES" ? std::optional<std::string>("1000")
                                                                     : std::optional<std::string>();
  };
  const server::ParsedOptions parsed =
      server::parseOptions({"--cognitive-services-key", "k", "--max-training-image-bytes=2000",
                            "--url-allowed-hosts", "127.0.0.1, localhost", "--url-timeout-seconds", "3"},
                           env);
  ASSERT_EQ(parsed.error, "");
  EXPECT_EQ(parsed.config.cognitiveServicesKey, "k");
  EXPECT_EQ(parsed.config.service.limits.maxTrainingImageBytes, 2000u);
  EXPECT_EQ(parsed.config.service.limits.maxPredictionImageBytes, 1000u);
  EXPECT_EQ(parsed.config.urlFetch.allowedHosts, (std::vector<std::string>{"127.0.0.1", "localhost"}));
  EXPECT_EQ(parsed.config.urlFetch.timeoutSeconds, 3);
  EXPECT_NE(server::parseOptions({"--max-prediction-image-bytes", "0"}, env).error, "");
}

}  // namespace
}  // namespace cvmock::testing
