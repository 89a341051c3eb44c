// Flag parsing for cvmock.
#include "mock_server/app/options.h"

#include "mock_server/simulation/simulation_options.h"

#include <charconv>
#include <fstream>
#include <set>

#include "mock_server/base/text.h"

namespace cvmock::server {
namespace {

struct Flag {
  const char* name;
  const char* env;
  const char* help;
  bool boolean = false;  // a switch: given alone, or as --flag=true|false
};

constexpr Flag kFlags[] = {
    {"--host", "CVMOCK_HOST", "address to listen on (default 127.0.0.1)"},
    {"--port", "CVMOCK_PORT", "port to listen on (default 8808; 0 picks a free one)"},
    {"--training-key", "CVMOCK_TRAINING_KEY", "key the Training API accepts (default cvmock-training-key)"},
    {"--prediction-key", "CVMOCK_PREDICTION_KEY", "key the Prediction API accepts (default cvmock-prediction-key)"},
    {"--prediction-resource-id", "CVMOCK_PREDICTION_RESOURCE_ID",
     "ARM id PublishIteration accepts as predictionId (default "
     "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/cvmock/providers/"
     "Microsoft.CognitiveServices/accounts/cvmock-prediction)"},
    {"--seed", "CVMOCK_SEED", "seed for ids, holdout splits and training (default 0)"},
    {"--data-dir", "CVMOCK_DATA_DIR",
     "directory of the database (cvmock.db) that keeps all state across restarts, created when missing; one cvmock "
     "at a time uses it (it holds cvmock.lock there) (default: none, state in memory)"},
    {"--cognitive-services-key", "CVMOCK_COGNITIVE_SERVICES_KEY",
     "a multi-service key that opens both APIs, as a Cognitive Services resource's does (default: none)"},
    {"--cert", "CVMOCK_CERT", "PEM certificate; with --key, serve HTTPS instead of HTTP (default: none)"},
    {"--key", "CVMOCK_KEY", "PEM private key of --cert (default: none)"},
    {"--max-training-image-bytes", "CVMOCK_MAX_TRAINING_IMAGE_BYTES", "largest training image (default 6291456, 6 MB)"},
    {"--max-prediction-image-bytes", "CVMOCK_MAX_PREDICTION_IMAGE_BYTES",
     "largest prediction or quick-test image (default 4194304, 4 MB)"},
    {"--url-allowed-hosts", "CVMOCK_URL_ALLOWED_HOSTS",
     "comma-separated hosts image URLs may be fetched from, * for any (default: loopback addresses only)"},
    {"--url-timeout-seconds", "CVMOCK_URL_TIMEOUT_SECONDS", "time allowed to fetch an image URL (default 10)"},
    {"--tier", "CVMOCK_TIER", "limit profile F0, S0 or unlimited: quotas and request rates (default unlimited)"},
    {"--tier-config", "CVMOCK_TIER_CONFIG", "JSON file overriding tier numbers, e.g. {\"tier\":\"F0\",\"projects\":5}"},
    {"--clock", "CVMOCK_CLOCK", "system, or fixed:<ISO time> for deterministic dates, throttling and timers"},
    {"--training-mode", "CVMOCK_TRAINING_MODE",
     "background, immediate, after-seconds:N, after-reads:N or manual (default background)"},
    {"--admin-key", "CVMOCK_ADMIN_KEY", "enables the /_cvmock/ admin API with this key (default: off)"},
    {"--resources", "CVMOCK_RESOURCES",
     "JSON file of training, prediction and Cognitive Services resources (keys, region, ARM id, own port); "
     "replaces --training-key, --prediction-key, --cognitive-services-key and --prediction-resource-id "
     "(default: those flags)"},
    {"--log-level", "CVMOCK_LOG_LEVEL",
     "quiet, info (one line per request: method, path, operation, status, time, request id) or debug (also body "
     "sizes and the error of each refusal) (default info)"},
    {"--log-format", "CVMOCK_LOG_FORMAT", "text or json, one request per line (default text)"},
    {"--strict", "CVMOCK_STRICT",
     "refuse what the service tolerates: non-canonical paths, key header spellings, query parameters the spec "
     "does not list (default false)",
     true},
};

// The flags that describe the default resources, which a resource file replaces.
constexpr const char* kSimpleResourceFlags[] = {"--training-key", "--prediction-key", "--cognitive-services-key",
                                                "--prediction-resource-id"};

std::optional<bool> parseSwitch(const std::string& value) {
  const std::string lower = toLower(value);
  if (lower == "true" || lower == "1" || lower == "yes") return true;
  if (lower == "false" || lower == "0" || lower == "no") return false;
  return std::nullopt;
}

template <typename Number>
bool parseNumber(const std::string& text, Number& out) {
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), out);
  return ec == std::errc() && end == text.data() + text.size();
}

