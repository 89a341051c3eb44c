// Evaluation figures checked against values worked out by hand.
#include "trainer/metrics.h"

#include <cmath>

#include <gtest/gtest.h>

namespace cvmock::trainer {
namespace {

// Two tags, apple (0) and orange (1), 20 images: 10 true apples, 10 true oranges.
// Predicted orange (probability 0.9) for 8 oranges and 2 apples; the other images favour apple.
// Apples found (apple probability 0.8): 7 of the 10 apples (the other 3 include the 2 predicted orange).
struct Fruit {
  Eigen::MatrixXf probabilities = Eigen::MatrixXf::Zero(20, 2);
  std::vector<std::vector<int>> labels = std::vector<std::vector<int>>(20);
};

Fruit fruit() {
  Fruit f;
  for (int i = 0; i < 10; ++i) {  // apples
    f.labels[i] = {0};
    const bool predictedOrange = i < 2;
    const bool found = i >= 3;
    f.probabilities.row(i) << (found ? 0.8f : 0.1f), (predictedOrange ? 0.9f : 0.2f);
  }
  for (int i = 10; i < 20; ++i) {  // oranges
    f.labels[i] = {1};
    const bool predictedOrange = i < 18;
    f.probabilities.row(i) << 0.1f, (predictedOrange ? 0.9f : 0.2f);
  }
  return f;
}

TEST(Metrics, PrecisionAndRecallPerTag) {
  const Fruit f = fruit();
  const Performance performance = evaluate(f.probabilities, f.labels, 0.5);
  ASSERT_EQ(performance.perTag.size(), 2u);
  const TagPerformance& apple = performance.perTag[0];
  const TagPerformance& orange = performance.perTag[1];
  EXPECT_DOUBLE_EQ(orange.precision, 0.8);  // 10 predicted orange, 8 correct
  EXPECT_NEAR(orange.precisionStdDeviation, std::sqrt(0.8 * 0.2 / 10), 1e-12);
  EXPECT_DOUBLE_EQ(orange.recall, 0.8);
  EXPECT_DOUBLE_EQ(apple.recall, 0.7);  // 10 true apples, 7 found
  EXPECT_NEAR(apple.recallStdDeviation, std::sqrt(0.7 * 0.3 / 10), 1e-12);
  EXPECT_DOUBLE_EQ(apple.precision, 1.0);  // the 7 found are all apples
  EXPECT_DOUBLE_EQ(apple.precisionStdDeviation, 0.0);
}

TEST(Metrics, OverallPoolsEveryDecision) {
  const Fruit f = fruit();
  const Performance performance = evaluate(f.probabilities, f.labels, 0.5);
  // TP = 7 + 8, FP = 0 + 2, FN = 3 + 2.
  EXPECT_DOUBLE_EQ(performance.overall.precision, 15.0 / 17.0);
  EXPECT_DOUBLE_EQ(performance.overall.recall, 15.0 / 20.0);
  EXPECT_NEAR(performance.overall.recallStdDeviation, std::sqrt(0.75 * 0.25 / 20), 1e-12);
  EXPECT_NEAR(performance.overall.averagePrecision,
              (performance.perTag[0].averagePrecision + performance.perTag[1].averagePrecision) / 2, 1e-12);
}

TEST(Metrics, AveragePrecisionOfAFiveImageRanking) {
  // Ranked by probability: positive, negative, positive, negative, positive.
  // Precision at the positives: 1/1, 2/3, 3/5; AP = (1 + 2/3 + 3/5) / 3 = 0.755...
  Eigen::MatrixXf probabilities(5, 1);
  probabilities << 0.3f, 0.9f, 0.1f, 0.5f, 0.7f;  // ranks: image 1, 4, 3, 0, 2
  const std::vector<std::vector<int>> labels{{}, {0}, {0}, {0}, {}};
  const Performance performance = evaluate(probabilities, labels, 0.5);
  EXPECT_NEAR(performance.perTag[0].averagePrecision, (1.0 + 2.0 / 3.0 + 3.0 / 5.0) / 3.0, 1e-12);
  // At 0.5: predicted 1, 4, 3 -> TP 2 (1, 3), FP 1; FN 1 (image 2).
  EXPECT_DOUBLE_EQ(performance.perTag[0].precision, 2.0 / 3.0);
  EXPECT_DOUBLE_EQ(performance.perTag[0].recall, 2.0 / 3.0);
}

TEST(Metrics, NothingPredictedMeansZeroPrecision) {
  Eigen::MatrixXf probabilities(2, 2);
  probabilities << 0.3f, 0.2f, 0.1f, 0.1f;
  const Performance performance = evaluate(probabilities, {{0}, {}}, 0.5);
  EXPECT_DOUBLE_EQ(performance.perTag[0].precision, 0.0);
  EXPECT_DOUBLE_EQ(performance.perTag[0].recall, 0.0);
  EXPECT_DOUBLE_EQ(performance.perTag[0].averagePrecision, 1.0);  // the one positive ranks first
  // Tag 1 has no held-out positive, so the overall AP averages tag 0 alone.
  EXPECT_DOUBLE_EQ(performance.overall.averagePrecision, 1.0);
  EXPECT_DOUBLE_EQ(performance.overall.precision, 0.0);
}

TEST(Metrics, RejectsLabelsThatDoNotMatchTheRows) {
  EXPECT_THROW(evaluate(Eigen::MatrixXf::Zero(3, 2), {{0}}, 0.5), std::invalid_argument);
}

}  // namespace
}  // namespace cvmock::trainer
