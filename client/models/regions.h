// Object detection's regions: where in an image a tag is, as fractions of the image's width and height.
#pragma once

#include <nlohmann/json_fwd.hpp>
#include <optional>
#include <string>
#include <vector>

namespace cvmock::client {

struct BoundingBox {
  double left = 0;
  double top = 0;
  double width = 0;
  double height = 0;
};
void from_json(const nlohmann::json& j, BoundingBox& box);
void to_json(nlohmann::json& j, const BoundingBox& box);

// Intersection over union of two boxes, in [0, 1]: 0 when they do not overlap (or one has no area). Detection's
// matching rule (a detection finds a region when their IoU reaches the overlap threshold) is written in it.
double intersectionOverUnion(const BoundingBox& a, const BoundingBox& b);

// A region to create with an image (the upload batches' entries).
struct Region {
  std::string tagId{};
  double left = 0;
  double top = 0;
  double width = 0;
  double height = 0;
};
void from_json(const nlohmann::json& j, Region& region);
void to_json(nlohmann::json& j, const Region& region);

// A region as an image carries it.
struct ImageRegion {
  std::string regionId{};
  std::optional<std::string> tagName{};
  std::string created{};
  std::string tagId{};
  double left = 0;
  double top = 0;
  double width = 0;
  double height = 0;
};
void from_json(const nlohmann::json& j, ImageRegion& region);
void to_json(nlohmann::json& j, const ImageRegion& region);

struct ImageRegionCreateEntry {
  std::string imageId{};
  std::string tagId{};
  double left = 0;
  double top = 0;
  double width = 0;
  double height = 0;
};
void from_json(const nlohmann::json& j, ImageRegionCreateEntry& entry);
void to_json(nlohmann::json& j, const ImageRegionCreateEntry& entry);

struct ImageRegionCreateBatch {
  std::vector<ImageRegionCreateEntry> regions{};
};
void from_json(const nlohmann::json& j, ImageRegionCreateBatch& batch);
void to_json(nlohmann::json& j, const ImageRegionCreateBatch& batch);

// regionId and created are "" when the service leaves them out (the spec's example does).
struct ImageRegionCreateResult {
  std::string imageId{};
  std::string regionId{};
  std::optional<std::string> tagName{};
  std::string created{};
  std::string tagId{};
  double left = 0;
  double top = 0;
  double width = 0;
  double height = 0;
};
void from_json(const nlohmann::json& j, ImageRegionCreateResult& result);
void to_json(nlohmann::json& j, const ImageRegionCreateResult& result);

struct ImageRegionCreateSummary {
  std::optional<std::vector<ImageRegionCreateResult>> created{};
  std::optional<std::vector<ImageRegionCreateEntry>> duplicated{};
  std::optional<std::vector<ImageRegionCreateEntry>> exceeded{};
};
void from_json(const nlohmann::json& j, ImageRegionCreateSummary& summary);
void to_json(nlohmann::json& j, const ImageRegionCreateSummary& summary);

struct RegionProposal {
  double confidence = 0;
  BoundingBox boundingBox{};
};
void from_json(const nlohmann::json& j, RegionProposal& proposal);
void to_json(nlohmann::json& j, const RegionProposal& proposal);

struct ImageRegionProposal {
  std::string projectId{};
  std::string imageId{};
  std::vector<RegionProposal> proposals{};
};
void from_json(const nlohmann::json& j, ImageRegionProposal& proposal);
void to_json(nlohmann::json& j, const ImageRegionProposal& proposal);

}  // namespace cvmock::client
