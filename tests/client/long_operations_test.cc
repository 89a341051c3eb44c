// The long operations against cvmock: a training wait stopped from another thread, and a large upload streamed in
// the service's batches with progress.
#include <gtest/gtest.h>

#include <fstream>
#include <future>
#include <mutex>

#include "client/batch_upload.h"
#include "client/training_wait.h"
#include "fixtures/generator.h"
#include "tests/client/cvmock_server.h"
#include "tests/support/temp_dir.h"

namespace cvmock::client {
namespace {

using namespace std::chrono_literals;
using testing::CvmockServer;

std::vector<fixtures::FixtureImage> shapes(int perClass, std::vector<std::string> classes = {"circle", "square"},
                                          int side = 64) {
  fixtures::FixtureSpec spec;
  spec.classes = std::move(classes);
  spec.imagesPerClass = perClass;
  spec.width = spec.height = side;
  return fixtures::generateFixtureSet(spec);
}

// A project with two tags of five images each: enough to train.
std::string trainableProject(TrainingClient& training) {
  const Project project = training.createProject("wait", {.classificationType = ClassificationType::Multiclass});
  std::map<std::string, std::vector<ImageSource>> byClass;
  for (const auto& image : shapes(5)) byClass[image.className].push_back(ImageFile{image.bytes, image.fileName});
  for (const auto& [className, images] : byClass) {
    training.createImagesFromData(project.id, images, {training.createTag(project.id, className).id});
  }
  return project.id;
}

TEST(TrainingWaitCancellation, StopEndsTheWaitAtOnceAndTheTrainingGoesOn) {
  CvmockServer cvmock({"--training-mode", "manual"});  // stays Training until the admin API releases it
  TrainingClient training = cvmock.training();
  const std::string projectId = trainableProject(training);
  const Iteration started = training.trainProject(projectId);

  std::stop_source stop;
  std::promise<void> firstPoll;
  auto waiting = std::async(std::launch::async, [&] {
    TrainingClient poller = cvmock.training();
    bool signalled = false;
    // An hour between polls: a wait that sat out its interval, or never looked at the token, would outlast
    // CTest's timeout and fail the test, with no clock in the assertions.
    return waitForTraining(poller, projectId, started.id,
                           {.pollInterval = 1h, .timeout = 2h, .progress = [&](const Iteration&) {
                              if (!std::exchange(signalled, true)) firstPoll.set_value();
                            },
                            .stop = stop.get_token()});
  });
  firstPoll.get_future().wait();
  stop.request_stop();  // mid-interval
  EXPECT_THROW(waiting.get(), TrainingWaitCancelled);
  EXPECT_EQ(training.getIteration(projectId, started.id).status, "Training");
  EXPECT_EQ(cvmock.admin().advanceTrainings(), 1);
}

TEST(TrainingWaitCancellation, AStopRequestedBeforeTheWaitSendsNothing) {
  CvmockServer cvmock;
  TrainingClient training = cvmock.training();
  std::stop_source stop;
  stop.request_stop();
  EXPECT_THROW(waitForTraining(training, "00000000-0000-0000-0000-000000000000", "x", {.stop = stop.get_token()}),
               TrainingWaitCancelled);
  EXPECT_TRUE(cvmock.admin().journal({})["entries"].empty());
}

// 70 image files: two calls (64 + 6), each read from disk only as its call sends it.
TEST(StreamingUpload, ALargeBatchGoesUpInServiceSizedCallsWithProgress) {
  CvmockServer cvmock;
  TrainingClient training = cvmock.training();
  const Project project = training.createProject("stream");
  const Tag tag = training.createTag(project.id, "shape");
  cvmock::testing::TempDir dir;
  std::vector<ImageSource> images;
  for (const auto& image : shapes(35)) {
    const auto path = dir.path() / image.fileName;
    std::ofstream(path, std::ios::binary) << image.bytes;
    images.push_back(ImageSource::fromFile(path));
  }
  std::vector<BatchUploadProgress> reports;
  const std::vector<ImageCreateResult> results = uploadImages(
      training, project.id, images,
      {.tagIds = {tag.id}, .progress = [&](const BatchUploadProgress& p) { reports.push_back(p); }});

  ASSERT_EQ(results.size(), 70u);
  for (const auto& result : results) EXPECT_EQ(result.status, ImageCreateStatus::OK);
  EXPECT_EQ(training.getTaggedImageCount(project.id), 70);
  EXPECT_EQ(training.getTaggedImages(project.id, {.take = 1}).at(0).tags->at(0).tagId, tag.id);
  EXPECT_EQ(cvmock.admin().journal({.operation = "CreateImagesFromData"})["entries"].size(), 2u);
  ASSERT_FALSE(reports.empty());
  std::vector<size_t> callsAnswered;
  for (size_t i = 0; i < reports.size(); ++i) {
    if (i > 0) {
      EXPECT_GE(reports[i].bytesSent, reports[i - 1].bytesSent);
    }
    if (callsAnswered.empty() || callsAnswered.back() != reports[i].imagesDone) {
      callsAnswered.push_back(reports[i].imagesDone);
    }
  }
  EXPECT_EQ(callsAnswered, (std::vector<size_t>{0, 64, 70}));
  EXPECT_EQ(reports.back().bytesSent, reports.back().bytesTotal);
}

// The body is produced while it is sent: an image is read only after the bytes before it went out, so a batch is
// never held in memory whole. The images are large (700 px: 75 KB to 1.4 MB) next to the 64 KiB pieces sent.
TEST(StreamingUpload, ImagesAreReadOnlyAsTheUploadReachesThem) {
  CvmockServer cvmock;
  TrainingClient training = cvmock.training();
  const Project project = training.createProject("stream order");
  std::mutex mutex;
  std::vector<std::string> events;  // "read <image>" and "sent <bytes>", in order
  std::vector<ImageSource> images;
  const std::vector<fixtures::FixtureImage> large = shapes(5, {"circle"}, 700);
  for (const auto& image : large) {
    auto bytes = std::make_shared<std::string>(image.bytes);
    const std::string name = image.fileName;
    images.push_back(ImageSource::fromReader(
        bytes->size(),
        [bytes, name, &mutex, &events](std::uint64_t offset, std::size_t count, char* out) {
          std::lock_guard lock(mutex);
          if (offset == 0) events.push_back("read " + name);
          std::copy_n(bytes->data() + offset, count, out);
        },
        name));
  }
  training.createImagesFromData(project.id, images, {}, [&](std::uint64_t sent, std::uint64_t) {
    std::lock_guard lock(mutex);
    events.push_back("sent " + std::to_string(sent));
  });
  const auto lastRead = std::find(events.begin(), events.end(), "read " + large.back().fileName);
  ASSERT_NE(lastRead, events.end());
  EXPECT_NE(std::find_if(events.begin(), lastRead, [](const std::string& e) { return e.rfind("sent", 0) == 0; }),
            lastRead)
      << "every image was read before anything was sent";
  EXPECT_EQ(training.getImageCount(project.id), 5);
}

}  // namespace
}  // namespace cvmock::client
