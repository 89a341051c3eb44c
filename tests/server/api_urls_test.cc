// The URL operations: images fetched from allowed loopback hosts, refusals that never open a connection.
#include <gtest/gtest.h>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <thread>

#include "fixtures/generator.h"
#include "tests/support/http_session.h"
#include "tests/support/labelled_project.h"
#include "tests/support/test_server.h"

namespace cvmock::testing {
namespace {


// A TCP listener on a loopback address that accepts and counts connections, answering nothing.
class CountingListener {
 public:
  explicit CountingListener(const char* address) : socket_(socket(AF_INET, SOCK_STREAM, 0)) {
    sockaddr_in bound{};
    bound.sin_family = AF_INET;
    inet_pton(AF_INET, address, &bound.sin_addr);
    if (bind(socket_, reinterpret_cast<sockaddr*>(&bound), sizeof bound) != 0 || listen(socket_, 8) != 0) {
      throw std::runtime_error(std::string("cannot listen on ") + address);
    }
    socklen_t length = sizeof bound;
    getsockname(socket_, reinterpret_cast<sockaddr*>(&bound), &length);
    port_ = ntohs(bound.sin_port);
    thread_ = std::thread([this] {
      while (!stop_) {
        pollfd waiting{socket_, POLLIN, 0};
        if (poll(&waiting, 1, 20) <= 0) continue;
        const int accepted = accept(socket_, nullptr, nullptr);
        if (accepted >= 0) {
          ++connections_;
          close(accepted);
        }
      }
    });
  }
  ~CountingListener() {
    stop_ = true;
    thread_.join();
    close(socket_);
  }
  int port() const { return port_; }
  int connections() const { return connections_; }

 private:
  int socket_;
  int port_ = 0;
  std::atomic<bool> stop_{false};
  std::atomic<int> connections_{0};
  std::thread thread_;
};

// An image host on 127.0.0.1: /image.png, a same-host redirect to it, and a redirect to `elsewhere`.
class ImageHost {
 public:
  ImageHost(std::string image, std::string elsewhere) : image_(std::move(image)) {
    server_.Get("/image.png", [this](const httplib::Request&, httplib::Response& response) {
      response.set_content(image_, "image/png");
    });
    server_.Get("/large.png", [this](const httplib::Request&, httplib::Response& response) {
      response.set_content(std::string(5 * 1024 * 1024, 'x'), "image/png");
    });
    server_.Get("/moved", [](const httplib::Request&, httplib::Response& response) {
      response.set_redirect("/image.png");
    });
    server_.Get("/away", [elsewhere](const httplib::Request&, httplib::Response& response) {
      response.set_redirect(elsewhere);
    });
    port_ = server_.bind_to_any_port("127.0.0.1");
    thread_ = std::thread([this] { server_.listen_after_bind(); });
    while (!server_.is_running()) std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
  ~ImageHost() {
    server_.stop();
    thread_.join();
  }
  std::string url(const std::string& path) const { return "http://127.0.0.1:" + std::to_string(port_) + path; }

 private:
  httplib::Server server_;
  std::string image_;
  int port_ = 0;
  std::thread thread_;
};

class ApiUrls : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    server::ServerConfig config;
    config.urlFetch.allowedHosts = {"127.0.0.1"};  // set explicitly: 127.0.0.2 is not allowed
    config.urlFetch.timeoutSeconds = 2;
    server_ = std::make_unique<TestServer>(config);
    fixtures::FixtureSpec spec;
    spec.classes = {"circle", "square"};
    spec.imagesPerClass = 5;
    spec.width = spec.height = 32;
    images_ = fixtures::generateFixtureSet(spec);
    HttpSession training = trainingSession(server_->endpoint());
    project_ = createLabelledProject(training, images_);
    trainAndPublish(training, project_.projectId, "model");
    spec.seed = 99;  // an image not yet in the project
    fresh_ = fixtures::generateFixtureSet(spec).front().bytes;
  }
  static void TearDownTestSuite() { server_.reset(); }

  std::string path(const std::string& rest) const { return "/projects/" + project_.projectId + rest; }
  Reply classify(const std::string& url, const std::string& suffix = "") {
    return prediction.postJson("/" + project_.projectId + "/classify/iterations/model/url" + suffix, {{"url", url}});
  }
  Reply createFromUrls(const std::vector<std::string>& urls) {
    nlohmann::json entries = nlohmann::json::array();
    for (const std::string& url : urls) entries.push_back({{"url", url}});
    return training.postJson(path("/images/urls"), {{"images", entries}, {"tagIds", {project_.tagIds["circle"]}}});
  }

