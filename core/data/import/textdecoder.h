#pragma once

#include <cstddef>
#include <cstdint>
#include <limits>
#include <memory>
#include <string>
#include <string_view>

#include "common/error.h"
#include "data/import/importoptions.h"

namespace recforge {

// Owned bytes of a whole file. Unlike std::string it is not zero-filled on allocation (files can be
// hundreds of MB), and a prefix (the BOM) can be dropped without moving the bytes.
class TextBuffer {
public:
    TextBuffer() = default;
    explicit TextBuffer(size_t size);
    static TextBuffer fromString(std::string_view bytes);

    char *data() { return m_data.get() + m_offset; }
    const char *data() const { return m_data.get() + m_offset; }
    size_t size() const { return m_size - m_offset; }
    bool empty() const { return size() == 0; }
    std::string_view view() const { return {data(), size()}; }
    // Forgets the first n bytes (n <= size()).
    void dropPrefix(size_t n) { m_offset += n; }
    // Keeps only the first n bytes (n <= size()).
    void truncate(size_t n) { m_size = m_offset + n; }

private:
    std::unique_ptr<char[]> m_data;
    size_t m_size = 0;
    size_t m_offset = 0;
};

// A file's text converted to UTF-8, BOM removed.
struct DecodedText {
    TextBuffer buffer;
    TextEncoding encoding = TextEncoding::Utf8; // what the source was: Utf8 or Gb18030, never Auto
    std::string encodingName = "utf-8";         // "utf-8", "utf-8-bom" or "gb18030"
    bool truncated = false; // loadText stopped at maxBytes (cut after the last complete line)

    std::string_view text() const { return buffer.view(); }
};

constexpr size_t kWholeFile = std::numeric_limits<size_t>::max();

// Reads a file with one big read. Reads at most maxBytes. Io error when the file is missing or
// unreadable (message names the path and the OS reason).
Expected<TextBuffer> readFileBytes(const std::string &path, size_t maxBytes = kWholeFile);

// Converts raw bytes to UTF-8:
//  - Utf8: strips a UTF-8 BOM, validates; the first invalid byte is an ErrorCode::Encoding error
//    located at file:line:column (column counts code points, 1-based).
//  - Gb18030: converts with iconv (GBK is a subset); a byte sequence iconv rejects is an Encoding
//    error at its line and column (column counts bytes of the source line).
//  - Auto: a BOM or valid UTF-8 is UTF-8; otherwise GB18030 is tried; if that fails too, the error
//    names the first invalid UTF-8 position.
// `fileName` is only used for error locations. When `truncated` the bytes are a prefix of a file:
// an incomplete last line is dropped before decoding (so a cut multi-byte character is no error).
Expected<DecodedText> decodeText(TextBuffer bytes, TextEncoding encoding,
                                 const std::string &fileName, bool truncated = false);

// readFileBytes + decodeText. With maxBytes the result holds only the complete lines of the first
// maxBytes bytes (for previews and sniffing) and DecodedText::truncated is set.
Expected<DecodedText> loadText(const std::string &path, TextEncoding encoding,
                               size_t maxBytes = kWholeFile);

// Offset of the first byte that is not part of valid UTF-8 (overlong forms, surrogates, code points
// above U+10FFFF and truncated sequences are invalid), or std::string_view::npos when all is valid.
// Fast path for ASCII runs.
size_t findInvalidUtf8(std::string_view bytes);

// 1-based line and column (in code points) of byte `offset` of UTF-8 `text`, with `file` filled in.
Location locateOffset(std::string_view text, size_t offset, const std::string &file);

const char *textEncodingName(TextEncoding encoding); // "auto", "utf-8", "gb18030"
// Accepts "auto", "utf-8"/"utf8", "gb18030"/"gbk"/"gb2312" (case-insensitive).
Expected<TextEncoding> parseTextEncoding(const std::string &name);

} // namespace recforge
