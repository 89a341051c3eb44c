// The verify table: how each place of a body and which headers are compared, which differences are accepted
// and why, which recordings are skipped, and the state a recording takes for granted. One built-in table
// (builtin_table.cc, documented in docs/KEEPING_HONEST.md) plus the user's file beside the recording.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "mock_server/recording/cassette.h"
#include "mock_server/recording/json_path.h"

namespace cvmock::recording {

// value: equal values (the default); id: a GUID, and the same entity where the id map knows the recorded one;
// shape: the same JSON type and string format, any value; any: not compared.
enum class CompareAs { Value, Id, Shape, Any };

// Which exchanges an entry is about: a cassette glob (its path below the verified folder, without .jsonl),
// exchange numbers (1-based; empty for all), and a request glob over "METHOD /path" (query left out).
struct Scope {
  std::string cassette = "*";
  std::vector<int> exchanges;
  std::string request = "*";
  bool covers(const std::string& cassetteId, int exchange, const std::string& requestLine) const;
};

struct FieldRule {
  Scope scope;
  std::vector<JsonPathPattern> paths;
  CompareAs as;
  std::string why;
};

struct HeaderRule {
  Scope scope;
  std::string name;
  CompareAs as;  // any stops comparing a header an earlier entry compares
  std::string why;
};

struct Acceptance {
  Scope scope;
  std::vector<JsonPathPattern> paths;  // body places; empty with `what` = "status" or "header NAME"
  std::string what;                    // "status", "header retry-after", or "" for body places
  std::string why;
};

struct Skip {
  Scope scope;
  std::string why;
};

// A JSON merge patch (RFC 7386) of the state; the patches of every matching entry apply in order.
struct GivenPatch {
  Scope scope;
  Json patch;
};

class VerifyTable {
 public:
  // The built-in table only.
  static VerifyTable builtin();
  // Adds the entries of `file` after the built-in ones (later entries win). Throws RecordingError naming the
  // file and the entry ("fields[3].as ...").
  void load(const std::filesystem::path& file);

  // `inherited` when no field rule matches `path`, else the last matching rule's.
  CompareAs fieldMode(const std::string& cassette, int exchange, const std::string& request, const JsonPath& path,
                      CompareAs inherited) const;
  // The headers compared for this exchange, each with its mode (any omitted).
  std::vector<std::pair<std::string, CompareAs>> headers(const std::string& cassette, int exchange,
                                                         const std::string& request) const;
  // The reason an acceptance gives for a difference at `path` (a body place) or `what`, or nullopt.
  std::optional<std::string> accepted(const std::string& cassette, int exchange, const std::string& request,
                                      const std::optional<JsonPath>& path, const std::string& what) const;
  // Why this exchange (exchange 0: the whole cassette) is skipped, or nullopt.
  std::optional<std::string> skipped(const std::string& cassette, int exchange) const;
  // The merged given state for a cassette: {"projects": {...}, "before": {...}}, or null when none applies.
  Json given(const std::string& cassette) const;

 private:
  void parse(const Json& document, const std::string& file);

  std::vector<FieldRule> fields_;
  std::vector<HeaderRule> headers_;
  std::vector<Acceptance> acceptances_;
  std::vector<Skip> skips_;
  std::vector<GivenPatch> given_;
};

}  // namespace cvmock::recording
