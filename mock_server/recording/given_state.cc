// Building a recording's given state through the API, as its app's tests found it.
#include "mock_server/recording/given_state.h"

#include "mock_server/recording/url_text.h"

namespace cvmock::recording {
namespace {

constexpr const char* kBoundary = "cvmock-verify-upload";
constexpr std::size_t kUploadBatch = 64;  // the service's largest batch
constexpr int kTrainingPolls = 100;

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
  projects_[label] = projectId;
  pools_["project"].push_back(projectId);

  const Json tags = spec.value("tags", Json::object());
  if (!tags.is_object()) fail(where + ".tags", "must be an object of tag name: image count");
  for (const auto& [name, images] : tags.items()) {
    const std::size_t imageCount = count(images, where + ".tags." + name);
    const std::string tagId = target_.training("POST", "/projects/" + projectId + "/tags?name=" + percentEncode(name))
                                  .at("id")
                                  .get<std::string>();
    pools_["tag"].push_back(tagId);
    for (std::string& id : upload(projectId, imageCount, tagId)) pools_["image"].push_back(std::move(id));
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
        target_.prediction("/" + projectId + "/classify/iterations/" + percentEncode(publishName) + "/image",
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
