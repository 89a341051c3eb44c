// The `$filter` grammar over image metadata: eq, ne, and, or, parentheses, quoting, and malformed input.
#include <gtest/gtest.h>

#include "mock_server/base/errors.h"
#include "mock_server/service/metadata_filter.h"

namespace cvmock::server {
namespace {

const std::map<std::string, std::string> kImage = {{"camera", "north"}, {"shift", "night"}, {"note", "it's wet"}};

bool holds(const std::string& expression) { return MetadataFilter::parse(expression).matches(kImage); }

TEST(MetadataFilter, EqualityAndInequality) {
  EXPECT_TRUE(holds("camera eq 'north'"));
  EXPECT_FALSE(holds("camera eq 'south'"));
  EXPECT_TRUE(holds("camera ne 'south'"));
  EXPECT_FALSE(holds("camera ne 'north'"));
}

TEST(MetadataFilter, AMissingKeyEqualsNothing) {
  EXPECT_FALSE(holds("lens eq ''"));
  EXPECT_TRUE(holds("lens ne 'wide'"));
}

TEST(MetadataFilter, AndBindsTighterThanOr) {
  // false and false or true: (false and false) or true.
  EXPECT_TRUE(holds("camera eq 'south' and shift eq 'day' or note eq 'it''s wet'"));
  // true or false and false: true or (false and false).
  EXPECT_TRUE(holds("camera eq 'north' or shift eq 'day' and note eq 'dry'"));
  EXPECT_FALSE(holds("(camera eq 'north' or shift eq 'day') and note eq 'dry'"));
}

TEST(MetadataFilter, OperatorsIgnoreCaseAndValuesDoNot) {
  EXPECT_TRUE(holds("camera EQ 'north' AND shift Ne 'day'"));
  EXPECT_FALSE(holds("camera eq 'North'"));
}

TEST(MetadataFilter, MalformedExpressionsSayWhatAndWhere) {
  for (const char* bad : {"", "camera", "camera eq", "camera eq north", "camera gt 'a'", "camera eq 'north",
                          "(camera eq 'north'", "camera eq 'north')", "camera eq 'north' and", "and eq 'x' or"}) {
    try {
      MetadataFilter::parse(bad);
      ADD_FAILURE() << "accepted: " << bad;
    } catch (const ServiceError& error) {
      EXPECT_EQ(error.status(), 400);
      EXPECT_EQ(error.code(), "BadRequest");
      EXPECT_NE(std::string(error.what()).find("at character"), std::string::npos) << error.what();
    }
  }
}

}  // namespace
}  // namespace cvmock::server
