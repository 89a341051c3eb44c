// Test images: RGB pictures and their encodings as JPEG (baseline, progressive, with restarts), PNG, BMP and GIF.
#pragma once

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include <jpeglib.h>
#include <stb_image_write.h>
#include <zlib.h>

#include "trainer/decode.h"

namespace cvmock::trainer::test_images {

// width x height: the top half red, the bottom half blue.
inline RgbImage redOverBlue(int width, int height) {
  RgbImage image{width, height, std::vector<std::uint8_t>(std::size_t{3} * width * height)};
  for (int y = 0; y < height; ++y) {
    for (int x = 0; x < width; ++x) {
      std::uint8_t* pixel = &image.pixels[(std::size_t{3} * (y * width + x))];
      pixel[0] = y < height / 2 ? 255 : 0;
      pixel[2] = y < height / 2 ? 0 : 255;
    }
  }
  return image;
}

// Gradients under deterministic noise: every encoder has real work on every row, so a cut anywhere in the
// pixel data loses pixels.
inline RgbImage texture(int width, int height) {
  RgbImage image{width, height, std::vector<std::uint8_t>(std::size_t{3} * width * height)};
  std::uint32_t state = 2463534242u;
  for (std::uint8_t& value : image.pixels) {
    state ^= state << 13;
    state ^= state >> 17;
    state ^= state << 5;
    value = static_cast<std::uint8_t>(state);
  }
  for (int y = 0; y < height; ++y) {
    for (int x = 0; x < width; ++x) {
      std::uint8_t* pixel = &image.pixels[std::size_t{3} * (y * width + x)];
      pixel[0] = static_cast<std::uint8_t>(pixel[0] / 4 + 190 * x / width);
      pixel[1] = static_cast<std::uint8_t>(pixel[1] / 4 + 190 * y / height);
    }
  }
  return image;
}

inline void appendTo(void* context, void* data, int size) {
  static_cast<std::string*>(context)->append(static_cast<const char*>(data), size);
}

// zlib-compressed, one IDAT chunk.
inline std::string png(const RgbImage& image) {
  std::string out;
  stbi_write_png_to_func(appendTo, &out, image.width, image.height, 3, image.pixels.data(), image.width * 3);
  return out;
}

// The PNG with its image data spread over IDAT chunks of at most pieceSize bytes, as many encoders write it.
inline std::string withSplitImageData(const std::string& png, std::size_t pieceSize) {
  const auto chunk = [](const std::string& type, const std::string& data) {
    std::string out;
    for (int shift = 24; shift >= 0; shift -= 8) out.push_back(static_cast<char>((data.size() >> shift) & 0xFF));
    const std::string body = type + data;
    const auto crc = crc32(0, reinterpret_cast<const Bytef*>(body.data()), static_cast<uInt>(body.size()));
    out += body;
    for (int shift = 24; shift >= 0; shift -= 8) out.push_back(static_cast<char>((crc >> shift) & 0xFF));
    return out;
  };
  std::string out = png.substr(0, 8);
  for (std::size_t at = 8; at + 12 <= png.size();) {
    std::size_t length = 0;
    for (std::size_t i = 0; i < 4; ++i) length = length << 8 | static_cast<unsigned char>(png[at + i]);
    const std::string type = png.substr(at + 4, 4);
    const std::string data = png.substr(at + 8, length);
    if (type != "IDAT") out += chunk(type, data);
    for (std::size_t piece = 0; type == "IDAT" && piece < data.size(); piece += pieceSize) {
      out += chunk(type, data.substr(piece, pieceSize));
    }
    at += 12 + length;
  }
  return out;
}

// 24 bits a pixel, bottom-up rows.
inline std::string bmp(const RgbImage& image) {
  std::string out;
  stbi_write_bmp_to_func(appendTo, &out, image.width, image.height, 3, image.pixels.data());
  return out;
}

struct JpegOptions {
  int quality = 90;
  bool progressive = false;
  int restartInterval = 0;  // MCUs between restart markers; 0 for none
};

// Encoded by libjpeg (4:2:0, one interleaved scan unless progressive).
inline std::string jpeg(const RgbImage& image, const JpegOptions& options = {}) {
  jpeg_compress_struct info{};
  jpeg_error_mgr errors{};
  info.err = jpeg_std_error(&errors);
  jpeg_create_compress(&info);
  unsigned char* buffer = nullptr;
  unsigned long size = 0;
  jpeg_mem_dest(&info, &buffer, &size);
  info.image_width = image.width;
  info.image_height = image.height;
  info.input_components = 3;
  info.in_color_space = JCS_RGB;
  jpeg_set_defaults(&info);
  jpeg_set_quality(&info, options.quality, TRUE);
  if (options.progressive) jpeg_simple_progression(&info);
  info.restart_interval = options.restartInterval;
  jpeg_start_compress(&info, TRUE);
  while (info.next_scanline < info.image_height) {
    auto* row = const_cast<JSAMPROW>(&image.pixels[std::size_t{3} * info.next_scanline * image.width]);
    jpeg_write_scanlines(&info, &row, 1);
  }
  jpeg_finish_compress(&info);
  jpeg_destroy_compress(&info);
  std::string out(reinterpret_cast<const char*>(buffer), size);
  std::free(buffer);
  return out;
}

// A GIF89a of the image with colours cut to 3-3-2 bits (a 256-entry global table). The LZW stream sends each
// pixel as a literal 9-bit code and a clear code every 250 pixels, so the code width never grows.
inline std::string gif(const RgbImage& image) {
  std::string out("GIF89a", 6);
  const auto put16 = [&out](int value) {
    out.push_back(static_cast<char>(value & 0xFF));
    out.push_back(static_cast<char>(value >> 8));
  };
  put16(image.width);
  put16(image.height);
  out += std::string("\xF7\x00\x00", 3);  // global table of 256 colours, 8 bits of colour resolution
  for (int index = 0; index < 256; ++index) {
    out.push_back(static_cast<char>((index >> 5) * 255 / 7));
    out.push_back(static_cast<char>(((index >> 2) & 7) * 255 / 7));
    out.push_back(static_cast<char>((index & 3) * 255 / 3));
  }
  out.push_back(',');
  put16(0);
  put16(0);
  put16(image.width);
  put16(image.height);
  out += std::string("\x00\x08", 2);  // no local table; LZW minimum code size 8

  std::string codes;
  std::uint32_t bits = 0;
  int bitCount = 0;
  const auto emit = [&](int code) {
    bits |= static_cast<std::uint32_t>(code) << bitCount;
    for (bitCount += 9; bitCount >= 8; bitCount -= 8, bits >>= 8) codes.push_back(static_cast<char>(bits & 0xFF));
  };
  constexpr int kClear = 256;
  constexpr int kEnd = 257;
  for (std::size_t pixel = 0; pixel < image.pixels.size() / 3; ++pixel) {
    if (pixel % 250 == 0) emit(kClear);
    const std::uint8_t* rgb = &image.pixels[3 * pixel];
    emit((rgb[0] >> 5) << 5 | (rgb[1] >> 5) << 2 | rgb[2] >> 6);
  }
  emit(kEnd);
  if (bitCount > 0) codes.push_back(static_cast<char>(bits & 0xFF));
  for (std::size_t at = 0; at < codes.size(); at += 255) {
    const std::string block = codes.substr(at, 255);
    out.push_back(static_cast<char>(block.size()));
    out += block;
  }
  out.push_back('\0');  // block terminator
  out.push_back(';');   // trailer
  return out;
}

}  // namespace cvmock::trainer::test_images
