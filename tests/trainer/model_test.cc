// The model: softmax and sigmoid outputs, batch prediction, and its binary form.
#include "trainer/model.h"

#include <cmath>
#include <stdexcept>

#include <gtest/gtest.h>

namespace cvmock::trainer {
namespace {

// 2 features, 3 tags; mean (1, 2), scale (0.5, 1).
Model smallModel(ClassificationType type) {
  Eigen::MatrixXf weights(2, 3);
  weights << 1, -1, 0.5f,  //
      2, 0, -3;
  return Model(type, Eigen::Vector2f(1, 2), Eigen::Vector2f(0.5f, 1), weights, Eigen::Vector3f(0.1f, 0.2f, -0.3f));
}

TEST(Model, MulticlassIsASoftmaxOfTheStandardisedLinearLayer) {
  // x = (3, 1) standardises to (1, -1): logits (1 - 2 + 0.1, -1 + 0 + 0.2, 0.5 + 3 - 0.3) = (-0.9, -0.8, 3.2).
  const Eigen::VectorXf p = smallModel(ClassificationType::Multiclass).predict(Eigen::Vector2f(3, 1));
  const double total = std::exp(-0.9) + std::exp(-0.8) + std::exp(3.2);
  EXPECT_NEAR(p(0), std::exp(-0.9) / total, 1e-6);
  EXPECT_NEAR(p(1), std::exp(-0.8) / total, 1e-6);
  EXPECT_NEAR(p(2), std::exp(3.2) / total, 1e-6);
  EXPECT_NEAR(p.sum(), 1.0, 1e-6);
}

TEST(Model, MultilabelIsASigmoidPerTag) {
  const Eigen::VectorXf p = smallModel(ClassificationType::Multilabel).predict(Eigen::Vector2f(3, 1));
  EXPECT_NEAR(p(0), 1 / (1 + std::exp(0.9)), 1e-6);
  EXPECT_NEAR(p(1), 1 / (1 + std::exp(0.8)), 1e-6);
  EXPECT_NEAR(p(2), 1 / (1 + std::exp(-3.2)), 1e-6);
}

TEST(Model, StaysFiniteForExtremeInputs) {
  for (const auto type : {ClassificationType::Multiclass, ClassificationType::Multilabel}) {
    const Eigen::VectorXf p = smallModel(type).predict(Eigen::Vector2f(1e30f, -1e30f));
    EXPECT_TRUE(p.allFinite());
    EXPECT_TRUE((p.array() >= 0).all() && (p.array() <= 1).all());
  }
}

TEST(Model, BatchRowsMatchSinglePredictions) {
  const Model model = smallModel(ClassificationType::Multiclass);
  Eigen::MatrixXf batch(3, 2);
  batch << 3, 1, 0, 0, -2, 5;
  const Eigen::MatrixXf p = model.predictBatch(batch);
  for (int row = 0; row < 3; ++row) {
    EXPECT_TRUE(p.row(row).transpose().isApprox(model.predict(batch.row(row).transpose()), 1e-6f));
  }
  EXPECT_THROW(model.predict(Eigen::Vector3f(1, 2, 3)), std::invalid_argument);
}

TEST(Model, SerializedFormRoundTripsAndPredictsIdentically) {
  for (const auto type : {ClassificationType::Multiclass, ClassificationType::Multilabel}) {
    const Model model = smallModel(type);
    const Model copy = Model::deserialize(model.serialize());
    EXPECT_EQ(copy.type(), type);
    EXPECT_EQ(copy.tagCount(), 3);
    EXPECT_EQ(copy.featureCount(), 2);
    EXPECT_EQ(copy.serialize(), model.serialize());
    const Eigen::Vector2f x(0.3f, -7);
    EXPECT_EQ(copy.predict(x), model.predict(x));
  }
}

TEST(Model, DeserializeRejectsGarbageTruncationAndTampering) {
  const std::string bytes = smallModel(ClassificationType::Multilabel).serialize();
  EXPECT_THROW(Model::deserialize(""), std::runtime_error);
  EXPECT_THROW(Model::deserialize("definitely not a model, but long enough to be read"), std::runtime_error);
  for (std::size_t length = 0; length < bytes.size(); ++length) {
    EXPECT_THROW(Model::deserialize(bytes.substr(0, length)), std::runtime_error) << length;
  }
  EXPECT_THROW(Model::deserialize(bytes + "x"), std::runtime_error);
  std::string badVersion = bytes;
  badVersion[8] = 7;
  EXPECT_THROW(Model::deserialize(badVersion), std::runtime_error);
  std::string badType = bytes;
  badType[12] = 2;
  EXPECT_THROW(Model::deserialize(badType), std::runtime_error);
  std::string hugeCount = bytes;
  hugeCount[19] = '\x7F';
  EXPECT_THROW(Model::deserialize(hugeCount), std::runtime_error);
  std::string notANumber = bytes;
  notANumber.replace(bytes.size() - 4, 4, std::string("\x00\x00\xC0\x7F", 4));
  EXPECT_THROW(Model::deserialize(notANumber), std::runtime_error);
}

}  // namespace
}  // namespace cvmock::trainer
