// A cvmock test server with the admin API on, and the calls the simulation tests make to it.
#pragma once

#include <string>
#include <vector>

#include "fixtures/generator.h"
#include "tests/support/http_session.h"
#include "tests/support/test_server.h"

namespace cvmock::testing {

inline constexpr const char* kAdminKey = "test-admin-key";

// ServerConfig with the admin API enabled, `tier` selected and the clock fixed (so rates are deterministic).
inline server::ServerConfig simulationConfig(const std::string& tier = "unlimited",
                                             const std::string& clock = "fixed:2024-01-31T12:00:00Z") {
  server::ServerConfig config;
  config.simulation.tier = *server::simulation::tierProfile(tier);
  config.simulation.clock = clock;
  config.simulation.adminKey = kAdminKey;
  return config;
}

// The admin API: paths below /_cvmock.
class AdminSession {
 public:
  explicit AdminSession(const std::string& endpoint, const std::string& key = kAdminKey) : client_(endpoint) {
    headers_.emplace("Cvmock-Admin-Key", key);
  }
  Reply get(const std::string& path) { return wrap(client_.Get("/_cvmock" + path, headers_)); }
  Reply post(const std::string& path, const nlohmann::json& body = nlohmann::json::object()) {
    return wrap(client_.Post("/_cvmock" + path, headers_, body.dump(), "application/json"));
  }
  Reply put(const std::string& path, const nlohmann::json& body) {
    return wrap(client_.Put("/_cvmock" + path, headers_, body.dump(), "application/json"));
  }
  Reply del(const std::string& path) { return wrap(client_.Delete("/_cvmock" + path, headers_)); }

 private:
  static Reply wrap(const httplib::Result& result) {
    if (!result) throw std::runtime_error("no answer from the test server: " + httplib::to_string(result.error()));
    return {result->status, result->body, result->headers};
  }

  httplib::Client client_;
  httplib::Headers headers_;
};

// A Multiclass project with two tags of five small images each: the least a training accepts.
inline std::string createTrainableProject(HttpSession& training) {
  const std::string projectId = training.post("/projects?name=sim&classificationType=Multiclass").json()["id"];
  fixtures::FixtureSpec spec;
  spec.classes = {"circle", "square"};
  spec.imagesPerClass = 5;
  spec.width = spec.height = 64;
  const std::vector<fixtures::FixtureImage> images = fixtures::generateFixtureSet(spec);
  for (const std::string& name : spec.classes) {
    const std::string tagId = training.post("/projects/" + projectId + "/tags?name=" + name).json()["id"];
    std::vector<std::string> bytes;
    for (const fixtures::FixtureImage& image : images) {
      if (image.className == name) bytes.push_back(image.bytes);
    }
    training.postImages("/projects/" + projectId + "/images?tagIds=" + tagId, bytes);
  }
  return projectId;
}

}  // namespace cvmock::testing
