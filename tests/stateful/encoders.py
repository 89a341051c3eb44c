"""Minimal PNG, BMP and GIF writers for RGB pictures, so the test can make images of any size without a library."""
import struct
import zlib


def png(width, height, pixel):
    """8-bit RGB PNG; pixel(x, y) -> (r, g, b)."""
    rows = bytearray()
    for y in range(height):
        rows.append(0)  # filter type None
        for x in range(width):
            rows.extend(pixel(x, y))

    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(bytes(rows), 6)) +
            chunk(b"IEND", b""))


def bmp(width, height, pixel):
    """24-bit uncompressed BMP (rows bottom-up, each padded to 4 bytes)."""
    stride = (width * 3 + 3) & ~3
    pixels = bytearray()
    for y in reversed(range(height)):
        row = bytearray()
        for x in range(width):
            r, g, b = pixel(x, y)
            row.extend((b, g, r))
        row.extend(b"\0" * (stride - len(row)))
        pixels.extend(row)
    info = struct.pack("<IiiHHIIiiII", 40, width, height, 1, 24, 0, len(pixels), 2835, 2835, 0, 0)
    offset = 14 + len(info)
    return b"BM" + struct.pack("<IHHI", offset + len(pixels), 0, 0, offset) + info + bytes(pixels)


def gif(width, height, pixel):
    """GIF89a with a 256-colour palette of 3-3-2 bits (r, g, b), LZW-coded."""
    palette = bytearray()
    for index in range(256):
        palette.extend(((index >> 5) * 255 // 7, ((index >> 2) & 7) * 255 // 7, (index & 3) * 255 // 3))
    indices = bytearray()
    for y in range(height):
        for x in range(width):
            r, g, b = pixel(x, y)
            indices.append((r >> 5) << 5 | (g >> 5) << 2 | (b >> 6))
    data = _lzw(bytes(indices), 8)
    blocks = bytearray()
    for start in range(0, len(data), 255):
        piece = data[start:start + 255]
        blocks.append(len(piece))
        blocks.extend(piece)
    blocks.append(0)
    screen = struct.pack("<HHBBB", width, height, 0xF7, 0, 0)  # global palette of 2^(7+1) colours
    descriptor = b"," + struct.pack("<HHHHB", 0, 0, width, height, 0)
    return b"GIF89a" + screen + bytes(palette) + descriptor + bytes([8]) + bytes(blocks) + b";"


def _lzw(indices, min_code_size):
    """GIF's variable-width LZW: codes grow when the table passes a power of two; a clear code when it is full."""
    clear, end = 1 << min_code_size, (1 << min_code_size) + 1
    bits, bit_count, out = 0, 0, bytearray()

    def emit(code, width):
        nonlocal bits, bit_count
        bits |= code << bit_count
        bit_count += width
        while bit_count >= 8:
            out.append(bits & 0xFF)
            bits >>= 8
            bit_count -= 8

    def fresh_table():
        return {bytes([i]): i for i in range(clear)}, end + 1, min_code_size + 1

    table, next_code, width = fresh_table()
    emit(clear, width)
    word = b""
    for value in indices:
        extended = word + bytes([value])
        if extended in table:
            word = extended
            continue
        emit(table[word], width)
        if next_code == 4096:
            emit(clear, width)
            table, next_code, width = fresh_table()
        else:
            table[extended] = next_code
            if next_code == 1 << width:
                width += 1
            next_code += 1
        word = bytes([value])
    if word:
        emit(table[word], width)
    emit(end, width)
    if bit_count:
        out.append(bits & 0xFF)
    return bytes(out)
