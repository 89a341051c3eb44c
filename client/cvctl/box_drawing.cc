// Box outlines and labels on decoded pixels; stb_image decodes, stb_image_write encodes (both compiled into Debian's
// libstb) and stb_easy_font gives the label glyphs as rectangles.
#include "client/cvctl/box_drawing.h"

#include <stb_easy_font.h>
#include <stb_image.h>
#include <stb_image_write.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <iterator>
#include <memory>
#include <optional>
#include <set>
#include <stdexcept>

namespace cvmock::cvctl {

namespace {

// A rectangle of whole pixels, both corners inclusive.
struct PixelRect {
  int left, top, right, bottom;
};

void fill(RgbImage& image, PixelRect rect, Colour colour) {
  rect = {std::max(rect.left, 0), std::max(rect.top, 0), std::min(rect.right, image.width - 1),
          std::min(rect.bottom, image.height - 1)};
  for (int y = rect.top; y <= rect.bottom; ++y) {
    for (int x = rect.left; x <= rect.right; ++x) {
      const std::ptrdiff_t at = (static_cast<std::ptrdiff_t>(y) * image.width + x) * 3;
      std::copy(colour.begin(), colour.end(), image.pixels.begin() + at);
    }
  }
}

// The pixels a normalised box covers, clipped to the image; nullopt when none.
std::optional<PixelRect> pixelsOf(const RgbImage& image, const client::BoundingBox& box) {
  const double left = box.left * image.width;
  const double top = box.top * image.height;
  const double right = (box.left + box.width) * image.width;
  const double bottom = (box.top + box.height) * image.height;
  if (right <= 0 || bottom <= 0 || left >= image.width || top >= image.height || right <= left || bottom <= top) {
    return std::nullopt;
  }
  // Edges round to the nearest pixel boundary (0.6 of 100 pixels is 60.000000000000014); a box thinner than a pixel
  // still gets one.
  const int x0 = static_cast<int>(std::lround(left));
  const int y0 = static_cast<int>(std::lround(top));
  return PixelRect{std::max(0, x0), std::max(0, y0),
                   std::min(image.width - 1, std::max(x0, static_cast<int>(std::lround(right)) - 1)),
                   std::min(image.height - 1, std::max(y0, static_cast<int>(std::lround(bottom)) - 1))};
}

void outline(RgbImage& image, PixelRect rect, int lineWidth, Colour colour) {
  fill(image, {rect.left, rect.top, rect.right, rect.top + lineWidth - 1}, colour);
  fill(image, {rect.left, rect.bottom - lineWidth + 1, rect.right, rect.bottom}, colour);
  fill(image, {rect.left, rect.top, rect.left + lineWidth - 1, rect.bottom}, colour);
  fill(image, {rect.right - lineWidth + 1, rect.top, rect.right, rect.bottom}, colour);
}

// stb_easy_font's quads for text: four vertices each of x, y, z and a colour, 16 bytes a vertex.
struct GlyphQuad {
  float left, top, right, bottom;
};

std::vector<GlyphQuad> glyphQuads(const std::string& text) {
  struct Vertex {
    float x, y, z;
    unsigned char colour[4];
  };
  std::string writable = text;
  // The header's own estimate is about 270 bytes a character.
  std::vector<Vertex> vertices(text.size() * 24 + 4);
  const int quads = stb_easy_font_print(0, 0, writable.data(), nullptr, vertices.data(),
                                        static_cast<int>(vertices.size() * sizeof(Vertex)));
  std::vector<GlyphQuad> result;
  for (int q = 0; q < quads; ++q) {
    const Vertex* corner = &vertices[static_cast<std::size_t>(q) * 4];
    GlyphQuad quad{corner[0].x, corner[0].y, corner[0].x, corner[0].y};
    for (int v = 1; v < 4; ++v) {
      quad = {std::min(quad.left, corner[v].x), std::min(quad.top, corner[v].y), std::max(quad.right, corner[v].x),
              std::max(quad.bottom, corner[v].y)};
    }
    result.push_back(quad);
  }
  return result;
}

// Black on light colours, white on dark ones (Rec. 601 luma).
Colour textColourOn(Colour background) {
  const double luma = 0.299 * background[0] + 0.587 * background[1] + 0.114 * background[2];
  return luma > 140 ? Colour{0, 0, 0} : Colour{255, 255, 255};
}

void label(RgbImage& image, PixelRect box, const std::string& text, Colour colour) {
  const std::vector<GlyphQuad> quads = glyphQuads(text);
  if (quads.empty()) return;
  // Glyphs are about 7 units tall; scaled so a label stays legible on a large photo.
  const int scale = std::max(1, std::min(image.width, image.height) / 300);
  const int padding = 2 * scale;
  float textRight = 0, textBottom = 0;
  for (const GlyphQuad& quad : quads) {
    textRight = std::max(textRight, quad.right);
    textBottom = std::max(textBottom, quad.bottom);
  }
  const int stripWidth = static_cast<int>(std::ceil(textRight)) * scale + 2 * padding;
  const int stripHeight = static_cast<int>(std::ceil(textBottom)) * scale + 2 * padding;
  // Above the box when there is room, else just inside its top edge; shifted left to stay inside the image.
  const int top = box.top - stripHeight >= 0 ? box.top - stripHeight : box.top;
  const int left = std::max(0, std::min(box.left, image.width - stripWidth));
  fill(image, {left, top, left + stripWidth - 1, top + stripHeight - 1}, colour);
  const Colour ink = textColourOn(colour);
  for (const GlyphQuad& quad : quads) {
    fill(image,
         {left + padding + static_cast<int>(std::floor(quad.left)) * scale,
          top + padding + static_cast<int>(std::floor(quad.top)) * scale,
          left + padding + static_cast<int>(std::ceil(quad.right)) * scale - 1,
          top + padding + static_cast<int>(std::ceil(quad.bottom)) * scale - 1},
         ink);
  }
}

}  // namespace

RgbImage decodeImage(const std::string& bytes) {
  int width = 0, height = 0, channels = 0;
  std::unique_ptr<stbi_uc, decltype(&stbi_image_free)> pixels(
      stbi_load_from_memory(reinterpret_cast<const stbi_uc*>(bytes.data()), static_cast<int>(bytes.size()), &width,
                            &height, &channels, 3),
      &stbi_image_free);
  if (!pixels) throw std::runtime_error(std::string("not an image: ") + stbi_failure_reason());
  RgbImage image{width, height, {}};
  image.pixels.assign(pixels.get(), pixels.get() + static_cast<std::size_t>(width) * height * 3);
  return image;
}

void drawBoxes(RgbImage& image, const std::vector<LabelledBox>& boxes) {
  const int lineWidth = std::max(2, std::min(image.width, image.height) / 200);
  for (const LabelledBox& box : boxes) {
    const std::optional<PixelRect> rect = pixelsOf(image, box.box);
    if (!rect) continue;
    outline(image, *rect, lineWidth, box.colour);
    if (!box.label.empty()) label(image, *rect, box.label, box.colour);
  }
}

std::string encodePng(const RgbImage& image) {
  std::string png;
  const auto append = [](void* context, void* data, int size) {
    static_cast<std::string*>(context)->append(static_cast<const char*>(data), static_cast<std::size_t>(size));
  };
  if (!stbi_write_png_to_func(append, &png, image.width, image.height, 3, image.pixels.data(), image.width * 3)) {
    throw std::runtime_error("PNG encoding failed");
  }
  return png;
}

Colour tagColour(std::size_t index) {
  static constexpr Colour kPalette[] = {{230, 25, 75},  {60, 180, 75},   {255, 225, 25}, {0, 130, 200},
                                        {245, 130, 48}, {145, 30, 180},  {70, 240, 240}, {240, 50, 230},
                                        {210, 245, 60}, {250, 190, 212}, {0, 128, 128},  {170, 110, 40}};
  return kPalette[index % std::size(kPalette)];
}

std::vector<LabelledBox> predictedBoxes(const client::ImagePrediction& prediction, double minProbability) {
  std::set<std::string> tagNames;
  for (const client::Prediction& entry : prediction.predictions) tagNames.insert(entry.tagName.value_or(entry.tagId));
  std::vector<LabelledBox> boxes;
  for (const client::Prediction& entry : prediction.predictions) {
    if (!entry.boundingBox || entry.probability < minProbability) continue;
    const std::string tag = entry.tagName.value_or(entry.tagId);
    char probability[16];
    std::snprintf(probability, sizeof probability, "%.2f", entry.probability);
    const auto index = static_cast<std::size_t>(std::distance(tagNames.begin(), tagNames.find(tag)));
    boxes.push_back({*entry.boundingBox, tag + " " + probability, tagColour(index)});
  }
  return boxes;
}

std::string drawnPng(const std::string& imageBytes, const std::vector<LabelledBox>& boxes) {
  RgbImage image = decodeImage(imageBytes);
  drawBoxes(image, boxes);
  return encodePng(image);
}

}  // namespace cvmock::cvctl
