// Where a value sits in a JSON body ("$.images[2].tags[0].tagId"), and the patterns verify tables use to name
// places ("$..created", "$.predictions[*].probability", "$..*Id").
#pragma once

#include <cstddef>
#include <string>
#include <variant>
#include <vector>

namespace cvmock::recording {

// A concrete place: a list of object keys and array indexes below the root.
class JsonPath {
 public:
  JsonPath child(const std::string& key) const;
  JsonPath index(std::size_t position) const;
  // "$", "$.name", "$[0]", and $["a key"] for keys that are not plain names.
  std::string text() const;
  const std::vector<std::variant<std::string, std::size_t>>& segments() const { return segments_; }

 private:
  std::vector<std::variant<std::string, std::size_t>> segments_;
};

// A compiled pattern. Syntax: "$" then any of ".name" (a key; * and ? are wildcards, as in shell globs),
// "..name" (the key at any depth below), "[*]" (any index), "[N]" (index N), and "$..*" for every place.
class JsonPathPattern {
 public:
  // Throws std::invalid_argument naming what is wrong in `pattern`.
  explicit JsonPathPattern(const std::string& pattern);
  bool matches(const JsonPath& path) const;
  // True when `path` is a place the pattern matches or lies below one (an acceptance of "$.a" covers "$.a.b").
  bool covers(const JsonPath& path) const;
  const std::string& text() const { return text_; }

 private:
  struct Step {
    enum class Kind { Key, AnyDepthKey, AnyIndex, Index } kind;
    std::string glob;
    std::size_t position = 0;
  };
  bool matchFrom(std::size_t step, const JsonPath& path, std::size_t segment, bool prefix) const;

  std::string text_;
  std::vector<Step> steps_;
};

// Shell-style wildcard match of a whole name: * any run, ? any one character.
bool globMatches(const std::string& glob, const std::string& name);

}  // namespace cvmock::recording
