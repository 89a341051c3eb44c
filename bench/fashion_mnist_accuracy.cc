// Accuracy of the trainer on Fashion-MNIST photographs against a nearest-class-mean baseline on raw pixels.
//
// Usage: fashion_mnist_accuracy [train images per class = 500] [test images per class = 500]
//                               [--scaling]   (also times train() on 1,000 and 100,000 images x 5 tags)
// Reads the IDX files of Debian's dataset-fashion-mnist from /usr/share/datasets/fashion-mnist.
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <stdexcept>
#include <string>
#include <vector>

#include <Eigen/Core>

#include "bench/fashion_mnist.h"
#include "trainer/features.h"
#include "trainer/metrics.h"
#include "trainer/training.h"

namespace {

using cvmock::trainer::RgbImage;
using Clock = std::chrono::steady_clock;

using cvmock::bench::FashionSplit;
using cvmock::bench::readFashionSplit;
using Split = FashionSplit;
constexpr int kClasses = cvmock::bench::kFashionClasses;
constexpr int kSide = cvmock::bench::kFashionSide;

double secondsSince(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

RgbImage toRgb(const std::vector<std::uint8_t>& grey) {
  RgbImage image{kSide, kSide, {}};
  image.pixels.reserve(grey.size() * 3);
  for (const std::uint8_t value : grey) image.pixels.insert(image.pixels.end(), 3, value);
  return image;
}

Eigen::MatrixXf featuresOf(const Split& split) {
  Eigen::MatrixXf features(static_cast<Eigen::Index>(split.images.size()), cvmock::trainer::featureDimension());
  for (std::size_t i = 0; i < split.images.size(); ++i) {
    features.row(static_cast<Eigen::Index>(i)) = cvmock::trainer::extractFeatures(toRgb(split.images[i])).transpose();
  }
  return features;
}

// Fraction of rows whose most probable column is the label.
double accuracy(const Eigen::MatrixXf& scores, const std::vector<int>& labels) {
  int correct = 0;
  for (Eigen::Index row = 0; row < scores.rows(); ++row) {
    Eigen::Index best = 0;
    scores.row(row).maxCoeff(&best);
    correct += best == labels[row];
  }
  return static_cast<double>(correct) / static_cast<double>(scores.rows());
}

Eigen::MatrixXf rawPixels(const Split& split) {
  Eigen::MatrixXf pixels(static_cast<Eigen::Index>(split.images.size()), kSide * kSide);
  for (std::size_t i = 0; i < split.images.size(); ++i) {
    for (int p = 0; p < kSide * kSide; ++p) pixels(static_cast<Eigen::Index>(i), p) = split.images[i][p] / 255.0f;
  }
  return pixels;
}

// The baseline: each test image takes the class whose mean training image is nearest (Euclidean).
double nearestClassMeanAccuracy(const Split& train, const Split& test) {
  const Eigen::MatrixXf trainPixels = rawPixels(train);
  Eigen::MatrixXf means = Eigen::MatrixXf::Zero(kClasses, kSide * kSide);
  Eigen::VectorXf counts = Eigen::VectorXf::Zero(kClasses);
  for (std::size_t i = 0; i < train.labels.size(); ++i) {
    means.row(train.labels[i]) += trainPixels.row(static_cast<Eigen::Index>(i));
    counts(train.labels[i]) += 1;
  }
  means.array().colwise() /= counts.array();
  // Negative squared distance, up to a per-row constant: 2 x . m - |m|^2.
  const Eigen::MatrixXf closeness =
      (2 * rawPixels(test) * means.transpose()).rowwise() - means.rowwise().squaredNorm().transpose();
  return accuracy(closeness, test.labels);
}

cvmock::trainer::TrainingData trainingData(const Eigen::MatrixXf& features, const std::vector<int>& labels) {
  cvmock::trainer::TrainingData data;
  data.features = features;
  data.tagCount = kClasses;
  for (const int label : labels) data.labels.push_back({label});
  return data;
}

// The options cvmock trains with: default penalty, block-weighted feature families.
cvmock::trainer::TrainingOptions servingOptions() {
  cvmock::trainer::TrainingOptions options;
  options.featureWeights = cvmock::trainer::featureBlockWeights();
  return options;
}

// Times train() on rows images x 5 tags made from the real features of classes 0..4, repeated with a
// small deterministic jitter so every row differs.
void timeFit(const Eigen::MatrixXf& features, const std::vector<int>& labels, int rows) {
  std::vector<int> source;
  for (std::size_t i = 0; i < labels.size(); ++i) {
    if (labels[i] < 5) source.push_back(static_cast<int>(i));
  }
  cvmock::trainer::TrainingData data;
  data.tagCount = 5;
  data.features.resize(rows, features.cols());
  std::uint32_t state = 1;
  for (int row = 0; row < rows; ++row) {
    const int from = source[row % source.size()];
    state = state * 1664525u + 1013904223u;
    data.features.row(row) = features.row(from) * (1.0f + static_cast<float>(state >> 8) / 16777216.0f * 0.02f);
    data.labels.push_back({labels[from]});
  }
  const auto start = Clock::now();
  const cvmock::trainer::TrainingResult result = cvmock::trainer::train(data, servingOptions());
  std::printf("train() on %d images x 5 tags: %.2f s (holdout fit + final fit)\n", rows, secondsSince(start));
  (void)result;
}

}  // namespace

int main(int argc, char** argv) {
  const int trainPerClass = argc > 1 ? std::stoi(argv[1]) : 500;
  const int testPerClass = argc > 2 ? std::stoi(argv[2]) : 500;
  const bool scaling = argc > 3 && std::string(argv[3]) == "--scaling";

  const Split train = readFashionSplit("train", trainPerClass);
  const Split test = readFashionSplit("t10k", testPerClass);
  std::printf("Fashion-MNIST: %zu training images, %zu test images, feature dimension %d\n", train.images.size(),
              test.images.size(), cvmock::trainer::featureDimension());

  auto start = Clock::now();
  const Eigen::MatrixXf trainFeatures = featuresOf(train);
  const double featureSeconds = secondsSince(start);
  const Eigen::MatrixXf testFeatures = featuresOf(test);
  std::printf("features: %.1f us per 28x28 image\n", 1e6 * featureSeconds / static_cast<double>(train.images.size()));

  start = Clock::now();
  const cvmock::trainer::TrainingResult result = cvmock::trainer::train(trainingData(trainFeatures, train.labels), servingOptions());
  std::printf("train(): %.2f s (holdout fit + final fit)\n", secondsSince(start));

  std::vector<int> heldOutLabels;
  std::vector<std::vector<int>> heldOutTags;
  for (const int image : result.holdout) {
    heldOutLabels.push_back(train.labels[image]);
    heldOutTags.push_back({train.labels[image]});
  }
  const cvmock::trainer::Performance performance =
      cvmock::trainer::evaluate(result.holdoutProbabilities, heldOutTags, 0.5);
  std::printf("ours, holdout (%zu images): accuracy %.4f, precision %.4f, recall %.4f, mAP %.4f (threshold 0.5)\n",
              result.holdout.size(), accuracy(result.holdoutProbabilities, heldOutLabels),
              performance.overall.precision, performance.overall.recall, performance.overall.averagePrecision);
  std::printf("ours, test set: accuracy %.4f\n", accuracy(result.model.predictBatch(testFeatures), test.labels));
  std::printf("baseline (nearest class mean, raw pixels), test set: accuracy %.4f\n",
              nearestClassMeanAccuracy(train, test));

  if (scaling) {
    timeFit(trainFeatures, train.labels, 1000);
    timeFit(trainFeatures, train.labels, 100000);
  }
  return 0;
}
