// Blob paths: each form written by one function and read back by checking that it writes the same text.
#include "mock_server/service/blob_paths.h"

#include <vector>

#include "mock_server/base/ids.h"
#include "mock_server/base/text.h"

namespace cvmock::server {
namespace {

constexpr std::string_view kPredictionContainer = "predictionimages";

// The GUID after a two-character prefix such as "i-".
std::optional<std::string> prefixedGuid(std::string_view segment, std::string_view prefix) {
  if (!segment.starts_with(prefix)) return std::nullopt;
  return normaliseGuid(segment.substr(prefix.size()));
}

std::optional<BlobPath> parseAnyForm(const std::vector<std::string>& parts) {
  if (parts.size() == 3 && parts[0] == kPredictionContainer) {
    std::optional<std::string> projectId = normaliseGuid(parts[1]);
    const bool original = parts[2].starts_with("o-");
    std::optional<std::string> predictionId = prefixedGuid(parts[2], original ? "o-" : "t-");
    if (!projectId || !predictionId) return std::nullopt;
    return BlobPath{original ? BlobKind::PredictionImage : BlobKind::PredictionThumbnail, *projectId, *predictionId};
  }
  if (parts.size() != 2) return std::nullopt;
  if (std::optional<std::string> projectId = prefixedGuid(parts[0], "i-")) {
    const bool original = parts[1].starts_with("i-");
    std::optional<std::string> imageId = prefixedGuid(parts[1], original ? "i-" : "t-");
    if (!imageId) return std::nullopt;
    return BlobPath{original ? BlobKind::Image : BlobKind::Thumbnail, *projectId, *imageId};
  }
  std::optional<std::string> projectId = prefixedGuid(parts[0], "m-");
  const std::vector<std::string> name = splitList(parts[1], '.');
  if (!projectId || name.size() < 3 || name.size() > 4 || name.back() != "zip") return std::nullopt;
  std::optional<std::string> iterationId = normaliseGuid(name[0]);
  if (!iterationId) return std::nullopt;
  return BlobPath{BlobKind::Export, *projectId, *iterationId, name[1], name.size() == 4 ? name[2] : ""};
}

}  // namespace

std::string blobPath(const BlobPath& path) {
  const std::string project = compactGuid(path.projectId);
  const std::string id = compactGuid(path.id);
  switch (path.kind) {
    case BlobKind::Image:
      return "i-" + project + "/i-" + id;
    case BlobKind::Thumbnail:
      return "i-" + project + "/t-" + id;
    case BlobKind::PredictionImage:
      return std::string(kPredictionContainer) + "/" + path.projectId + "/o-" + id;
    case BlobKind::PredictionThumbnail:
      return std::string(kPredictionContainer) + "/" + path.projectId + "/t-" + id;
    case BlobKind::Export:
      break;
  }
  return "m-" + project + "/" + id + "." + path.platform + (path.flavor.empty() ? "" : "." + path.flavor) + ".zip";
}

std::optional<BlobPath> parseBlobPath(std::string_view relativePath) {
  std::optional<BlobPath> path = parseAnyForm(splitList(relativePath, '/'));
  if (!path || blobPath(*path) != relativePath) return std::nullopt;
  return path;
}

}  // namespace cvmock::server
