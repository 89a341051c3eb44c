// Training a detector: holdout split, crops per image, a classifier fit, hard-negative mining, a refit, box
// regression, detections on the holdout, then the final fit on every image.
#include "trainer/detection/detector_training.h"

#include <algorithm>
#include <stdexcept>

#include "trainer/detection/box_regression.h"
#include "trainer/detection/detector_model.h"
#include "trainer/detection/training_samples.h"
#include "trainer/features.h"
#include "trainer/holdout.h"
#include "trainer/linear_fit.h"
#include "trainer/parallel_tasks.h"

namespace cvmock::trainer::detection {
namespace {

// The classifier's L2 penalty, as for classification (trainer/ACCURACY.md).
constexpr double kClassifierL2 = 1e-4;
// The box regressor's ridge penalty on standardised, block-weighted features.
constexpr double kRegressionLambda = 10.0;

void requireTrainable(const DetectorTrainingData& data, const DetectorTrainingOptions& options) {
  if (data.images.size() < 2) throw std::invalid_argument("training needs at least 2 images");
  if (!(options.holdoutFraction >= 0 && options.holdoutFraction < 1)) {
    throw std::invalid_argument("holdout fraction must be in [0, 1)");
  }
  for (const int tag : options.selectedTags) {
    if (tag < 0 || tag >= data.tagCount) throw std::invalid_argument("selected tag index out of range");
  }
  for (const DetectionImage& image : data.images) {
    for (const Region& region : image.regions) {
      if (region.tag < 0 || region.tag >= data.tagCount) throw std::invalid_argument("region tag index out of range");
      if (!isValidRegion(region.box))
        throw std::invalid_argument("a region must lie inside the image and have an area");
    }
  }
}

// Tags become classes 0..K-1 in increasing tag order: the selected tags that have at least one region.
std::vector<int> trainedTags(const DetectorTrainingData& data, const DetectorTrainingOptions& options) {
  std::vector<bool> hasRegion(static_cast<std::size_t>(data.tagCount), false);
  for (const DetectionImage& image : data.images) {
    for (const Region& region : image.regions) hasRegion[static_cast<std::size_t>(region.tag)] = true;
  }
  std::vector<int> tags;
  for (int tag = 0; tag < data.tagCount; ++tag) {
    const bool selected =
        options.selectedTags.empty() ||
        std::find(options.selectedTags.begin(), options.selectedTags.end(), tag) != options.selectedTags.end();
    if (selected && hasRegion[static_cast<std::size_t>(tag)]) tags.push_back(tag);
  }
  if (tags.empty()) throw std::invalid_argument("training needs at least one selected tag with a region");
  return tags;
}

ImageTruth truthOf(const DetectionImage& image, const std::vector<int>& tags) {
  ImageTruth truth;
  for (const Region& region : image.regions) {
    const auto found = std::lower_bound(tags.begin(), tags.end(), region.tag);
    truth.boxes.push_back(region.box);
    truth.classes.push_back(found != tags.end() && *found == region.tag ? static_cast<int>(found - tags.begin()) : -1);
  }
  return truth;
}

std::vector<int> classesOf(const ImageTruth& truth) {
  std::vector<int> classes;
  for (const int cls : truth.classes) {
    if (cls >= 0) classes.push_back(cls);
  }
  std::sort(classes.begin(), classes.end());
  classes.erase(std::unique(classes.begin(), classes.end()), classes.end());
  return classes;
}

// The per-image seed: the same image index and options seed always draw the same crops.
std::uint64_t imageSeed(std::uint64_t seed, std::size_t image) { return seed * 0x9E3779B97F4A7C15ull + image + 1; }

// Every training row of every image, in one matrix allocated once: image i owns a fixed range of rows, room
// for the most its two passes can give, so that passes write their rows in place on every core. A row with
// class -1 is an unused slot and weighs nothing in any fit.
struct SampleTable {
  Eigen::MatrixXf features;
  Eigen::MatrixXf offsets;
  std::vector<int> classes;
  std::vector<float> overlap;
  std::vector<int> image;              // per row
  std::vector<Eigen::Index> firstRow;  // per image: its initial rows, then its hard-negative rows

  SampleTable(const std::vector<ImageTruth>& truths) {
    Eigen::Index rows = 0;
    for (std::size_t i = 0; i < truths.size(); ++i) {
      firstRow.push_back(rows);
      const auto regions =
          std::count_if(truths[i].classes.begin(), truths[i].classes.end(), [](int c) { return c >= 0; });
      const Eigen::Index capacity = maxInitialSamples(static_cast<int>(regions)) + maxHardNegatives();
      image.insert(image.end(), static_cast<std::size_t>(capacity), static_cast<int>(i));
      rows += capacity;
    }
    features = Eigen::MatrixXf::Zero(rows, featureDimension());
    offsets = Eigen::MatrixXf::Zero(rows, 4);
    classes.assign(static_cast<std::size_t>(rows), -1);
    overlap.assign(static_cast<std::size_t>(rows), 0.0f);
  }

  // Writes an image's samples from `row` on; returns the row after them.
  Eigen::Index put(Eigen::Index row, const Samples& samples) {
    features.middleRows(row, samples.rows()) = samples.features;
    offsets.middleRows(row, samples.rows()) = samples.offsets;
    std::copy(samples.classes.begin(), samples.classes.end(), classes.begin() + row);
    std::copy(samples.overlap.begin(), samples.overlap.end(), overlap.begin() + row);
    return row + samples.rows();
  }

