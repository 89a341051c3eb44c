// Flag parsing for cvmock.
#include "mock_server/options.h"

#include <charconv>

namespace cvmock::server {
namespace {

struct Flag {
  const char* name;
  const char* env;
  const char* help;
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
};

template <typename Number>
bool parseNumber(const std::string& text, Number& out) {
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), out);
  return ec == std::errc() && end == text.data() + text.size();
}

// Applies one flag's value; returns an error message or "".
std::string apply(ServerConfig& config, const std::string& flag, const std::string& value) {
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
  }
  if (value.empty()) return std::string(flag) + " needs a non-empty value";
  return "";
}

}  // namespace

ParsedOptions parseOptions(const std::vector<std::string>& args,
                           const std::function<std::optional<std::string>(const char*)>& getenv) {
  ParsedOptions parsed;
  for (const Flag& flag : kFlags) {
    if (std::optional<std::string> value = getenv(flag.env)) {
      std::string error = apply(parsed.config, flag.name, *value);
      if (!error.empty()) {
        parsed.error = std::string(flag.env) + ": " + error;
        return parsed;
      }
    }
  }
  for (std::size_t i = 0; i < args.size(); ++i) {
    std::string arg = args[i];
    if (arg == "--help" || arg == "-h") {
      parsed.help = true;
      return parsed;
    }
    std::string value;
    if (std::size_t eq = arg.find('='); eq != std::string::npos) {
      value = arg.substr(eq + 1);
      arg = arg.substr(0, eq);
    } else if (i + 1 < args.size()) {
      value = args[++i];
    } else {
      parsed.error = arg + " needs a value";
      return parsed;
    }
    bool known = false;
    for (const Flag& flag : kFlags) known = known || arg == flag.name;
    if (!known) {
      parsed.error = "unknown option: " + arg;
      return parsed;
    }
    parsed.error = apply(parsed.config, arg, value);
    if (!parsed.error.empty()) return parsed;
  }
  return parsed;
}

std::string usage() {
  std::string text =
      "cvmock: an offline Azure Custom Vision (Training v3.0-v3.4-preview, Prediction v3.0-v3.1).\n\n"
      "usage: cvmock [options]\n\n";
  for (const Flag& flag : kFlags) {
    text += "  " + std::string(flag.name) + " VALUE\n      " + flag.help + "; env " + flag.env + "\n";
  }
  text += "  --help\n      this text\n";
  return text;
}

}  // namespace cvmock::server
