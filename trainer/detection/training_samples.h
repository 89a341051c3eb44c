// The crops one training image contributes: objects and their jittered copies, background, hard negatives.
#pragma once

#include <Eigen/Core>
#include <cstdint>
#include <vector>

#include "trainer/detection/box.h"
#include "trainer/detection/proposals.h"
#include "trainer/detection/scene.h"
#include "trainer/model.h"

namespace cvmock::trainer::detection {

// A proposal is an object when its IoU with a labelled region reaches this, background below kBackgroundOverlap.
inline constexpr float kObjectOverlap = 0.5f;
inline constexpr float kBackgroundOverlap = 0.3f;
// Box regression learns from object crops that overlap their region at least this much.
inline constexpr float kRegressionOverlap = 0.6f;

// What one image's regions say, in classifier classes.
struct ImageTruth {
  std::vector<Box> boxes;
  std::vector<int> classes;  // per box: its class, or -1 for a region of a tag not trained (never background)
};

// Rows for the classifier and the box regressor.
struct Samples {
  Eigen::MatrixXf features;    // n x featureDimension()
  std::vector<int> classes;    // per row: an object class, or the background class (the class count)
  Eigen::MatrixXf offsets;     // n x 4: from the row's box to its region (zeros for background)
  std::vector<float> overlap;  // per row: IoU with its region (0 for background)

  Eigen::Index rows() const { return features.rows(); }
};

// Each region, kJitteredCopies randomly shifted and scaled copies of it (IoU >= kRegressionOverlap), up to
// kObjectProposalsPerRegion of the proposals that are that object, and up to kInitialBackground proposals drawn
// at random from those that are background. `seed` drives the draws. backgroundClass: the number of object classes.
Samples initialSamples(const Scene& scene, const std::vector<Proposal>& proposals, const ImageTruth& truth,
                       int backgroundClass, std::uint64_t seed);

// Up to kHardNegatives of kMiningCandidates further background proposals (drawn after those initialSamples drew
// with the same seed): those the classifier most believes to be an object (probability of background below
// 0.95; the least background first).
Samples hardNegatives(const Scene& scene, const std::vector<Proposal>& proposals, const ImageTruth& truth,
                      int backgroundClass, std::uint64_t seed, const Model& classifier);

// Most rows initialSamples gives for an image with this many regions of trained tags, and hardNegatives.
int maxInitialSamples(int regionCount);
int maxHardNegatives();

}  // namespace cvmock::trainer::detection
