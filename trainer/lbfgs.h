// Limited-memory BFGS minimisation of a smooth function, deterministic for a deterministic objective.
#pragma once

#include <functional>

#include <Eigen/Core>

namespace cvmock::trainer {

// Returns f(x) and writes the gradient of f at x into gradient (already sized like x).
using Objective = std::function<double(const Eigen::VectorXd& x, Eigen::VectorXd& gradient)>;

struct LbfgsOptions {
  // The defaults suit a mean cross-entropy: held-out accuracy stops changing well before these limits.
  int maxIterations = 100;
  int memory = 10;                   // correction pairs kept
  double gradientTolerance = 1e-4;   // stop when every gradient component is this small
  double decreaseTolerance = 1e-10;  // stop when an iteration lowers f by less than this, relative to |f|
};

struct LbfgsResult {
  Eigen::VectorXd x;
  double value = 0;
  int iterations = 0;
  bool converged = false;  // false when maxIterations ran out or no step could lower f any more
};

// Minimises objective from start with a backtracking (Armijo) line search along the L-BFGS direction.
LbfgsResult minimizeLbfgs(const Objective& objective, Eigen::VectorXd start, const LbfgsOptions& options = {});

}  // namespace cvmock::trainer
