// Limited-memory BFGS (Nocedal & Wright, algorithm 7.4) with a backtracking Armijo line search.
#include "trainer/lbfgs.h"

#include <algorithm>
#include <cmath>
#include <deque>
#include <utility>
#include <vector>

namespace cvmock::trainer {
namespace {

constexpr double kSufficientDecrease = 1e-4;  // Armijo constant c1
constexpr int kMaxBacktracks = 30;

// One step s = x_{k+1} - x_k and the gradient change y it caused.
struct Correction {
  Eigen::VectorXd step;
  Eigen::VectorXd gradientChange;
  double inverseCurvature;  // 1 / (y . s)
};

// The two-loop recursion: an approximation of H^-1 gradient from the stored corrections.
Eigen::VectorXd inverseHessianTimes(const Eigen::VectorXd& gradient, const std::deque<Correction>& history) {
  Eigen::VectorXd q = gradient;
  std::vector<double> alphas(history.size());
  for (std::size_t i = history.size(); i-- > 0;) {
    alphas[i] = history[i].inverseCurvature * history[i].step.dot(q);
    q -= alphas[i] * history[i].gradientChange;
  }
  if (!history.empty()) {
    const Correction& last = history.back();
    q *= 1.0 / (last.inverseCurvature * last.gradientChange.squaredNorm());
  }
  for (std::size_t i = 0; i < history.size(); ++i) {
    const double beta = history[i].inverseCurvature * history[i].gradientChange.dot(q);
    q += (alphas[i] - beta) * history[i].step;
  }
  return q;
}

}  // namespace

LbfgsResult minimizeLbfgs(const Objective& objective, Eigen::VectorXd start, const LbfgsOptions& options) {
  LbfgsResult result;
  result.x = std::move(start);
  Eigen::VectorXd gradient(result.x.size());
  result.value = objective(result.x, gradient);
  std::deque<Correction> history;
  Eigen::VectorXd nextGradient(result.x.size());
  for (; result.iterations < options.maxIterations; ++result.iterations) {
    if (gradient.lpNorm<Eigen::Infinity>() <= options.gradientTolerance) {
      result.converged = true;
      return result;
    }
    Eigen::VectorXd direction = -inverseHessianTimes(gradient, history);
    if (direction.dot(gradient) >= 0) {  // lost descent to rounding: restart from steepest descent
      history.clear();
      direction = -gradient;
    }
    // Without curvature information the first step is scaled to unit length.
    double stepLength = history.empty() ? std::min(1.0, 1.0 / gradient.norm()) : 1.0;
    const double slope = direction.dot(gradient);
    Eigen::VectorXd next;
    double nextValue = 0;
    int backtracks = 0;
    for (; backtracks < kMaxBacktracks; ++backtracks, stepLength *= 0.5) {
      next = result.x + stepLength * direction;
      nextValue = objective(next, nextGradient);
      if (nextValue <= result.value + kSufficientDecrease * stepLength * slope) break;
    }
    if (backtracks == kMaxBacktracks) return result;
    const double decrease = result.value - nextValue;
    Correction correction{next - result.x, nextGradient - gradient, 0};
    const double curvature = correction.step.dot(correction.gradientChange);
    result.x = std::move(next);
    result.value = nextValue;
    gradient = nextGradient;
    if (decrease <= options.decreaseTolerance * std::max(1.0, std::abs(result.value))) {
      result.converged = true;
      ++result.iterations;
      return result;
    }
    if (curvature <= 1e-12) continue;  // keeps the approximation positive definite
    correction.inverseCurvature = 1.0 / curvature;
    history.push_back(std::move(correction));
    if (static_cast<int>(history.size()) > options.memory) history.pop_front();
  }
  return result;
}

}  // namespace cvmock::trainer
