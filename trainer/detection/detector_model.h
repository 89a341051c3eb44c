// The fitted parts of a detector and how they turn a decoded scene into detections.
#pragma once

#include <Eigen/Core>
#include <vector>

#include "trainer/detection/box_regression.h"
#include "trainer/detection/detector.h"
#include "trainer/detection/proposals.h"
#include "trainer/detection/scene.h"
#include "trainer/model.h"

namespace cvmock::trainer::detection {

// Per tag, detections overlapping a more probable one by more than this are dropped.
inline constexpr float kSuppressionOverlap = 0.3f;
inline constexpr float kMinDetectionProbability = 0.01f;
inline constexpr int kMaxDetections = 200;

// The features of each box of the scene, one row per box.
Eigen::MatrixXf featuresOfBoxes(const Scene& scene, const std::vector<Box>& boxes);

class DetectorModel {
 public:
  // classifier: Multiclass over tags.size() + 1 outputs, the last being background; regressor: tags.size()
  // classes. Throws std::invalid_argument when the parts disagree in size or the classifier is not Multiclass.
  DetectorModel(std::vector<int> tags, Model classifier, BoxRegressor regressor);

  const std::vector<int>& tags() const { return tags_; }
  const Model& classifier() const { return classifier_; }
  const BoxRegressor& regressor() const { return regressor_; }

  // Detector::detect's contract, on a decoded scene.
  std::vector<Detection> detect(const Scene& scene) const;
  // The same from the scene's proposals and their features (rows in the order of the proposals).
  std::vector<Detection> detect(const std::vector<Proposal>& proposals, const Eigen::MatrixXf& features) const;

 private:
  std::vector<int> tags_;
  Model classifier_;
  BoxRegressor regressor_;
};

}  // namespace cvmock::trainer::detection
