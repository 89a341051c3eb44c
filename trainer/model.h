// A trained classifier: standardisation followed by a linear layer, one probability per tag.
#pragma once

#include <string>
#include <string_view>

#include <Eigen/Core>

#include "trainer/features.h"

namespace cvmock::trainer {

// Multiclass: exactly one tag per image, probabilities sum to 1 (softmax).
// Multilabel: zero or more tags per image, one independent logistic output per tag.
enum class ClassificationType { Multiclass, Multilabel };

class Model {
 public:
  Model() = default;
  Model(ClassificationType type, Eigen::VectorXf mean, Eigen::VectorXf scale, Eigen::MatrixXf weights,
        Eigen::VectorXf bias);

  ClassificationType type() const { return type_; }
  int tagCount() const { return static_cast<int>(bias_.size()); }
  int featureCount() const { return static_cast<int>(mean_.size()); }

  // tagCount() probabilities in [0, 1], indexed like the tags the model was trained on.
  Eigen::VectorXf predict(const FeatureVector& features) const;
  // features: n_images x featureDimension(); returns n_images x tagCount().
  Eigen::MatrixXf predictBatch(const Eigen::MatrixXf& features) const;

  // A self-describing binary form; deserialize(serialize()) predicts identically.
  std::string serialize() const;
  // Throws std::runtime_error on bytes that serialize() did not produce.
  static Model deserialize(std::string_view bytes);

 private:
  ClassificationType type_ = ClassificationType::Multiclass;
  Eigen::VectorXf mean_;     // featureCount(): per-feature mean of the training set
  Eigen::VectorXf scale_;    // featureCount(): 1 / standard deviation (1 where the deviation is 0)
  Eigen::MatrixXf weights_;  // featureCount() x tagCount()
  Eigen::VectorXf bias_;     // tagCount()
};

}  // namespace cvmock::trainer
