// Precision, recall and average precision of held-out predictions, per tag and overall.
//
// For tag k at threshold t, over the held-out images i (p_ik = probability, y_ik = 1 when i carries k):
//   TP = #{i : p_ik >= t, y_ik = 1}   FP = #{i : p_ik >= t, y_ik = 0}   FN = #{i : p_ik < t, y_ik = 1}
//   precision = TP / (TP + FP), and 0 when nothing is predicted (the real service reports 0 then)
//   recall    = TP / (TP + FN), and 0 when the tag has no held-out image
//   a standard deviation is the binomial standard error of that proportion: sqrt(p (1 - p) / n), where n is
//   its denominator (TP + FP, or TP + FN), and 0 when n = 0
//   averagePrecision (non-interpolated) = (1 / P) * sum over the ranks r of the P positives of precision@r,
//   ranking images by p_ik descending (ties: lower image index first); 0 when P = 0
// Overall: precision and recall (and their deviations) pool TP, FP and FN over every (image, tag) pair
// (micro-averaging); averagePrecision is the mean of the per-tag values over tags with P > 0 (0 when none).
#include "trainer/metrics.h"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <stdexcept>

namespace cvmock::trainer {
namespace {

struct Proportion {
  double value = 0;
  double standardError = 0;
};

Proportion proportion(long hits, long total) {
  if (total == 0) return {};
  const double p = static_cast<double>(hits) / static_cast<double>(total);
  return {p, std::sqrt(p * (1 - p) / static_cast<double>(total))};
}

Counts countAtThreshold(const Eigen::VectorXf& probabilities, const std::vector<bool>& positive, double threshold) {
  Counts counts;
  for (std::size_t i = 0; i < positive.size(); ++i) {
    const bool predicted = probabilities(i) >= threshold;
    counts.truePositives += predicted && positive[i];
    counts.falsePositives += predicted && !positive[i];
    counts.falseNegatives += !predicted && positive[i];
  }
  return counts;
}

double averagePrecision(const Eigen::VectorXf& probabilities, const std::vector<bool>& positive) {
  std::vector<int> ranking(positive.size());
  std::iota(ranking.begin(), ranking.end(), 0);
  std::stable_sort(ranking.begin(), ranking.end(), [&](int a, int b) { return probabilities(a) > probabilities(b); });
  double precisionSum = 0;
  int positivesSeen = 0;
  for (std::size_t rank = 0; rank < ranking.size(); ++rank) {
    if (!positive[ranking[rank]]) continue;
    ++positivesSeen;
    precisionSum += static_cast<double>(positivesSeen) / static_cast<double>(rank + 1);
  }
  return positivesSeen == 0 ? 0 : precisionSum / positivesSeen;
}

std::vector<bool> carriesTag(const std::vector<std::vector<int>>& labels, int tag) {
  std::vector<bool> positive(labels.size());
  std::transform(labels.begin(), labels.end(), positive.begin(), [&](const std::vector<int>& tags) {
    return std::find(tags.begin(), tags.end(), tag) != tags.end();
  });
  return positive;
}

}  // namespace

TagPerformance performanceOf(const Counts& counts) {
  const Proportion precision = proportion(counts.truePositives, counts.truePositives + counts.falsePositives);
  const Proportion recall = proportion(counts.truePositives, counts.truePositives + counts.falseNegatives);
  TagPerformance performance;
  performance.precision = precision.value;
  performance.precisionStdDeviation = precision.standardError;
  performance.recall = recall.value;
  performance.recallStdDeviation = recall.standardError;
  return performance;
}

Performance combineTags(const std::vector<TagOutcome>& tags) {
  Performance performance;
  Counts pooled;
  double averagePrecisionSum = 0;
  int tagsWithPositives = 0;
  for (const TagOutcome& tag : tags) {
    TagPerformance tagPerformance = performanceOf(tag.counts);
    tagPerformance.averagePrecision = tag.averagePrecision;
    if (tag.hasPositives) {
      averagePrecisionSum += tag.averagePrecision;
      ++tagsWithPositives;
    }
    pooled.truePositives += tag.counts.truePositives;
    pooled.falsePositives += tag.counts.falsePositives;
    pooled.falseNegatives += tag.counts.falseNegatives;
    performance.perTag.push_back(tagPerformance);
  }
  performance.overall = performanceOf(pooled);
  performance.overall.averagePrecision = tagsWithPositives == 0 ? 0 : averagePrecisionSum / tagsWithPositives;
  return performance;
}

Performance evaluate(const Eigen::MatrixXf& probabilities, const std::vector<std::vector<int>>& labels,
                     double threshold) {
  if (probabilities.rows() != static_cast<Eigen::Index>(labels.size())) {
    throw std::invalid_argument("one label list per row of probabilities is required");
  }
  std::vector<TagOutcome> outcomes;
  for (int tag = 0; tag < probabilities.cols(); ++tag) {
    const Eigen::VectorXf column = probabilities.col(tag);
    const std::vector<bool> positive = carriesTag(labels, tag);
    outcomes.push_back({countAtThreshold(column, positive, threshold), averagePrecision(column, positive),
                        std::find(positive.begin(), positive.end(), true) != positive.end()});
  }
  return combineTags(outcomes);
}

}  // namespace cvmock::trainer
