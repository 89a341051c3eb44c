// The table of cvctl commands and the help text made from it.
#include <algorithm>

#include "client/cvctl/commands.h"

namespace cvmock::cvctl {

const std::vector<Command>& allCommands() {
  static const std::vector<Command> kCommands = {
      {"domains", "", "List the domains a project can use.", {}, runDomains},
      {"projects", "", "List the projects.", {}, runProjects},
      {"create-project",
       "NAME [--domain ID] [--type Multiclass|Multilabel] [--description TEXT]",
       "Create a classification project.",
       {"domain", "type", "description"},
       runCreateProject},
      {"delete-project", "PROJECT", "Delete a project and everything in it.", {}, runDeleteProject},
      {"create-tag",
       "PROJECT NAME [--description TEXT] [--type Regular|Negative]",
       "Create a tag in a project.",
       {"description", "type"},
       runCreateTag},
      {"tags", "PROJECT", "List a project's tags with their image counts.", {}, runTags},
      {"upload",
       "PROJECT DIR --tag NAME",
       "Upload every jpg/jpeg/png/bmp/gif in DIR with one tag, creating the tag if missing.",
       {"tag"},
       runUpload},
      {"train",
       "PROJECT [--wait] [--force] [--timeout SECONDS]",
       "Start training a new iteration; --wait polls until it finishes.",
       {"wait", "force", "timeout"},
       runTrain},
      {"performance",
       "PROJECT ITERATION [--threshold 0.5]",
       "Show precision, recall and average precision per tag.",
       {"threshold"},
       runPerformance},
      {"publish",
       "PROJECT ITERATION NAME",
       "Publish an iteration to the prediction resource under NAME.",
       {},
       runPublish},
      {"predict",
       "PROJECT NAME FILE",
       "Classify an image with the iteration published as NAME.",
       {},
       runPredict},
      {"demo",
       "[--images-per-class N] [--keep]",
       "Walk through the whole workflow on generated images.",
       {"images-per-class", "keep"},
       runDemo},
      {"health", "", "cvmock: exit 0 when the server is ready, 1 otherwise.", {}, runHealth},
      {"reset", "", "cvmock: delete every project, fault, journal entry and held training.", {}, runReset},
      {"config", "", "cvmock: show seed, tier limits, clock, training mode and faults.", {}, runConfig},
      {"tier",
       "[F0|S0|unlimited] [--set JSON]",
       "cvmock: show or change the tier's quotas and rates, e.g. --set '{\"projects\":5}'.",
       {"set"},
       runTier},
      {"clock",
       "[system|fixed:TIME] [--advance SECONDS]",
       "cvmock: show, fix or advance the clock behind throttling, timers and dates.",
       {"advance"},
       runClock},
      {"journal",
       "[--operation OP] [--status N] [--method M] [--path TEXT] [--limit N] [--clear]",
       "cvmock: list the requests it answered.",
       {"operation", "status", "method", "path", "limit", "clear"},
       runJournal},
      {"training-mode",
       "[background|immediate|after-seconds:N|after-reads:N|manual]",
       "cvmock: show or set when a finished training becomes visible.",
       {},
       runTrainingMode},
      {"next-training", "normal|fail|hang", "cvmock: force how the next training ends.", {}, runNextTraining},
      {"advance-training", "", "cvmock: show every held training result now.", {}, runAdvanceTraining},
      {"faults", "", "cvmock: list the injected faults.", {}, runFaults},
      {"add-fault",
       "[--operation OP] [--path REGEX] [--status N] [--code CODE] [--message TEXT] [--latency MS] [--drop] "
       "[--probability P] [--times N]",
       "cvmock: inject a fault into matching calls.",
       {"operation", "path", "status", "code", "message", "latency", "drop", "probability", "times"},
       runAddFault},
      {"remove-fault", "FAULT|all", "cvmock: remove one injected fault, or all.", {}, runRemoveFault},
  };
  return kCommands;
}

const Command* findCommand(const std::string& name) {
  const auto& commands = allCommands();
  auto it = std::find_if(commands.begin(), commands.end(),
                         [&](const Command& command) { return command.name == name; });
  return it == commands.end() ? nullptr : &*it;
}

void checkOptions(const Command& command, const CommandLine& line) {
  const auto& global = globalOptionNames();
  for (const auto& [name, value] : line.options) {
    bool known =
        std::find(global.begin(), global.end(), name) != global.end() ||
        std::find(command.options.begin(), command.options.end(), name) != command.options.end();
    if (!known) throw UsageError("unknown option --" + name + " for " + command.name);
  }
}

void printOverview(std::ostream& out) {
  out << "cvctl: drive a Custom Vision service (by default the cvmock emulator) from the shell.\n\n"
         "usage: cvctl [global options] COMMAND [arguments]\n\n"
         "commands:\n";
  for (const auto& command : allCommands()) {
    out << "  " << command.name << std::string(16 - command.name.size(), ' ') << command.summary
        << "\n";
  }
  out << "\nglobal options:\n"
         "  --endpoint URL                 service endpoint (env CVMOCK_ENDPOINT, default "
         "http://127.0.0.1:8808)\n"
         "  --training-key KEY             Training-Key (env CVMOCK_TRAINING_KEY)\n"
         "  --prediction-key KEY           Prediction-Key (env CVMOCK_PREDICTION_KEY)\n"
         "  --prediction-resource-id ID    prediction resource to publish to\n"
         "                                 (env CVMOCK_PREDICTION_RESOURCE_ID)\n"
         "  --admin-key KEY                cvmock's --admin-key, for the cvmock: commands (env CVMOCK_ADMIN_KEY)\n"
         "  --help                         this text, or a command's usage after its name\n\n"
         "PROJECT and ITERATION accept an id or a name.\n";
}

void printUsage(std::ostream& out, const Command& command) {
  out << "usage: cvctl " << command.name;
  if (!command.arguments.empty()) out << " " << command.arguments;
  out << "\n" << command.summary << "\n";
}

}  // namespace cvmock::cvctl
