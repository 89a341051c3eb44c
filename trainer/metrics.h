// Precision, recall and average precision of held-out predictions, per tag and overall.
#pragma once

#include <vector>

#include <Eigen/Core>

namespace cvmock::trainer {

// The numbers the service reports for a tag (and, aggregated, for an iteration).
struct TagPerformance {
  double precision = 0;
  double precisionStdDeviation = 0;
  double recall = 0;
  double recallStdDeviation = 0;
  double averagePrecision = 0;
};

// Decisions of one tag (or pooled over tags) at a threshold.
struct Counts {
  long truePositives = 0;
  long falsePositives = 0;
  long falseNegatives = 0;
};

// Precision and recall of the counts with their standard errors, as metrics.cc states; averagePrecision 0.
TagPerformance performanceOf(const Counts& counts);

struct Performance {
  std::vector<TagPerformance> perTag;  // indexed like the model's tags
  TagPerformance overall;
};

// What one tag's evaluation found: its counts at the threshold, its average precision, and whether it had
// anything to find (a held-out image or region).
struct TagOutcome {
  Counts counts;
  double averagePrecision = 0;
  bool hasPositives = false;
};

// Each tag's performance, and overall: precision and recall of the counts pooled over the tags
// (micro-averaging), averagePrecision the mean over the tags with positives (0 when none).
Performance combineTags(const std::vector<TagOutcome>& tags);

// probabilities: n_images x n_tags; labels[i]: the true tag indices of image i.
// A tag is predicted for an image when its probability is >= threshold.
Performance evaluate(const Eigen::MatrixXf& probabilities, const std::vector<std::vector<int>>& labels,
                     double threshold);

}  // namespace cvmock::trainer
