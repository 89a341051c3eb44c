// An exported object detector: the manifest's model and detection pipeline (every setting its boxes depend on),
// and how to run it.
#include "mock_server/service/export_archive.h"
#include "mock_server/service/export_model_description.h"
#include "trainer/detection/detector.h"
#include "trainer/detection/detector_settings.h"
#include "trainer/features.h"
#include "trainer/preprocess.h"

namespace cvmock::server {
namespace {

using trainer::detection::DetectorSettings;

ManifestJson segmentation(const trainer::detection::SegmentationOptions& options) {
  return {{"k", options.k}, {"minRegionSize", options.minRegionSize}};
}

// Detector::deserialize refuses a detector recorded with settings other than kDetectorSettings, so these are
// the settings of the exported detector as well as of the library that loads it.
ManifestJson detectionPipeline(const DetectorSettings& settings) {
  return {
      {"entryPoint", "cvmock::trainer::detection::Detector::detect (trainer/detection/detector.h)"},
      {"decode", "JPEG, PNG, BMP or GIF; EXIF orientation applied; RGB"},
      {"scene", {{"longSide", settings.sceneSide},
                 {"levels", settings.sceneLevels},
                 {"method", "aspect ratio kept; each level half the size of the one before"}}},
      {"proposals",
       {{"method", "selective search: graph segmentation (Felzenszwalb-Huttenlocher, RGB distance, 8 neighbours) "
                   "at two scales, regions merged greedily by colour, size and fill"},
        {"level", settings.proposalLevel},
        {"fineSegmentation", segmentation(settings.fineSegmentation)},
        {"coarseSegmentation", segmentation(settings.coarseSegmentation)},
        {"score", "superpixel straddling on the coarse segmentation"},
        {"duplicateOverlap", settings.duplicateProposalOverlap},
        {"maxProposals", settings.maxProposals}}},
      {"crops", {{"context", settings.cropContext},
                 {"width", trainer::kWorkingSize},
                 {"height", trainer::kWorkingSize},
                 {"featureDimension", trainer::featureDimension()},
                 {"families", featureFamilies()}}},
      {"detections",
       {{"minProbability", settings.minDetectionProbability},
        {"suppression", {{"method", "non-maximum suppression per tag"}, {"overlap", settings.suppressionOverlap}}},
        {"maxDetections", settings.maxDetections},
        {"order", "most probable first"}}},
  };
}

}  // namespace

ExportedModelDescription describeDetector(const IterationRecord& iteration) {
  const trainer::detection::Detector detector = trainer::detection::Detector::deserialize(iteration.model);
  const std::vector<int>& classes = detector.tags();
  ExportedModelDescription description;
  description.model = {
      {"file", kExportModelEntry},
      {"format", "cvmock object detector (trainer::detection::Detector::serialize)"},
      {"featureCount", trainer::featureDimension()},
      {"classes", classes},
      {"classifier", {{"outputs", classes.size() + 1},
                      {"output", "softmax over the classes (tag indices in 'classes') and background, last"}}},
      {"boxRegressor", {{"outputsPerClass", 4},
                        {"output", "R-CNN offsets: centre shifts in box widths and heights, log size ratios"}}},
      {"output", "detections: tag (index into tags and labels.txt), box (left, top, width, height as fractions "
                 "of the image), probability"}};
  description.pipeline = detectionPipeline(trainer::detection::kDetectorSettings);
  description.pipelineKey = "detectionPipeline";
  description.usage =
      "To detect, link cvmock's trainer library and run:\n\n"
      "    auto detector = cvmock::trainer::detection::Detector::deserialize(modelBytes);\n"
      "    std::vector<cvmock::trainer::detection::Detection> found = detector.detect(imageBytes);\n\n"
      "Each detection's tag is a line of labels.txt; its box and probability equal what DetectImage answers\n"
      "for this iteration.";
  return description;
}

}  // namespace cvmock::server