  // 1 for the used rows of images `take` accepts, 0 for the others.
  template <typename Take>
  Eigen::VectorXf weights(Take take) const {
    Eigen::VectorXf w(features.rows());
    for (Eigen::Index row = 0; row < w.size(); ++row) {
      w(row) = classes[static_cast<std::size_t>(row)] >= 0 && take(image[static_cast<std::size_t>(row)]) ? 1.0f : 0.0f;
    }
    return w;
  }
};

struct Fit {
  FitResult classifier;
  BoxRegressor regressor;
};

// Fits the classifier (from start) and the box regressor on the rows whose weight is 1.
Fit fitOn(const SampleTable& table, int backgroundClass, const Eigen::VectorXf& rowWeights,
          const Eigen::VectorXd& start, bool withRegressor) {
  const Eigen::VectorXf blockWeights = featureBlockWeights();
  Eigen::MatrixXf targets = Eigen::MatrixXf::Zero(table.features.rows(), backgroundClass + 1);
  Eigen::VectorXi regressionClasses = Eigen::VectorXi::Constant(table.features.rows(), -1);
  for (Eigen::Index row = 0; row < targets.rows(); ++row) {
    const int cls = table.classes[static_cast<std::size_t>(row)];
    if (cls < 0) continue;
    targets(row, cls) = 1;
    if (rowWeights(row) > 0 && cls < backgroundClass &&
        table.overlap[static_cast<std::size_t>(row)] >= kRegressionOverlap) {
      regressionClasses(row) = cls;
    }
  }
  const FitProblem problem{table.features, targets, ClassificationType::Multiclass, kClassifierL2, blockWeights};
  Fit fit{fitLinearModel(problem, rowWeights, start), {}};
  if (withRegressor) {
    const RegressionSamples regression{table.features, table.offsets, regressionClasses, backgroundClass};
    fit.regressor = fitBoxRegressor(regression, kRegressionLambda, blockWeights);
  }
  return fit;
}

std::vector<Box> boxesOf(const std::vector<Proposal>& proposals) {
  std::vector<Box> boxes;
  for (const Proposal& proposal : proposals) boxes.push_back(proposal.box);
  return boxes;
}

}  // namespace

DetectorTrainingResult trainDetector(const DetectorTrainingData& data, const DetectorTrainingOptions& options) {
  requireTrainable(data, options);
  const std::vector<int> tags = trainedTags(data, options);
  const int backgroundClass = static_cast<int>(tags.size());
  const int imageCount = static_cast<int>(data.images.size());
  std::vector<ImageTruth> truths;
  std::vector<std::vector<int>> labels;
  for (const DetectionImage& image : data.images) {
    truths.push_back(truthOf(image, tags));
    labels.push_back(classesOf(truths.back()));
  }
  DetectorTrainingResult result;
  result.holdout = holdoutSplit(labels, backgroundClass, options.holdoutFraction, options.seed);
  std::vector<bool> heldOut(data.images.size(), false);
  for (const int image : result.holdout) heldOut[static_cast<std::size_t>(image)] = true;
  const auto training = [&](int image) { return !heldOut[static_cast<std::size_t>(image)]; };

  // First pass: proposals, objects and random background of every image.
  SampleTable table(truths);
  std::vector<std::vector<Proposal>> proposals(data.images.size());
  std::vector<Eigen::Index> hardRow(data.images.size());
  runTasksInParallel(imageCount, [&](int image) {
    const Scene scene = decodeScene(data.images[image].bytes);
    proposals[image] = proposeRegions(scene);
    const Samples samples =
        initialSamples(scene, proposals[image], truths[image], backgroundClass, imageSeed(options.seed, image));
    hardRow[image] = table.put(table.firstRow[image], samples);
  });
  const Fit firstFit = fitOn(table, backgroundClass, table.weights(training), {}, false);

  // Second pass: the background crops that first fit takes most for objects, from every image.
  runTasksInParallel(imageCount, [&](int image) {
    table.put(hardRow[image],
              hardNegatives(decodeScene(data.images[image].bytes), proposals[image], truths[image], backgroundClass,
                            imageSeed(options.seed, image), firstFit.classifier.model));
  });

  const Fit heldOutFit = fitOn(table, backgroundClass, table.weights(training), firstFit.classifier.parameters, true);
  const DetectorModel heldOutModel(tags, heldOutFit.classifier.model, heldOutFit.regressor);
  result.holdoutDetections.resize(result.holdout.size());
  runTasksInParallel(static_cast<int>(result.holdout.size()), [&](int i) {
    const int image = result.holdout[i];
    const Scene scene = decodeScene(data.images[image].bytes);
    result.holdoutDetections[i] =
        heldOutModel.detect(proposals[image], featuresOfBoxes(scene, boxesOf(proposals[image])));
  });

  const Fit finalFit =
      fitOn(table, backgroundClass, table.weights([](int) { return true; }), heldOutFit.classifier.parameters, true);
  result.detector =
      Detector(std::make_shared<const DetectorModel>(tags, finalFit.classifier.model, finalFit.regressor));
  return result;
}

}  // namespace cvmock::trainer::detection
