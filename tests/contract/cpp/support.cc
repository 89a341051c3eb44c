// The scenario's shared expectations.
#include "tests/contract/cpp/support.h"

#include <algorithm>

namespace cvmock::contract {

client::CustomVisionError errorOf(const std::function<void()>& call) {
  try {
    call();
  } catch (const client::CustomVisionError& error) {
    return error;
  }
  ADD_FAILURE() << "expected the call to fail, it succeeded";
  return {0, "", ""};
}

void expectError(const std::function<void()>& call, int status, const std::string& code) {
  const client::CustomVisionError error = errorOf(call);
  EXPECT_EQ(error.status(), status) << error.what();
  if (!code.empty()) {
    EXPECT_EQ(error.code(), code) << error.what();
  }
}

void expectRanked(const std::vector<client::Prediction>& predictions) {
  EXPECT_FALSE(predictions.empty()) << "at least one prediction";
  EXPECT_TRUE(std::is_sorted(predictions.begin(), predictions.end(),
                             [](const auto& a, const auto& b) { return a.probability > b.probability; }))
      << "predictions ranked by probability";
}

bool isImage(const std::string& bytes) { return bytes.rfind("\xff\xd8\xff", 0) == 0 || bytes.rfind("\x89PNG", 0) == 0; }

std::string artifactPath(const std::string& uri) {
  const std::string path = uri.substr(0, uri.find('?'));
  const size_t last = path.rfind('/');
  const size_t before = path.rfind('/', last - 1);
  return path.substr(before + 1);
}

std::vector<std::string> idsOf(const std::vector<client::Image>& images) {
  std::vector<std::string> ids;
  for (const client::Image& image : images) ids.push_back(image.id);
  std::sort(ids.begin(), ids.end());
  return ids;
}

}  // namespace cvmock::contract