  static inline std::unique_ptr<TestServer> server_;
  static inline std::vector<fixtures::FixtureImage> images_;
  static inline std::string fresh_;
  static inline LabelledProject project_;
  HttpSession training = trainingSession(server_->endpoint());
  HttpSession prediction = predictionSession(server_->endpoint());
};

TEST_F(ApiUrls, DisallowedHostIsRefusedWithoutAnyConnection) {
  CountingListener listener("127.0.0.2");
  const std::string url = "http://127.0.0.2:" + std::to_string(listener.port()) + "/image.png";
  EXPECT_EQ(classify(url).code(), "BadRequestImageUrl");
  EXPECT_EQ(classify(url, "/nostore").code(), "BadRequestImageUrl");
  EXPECT_EQ(training.postJson(path("/quicktest/url"), {{"url", url}}).code(), "BadRequestImageUrl");
  const Reply batch = createFromUrls({url});
  ASSERT_EQ(batch.status, 207) << batch.body;
  EXPECT_EQ(batch.json()["images"][0]["status"], "ErrorSource");
  EXPECT_EQ(batch.json()["images"][0]["sourceUrl"], url);
  std::this_thread::sleep_for(std::chrono::milliseconds(100));
  EXPECT_EQ(listener.connections(), 0);
  EXPECT_EQ(training.get(path("/images/count")).body, "10");
}

TEST_F(ApiUrls, ListenerCountsConnectionsItReceives) {  // the guard of the test above can fail
  CountingListener listener("127.0.0.2");
  httplib::Client direct("127.0.0.2", listener.port());
  direct.set_read_timeout(0, 200000);
  direct.Get("/");
  std::this_thread::sleep_for(std::chrono::milliseconds(100));
  EXPECT_EQ(listener.connections(), 1);
}

TEST_F(ApiUrls, OtherSchemesAndUrlsAreRefused) {
  for (const char* url : {"file:///etc/passwd", "ftp://127.0.0.1/x", "http://user@127.0.0.1/x", "no url"}) {
    EXPECT_EQ(classify(url).code(), "BadRequestImageUrl") << url;
  }
  EXPECT_EQ(classify("").code(), "BadRequestRequiredParamIsNull");
}

TEST_F(ApiUrls, AllowedHostServesTheImage) {
  ImageHost host(fresh_, "");
  const Reply predicted = classify(host.url("/image.png"));
  ASSERT_EQ(predicted.status, 200) << predicted.body;
  EXPECT_EQ(predicted.json()["predictions"].size(), 2u);
  const Reply quick = training.postJson(path("/quicktest/url?store=false"), {{"url", host.url("/moved")}});
  EXPECT_EQ(quick.status, 200) << quick.body;
  const Reply created = createFromUrls({host.url("/image.png")});
  ASSERT_EQ(created.status, 200) << created.body;
  EXPECT_EQ(created.json()["images"][0]["status"], "OK");
  EXPECT_EQ(created.json()["images"][0]["sourceUrl"], host.url("/image.png"));
  EXPECT_EQ(training.get(path("/images/count")).body, "11");
  const std::string imageId = created.json()["images"][0]["image"]["id"];
  EXPECT_EQ(training.del(path("/images?imageIds=" + imageId)).status, 204);
}

TEST_F(ApiUrls, RedirectToAnotherHostIsNotFollowed) {
  CountingListener listener("127.0.0.2");
  ImageHost host(fresh_, "http://127.0.0.2:" + std::to_string(listener.port()) + "/image.png");
  EXPECT_EQ(classify(host.url("/away")).code(), "BadRequestImageUrl");
  std::this_thread::sleep_for(std::chrono::milliseconds(100));
  EXPECT_EQ(listener.connections(), 0);
}

TEST_F(ApiUrls, ImageOverTheLimitStopsTheDownload) {
  ImageHost host(fresh_, "");
  EXPECT_EQ(classify(host.url("/large.png")).code(), "BadRequestImageSizeBytes");
  EXPECT_EQ(classify(host.url("/missing.png")).code(), "BadRequestImageUrl");
}

TEST_F(ApiUrls, DefaultPolicyAllowsOnlyLoopback) {
  TestServer defaults;
  HttpSession session = predictionSession(defaults.endpoint());
  // A name other than localhost is refused without even being looked up.
  const Reply reply = session.postJson("/" + project_.projectId + "/classify/iterations/model/url",
                                       {{"url", "http://example.invalid/image.png"}});
  EXPECT_EQ(reply.code(), "BadRequestImageUrl") << reply.body;
}

}  // namespace
}  // namespace cvmock::testing