// Applies one flag's value; returns an error message or "".
std::string apply(ServerConfig& config, const std::string& flag, const std::string& value) {
  if (simulation::isSimulationFlag(flag)) {
    if (value.empty()) return flag + " needs a non-empty value";
    return simulation::applySimulationFlag(config.simulation, config.service.limits, flag, value);
  }
  if (flag == "--host") {
    config.host = value;
  } else if (flag == "--port") {
    if (!parseNumber(value, config.port) || config.port < 0 || config.port > 65535) return "invalid port: " + value;
  } else if (flag == "--training-key") {
    config.trainingKey = value;
  } else if (flag == "--prediction-key") {
    config.predictionKey = value;
  } else if (flag == "--prediction-resource-id") {
    config.service.predictionResourceId = value;
  } else if (flag == "--seed") {
    if (!parseNumber(value, config.service.seed)) return "invalid seed: " + value;
  } else if (flag == "--data-dir") {
    config.dataDir = value;
  } else if (flag == "--cognitive-services-key") {
    config.cognitiveServicesKey = value;
  } else if (flag == "--cert") {
    config.certFile = value;
  } else if (flag == "--key") {
    config.keyFile = value;
  } else if (flag == "--max-training-image-bytes") {
    if (!parseNumber(value, config.service.limits.maxTrainingImageBytes) ||
        config.service.limits.maxTrainingImageBytes == 0) {
      return "invalid size: " + value;
    }
  } else if (flag == "--max-prediction-image-bytes") {
    if (!parseNumber(value, config.service.limits.maxPredictionImageBytes) ||
        config.service.limits.maxPredictionImageBytes == 0) {
      return "invalid size: " + value;
    }
  } else if (flag == "--resources") {
    try {
      config.service.resources = loadResources(value);
    } catch (const std::runtime_error& error) {
      return error.what();
    }
  } else if (flag == "--strict") {
    std::optional<bool> on = parseSwitch(value);
    if (!on) return "--strict takes true or false, not " + value;
    config.strict = *on;
  } else if (flag == "--log-level") {
    std::optional<LogLevel> level = parseLogLevel(value);
    if (!level) return "--log-level takes quiet, info or debug, not " + value;
    config.log.level = *level;
  } else if (flag == "--log-format") {
    std::optional<LogFormat> format = parseLogFormat(value);
    if (!format) return "--log-format takes text or json, not " + value;
    config.log.format = *format;
  } else if (flag == "--url-allowed-hosts") {
    config.urlFetch.allowedHosts = splitList(value, ',');
  } else if (flag == "--url-timeout-seconds") {
    if (!parseNumber(value, config.urlFetch.timeoutSeconds) || config.urlFetch.timeoutSeconds <= 0) {
      return "invalid timeout: " + value;
    }
  }
  if (value.empty()) return std::string(flag) + " needs a non-empty value";
  return "";
}

