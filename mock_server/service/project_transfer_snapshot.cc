// The snapshot codec: records as CBOR maps, bytes and float vectors as CBOR byte strings, times as clock ticks.
#include "mock_server/service/project_transfer_snapshot.h"

#include <cstring>
#include <stdexcept>

#include <nlohmann/json.hpp>

namespace cvmock::server {
namespace {

using Json = nlohmann::json;
constexpr int kSnapshotVersion = 1;

std::int64_t ticks(TimePoint time) { return time.time_since_epoch().count(); }
TimePoint fromTicks(std::int64_t value) { return TimePoint(TimePoint::duration(value)); }

Json binary(const std::string& bytes) { return Json::binary(std::vector<std::uint8_t>(bytes.begin(), bytes.end())); }
std::string fromBinary(const Json& value) {
  const auto& bytes = value.get_binary();
  return std::string(bytes.begin(), bytes.end());
}

Json floats(const std::vector<float>& values) {
  std::string bytes(values.size() * sizeof(float), '\0');
  if (!values.empty()) std::memcpy(bytes.data(), values.data(), bytes.size());
  return binary(bytes);
}
std::vector<float> toFloats(const Json& value) {
  const std::string bytes = fromBinary(value);
  if (bytes.size() % sizeof(float) != 0) throw std::runtime_error("snapshot: a float vector of odd length");
  std::vector<float> out(bytes.size() / sizeof(float));
  if (!out.empty()) std::memcpy(out.data(), bytes.data(), bytes.size());
  return out;
}

// A box as its four floats' exact bytes.
Json encodeBox(const BoxRecord& box) { return floats({box.left, box.top, box.width, box.height}); }
BoxRecord decodeBox(const Json& value) {
  const std::vector<float> v = toFloats(value);
  if (v.size() != 4) throw std::runtime_error("snapshot: a box without four numbers");
  return {v[0], v[1], v[2], v[3]};
}

Json optionalText(const std::optional<std::string>& text) { return text ? Json(*text) : Json(nullptr); }
std::optional<std::string> toOptionalText(const Json& value) {
  return value.is_null() ? std::nullopt : std::optional<std::string>(value.get<std::string>());
}

Json encodeProject(const ProjectRecord& p) {
  return {{"id", p.id}, {"name", p.name}, {"description", p.description}, {"domainId", p.domainId},
          {"classificationType", static_cast<int>(p.classificationType)},
          {"targetExportPlatforms", p.targetExportPlatforms}, {"created", ticks(p.created)},
          {"lastModified", ticks(p.lastModified)}, {"revision", p.revision},
          {"iterationsCreated", p.iterationsCreated}};
}
ProjectRecord decodeProject(const Json& j) {
  ProjectRecord p;
  p.id = j.at("id");
  p.name = j.at("name");
  p.description = j.at("description");
  p.domainId = j.at("domainId");
  p.classificationType = static_cast<ClassificationType>(j.at("classificationType").get<int>());
  p.targetExportPlatforms = j.at("targetExportPlatforms").get<std::vector<std::string>>();
  p.created = fromTicks(j.at("created"));
  p.lastModified = fromTicks(j.at("lastModified"));
  p.revision = j.at("revision");
  p.iterationsCreated = j.at("iterationsCreated");
  return p;
}

Json encodeTag(const TagRecord& t) {
  return {{"id", t.id}, {"name", t.name}, {"description", optionalText(t.description)},
          {"type", static_cast<int>(t.type)}};
}
TagRecord decodeTag(const Json& j, const std::string& projectId) {
  return {j.at("id"), projectId, j.at("name"), toOptionalText(j.at("description")),
          static_cast<TagType>(j.at("type").get<int>())};
}

Json encodeImage(const NewImage& image) {
  const ImageRecord& r = image.record;
  Json tags = Json::array();
  for (const ImageTagRecord& t : r.tags) tags.push_back({{"tagId", t.tagId}, {"created", ticks(t.created)}});
  Json regions = Json::array();
  for (const ImageRegionRecord& g : r.regions) {
    regions.push_back({{"regionId", g.regionId}, {"tagId", g.tagId}, {"box", encodeBox(g.box)},
                       {"created", ticks(g.created)}});
  }
  return {{"id", r.id}, {"created", ticks(r.created)}, {"width", r.width}, {"height", r.height},
          {"tags", std::move(tags)}, {"regions", std::move(regions)}, {"metadata", r.metadata},
          {"contentHash", r.contentHash}, {"bytes", binary(image.bytes)}, {"features", floats(image.features)}};
}
NewImage decodeImage(const Json& j, const std::string& projectId) {
  NewImage image;
  ImageRecord& r = image.record;
  r.id = j.at("id");
  r.projectId = projectId;
  r.created = fromTicks(j.at("created"));
  r.width = j.at("width");
  r.height = j.at("height");
  for (const Json& t : j.at("tags")) r.tags.push_back({t.at("tagId"), fromTicks(t.at("created"))});
  // Snapshots taken before regions existed have none.
  for (const Json& g : j.value("regions", Json::array())) {
    r.regions.push_back({g.at("regionId"), g.at("tagId"), decodeBox(g.at("box")), fromTicks(g.at("created"))});
  }
  r.metadata = j.at("metadata").get<std::map<std::string, std::string>>();
  r.contentHash = j.at("contentHash");
  image.bytes = fromBinary(j.at("bytes"));
  image.features = toFloats(j.at("features"));
  return image;
}

Json encodeIteration(const IterationRecord& it) {
  Json tags = Json::array();
  for (const TrainedTag& t : it.tags) {
    tags.push_back({{"id", t.id}, {"name", t.name}, {"type", static_cast<int>(t.type)}, {"imageCount", t.imageCount}});
  }
  Json holdout = Json::array();
  for (const HoldoutImage& h : it.holdout) {
    Json regions = Json::array();
    for (const HoldoutRegion& r : h.regions) regions.push_back({{"tag", r.tag}, {"box", encodeBox(r.box)}});
    Json detections = Json::array();
    for (const HoldoutDetection& d : h.detections) {
      detections.push_back({{"tag", d.tag}, {"box", encodeBox(d.box)}, {"probability", d.probability}});
    }
    holdout.push_back({{"imageId", h.imageId}, {"labels", h.labels}, {"probabilities", floats(h.probabilities)},
                       {"regions", std::move(regions)}, {"detections", std::move(detections)}});
  }
  return {{"id", it.id}, {"name", it.name}, {"status", static_cast<int>(it.status)},
          {"created", ticks(it.created)}, {"lastModified", ticks(it.lastModified)},
          {"trainedAt", it.trainedAt ? Json(ticks(*it.trainedAt)) : Json(nullptr)},
          {"domainId", it.domainId}, {"classificationType", static_cast<int>(it.classificationType)},
          {"trainingType", it.trainingType}, {"reservedBudgetInHours", it.reservedBudgetInHours},
          {"trainingTimeInMinutes", it.trainingTimeInMinutes}, {"publishName", optionalText(it.publishName)},
          {"publishResourceId", optionalText(it.publishResourceId)}, {"trainedRevision", it.trainedRevision},
          {"tags", std::move(tags)}, {"model", binary(it.model)}, {"holdout", std::move(holdout)},
          {"failure", optionalText(it.failure)}};
}
IterationRecord decodeIteration(const Json& j, const std::string& projectId) {
  IterationRecord it;
  it.id = j.at("id");
  it.projectId = projectId;
  it.name = j.at("name");
  it.status = static_cast<IterationStatus>(j.at("status").get<int>());
  it.created = fromTicks(j.at("created"));
  it.lastModified = fromTicks(j.at("lastModified"));
  if (!j.at("trainedAt").is_null()) it.trainedAt = fromTicks(j.at("trainedAt"));
  it.domainId = j.at("domainId");
  it.classificationType = static_cast<ClassificationType>(j.at("classificationType").get<int>());
  it.trainingType = j.at("trainingType");
  it.reservedBudgetInHours = j.at("reservedBudgetInHours");
  it.trainingTimeInMinutes = j.at("trainingTimeInMinutes");
  it.publishName = toOptionalText(j.at("publishName"));
  it.publishResourceId = toOptionalText(j.at("publishResourceId"));
  it.trainedRevision = j.at("trainedRevision");
  for (const Json& t : j.at("tags")) {
    it.tags.push_back({t.at("id"), t.at("name"), static_cast<TagType>(t.at("type").get<int>()), t.at("imageCount")});
  }
  it.model = fromBinary(j.at("model"));
  for (const Json& h : j.at("holdout")) {
    HoldoutImage held{h.at("imageId"), h.at("labels").get<std::vector<int>>(), toFloats(h.at("probabilities")), {}, {}};
    for (const Json& r : h.value("regions", Json::array())) held.regions.push_back({r.at("tag"), decodeBox(r.at("box"))});
    for (const Json& d : h.value("detections", Json::array())) {
      held.detections.push_back({d.at("tag"), decodeBox(d.at("box")), d.at("probability")});
    }
    it.holdout.push_back(std::move(held));
  }
  it.failure = toOptionalText(j.at("failure"));
  return it;
}

}  // namespace

std::string encodeSnapshot(const ProjectSnapshot& snapshot) {
  Json tags = Json::array();
  for (const TagRecord& t : snapshot.tags) tags.push_back(encodeTag(t));
  Json images = Json::array();
  for (const NewImage& i : snapshot.images) images.push_back(encodeImage(i));
  Json iterations = Json::array();
  for (const IterationRecord& it : snapshot.iterations) iterations.push_back(encodeIteration(it));
  const Json document = {{"version", kSnapshotVersion}, {"project", encodeProject(snapshot.project)},
                         {"tags", std::move(tags)}, {"images", std::move(images)},
                         {"iterations", std::move(iterations)}};
  const std::vector<std::uint8_t> bytes = Json::to_cbor(document);
  return std::string(bytes.begin(), bytes.end());
}

ProjectSnapshot decodeSnapshot(std::string_view bytes) {
  const Json document = Json::from_cbor(bytes.begin(), bytes.end());
  if (!document.is_object() || document.value("version", 0) != kSnapshotVersion) {
    throw std::runtime_error("snapshot: unknown format");
  }
  ProjectSnapshot snapshot;
  snapshot.project = decodeProject(document.at("project"));
  const std::string& projectId = snapshot.project.id;
  for (const Json& t : document.at("tags")) snapshot.tags.push_back(decodeTag(t, projectId));
  for (const Json& i : document.at("images")) snapshot.images.push_back(decodeImage(i, projectId));
  for (const Json& it : document.at("iterations")) snapshot.iterations.push_back(decodeIteration(it, projectId));
  return snapshot;
}

}  // namespace cvmock::server
