// Fits a Model: softmax regression (Multiclass) or one logistic regression per tag (Multilabel).
#include "trainer/linear_fit.h"

#include <algorithm>
#include <utility>
#include <vector>

#include "trainer/lbfgs.h"
#include "trainer/parallel_tasks.h"
#include "trainer/standardization.h"

namespace cvmock::trainer {
namespace {

// Rows per block: a block of features stays in cache between its two products, and the fixed block
// boundaries make the sums independent of the number of threads.
constexpr Eigen::Index kBlockRows = 1024;

// One block's share of the objective.
struct BlockSums {
  double loss = 0;
  Eigen::MatrixXf featureGradient;  // n_features x n_tags: X_block^T dLoss/dlogits
  Eigen::RowVectorXf logitGradientSum;
};

// The penalised mean cross-entropy and its gradient. Parameters are packed as [W column by column, b].
// Standardisation is folded into the weights, (x - mean) .* scale W = x (scale .* W) - mean^T (scale .* W),
// so the products run on the caller's matrix without copying it.
class CrossEntropy {
 public:
  CrossEntropy(const FitProblem& problem, const Eigen::VectorXf& rowWeights, const Standardization& standardization)
      : problem_(problem), rowShare_(rowWeights / rowWeights.sum()), standardization_(standardization) {}

  Eigen::Index parameterCount() const { return (featureCount() + 1) * tagCount(); }

  double operator()(const Eigen::VectorXd& parameters, Eigen::VectorXd& gradient) const {
    const auto weights = parameters.head(featureCount() * tagCount()).reshaped(featureCount(), tagCount());
    const Eigen::MatrixXf scaledWeights = standardization_.scale.asDiagonal() * weights.cast<float>();
    const Eigen::RowVectorXf offset =
        parameters.tail(tagCount()).cast<float>().transpose() - standardization_.mean.transpose() * scaledWeights;

    const auto blockCount = static_cast<int>((problem_.features.rows() + kBlockRows - 1) / kBlockRows);
    std::vector<BlockSums> blocks(blockCount);
    runTasksInParallel(blockCount, [&](int block) { blocks[block] = blockSums(block, scaledWeights, offset); });

    Eigen::MatrixXd featureGradient = Eigen::MatrixXd::Zero(featureCount(), tagCount());
    Eigen::RowVectorXd logitGradientSum = Eigen::RowVectorXd::Zero(tagCount());
    double loss = 0;
    for (const BlockSums& sums : blocks) {
      featureGradient += sums.featureGradient.cast<double>();
      logitGradientSum += sums.logitGradientSum.cast<double>();
      loss += sums.loss;
    }
    featureGradient -= standardization_.mean.cast<double>() * logitGradientSum;
    gradient.head(featureCount() * tagCount()).reshaped(featureCount(), tagCount()) =
        standardization_.scale.cast<double>().asDiagonal() * featureGradient + problem_.l2 * weights;
    gradient.tail(tagCount()) = logitGradientSum.transpose();
    return loss + 0.5 * problem_.l2 * weights.squaredNorm();
  }

 private:
  Eigen::Index featureCount() const { return problem_.features.cols(); }
  Eigen::Index tagCount() const { return problem_.targets.cols(); }

  BlockSums blockSums(int block, const Eigen::MatrixXf& scaledWeights, const Eigen::RowVectorXf& offset) const {
    const Eigen::Index start = block * kBlockRows;
    const Eigen::Index rows = std::min(kBlockRows, problem_.features.rows() - start);
    const auto features = problem_.features.middleRows(start, rows);
    const auto share = rowShare_.segment(start, rows).array();
    const Eigen::ArrayXXf logits = (features * scaledWeights).rowwise() + offset;  // rows x n_tags
    Eigen::ArrayXXf probabilities(rows, tagCount());
    const Eigen::ArrayXf rowLoss = lossAndProbabilities(logits, problem_.targets.middleRows(start, rows).array(),
                                                        probabilities);
    // dLoss/dlogits per row, weighted by the row's share of the mean.
    const Eigen::MatrixXf logitGradient =
        ((probabilities - problem_.targets.middleRows(start, rows).array()).colwise() * share).matrix();
    return BlockSums{(rowLoss * share).cast<double>().sum(), features.transpose() * logitGradient,
                     logitGradient.colwise().sum()};
  }

  // Cross-entropy per row; probabilities receives the model's outputs. Both forms stay finite for any logits.
  template <typename Targets>
  Eigen::ArrayXf lossAndProbabilities(const Eigen::ArrayXXf& logits, const Targets& targets,
                                      Eigen::ArrayXXf& probabilities) const {
    if (problem_.type == ClassificationType::Multilabel) {
      probabilities = (1.0f + (-logits).exp()).inverse();
      // log(1 + e^z) - t z, with log(1 + e^z) = max(z, 0) + log(1 + e^-|z|).
      const Eigen::ArrayXXf softplus = logits.max(0.0f) + (-logits.abs()).exp().log1p();
      return (softplus - targets * logits).rowwise().sum();
    }
    // log-sum-exp(z) - t . z, since each target row sums to 1.
    const Eigen::ArrayXf rowMax = logits.rowwise().maxCoeff();
    const Eigen::ArrayXXf exponentials = (logits.colwise() - rowMax).exp();
    const Eigen::ArrayXf rowSum = exponentials.rowwise().sum();
    probabilities = exponentials.colwise() / rowSum;
    return rowMax + rowSum.log() - (targets * logits).rowwise().sum();
  }

  const FitProblem& problem_;
  const Eigen::VectorXf rowShare_;
  const Standardization& standardization_;
};

}  // namespace

FitResult fitLinearModel(const FitProblem& problem, const Eigen::VectorXf& rowWeights, const Eigen::VectorXd& start) {
  Standardization standardization = standardizationOf(problem.features, rowWeights);
  if (problem.featureWeights.size() > 0) standardization.scale.array() *= problem.featureWeights.array();
  const CrossEntropy objective(problem, rowWeights, standardization);
  const Eigen::VectorXd initial = start.size() == objective.parameterCount()
                                      ? start
                                      : Eigen::VectorXd::Zero(objective.parameterCount());
  LbfgsResult fit = minimizeLbfgs(std::cref(objective), initial);
  const Eigen::Index featureCount = problem.features.cols();
  const Eigen::Index tagCount = problem.targets.cols();
  Eigen::MatrixXf weights = fit.x.head(featureCount * tagCount).reshaped(featureCount, tagCount).cast<float>();
  Eigen::VectorXf bias = fit.x.tail(tagCount).cast<float>();
  Model model(problem.type, standardization.mean, standardization.scale, std::move(weights), std::move(bias));
  return FitResult{std::move(model), std::move(fit.x)};
}

}  // namespace cvmock::trainer
