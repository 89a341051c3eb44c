// decodeJpeg through libjpeg-turbo's libjpeg API, which reports each warning by its code (TurboJPEG only says
// that some warning occurred, so it cannot tell a truncated scan from harmless extra bytes).
#include "trainer/decode_jpeg.h"

#include <csetjmp>
#include <cstdint>
#include <cstdio>  // snprintf; and jpeglib.h uses FILE without including it
#include <string>
#include <vector>

#include <jerror.h>
#include <jpeglib.h>

namespace cvmock::trainer {
namespace {

// The state of one image's decoding that libjpeg's callbacks see. Standard layout with the libjpeg manager first,
// so the manager pointer libjpeg hands to the callbacks converts back to the whole record.
struct Reports {
  jpeg_error_mgr manager;
  std::jmp_buf escape;
  char message[JMSG_LENGTH_MAX];
  bool multiScan;  // known once the header is read
};

Reports& reportsOf(j_common_ptr info) { return *reinterpret_cast<Reports*>(info->err); }

// Ends the decoding with reports.message set: back to decompress()'s setjmp, past libjpeg's own frames only.
[[noreturn]] void escape(Reports& reports) { std::longjmp(reports.escape, 1); }

// Ends the decoding for the message libjpeg has just raised.
[[noreturn]] void stop(j_common_ptr info) {
  Reports& reports = reportsOf(info);
  reports.manager.format_message(info, reports.message);
  escape(reports);
}

// Every scan of a progressive JPEG passes over the whole image, and a few bytes make one more: a 4 MB file could
// hold a hundred thousand. Encoders write about ten; libjpeg-turbo advises a limit of 500.
constexpr int kMaxScans = 500;

void onProgress(j_common_ptr info) {
  if (reinterpret_cast<j_decompress_ptr>(info)->input_scan_number <= kMaxScans) return;
  Reports& reports = reportsOf(info);
  std::snprintf(reports.message, sizeof reports.message, "more than %d scans", kMaxScans);
  escape(reports);
}

// Warnings (negative levels) that mean pixels are missing stop the decoding as errors do: a scan's data ended
// or broke off before its last block (libjpeg would fill in the rest), or a multi-scan image ended before EOI.
// The other warnings lose no pixel, and the other levels are traces.
void onMessage(j_common_ptr info, int level) {
  if (level >= 0) return;
  switch (info->err->msg_code) {
    case JWRN_HIT_MARKER:
    case JWRN_MUST_RESYNC:
    case JWRN_HUFF_BAD_CODE:
      stop(info);
    case JWRN_JPEG_EOF:
      if (reportsOf(info).multiScan) stop(info);
      break;
    default:
      break;
  }
}

// One image's libjpeg state, destroyed with it.
struct Decompressor {
  jpeg_decompress_struct info{};
  Reports reports{};
  jpeg_progress_mgr progress{};

  Decompressor() {
    info.err = jpeg_std_error(&reports.manager);
    reports.manager.error_exit = stop;
    reports.manager.emit_message = onMessage;
    progress.progress_monitor = onProgress;
  }
  ~Decompressor() { jpeg_destroy_decompress(&info); }
  Decompressor(const Decompressor&) = delete;
  Decompressor& operator=(const Decompressor&) = delete;
};

// The smallest scale (n/8, n = 1..8) at which both sides stay at least minSide; 8/8 when none does.
int chooseEighths(JDIMENSION width, JDIMENSION height, int minSide) {
  const auto scaled = [](JDIMENSION side, int eighths) { return (std::int64_t{side} * eighths + 7) / 8; };
  for (int eighths = 1; eighths < 8; ++eighths) {
    if (scaled(width, eighths) >= minSide && scaled(height, eighths) >= minSide) return eighths;
  }
  return 8;
}

// Runs libjpeg from the header to EOI into image, rows being scratch space for its row pointers. Returns false when
// stop() ended it; this frame holds no object with a destructor, so the jump back skips nothing.
bool decompress(Decompressor& decompressor, std::string_view bytes, int minSide, RgbImage& image,
                std::vector<JSAMPROW>& rows) {
  jpeg_decompress_struct& info = decompressor.info;
  if (setjmp(decompressor.reports.escape) != 0) return false;
  jpeg_create_decompress(&info);
  info.progress = &decompressor.progress;
  jpeg_mem_src(&info, reinterpret_cast<const unsigned char*>(bytes.data()), static_cast<unsigned long>(bytes.size()));
  jpeg_read_header(&info, TRUE);
  decompressor.reports.multiScan = jpeg_has_multiple_scans(&info);
  info.scale_num = chooseEighths(info.image_width, info.image_height, minSide);
  info.scale_denom = 8;
  info.out_color_space = JCS_EXT_RGB;
  jpeg_start_decompress(&info);
  image.width = static_cast<int>(info.output_width);
  image.height = static_cast<int>(info.output_height);
  image.pixels.resize(std::size_t{3} * image.width * image.height);
  rows.resize(image.height);
  for (int y = 0; y < image.height; ++y) rows[y] = &image.pixels[std::size_t{3} * image.width * y];
  while (info.output_scanline < info.output_height) {
    jpeg_read_scanlines(&info, rows.data() + info.output_scanline, info.output_height - info.output_scanline);
  }
  jpeg_finish_decompress(&info);
  return true;
}

}  // namespace

RgbImage decodeJpeg(std::string_view bytes, int minSide) {
  Decompressor decompressor;
  RgbImage image;
  std::vector<JSAMPROW> rows;
  if (!decompress(decompressor, bytes, minSide, image, rows)) {
    throw DecodeError(DecodeFailure::Format,
                      std::string("corrupt or truncated JPEG data: ") + decompressor.reports.message);
  }
  return image;
}

}  // namespace cvmock::trainer
