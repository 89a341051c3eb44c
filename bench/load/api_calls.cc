// ApiCalls: plain HTTP against the Training and Prediction routes.
#include "bench/load/api_calls.h"

#include <chrono>
#include <cstdint>
#include <stdexcept>
#include <thread>

namespace cvmock::bench {
namespace {
const httplib::Headers kTraining = {{"Training-Key", "cvmock-training-key"}};
const httplib::Headers kPrediction = {{"Prediction-Key", "cvmock-prediction-key"}};
const std::string kTrainingBase = "/customvision/v3.3/training/projects";
const std::string kGeneralDetection = "da2e3a8a-40a5-4171-82f4-58522f70fbc1";  // the General (object detection) domain
const std::string kResourceId =
    "%2Fsubscriptions%2F00000000-0000-0000-0000-000000000000%2FresourceGroups%2Fcvmock%2Fproviders%2FMicrosoft."
    "CognitiveServices%2Faccounts%2Fcvmock-prediction";

}  // namespace

std::string base64(const std::string& bytes) {
  static constexpr char kAlphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string out;
  out.reserve((bytes.size() + 2) / 3 * 4);
  for (std::size_t i = 0; i < bytes.size(); i += 3) {
    const std::size_t left = bytes.size() - i;
    std::uint32_t group = static_cast<std::uint8_t>(bytes[i]) << 16;
    if (left > 1) group |= static_cast<std::uint8_t>(bytes[i + 1]) << 8;
    if (left > 2) group |= static_cast<std::uint8_t>(bytes[i + 2]);
    out += kAlphabet[(group >> 18) & 63];
    out += kAlphabet[(group >> 12) & 63];
    out += left > 1 ? kAlphabet[(group >> 6) & 63] : '=';
    out += left > 2 ? kAlphabet[group & 63] : '=';
  }
  return out;
}

ApiCalls::ApiCalls(const std::string& endpoint, std::string predictionBase)
    : client_(endpoint), predictionBase_(std::move(predictionBase)) {
  client_.set_keep_alive(true);
  client_.set_tcp_nodelay(true);
  client_.set_read_timeout(std::chrono::seconds(600));
}

nlohmann::json ApiCalls::expectJson(const httplib::Result& result, const std::string& what) {
  if (!result) throw std::runtime_error(what + ": no answer");
  if (result->status >= 300 && result->status != 207) {
    throw std::runtime_error(what + ": HTTP " + std::to_string(result->status) + " " + result->body);
  }
  return nlohmann::json::parse(result->body);
}

std::string ApiCalls::createProject(const std::string& name) {
  return expectJson(client_.Post(kTrainingBase + "?name=" + name + "&classificationType=Multiclass", kTraining, "",
                                 "application/json"),
                    "CreateProject")["id"];
}

std::string ApiCalls::createDetectionProject(const std::string& name) {
  return expectJson(client_.Post(kTrainingBase + "?name=" + name + "&domainId=" + kGeneralDetection, kTraining, "",
                                 "application/json"),
                    "CreateProject")["id"];
}

std::string ApiCalls::createTag(const std::string& projectId, const std::string& name) {
  return expectJson(client_.Post(kTrainingBase + "/" + projectId + "/tags?name=" + name, kTraining, "",
                                 "application/json"),
                    "CreateTag")["id"];
}

int ApiCalls::uploadBatch(const std::string& projectId, const std::string& tagId,
                          const std::vector<std::string>& images) {
  httplib::MultipartFormDataItems parts;
  for (const std::string& image : images) parts.push_back({"imageData", image, "image.jpg", "image/jpeg"});
  const nlohmann::json summary =
      expectJson(client_.Post(kTrainingBase + "/" + projectId + "/images?tagIds=" + tagId, kTraining, parts),
                 "CreateImagesFromData");
  int stored = 0;
  for (const nlohmann::json& result : summary["images"]) stored += result["status"] == "OK";
  return stored;
}

int ApiCalls::uploadFiles(const std::string& projectId, const std::string& tagId,
                          const std::vector<std::string>& images) {
  nlohmann::json body = {{"tagIds", {tagId}}, {"images", nlohmann::json::array()}};
  for (std::size_t i = 0; i < images.size(); ++i) {
    body["images"].push_back({{"name", "image" + std::to_string(i) + ".jpg"}, {"contents", base64(images[i])}});
  }
  const nlohmann::json summary =
      expectJson(client_.Post(kTrainingBase + "/" + projectId + "/images/files", kTraining, body.dump(),
                              "application/json"),
                 "CreateImagesFromFiles");
  int stored = 0;
  for (const nlohmann::json& result : summary["images"]) stored += result["status"] == "OK";
  return stored;
}

std::vector<std::string> ApiCalls::uploadEntries(const std::string& projectId, const nlohmann::json& entries) {
  const nlohmann::json summary =
      expectJson(client_.Post(kTrainingBase + "/" + projectId + "/images/files", kTraining,
                              nlohmann::json{{"images", entries}}.dump(), "application/json"),
                 "CreateImagesFromFiles");
  std::vector<std::string> ids;
  for (const nlohmann::json& result : summary["images"]) {
    if (result["status"] != "OK") throw std::runtime_error("CreateImagesFromFiles: " + result.dump());
    ids.push_back(result["image"]["id"]);
  }
  return ids;
}

std::string ApiCalls::trainAndWait(const std::string& projectId, bool force) {
  const std::string iterationId =
      expectJson(client_.Post(kTrainingBase + "/" + projectId + "/train" + (force ? "?forceTrain=true" : ""),
                              kTraining, "", "application/json"),
                 "TrainProject")["id"];
  while (true) {
    const nlohmann::json iteration =
        expectJson(client_.Get(kTrainingBase + "/" + projectId + "/iterations/" + iterationId, kTraining),
                   "GetIteration");
    if (iteration["status"] == "Completed") return iterationId;
    if (iteration["status"] != "Training") throw std::runtime_error("training ended " + iteration.dump());
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
}

void ApiCalls::publish(const std::string& projectId, const std::string& iterationId, const std::string& name) {
  expectJson(client_.Post(kTrainingBase + "/" + projectId + "/iterations/" + iterationId + "/publish?publishName=" +
                              name + "&predictionId=" + kResourceId,
                          kTraining, "", "application/json"),
             "PublishIteration");
}

int ApiCalls::classifyNoStore(const std::string& projectId, const std::string& name, const std::string& image) {
  const httplib::Result result =
      client_.Post(predictionBase_ + "/" + projectId + "/classify/iterations/" + name + "/image/nostore", kPrediction,
                   httplib::MultipartFormDataItems{{"imageData", image, "image.jpg", "image/jpeg"}});
  return result ? result->status : 0;
}

int ApiCalls::detectNoStore(const std::string& projectId, const std::string& name, const std::string& image) {
  const httplib::Result result =
      client_.Post(predictionBase_ + "/" + projectId + "/detect/iterations/" + name + "/image/nostore", kPrediction,
                   httplib::MultipartFormDataItems{{"imageData", image, "image.jpg", "image/jpeg"}});
  return result ? result->status : 0;
}

int ApiCalls::regionProposals(const std::string& projectId, const std::string& imageId) {
  const httplib::Result result = client_.Post(kTrainingBase + "/" + projectId + "/images/" + imageId + "/regionproposals",
                                              kTraining, "", "application/json");
  return result ? result->status : 0;
}

}  // namespace cvmock::bench
