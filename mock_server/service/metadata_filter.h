// The `$filter` of GetImages and GetImageCount: an expression over an image's metadata.
#pragma once

#include <map>
#include <memory>
#include <string>

namespace cvmock::server {

// Grammar (the spec: "supports eq, ne, and, or"; example `key1 eq 'value1' and key2 ne 'value2'`):
//   expression := conjunction { "or" conjunction }
//   conjunction := term { "and" term }
//   term       := "(" expression ")" | key ("eq" | "ne") 'quoted value'
// Operators are case-insensitive; `and` binds tighter than `or`, as in OData. A key is a run of characters
// other than blanks, quotes and parentheses; a value is single-quoted, with '' standing for one quote.
// A missing key is not equal to any value (so `k ne 'v'` holds for an image without k).
class MetadataFilter {
 public:
  // Throws ServiceError BadRequest naming what is wrong, and where, for a malformed expression.
  static MetadataFilter parse(const std::string& text);

  bool matches(const std::map<std::string, std::string>& metadata) const;

  struct Node;

 private:
  explicit MetadataFilter(std::shared_ptr<const Node> root) : root_(std::move(root)) {}
  std::shared_ptr<const Node> root_;
};

}  // namespace cvmock::server
