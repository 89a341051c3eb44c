// Training end to end on toy data: learns separable problems, is deterministic, refuses untrainable input.
#include "trainer/training.h"

#include <stdexcept>

#include <gtest/gtest.h>

#include "trainer/metrics.h"

namespace cvmock::trainer {
namespace {

// perTag images per tag in 6 dimensions; tag t's images cluster around 3 * e_t, with a fixed jitter.
TrainingData clusters(int tagCount, int perTag) {
  TrainingData data;
  data.tagCount = tagCount;
  data.features = Eigen::MatrixXf::Zero(tagCount * perTag, 6);
  std::uint32_t state = 99;
  for (int tag = 0; tag < tagCount; ++tag) {
    for (int i = 0; i < perTag; ++i) {
      const int row = tag * perTag + i;
      for (int column = 0; column < 6; ++column) {
        state = state * 1664525u + 1013904223u;
        data.features(row, column) = static_cast<float>(state >> 8) / 16777216.0f - 0.5f;
      }
      data.features(row, tag) += 3.0f;
      data.labels.push_back({tag});
    }
  }
  return data;
}

TEST(Training, LearnsASeparableMulticlassProblem) {
  const TrainingData data = clusters(3, 20);
  const TrainingResult result = train(data, TrainingOptions{});
  EXPECT_EQ(result.model.tagCount(), 3);
  EXPECT_EQ(result.model.type(), ClassificationType::Multiclass);
  ASSERT_EQ(result.holdout.size(), 12u);  // round(0.2 * 20) per tag
  ASSERT_EQ(result.holdoutProbabilities.rows(), 12);
  std::vector<std::vector<int>> heldOutLabels;
  for (const int image : result.holdout) heldOutLabels.push_back(data.labels[image]);
  const Performance performance = evaluate(result.holdoutProbabilities, heldOutLabels, 0.5);
  EXPECT_DOUBLE_EQ(performance.overall.precision, 1.0);
  EXPECT_DOUBLE_EQ(performance.overall.recall, 1.0);
  const Eigen::MatrixXf all = result.model.predictBatch(data.features);
  EXPECT_TRUE(all.rowwise().sum().isApproxToConstant(1.0f, 1e-5f));
  for (int row = 0; row < all.rows(); ++row) {
    Eigen::Index best = 0;
    all.row(row).maxCoeff(&best);
    EXPECT_EQ(best, data.labels[row][0]);
  }
}

TEST(Training, LearnsASeparableMultilabelProblem) {
  // Image i carries tag 0 when feature 0 is high and tag 1 when feature 1 is high, independently.
  TrainingData data = clusters(4, 10);
  data.tagCount = 2;
  for (int row = 0; row < data.features.rows(); ++row) {
    const int cluster = data.labels[row][0];
    data.labels[row].clear();
    if (cluster == 0 || cluster == 2) data.labels[row].push_back(0);
    if (cluster == 1 || cluster == 2) data.labels[row].push_back(1);
    if (cluster == 2) data.features(row, 0) += 3.0f, data.features(row, 1) += 3.0f;
  }
  TrainingOptions options;
  options.type = ClassificationType::Multilabel;
  const TrainingResult result = train(data, options);
  const Eigen::MatrixXf p = result.model.predictBatch(data.features);
  for (int row = 0; row < p.rows(); ++row) {
    for (int tag = 0; tag < 2; ++tag) {
      const bool carries = std::count(data.labels[row].begin(), data.labels[row].end(), tag) > 0;
      EXPECT_EQ(p(row, tag) >= 0.5f, carries) << row << " " << tag;
    }
  }
}

TEST(Training, SameSeedGivesTheSameModelBytes) {
  const TrainingData data = clusters(3, 15);
  TrainingOptions options;
  options.seed = 42;
  const TrainingResult first = train(data, options);
  const TrainingResult second = train(data, options);
  EXPECT_EQ(first.model.serialize(), second.model.serialize());
  EXPECT_EQ(first.holdout, second.holdout);
  EXPECT_EQ(first.holdoutProbabilities, second.holdoutProbabilities);
  options.seed = 43;
  EXPECT_NE(train(data, options).holdout, first.holdout);
}

TEST(Training, RefusesUntrainableData) {
  TrainingData one = clusters(1, 1);
  EXPECT_THROW(train(one, {}), std::invalid_argument);
  TrainingData outOfRange = clusters(2, 3);
  outOfRange.labels[0] = {2};
  EXPECT_THROW(train(outOfRange, {}), std::invalid_argument);
  TrainingData mismatched = clusters(2, 3);
  mismatched.labels.pop_back();
  EXPECT_THROW(train(mismatched, {}), std::invalid_argument);
  TrainingData untagged = clusters(2, 3);
  untagged.labels[1].clear();
  EXPECT_THROW(train(untagged, {}), std::invalid_argument);
}

}  // namespace
}  // namespace cvmock::trainer
