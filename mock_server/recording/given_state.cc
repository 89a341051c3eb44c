// Building a recording's given state through the API, as its app's tests found it.
#include "mock_server/recording/given_state.h"

#include "fixtures/detection_scenes.h"
#include "fixtures/generator.h"
#include "mock_server/recording/base64_text.h"
#include "mock_server/recording/url_text.h"

namespace cvmock::recording {
namespace {

constexpr const char* kBoundary = "cvmock-verify-upload";
constexpr std::size_t kUploadBatch = 64;  // the service's largest batch
constexpr int kTrainingPolls = 100;
// Small scenes keep a detector's training, which the replay waits for, well under a second.
constexpr int kSceneWidth = 320;
constexpr int kSceneHeight = 240;
constexpr std::uint64_t kSceneSeedsTried = 1000;

std::string multipart(const std::vector<const std::string*>& images) {
  std::string body;
  for (const std::string* image : images) {
    body += std::string("--") + kBoundary +
            "\r\nContent-Disposition: form-data; name=\"imageData\"; filename=\"image\"\r\n"
            "Content-Type: application/octet-stream\r\n\r\n";
    body += *image;
    body += "\r\n";
  }
  return body + "--" + kBoundary + "--\r\n";
}

std::string sceneShape(std::size_t number) {
  const std::vector<std::string> shapes = fixtures::availableClasses();
  return shapes[number % shapes.size()];
}

std::string multipartType() { return std::string("multipart/form-data; boundary=") + kBoundary; }

}  // namespace

GivenState::GivenState(const Json& given, const std::string& cassette, ReplayTarget& target, ReplayImages& images)
    : given_(given), cassette_(cassette), target_(target), images_(images) {
  if (given_.is_null()) return;
  if (!given_.is_object()) fail("", "must be an object");
  const Json projects = given_.value("projects", Json::object());
  if (!projects.is_object()) fail("projects", "must be an object of labelled projects");
  for (const auto& [label, spec] : projects.items()) buildProject(label, spec);
  const Json additions = given_.value("before", Json::object());
  if (!additions.is_object()) fail("before", "must be an object keyed by exchange number");
  const Json urlImages = given_.value("urlImages", Json::object());
  if (!urlImages.is_object()) fail("urlImages", "must be an object of URL: [tag name, ...]");
  for (const auto& [url, tagNames] : urlImages.items()) provideUrlImage(url, tagNames);
}

std::string GivenState::imageUrl(const std::string& recordedUrl) const {
  const auto standIn = urlStandIns_.find(recordedUrl);
  return standIn == urlStandIns_.end() ? images_.urlFor(recordedUrl) : standIn->second;
}

void GivenState::provideUrlImage(const std::string& url, const Json& tagNames) {
  const std::string where = "urlImages." + url;
  if (!tagNames.is_array() || tagNames.empty()) fail(where, "must be a list of tag names");
  std::map<std::string, int> wanted;  // shape -> how many
  for (const Json& name : tagNames) {
    const auto shape = name.is_string() ? sceneShapes_.find(name.get<std::string>()) : sceneShapes_.end();
    if (shape == sceneShapes_.end()) fail(where, "names " + name.dump() + ", not a tag of a detection project");
    ++wanted[shape->second];
  }
  fixtures::DetectionSceneSpec spec;
  spec.classes.clear();
  for (const auto& [shape, count] : wanted) spec.classes.push_back(shape);
  spec.images = 1;
  spec.minObjects = spec.maxObjects = static_cast<int>(tagNames.size());
  spec.width = kSceneWidth;
  spec.height = kSceneHeight;
  // Each object's shape is drawn at random: the first seed whose scene holds exactly the wanted shapes.
  for (spec.seed = 1; spec.seed <= kSceneSeedsTried; ++spec.seed) {
    fixtures::DetectionScene scene = fixtures::generateDetectionScenes(spec).front();
    std::map<std::string, int> held;
    for (const fixtures::SceneObject& o : scene.objects) ++held[o.className];
    if (held != wanted) continue;
    // Under a path of this cassette's own: other cassettes send the same URL and must get their own image.
    const std::size_t scheme = url.find("://");
    const std::string standIn = "given/" + cassette_ + "/" + (scheme == std::string::npos ? url : url.substr(scheme + 3));
    images_.provide(standIn, std::move(scene.bytes));
    urlStandIns_[url] = images_.urlFor(standIn);
    return;
  }
  fail(where, "no generated scene holds exactly those shapes");
}

void GivenState::fail(const std::string& where, const std::string& message) const {
  throw RecordingError("the given state of " + cassette_ + (where.empty() ? "" : ", " + where) + ": " + message);
}

std::vector<std::string> GivenState::upload(const std::string& projectId, std::size_t count, const std::string& tagId) {
  const std::uint64_t series = nextSeries_++;
  std::vector<std::string> ids;
  for (std::size_t first = 0; first < count; first += kUploadBatch) {
    std::vector<const std::string*> batch;
    for (std::size_t i = first; i < std::min(count, first + kUploadBatch); ++i)
      batch.push_back(&images_.image(series, i));
    const std::string query = tagId.empty() ? "" : "?tagIds=" + tagId;
    const Json summary =
        target_.training("POST", "/projects/" + projectId + "/images" + query, multipart(batch), multipartType());
    for (const Json& result : summary.at("images")) ids.push_back(result.at("image").at("id").get<std::string>());
  }
  return ids;
}

std::vector<std::string> GivenState::uploadScenes(const std::string& projectId, std::size_t count,
                                                  const std::string& tagId, std::size_t shape) {
  fixtures::DetectionSceneSpec spec;
  spec.classes = {sceneShape(shape)};
  spec.images = static_cast<int>(count);
  spec.minObjects = spec.maxObjects = 1;
  spec.width = kSceneWidth;
  spec.height = kSceneHeight;
  spec.seed = nextSeries_++ + 1;
  const std::vector<fixtures::DetectionScene> scenes = count == 0 ? std::vector<fixtures::DetectionScene>()
                                                                  : fixtures::generateDetectionScenes(spec);
  std::vector<std::string> ids;
  for (std::size_t first = 0; first < scenes.size(); first += kUploadBatch) {
    Json entries = Json::array();
    for (std::size_t i = first; i < std::min(scenes.size(), first + kUploadBatch); ++i) {
      Json regions = Json::array();
      for (const fixtures::SceneObject& o : scenes[i].objects) {
        regions.push_back({{"tagId", tagId}, {"left", o.left}, {"top", o.top}, {"width", o.width}, {"height", o.height}});
      }
      entries.push_back({{"name", scenes[i].fileName}, {"contents", encodeBase64Text(scenes[i].bytes)},
                         {"regions", std::move(regions)}});
    }
    const Json summary = target_.training("POST", "/projects/" + projectId + "/images/files",
                                          Json{{"images", std::move(entries)}}.dump(), "application/json");
    for (const Json& result : summary.at("images")) ids.push_back(result.at("image").at("id").get<std::string>());
  }
  return ids;
}

bool GivenState::detectionDomain(const std::string& domainId) {
  return !domainId.empty() && target_.training("GET", "/domains/" + domainId).value("type", "") == "ObjectDetection";
}

void GivenState::buildProject(const std::string& label, const Json& spec) {
  const std::string where = "projects." + label;
  if (!spec.is_object()) fail(where, "must be an object");
  auto text = [&](const char* key) {
    if (!spec.contains(key) || spec[key].is_null()) return std::string();
    if (!spec[key].is_string()) fail(where + "." + key, "must be a string");
    return spec[key].get<std::string>();
  };
  auto count = [&](const Json& value, const std::string& at) {
    if (!value.is_number_unsigned()) fail(at, "must be a count");
    return value.get<std::size_t>();
  };
  std::string query = "?name=" + percentEncode(text("name").empty() ? label : text("name"));
  if (!text("domainId").empty()) query += "&domainId=" + text("domainId");
  if (!text("classificationType").empty()) query += "&classificationType=" + text("classificationType");
  const std::string projectId = target_.training("POST", "/projects" + query).at("id").get<std::string>();
  const bool detects = detectionDomain(text("domainId"));
  projects_[label] = projectId;
  pools_["project"].push_back(projectId);

  const Json tags = spec.value("tags", Json::object());
  if (!tags.is_object()) fail(where + ".tags", "must be an object of tag name: image count");
  std::size_t shape = 0;
  for (const auto& [name, images] : tags.items()) {
    const std::size_t imageCount = count(images, where + ".tags." + name);
    const std::string tagId = target_.training("POST", "/projects/" + projectId + "/tags?name=" + percentEncode(name))
                                  .at("id")
                                  .get<std::string>();
    pools_["tag"].push_back(tagId);
    if (detects) sceneShapes_[name] = sceneShape(shape);
    for (std::string& id : detects ? uploadScenes(projectId, imageCount, tagId, shape++)
                                   : upload(projectId, imageCount, tagId)) {
      pools_["image"].push_back(std::move(id));
    }
  }
  if (spec.contains("untaggedImages")) {
    for (std::string& id : upload(projectId, count(spec["untaggedImages"], where + ".untaggedImages"), "")) {
      pools_["image"].push_back(std::move(id));
    }
  }
  if (!spec.value("trained", !tags.empty())) return;
  const std::string iterationId =
      target_.training("POST", "/projects/" + projectId + "/train").at("id").get<std::string>();
  target_.releaseTrainings();
  for (int poll = 0; poll < kTrainingPolls; ++poll) {
    const Json iteration = target_.training("GET", "/projects/" + projectId + "/iterations/" + iterationId);
    if (iteration.at("status") != "Training") break;
    target_.releaseTrainings();
  }
  pools_["iteration"].push_back(iterationId);
  const std::string publishName = text("publishName");
  if (publishName.empty()) return;
  target_.training("POST", "/projects/" + projectId + "/iterations/" + iterationId +
                               "/publish?publishName=" + percentEncode(publishName) +
                               "&predictionId=" + percentEncode(target_.predictionResourceId()));
  const std::size_t stored =
      spec.contains("storedPredictions") ? count(spec["storedPredictions"], where + ".storedPredictions") : 0;
  const std::uint64_t series = nextSeries_++;
  for (std::size_t i = 0; i < stored; ++i) {
    const Json prediction =
        target_.prediction("/" + projectId + (detects ? "/detect" : "/classify") + "/iterations/" +
                               percentEncode(publishName) + "/image",
                           multipart({&images_.image(series, i)}), multipartType());
    pools_["prediction"].push_back(prediction.at("id").get<std::string>());
  }
}

void GivenState::before(int exchange) {
  if (given_.is_null() || !given_.contains("before")) return;
  const Json& additions = given_["before"];
  const std::string key = std::to_string(exchange);
  if (!additions.contains(key)) return;
  const Json& addition = additions[key];
  const std::string where = "before." + key;
  if (!addition.is_object() || !addition.contains("untaggedImages") || !addition["untaggedImages"].is_object()) {
    fail(where, "must be {\"untaggedImages\": {PROJECT LABEL: count}}");
  }
  for (const auto& [label, count] : addition["untaggedImages"].items()) {
    auto project = projects_.find(label);
    if (project == projects_.end()) fail(where + ".untaggedImages", "no given project is labelled " + label);
    if (!count.is_number_unsigned()) fail(where + ".untaggedImages." + label, "must be a count");
    for (std::string& id : upload(project->second, count.get<std::size_t>(), "")) {
      pools_["image"].push_back(std::move(id));
    }
  }
}

}  // namespace cvmock::recording
