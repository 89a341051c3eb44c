// Column codecs for the SQLite store: ticks, raw float bytes and compact JSON arrays.
#include "mock_server/store/sqlite_codec.h"

#include <cstring>

#include <nlohmann/json.hpp>

namespace cvmock::server::sqlite {
namespace {

using Json = nlohmann::json;

Json encodeBox(const BoxRecord& box) { return Json::array({box.left, box.top, box.width, box.height}); }

// Reads the four numbers of a box starting at `at`.
BoxRecord decodeBox(const Json& numbers, std::size_t at) {
  return {numbers.at(at).get<float>(), numbers.at(at + 1).get<float>(), numbers.at(at + 2).get<float>(),
          numbers.at(at + 3).get<float>()};
}

}  // namespace

std::int64_t toTicks(TimePoint time) { return static_cast<std::int64_t>(time.time_since_epoch().count()); }

TimePoint fromTicks(std::int64_t ticks) { return TimePoint(TimePoint::duration(ticks)); }

std::span<const std::byte> floatBytes(const std::vector<float>& values) { return std::as_bytes(std::span(values)); }

std::vector<float> floatsFromBlob(const std::string& blob) {
  std::vector<float> values(blob.size() / sizeof(float));
  if (!values.empty()) std::memcpy(values.data(), blob.data(), values.size() * sizeof(float));
  return values;
}

std::span<const std::byte> stringBytes(const std::string& bytes) { return std::as_bytes(std::span(bytes)); }

std::string encodeStrings(const std::vector<std::string>& values) { return Json(values).dump(); }

std::vector<std::string> decodeStrings(const std::string& json) {
  return Json::parse(json).get<std::vector<std::string>>();
}

std::string encodeMetadata(const std::map<std::string, std::string>& metadata) { return Json(metadata).dump(); }

std::map<std::string, std::string> decodeMetadata(const std::string& json) {
  return Json::parse(json).get<std::map<std::string, std::string>>();
}

std::string encodeTrainedTags(const std::vector<TrainedTag>& tags) {
  Json out = Json::array();
  for (const TrainedTag& tag : tags) out.push_back({tag.id, tag.name, toStored(tag.type), tag.imageCount});
  return out.dump();
}

std::vector<TrainedTag> decodeTrainedTags(const std::string& json) {
  std::vector<TrainedTag> tags;
  for (const Json& t : Json::parse(json)) {
    tags.push_back({t.at(0).get<std::string>(), t.at(1).get<std::string>(), fromStored(kTagTypeNames, t.at(2).get<std::int64_t>()),
                    t.at(3).get<int>()});
  }
  return tags;
}

std::string encodeHoldout(const std::vector<HoldoutImage>& holdout) {
  Json out = Json::array();
  for (const HoldoutImage& image : holdout) {
    Json entry = {image.imageId, image.labels, image.probabilities};
    // A detector's holdout adds its regions [tag, box...] and detections [tag, box..., probability].
    if (!image.regions.empty() || !image.detections.empty()) {
      Json regions = Json::array();
      for (const HoldoutRegion& r : image.regions) {
        Json row = encodeBox(r.box);
        row.insert(row.begin(), r.tag);
        regions.push_back(std::move(row));
      }
      Json detections = Json::array();
      for (const HoldoutDetection& d : image.detections) {
        Json row = encodeBox(d.box);
        row.insert(row.begin(), d.tag);
        row.push_back(d.probability);
        detections.push_back(std::move(row));
      }
      entry.push_back(std::move(regions));
      entry.push_back(std::move(detections));
    }
    out.push_back(std::move(entry));
  }
  return out.dump();
}

std::vector<HoldoutImage> decodeHoldout(const std::string& json) {
  std::vector<HoldoutImage> holdout;
  for (const Json& h : Json::parse(json)) {
    HoldoutImage image{h.at(0).get<std::string>(), h.at(1).get<std::vector<int>>(),
                       h.at(2).get<std::vector<float>>(), {}, {}};
    if (h.size() > 3) {
      for (const Json& r : h.at(3)) image.regions.push_back({r.at(0).get<int>(), decodeBox(r, 1)});
      for (const Json& d : h.at(4)) image.detections.push_back({d.at(0).get<int>(), decodeBox(d, 1), d.at(5).get<float>()});
    }
    holdout.push_back(std::move(image));
  }
  return holdout;
}

std::string encodePredictionEntries(const std::vector<PredictionEntry>& entries) {
  Json out = Json::array();
  for (const PredictionEntry& e : entries) {
    Json entry = {e.tagId, e.tagName, toStored(e.tagType), e.probability};
    if (e.boundingBox) entry.push_back(encodeBox(*e.boundingBox));
    out.push_back(std::move(entry));
  }
  return out.dump();
}

std::vector<PredictionEntry> decodePredictionEntries(const std::string& json) {
  std::vector<PredictionEntry> entries;
  for (const Json& e : Json::parse(json)) {
    PredictionEntry entry{e.at(0).get<std::string>(), e.at(1).get<std::string>(),
                          fromStored(kTagTypeNames, e.at(2).get<std::int64_t>()), e.at(3).get<float>(), std::nullopt};
    if (e.size() > 4) entry.boundingBox = decodeBox(e.at(4), 0);
    entries.push_back(std::move(entry));
  }
  return entries;
}

}  // namespace cvmock::server::sqlite
