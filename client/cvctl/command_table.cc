// The table of cvctl commands and the help text made from it.
#include <algorithm>

#include "client/cvctl/commands.h"

namespace cvmock::cvctl {

namespace {

OptionSpec flag(std::string name) { return {std::move(name), false}; }

}  // namespace

const std::vector<Command>& allCommands() {
  static const std::vector<Command> kCommands = {
      {"domains", "", "List the domains a project can use.", {}, runDomains},
      {"projects", "", "List the projects.", {}, runProjects},
      {"create-project", "NAME [--domain ID] [--type Multiclass|Multilabel] [--detection] [--description TEXT]",
       "Create a project: classification by default, --detection for object detection (the General domain).",
       {{"domain"}, {"type"}, flag("detection"), {"description"}}, runCreateProject},
      {"delete-project", "PROJECT", "Delete a project and everything in it.", {}, runDeleteProject},
      {"create-tag", "PROJECT NAME [--description TEXT] [--type Regular|Negative]", "Create a tag in a project.",
       {{"description"}, {"type"}}, runCreateTag},
      {"tags", "PROJECT", "List a project's tags with their image counts.", {}, runTags},
      {"images",
       "PROJECT [--tagged|--untagged] [--tag NAME] [--filter EXPR] [--order Newest|Oldest] [--take N] [--skip N] "
       "[--count]",
       "List (or --count) a project's images; --filter is OData on metadata: \"shape eq 'circle'\".",
       {flag("tagged"), flag("untagged"), {"tag"}, {"filter"}, {"order"}, {"take"}, {"skip"}, flag("count")},
       runImages},
      {"image-metadata", "PROJECT IMAGE[,IMAGE...] KEY=VALUE...", "Add or replace metadata keys on images.", {},
       runImageMetadata},
      {"delete-images", "PROJECT IMAGE... | PROJECT --all", "Delete images (--all: every image of the project).",
       {flag("all")}, runDeleteImages},
      {"upload", "PROJECT DIR --tag NAME",
       "Upload every jpg/jpeg/png/bmp/gif in DIR with one tag (created if missing), streamed 64 per call.",
       {{"tag"}}, runUpload},
      {"upload-regions", "PROJECT DIR",
       "Upload labelled detection images: each image in DIR with its regions in the .json beside it, as "
       "cvmock-fixtures --detection writes them (tags created if missing).",
       {}, runUploadRegions},
      {"regions", "PROJECT IMAGE", "List an image's regions: tag and box.", {}, runRegions},
      {"add-region", "PROJECT IMAGE TAG LEFT TOP WIDTH HEIGHT",
       "Add a region to an image; the box in fractions of the image's width and height.", {}, runAddRegion},
      {"delete-regions", "PROJECT REGION...", "Delete regions by id.", {}, runDeleteRegions},
      {"proposals", "PROJECT IMAGE [--take N]", "Show the boxes the service proposes for regions on an image.",
       {{"take"}}, runProposals},
      {"upload-urls", "PROJECT URL... [--tag NAME]", "Have the service fetch images from URLs into the project.",
       {{"tag"}}, runUploadUrls},
      {"train", "PROJECT [--wait] [--force] [--timeout SECONDS]",
       "Start training a new iteration; --wait polls until it finishes.",
       {flag("wait"), flag("force"), {"timeout"}}, runTrain},
      {"iterations", "PROJECT", "List a project's iterations with their status and publication.", {},
       runIterations},
      {"performance", "PROJECT ITERATION [--threshold 0.5] [--overlap-threshold IOU]",
       "Show precision, recall and average precision per tag (detection: boxes matched at the overlap threshold).",
       {{"threshold"}, {"overlap-threshold"}}, runPerformance},
      {"publish", "PROJECT ITERATION NAME", "Publish an iteration to the prediction resource under NAME.", {},
       runPublish},
      {"unpublish", "PROJECT ITERATION", "Withdraw an iteration from the Prediction API.", {}, runUnpublish},
      {"delete-iteration", "PROJECT ITERATION", "Delete an (unpublished) iteration.", {}, runDeleteIteration},
      {"predict", "PROJECT NAME FILE|URL [--no-store]", "Classify an image with the iteration published as NAME.",
       {flag("no-store")}, runPredict},
      {"detect", "PROJECT NAME FILE|URL [--threshold 0.5] [--draw OUT.png] [--no-store]",
       "Find objects in an image with the iteration published as NAME; --draw writes the image with the boxes.",
       {{"threshold"}, {"draw"}, flag("no-store")}, runDetect},
      {"quick-test", "PROJECT FILE|URL [--iteration ITERATION] [--no-store]",
       "Classify an image with a trained iteration (the latest by default), without publishing.",
       {{"iteration"}, flag("no-store")}, runQuickTest},
      {"predictions",
       "PROJECT [--iteration ITERATION] [--application NAME] [--order Newest|Oldest|Suggested] [--take N]",
       "List the stored predictions (from predict and quick-test).",
       {{"iteration"}, {"application"}, {"order"}, {"take"}}, runPredictions},
      {"delete-predictions", "PROJECT ID...", "Delete stored predictions.", {}, runDeletePredictions},
      {"suggestions", "PROJECT ITERATION [--tag NAME] [--threshold 0.5] [--take N]",
       "Suggest tags for the untagged images from an iteration's predictions.", {{"tag"}, {"threshold"}, {"take"}},
       runSuggestions},
      {"export-project", "PROJECT", "Print a token that import-project turns into a copy of the project.", {},
       runExportProject},
      {"import-project", "TOKEN [--name NAME] [--wait]", "Create a project from an export-project token.",
       {{"name"}, flag("wait")}, runImportProject},
      {"export-iteration", "PROJECT ITERATION [--platform TensorFlow] [--flavor F] [--out FILE] [--timeout SECONDS]",
       "Export a compact-domain iteration's model, wait until it is ready and download it.",
       {{"platform"}, {"flavor"}, {"out"}, {"timeout"}}, runExportIteration},
      {"exports", "PROJECT ITERATION", "List an iteration's exports and their download URIs.", {}, runExports},
      {"demo", "[--images-per-class N] [--keep] | --detection --scenes DIR [--draw DIR] [--keep]",
       "Walk through the whole workflow on generated images; --detection: object detection on the scenes "
       "cvmock-fixtures --detection wrote.",
       {{"images-per-class"}, flag("keep"), flag("detection"), {"scenes"}, {"draw"}}, runDemo},
      {"health", "", "cvmock: exit 0 when the server is ready, 1 otherwise.", {}, runHealth},
      {"reset", "", "cvmock: delete every project, fault, journal entry and held training.", {}, runReset},
      {"config", "", "cvmock: show seed, tier limits, clock, training mode and faults.", {}, runConfig},
      {"tier", "[F0|S0|unlimited] [--set JSON]",
       "cvmock: show or change the tier's quotas and rates, e.g. --set '{\"projects\":5}'.", {{"set"}}, runTier},
      {"clock", "[system|fixed:TIME] [--advance SECONDS]",
       "cvmock: show, fix or advance the clock behind throttling, timers and dates.", {{"advance"}}, runClock},
      {"journal", "[--operation OP] [--status N] [--method M] [--path TEXT] [--limit N] [--clear]",
       "cvmock: list the requests it answered.",
       {{"operation"}, {"status"}, {"method"}, {"path"}, {"limit"}, flag("clear")}, runJournal},
      {"training-mode", "[background|immediate|after-seconds:N|after-reads:N|manual]",
       "cvmock: show or set when a finished training becomes visible.", {}, runTrainingMode},
      {"next-training", "normal|fail|hang", "cvmock: force how the next training ends.", {}, runNextTraining},
      {"advance-training", "", "cvmock: show every held training result now.", {}, runAdvanceTraining},
      {"faults", "", "cvmock: list the injected faults.", {}, runFaults},
      {"add-fault",
       "[--operation OP] [--path REGEX] [--status N] [--code CODE] [--message TEXT] [--latency MS] [--drop] "
       "[--probability P] [--times N]",
       "cvmock: inject a fault into matching calls.",
       {{"operation"}, {"path"}, {"status"}, {"code"}, {"message"}, {"latency"}, flag("drop"), {"probability"},
        {"times"}},
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

void printOverview(std::ostream& out) {
  out << "cvctl: drive a Custom Vision service (by default the cvmock emulator) from the shell.\n\n"
         "usage: cvctl [global options] COMMAND [arguments]\n\n"
         "commands:\n";
  size_t width = 0;
  for (const auto& command : allCommands()) width = std::max(width, command.name.size());
  for (const auto& command : allCommands()) {
    out << "  " << command.name << std::string(width + 2 - command.name.size(), ' ') << command.summary << "\n";
  }
  out << "\nglobal options:\n"
         "  --endpoint URL                 service endpoint, http:// or https:// (env CVMOCK_ENDPOINT,\n"
         "                                 default http://127.0.0.1:8808)\n"
         "  --training-key KEY             Training-Key (env CVMOCK_TRAINING_KEY)\n"
         "  --prediction-key KEY           Prediction-Key (env CVMOCK_PREDICTION_KEY)\n"
         "  --prediction-resource-id ID    prediction resource to publish to\n"
         "                                 (env CVMOCK_PREDICTION_RESOURCE_ID)\n"
         "  --admin-key KEY                cvmock's --admin-key, for the cvmock: commands (env CVMOCK_ADMIN_KEY)\n"
         "  --ca-file FILE                 trust this CA (PEM) for https:// instead of the system's\n"
         "                                 (env CVMOCK_CA_FILE)\n"
         "  --insecure                     accept any certificate (a local cvmock with a self-signed one)\n"
         "  --json                         print results as JSON, for scripts\n"
         "  --version                      print cvctl's version\n"
         "  --help                         this text, or a command's usage after its name\n\n"
         "PROJECT and ITERATION accept an id or a name.\n";
}

void printUsage(std::ostream& out, const Command& command) {
  out << "usage: cvctl " << command.name;
  if (!command.arguments.empty()) out << " " << command.arguments;
  out << "\n" << command.summary << "\n";
}

}  // namespace cvmock::cvctl
