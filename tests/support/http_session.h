// Plain HTTP calls to a cvmock API for tests, so the wire itself (statuses, headers, bodies) is asserted.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include <httplib.h>
#undef _res  // see mock_server/http.h
#include <nlohmann/json.hpp>

namespace cvmock::testing {

struct Reply {
  int status = 0;
  std::string body;
  httplib::Headers headers;

  nlohmann::json json() const { return body.empty() ? nlohmann::json() : nlohmann::json::parse(body); }
  std::string header(const std::string& name) const {
    auto it = headers.find(name);
    return it == headers.end() ? "" : it->second;
  }
  // The service error code of an error body ({"code": ...}), or the gateway's ({"error": {"code": ...}}).
  std::string code() const {
    const nlohmann::json body = json();
    if (body.contains("error")) return body["error"]["code"].get<std::string>();
    return body.value("code", "");
  }
};

// One API (base path + key header); paths passed to the calls are relative to the base.
class HttpSession {
 public:
  HttpSession(const std::string& endpoint, std::string basePath, std::string keyHeader, std::string key)
      : client_(endpoint), base_(std::move(basePath)) {
    if (!keyHeader.empty()) headers_.emplace(std::move(keyHeader), std::move(key));
  }

  Reply get(const std::string& path) { return wrap(client_.Get(base_ + path, headers_)); }
  Reply post(const std::string& path, const std::string& body = "", const std::string& type = "application/json") {
    return wrap(client_.Post(base_ + path, headers_, body, type));
  }
  Reply postJson(const std::string& path, const nlohmann::json& body) { return post(path, body.dump()); }
  Reply patchJson(const std::string& path, const nlohmann::json& body) {
    return wrap(client_.Patch(base_ + path, headers_, body.dump(), "application/json"));
  }
  Reply del(const std::string& path) { return wrap(client_.Delete(base_ + path, headers_)); }
  // multipart/form-data with one "imageData" part per image.
  Reply postImages(const std::string& path, const std::vector<std::string>& images) {
    httplib::MultipartFormDataItems items;
    for (std::size_t i = 0; i < images.size(); ++i) {
      items.push_back({"imageData", images[i], "image" + std::to_string(i) + ".bin", "application/octet-stream"});
    }
    return wrap(client_.Post(base_ + path, headers_, items));
  }

 private:
  static Reply wrap(const httplib::Result& result) {
    if (!result) throw std::runtime_error("no answer from the test server: " + httplib::to_string(result.error()));
    return {result->status, result->body, result->headers};
  }

  httplib::Client client_;
  std::string base_;
  httplib::Headers headers_;
};

inline HttpSession trainingSession(const std::string& endpoint, const std::string& key = "cvmock-training-key",
                                   const std::string& version = "v3.3") {
  return HttpSession(endpoint, "/customvision/" + version + "/training", "Training-Key", key);
}

inline HttpSession predictionSession(const std::string& endpoint, const std::string& key = "cvmock-prediction-key",
                                     const std::string& version = "v3.0") {
  return HttpSession(endpoint, "/customvision/" + version + "/prediction", "Prediction-Key", key);
}

}  // namespace cvmock::testing