// HTTPS needs both files, readable; said at start-up rather than at the first connection.
std::string checkTls(const ServerConfig& config) {
  if (config.certFile.empty() && config.keyFile.empty()) return "";
  if (config.certFile.empty() || config.keyFile.empty()) return "--cert and --key must be given together";
  for (const std::string& file : {config.certFile, config.keyFile}) {
    if (!std::ifstream(file)) return "cannot read " + file;
  }
  return "";
}

const Flag* findFlag(const std::string& name) {
  for (const Flag& flag : kFlags) {
    if (name == flag.name) return &flag;
  }
  return nullptr;
}

// A resource file and the simple flags would each describe the resources: refused rather than guessed.
std::string checkResourceSource(const std::set<std::string>& given) {
  if (!given.count("--resources")) return "";
  for (const char* simple : kSimpleResourceFlags) {
    if (given.count(simple)) return std::string("--resources replaces ") + simple + ": put the keys in the file";
  }
  return "";
}

}  // namespace

ParsedOptions parseOptions(const std::vector<std::string>& args,
                           const std::function<std::optional<std::string>(const char*)>& getenv) {
  ParsedOptions parsed;
  parsed.config.log.level = LogLevel::Info;  // the executable logs each request unless told otherwise
  std::set<std::string> given;
  for (const Flag& flag : kFlags) {
    if (std::optional<std::string> value = getenv(flag.env)) {
      std::string error = apply(parsed.config, flag.name, *value);
      if (!error.empty()) {
        parsed.error = std::string(flag.env) + ": " + error;
        return parsed;
      }
      given.insert(flag.name);
    }
  }
  for (std::size_t i = 0; i < args.size(); ++i) {
    std::string arg = args[i];
    if (arg == "--help" || arg == "-h") {
      parsed.help = true;
      return parsed;
    }
    if (arg == "--version") {
      parsed.version = true;
      return parsed;
    }
    std::optional<std::string> value;
    if (std::size_t eq = arg.find('='); eq != std::string::npos) {
      value = arg.substr(eq + 1);
      arg = arg.substr(0, eq);
    }
    const Flag* flag = findFlag(arg);
    if (!flag) {
      parsed.error = "unknown option: " + arg;
      return parsed;
    }
    if (!value && flag->boolean) value = "true";
    if (!value && i + 1 < args.size()) value = args[++i];
    if (!value) {
      parsed.error = arg + " needs a value";
      return parsed;
    }
    parsed.error = apply(parsed.config, arg, *value);
    if (!parsed.error.empty()) return parsed;
    given.insert(arg);
  }
  parsed.error = checkResourceSource(given);
  if (parsed.error.empty()) parsed.error = checkTls(parsed.config);
  return parsed;
}

std::string usage() {
  std::string text =
      "cvmock: an offline Azure Custom Vision (Training v3.0-v3.4-preview, Prediction v3.0-v3.1).\n\n"
      "usage: cvmock [options]            serve both APIs and the portal until SIGINT or SIGTERM\n"
      "       cvmock SUBCOMMAND [ARGS]    each subcommand prints its own usage when its arguments are wrong\n\n"
      "subcommands:\n"
      "  healthcheck [--endpoint URL] [--ca-file FILE] [--insecure]  exit 0 when a cvmock answers ready\n"
      "  record --upstream URL --out DIR    proxy a real Custom Vision resource, recording each exchange\n"
      "  verify PATH                        replay recordings against cvmock; exit 1 when an answer differs\n"
      "  convert-recordings SRC DST         convert Microsoft.Rest HttpRecorder recordings to cassettes\n\n"
      "options:\n";
  for (const Flag& flag : kFlags) {
    text += "  " + std::string(flag.name) + (flag.boolean ? "" : " VALUE") + "\n      " + flag.help + "; env " +
            flag.env + "\n";
  }
  text += "  --version\n      the version of cvmock and of the APIs it serves\n  --help\n      this text\n";
  return text;
}

}  // namespace cvmock::server
