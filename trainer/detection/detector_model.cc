// A detector's fitted parts at work: classify each proposal, refine its box per tag, suppress duplicates.
#include "trainer/detection/detector_model.h"

#include <algorithm>
#include <numeric>
#include <stdexcept>
#include <utility>

#include "trainer/detection/crop_features.h"

namespace cvmock::trainer::detection {

Eigen::MatrixXf featuresOfBoxes(const Scene& scene, const std::vector<Box>& boxes) {
  Eigen::MatrixXf features(static_cast<Eigen::Index>(boxes.size()), featureDimension());
  for (std::size_t i = 0; i < boxes.size(); ++i) {
    features.row(static_cast<Eigen::Index>(i)) = cropFeatures(scene, boxes[i]).transpose();
  }
  return features;
}

DetectorModel::DetectorModel(std::vector<int> tags, Model classifier, BoxRegressor regressor)
    : tags_(std::move(tags)), classifier_(std::move(classifier)), regressor_(std::move(regressor)) {
  const int classes = static_cast<int>(tags_.size());
  if (classes < 1 || classifier_.type() != ClassificationType::Multiclass || classifier_.tagCount() != classes + 1 ||
      regressor_.classCount() != classes || regressor_.weights.rows() != classifier_.featureCount() ||
      regressor_.standardization.mean.size() != classifier_.featureCount() ||
      regressor_.standardization.scale.size() != classifier_.featureCount()) {
    throw std::invalid_argument("detector parts have inconsistent sizes");
  }
}

std::vector<Detection> DetectorModel::detect(const Scene& scene) const {
  const std::vector<Proposal> proposals = proposeRegions(scene);
  std::vector<Box> boxes;
  for (const Proposal& proposal : proposals) boxes.push_back(proposal.box);
  return detect(proposals, featuresOfBoxes(scene, boxes));
}

std::vector<Detection> DetectorModel::detect(const std::vector<Proposal>& proposals,
                                             const Eigen::MatrixXf& features) const {
  if (proposals.empty()) return {};
  const Eigen::MatrixXf probabilities = classifier_.predictBatch(features);
  const Eigen::MatrixXf offsets = regressor_.predict(features);
  std::vector<Detection> detections;
  for (int c = 0; c < static_cast<int>(tags_.size()); ++c) {
    std::vector<Box> boxes;
    std::vector<float> scores;
    for (Eigen::Index p = 0; p < probabilities.rows(); ++p) {
      if (probabilities(p, c) < kMinDetectionProbability) continue;
      const Eigen::Vector4f shift = offsets.block<1, 4>(p, 4 * c).transpose();
      const Box refined = clampToImage(applyOffsets(proposals[static_cast<std::size_t>(p)].box, shift));
      if (refined.area() <= 0) continue;
      boxes.push_back(refined);
      scores.push_back(probabilities(p, c));
    }
    for (const int kept : nonMaximumSuppression(boxes, scores, kSuppressionOverlap)) {
      detections.push_back({tags_[static_cast<std::size_t>(c)], boxes[kept], scores[kept]});
    }
  }
  std::stable_sort(detections.begin(), detections.end(),
                   [](const Detection& a, const Detection& b) { return a.probability > b.probability; });
  if (detections.size() > kMaxDetections) detections.resize(kMaxDetections);
  return detections;
}

}  // namespace cvmock::trainer::detection
