// Verify-table path patterns against the places differences are reported at.
#include <gtest/gtest.h>

#include "mock_server/recording/json_path.h"

namespace cvmock::recording {
namespace {

// "images/2/tags": keys and, where a segment is a number, indexes.
JsonPath place(const std::string& slashed) {
  JsonPath path;
  std::size_t start = 0;
  while (start < slashed.size()) {
    std::size_t end = slashed.find('/', start);
    if (end == std::string::npos) end = slashed.size();
    const std::string segment = slashed.substr(start, end - start);
    const bool number = segment.find_first_not_of("0123456789") == std::string::npos;
    path = number ? path.index(std::stoul(segment)) : path.child(segment);
    start = end + 1;
  }
  return path;
}

TEST(JsonPath, Text) {
  EXPECT_EQ(place("").text(), "$");
  EXPECT_EQ(place("images/2/tags/0/tagId").text(), "$.images[2].tags[0].tagId");
  EXPECT_EQ(place("augmentationMethods/horizontal flip").text(), "$.augmentationMethods[\"horizontal flip\"]");
}

TEST(JsonPath, Patterns) {
  EXPECT_TRUE(JsonPathPattern("$..created").matches(place("images/0/created")));
  EXPECT_TRUE(JsonPathPattern("$..created").matches(place("created")));
  EXPECT_FALSE(JsonPathPattern("$..created").matches(place("created/x")));
  EXPECT_TRUE(JsonPathPattern("$..*Id").matches(place("tags/1/tagId")));
  EXPECT_FALSE(JsonPathPattern("$..*Id").matches(place("id")));
  EXPECT_TRUE(JsonPathPattern("$..*Ids[*]").matches(place("tagIds/3")));
  EXPECT_TRUE(JsonPathPattern("$[0].downloadUri").matches(place("0/downloadUri")));
  EXPECT_FALSE(JsonPathPattern("$[0].downloadUri").matches(place("1/downloadUri")));
  EXPECT_TRUE(JsonPathPattern("$.predictions[*].probability").matches(place("predictions/4/probability")));
  EXPECT_TRUE(JsonPathPattern("$.settings").covers(place("settings/domainId")));
  EXPECT_FALSE(JsonPathPattern("$.settings").matches(place("settings/domainId")));
}

TEST(JsonPath, MalformedPatternsSayWhy) {
  EXPECT_THROW(JsonPathPattern("created"), std::invalid_argument);
  EXPECT_THROW(JsonPathPattern("$.a[x]"), std::invalid_argument);
  EXPECT_THROW(JsonPathPattern("$.a["), std::invalid_argument);
  EXPECT_THROW(JsonPathPattern("$..").matches(place("")), std::invalid_argument);
}

}  // namespace
}  // namespace cvmock::recording
