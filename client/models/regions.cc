// The JSON mapping of regions, region batches and region proposals, and the overlap of two boxes.
#include "client/models/regions.h"

#include <algorithm>

#include "client/models/fields.h"

namespace cvmock::client {

namespace {

using fields::defaulted;
using fields::field;

template <class M>
constexpr auto boxOf() {
  return std::make_tuple(field("left", &M::left), field("top", &M::top), field("width", &M::width),
                         field("height", &M::height));
}

constexpr auto kBox = boxOf<BoundingBox>();
constexpr auto kRegion = std::tuple_cat(std::make_tuple(field("tagId", &Region::tagId)), boxOf<Region>());
constexpr auto kImageRegion = std::tuple_cat(
    std::make_tuple(field("regionId", &ImageRegion::regionId), field("tagName", &ImageRegion::tagName),
                    field("created", &ImageRegion::created), field("tagId", &ImageRegion::tagId)),
    boxOf<ImageRegion>());
constexpr auto kCreateEntry = std::tuple_cat(
    std::make_tuple(field("imageId", &ImageRegionCreateEntry::imageId), field("tagId", &ImageRegionCreateEntry::tagId)),
    boxOf<ImageRegionCreateEntry>());
constexpr auto kCreateBatch = std::make_tuple(defaulted("regions", &ImageRegionCreateBatch::regions));
// The spec's own example of CreateImageRegions leaves regionId and created out of its results.
constexpr auto kCreateResult = std::tuple_cat(
    std::make_tuple(field("imageId", &ImageRegionCreateResult::imageId),
                    defaulted("regionId", &ImageRegionCreateResult::regionId),
                    field("tagName", &ImageRegionCreateResult::tagName),
                    defaulted("created", &ImageRegionCreateResult::created),
                    field("tagId", &ImageRegionCreateResult::tagId)),
    boxOf<ImageRegionCreateResult>());
constexpr auto kCreateSummary = std::make_tuple(field("created", &ImageRegionCreateSummary::created),
                                                field("duplicated", &ImageRegionCreateSummary::duplicated),
                                                field("exceeded", &ImageRegionCreateSummary::exceeded));
constexpr auto kProposal = std::make_tuple(field("confidence", &RegionProposal::confidence),
                                           field("boundingBox", &RegionProposal::boundingBox));
constexpr auto kImageProposal = std::make_tuple(field("projectId", &ImageRegionProposal::projectId),
                                                field("imageId", &ImageRegionProposal::imageId),
                                                defaulted("proposals", &ImageRegionProposal::proposals));

}  // namespace

void from_json(const nlohmann::json& j, BoundingBox& box) { fields::read(j, box, kBox); }
void to_json(nlohmann::json& j, const BoundingBox& box) { fields::write(j, box, kBox); }

double intersectionOverUnion(const BoundingBox& a, const BoundingBox& b) {
  const double width = std::min(a.left + a.width, b.left + b.width) - std::max(a.left, b.left);
  const double height = std::min(a.top + a.height, b.top + b.height) - std::max(a.top, b.top);
  if (width <= 0 || height <= 0) return 0;
  const double common = width * height;
  return common / (a.width * a.height + b.width * b.height - common);
}
void from_json(const nlohmann::json& j, Region& region) { fields::read(j, region, kRegion); }
void to_json(nlohmann::json& j, const Region& region) { fields::write(j, region, kRegion); }
void from_json(const nlohmann::json& j, ImageRegion& region) { fields::read(j, region, kImageRegion); }
void to_json(nlohmann::json& j, const ImageRegion& region) { fields::write(j, region, kImageRegion); }
void from_json(const nlohmann::json& j, ImageRegionCreateEntry& entry) { fields::read(j, entry, kCreateEntry); }
void to_json(nlohmann::json& j, const ImageRegionCreateEntry& entry) { fields::write(j, entry, kCreateEntry); }
void from_json(const nlohmann::json& j, ImageRegionCreateBatch& batch) { fields::read(j, batch, kCreateBatch); }
void to_json(nlohmann::json& j, const ImageRegionCreateBatch& batch) { fields::write(j, batch, kCreateBatch); }
void from_json(const nlohmann::json& j, ImageRegionCreateResult& result) { fields::read(j, result, kCreateResult); }
void to_json(nlohmann::json& j, const ImageRegionCreateResult& result) { fields::write(j, result, kCreateResult); }
void from_json(const nlohmann::json& j, ImageRegionCreateSummary& summary) {
  fields::read(j, summary, kCreateSummary);
}
void to_json(nlohmann::json& j, const ImageRegionCreateSummary& summary) {
  fields::write(j, summary, kCreateSummary);
}
void from_json(const nlohmann::json& j, RegionProposal& proposal) { fields::read(j, proposal, kProposal); }
void to_json(nlohmann::json& j, const RegionProposal& proposal) { fields::write(j, proposal, kProposal); }
void from_json(const nlohmann::json& j, ImageRegionProposal& proposal) { fields::read(j, proposal, kImageProposal); }
void to_json(nlohmann::json& j, const ImageRegionProposal& proposal) { fields::write(j, proposal, kImageProposal); }

}  // namespace cvmock::client
