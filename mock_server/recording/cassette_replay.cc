// The replay loop: state, ids, keys, requests, comparison.
#include "mock_server/recording/cassette_replay.h"

#include <algorithm>
#include <chrono>
#include <set>

#include "mock_server/recording/ascii.h"
#include "mock_server/recording/given_state.h"
#include "mock_server/recording/id_map.h"
#include "mock_server/recording/replay_target.h"
#include "mock_server/recording/scrubber.h"
#include "mock_server/recording/url_text.h"

namespace cvmock::recording {
namespace {

// Request headers the replay does not resend: framing is the client's own, and cvmock's answer is read as
// sent (no compression asked for).
bool droppedOnReplay(const std::string& name) {
  const std::string lower = lowerAscii(name);
  return lower == "content-length" || lower == "host" || lower == "connection" || lower == "accept-encoding" ||
         lower == "transfer-encoding" || lower == "cookie" || lower == "expect";
}

std::string pathOf(const std::string& target) { return target.substr(0, target.find('?')); }

// The ARM id a recorded successful publish named: the replayed cvmock must accept it too.
std::string publishTarget(const Cassette& cassette) {
  for (const Exchange& exchange : cassette.exchanges) {
    const std::string& target = exchange.request.target;
    if (exchange.request.method != "POST" || pathOf(target).find("/publish") == std::string::npos ||
        exchange.response.status >= 300) {
      continue;
    }
    const std::size_t at = target.find("predictionId=");
    if (at == std::string::npos) continue;
    const std::size_t end = target.find('&', at);
    return percentDecode(target.substr(at + 13, end == std::string::npos ? std::string::npos : end - at - 13));
  }
  return "";
}

// Keys are placeholders in a recording; one the recorded service refused (401) is replayed as a key cvmock
// refuses, any other as the replay's own key for the API called.
std::set<std::string> refusedKeys(const Cassette& cassette) {
  std::set<std::string> refused;
  for (const Exchange& exchange : cassette.exchanges) {
    if (exchange.response.status != 401) continue;
    for (const auto& [name, values] : exchange.request.headers) {
      if (isSecretHeader(name)) refused.insert(values.begin(), values.end());
    }
  }
  return refused;
}

HeaderList replayHeaders(const RecordedRequest& request, const std::set<std::string>& refused) {
  const bool prediction = lowerAscii(pathOf(request.target)).find("/prediction/") != std::string::npos;
  HeaderList headers;
  for (const auto& [name, values] : request.headers) {
    if (droppedOnReplay(name)) continue;
    if (!isSecretHeader(name)) {
      headers.emplace_back(name, values);
      continue;
    }
    const std::string lower = lowerAscii(name);
    const bool predictionKey = lower == "prediction-key" || (lower != "training-key" && prediction);
    const bool wasRefused = !values.empty() && refused.count(values.front());
    headers.emplace_back(name, std::vector<std::string>{wasRefused      ? kRefusedKey
                                                        : predictionKey ? kReplayPredictionKey
                                                                        : kReplayTrainingKey});
  }
  return headers;
}

// True when an iteration the recording shows Completed (or Failed) still trains in cvmock's answer: the
// recorded service had finished by then, so held trainings are released and the read is asked again.
bool finishedInRecordingOnly(const std::string& recordedBody, const std::string& liveBody) {
  const auto statuses = [](const std::string& body) {
    std::set<std::string> found;
    const Json parsed = Json::parse(body, nullptr, false);
    const Json list = parsed.is_array() ? parsed : Json::array({parsed});
    for (const Json& item : list) {
      if (item.is_object() && item.contains("status") && item["status"].is_string()) found.insert(item["status"]);
    }
    return found;
  };
  const std::set<std::string> recorded = statuses(recordedBody);
  return (recorded.count("Completed") || recorded.count("Failed")) && statuses(liveBody).count("Training");
}

std::set<std::string> domainIds(ReplayTarget& target) {
  std::set<std::string> ids;
  for (const Json& domain : target.training("GET", "/domains"))
    ids.insert(lowerAscii(domain.at("id").get<std::string>()));
  return ids;
}

ExchangeResult replayExchange(const Exchange& exchange, const ExchangeScope& scope, const Cassette& cassette,
                              ReplayTarget& target, ReplayImages& images, const GivenState& state, IdMap& ids,
                              const VerifyTable& table, const std::set<std::string>& refused, bool lengthsKnown) {
  ExchangeResult result{
      scope.number, exchange.request.method + " " + exchange.request.target, exchange.response.status, 0, {}, ""};
  const std::filesystem::path folder = cassette.file.parent_path();
  for (const auto& [url, image] : exchange.urlImages) images.provide(url, bodyBytes(image, folder));
  std::string body = bodyBytes(exchange.request.body, folder);
  // JSON bodies name ids (images from files carry their images inline, so they may be stored as a file).
  const std::string contentType = lowerAscii(headerValue(exchange.request.headers, "Content-Type").value_or(""));
  if (exchange.request.body.kind == Body::Kind::Text || contentType.find("json") != std::string::npos) {
    body = ids.liveJsonBody(body, [&](const std::string& url) { return state.imageUrl(url); });
  }
  const std::string liveTarget = ids.liveTarget(exchange.request.target);
  const HeaderList headers = replayHeaders(exchange.request, refused);
  LiveAnswer live = target.send(exchange.request.method, liveTarget, headers, body);
  const std::string recordedBody = bodyBytes(exchange.response.body, folder);
  if (exchange.request.method == "GET" && finishedInRecordingOnly(recordedBody, live.body)) {
    target.releaseTrainings();
    live = target.send(exchange.request.method, liveTarget, headers, body);
  }
  result.liveStatus = live.status;
  if (live.status == 0) {
    result.differences.push_back({std::nullopt, "status", live.body, ""});
    return result;
  }
  result.differences = compareExchange(exchange.response, recordedBody, live, scope, table, ids, lengthsKnown);
  return result;
}

}  // namespace

bool ExchangeResult::failed() const {
  return std::any_of(differences.begin(), differences.end(),
                     [](const Difference& difference) { return difference.acceptedWhy.empty(); });
}

bool CassetteResult::failed() const {
  return !error.empty() ||
         std::any_of(exchanges.begin(), exchanges.end(), [](const ExchangeResult& e) { return e.failed(); });
}

CassetteResult replayCassette(const Cassette& cassette, const std::string& id, const VerifyTable& table,
                              std::uint64_t seed, ReplayImages& images) {
  CassetteResult result;
  result.id = id;
  result.file = cassette.file.string();
  if (std::optional<std::string> why = table.skipped(id, 0)) {
    result.skipped = *why;
    return result;
  }
  const auto started = std::chrono::steady_clock::now();
  try {
    ReplayTarget target(seed, publishTarget(cassette));
    const Json given = table.given(id);
    GivenState state(given, id, target, images);
    IdMap ids(state.pools(), domainIds(target));
    const std::set<std::string> refused = refusedKeys(cassette);
    for (std::size_t i = 0; i < cassette.exchanges.size(); ++i) {
      const Exchange& exchange = cassette.exchanges[i];
      const ExchangeScope scope{id, static_cast<int>(i + 1),
                                exchange.request.method + " " + pathOf(exchange.request.target)};
      std::optional<std::string> skipped = table.skipped(id, scope.number);
      if (!skipped && !exchange.proxyError.empty()) {
        skipped = "the upstream gave no answer (" + exchange.proxyError + "); the recorder wrote this 502 itself";
      }
      if (skipped) {
        result.exchanges.push_back({scope.number,
                                    exchange.request.method + " " + exchange.request.target,
                                    exchange.response.status,
                                    0,
                                    {},
                                    *skipped});
        continue;
      }
      try {
        state.before(scope.number);
        result.exchanges.push_back(
            replayExchange(exchange, scope, cassette, target, images, state, ids, table, refused, given.is_null()));
      } catch (const std::exception& failure) {
        result.error = "exchange " + std::to_string(scope.number) + " (" + scope.request + "): " + failure.what();
        break;
      }
    }
  } catch (const std::exception& failure) {
    result.error = std::string("before the first exchange: ") + failure.what();
  }
  result.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  return result;
}

}  // namespace cvmock::recording
