#include "textdecoder.h"

#include <algorithm>
#include <cerrno>
#include <cstring>

#include <fcntl.h>
#include <iconv.h>
#include <sys/stat.h>
#include <unistd.h>

namespace recforge {

TextBuffer::TextBuffer(size_t size)
    : m_data(std::make_unique_for_overwrite<char[]>(size + 1)), m_size(size)
{
}

TextBuffer TextBuffer::fromString(std::string_view bytes)
{
    TextBuffer buffer(bytes.size());
    if (!bytes.empty())
        std::memcpy(buffer.data(), bytes.data(), bytes.size());
    return buffer;
}

namespace {

struct FdCloser {
    int fd;
    ~FdCloser()
    {
        if (fd >= 0)
            ::close(fd);
    }
};

constexpr std::string_view kUtf8Bom = "\xEF\xBB\xBF";

bool hasUtf8Bom(std::string_view bytes)
{
    return bytes.substr(0, 3) == kUtf8Bom;
}

// Keeps the complete lines of a prefix: everything up to and including the last '\n'.
void cutAfterLastNewline(TextBuffer &buffer)
{
    const std::string_view v = buffer.view();
    const size_t nl = v.rfind('\n');
    buffer.truncate(nl == std::string_view::npos ? v.size() : nl + 1);
}

Error encodingError(std::string message, Location where)
{
    return Error{ErrorCode::Encoding, std::move(message), std::move(where)};
}

std::string hexBytes(std::string_view bytes, size_t offset, size_t count)
{
    static const char *digits = "0123456789ABCDEF";
    std::string out;
    for (size_t i = offset; i < bytes.size() && i < offset + count; ++i) {
        if (!out.empty())
            out += ' ';
        const auto b = static_cast<unsigned char>(bytes[i]);
        out += "0x";
        out += digits[b >> 4];
        out += digits[b & 15];
    }
    return out;
}

// Byte-based location (for non-UTF-8 sources).
Location locateByteOffset(std::string_view bytes, size_t offset, const std::string &file)
{
    const std::string_view before = bytes.substr(0, offset);
    Location where;
    where.file = file;
    where.line = int64_t(std::count(before.begin(), before.end(), '\n')) + 1;
    const size_t lineStart = before.rfind('\n');
    where.column = int64_t(offset - (lineStart == std::string_view::npos ? 0 : lineStart + 1)) + 1;
    return where;
}

Expected<TextBuffer> convertGb18030(std::string_view source, const std::string &fileName)
{
    iconv_t cd = iconv_open("UTF-8", "GB18030");
    if (cd == reinterpret_cast<iconv_t>(-1))
        return makeError(ErrorCode::Encoding, "GB18030 conversion is not available (iconv): " +
                                                  std::string(std::strerror(errno)));
    // GB18030 -> UTF-8 grows at most 1.5x (2-byte characters become 3 bytes).
    TextBuffer out(source.size() + source.size() / 2 + 16);
    char *in = const_cast<char *>(source.data());
    size_t inLeft = source.size();
    char *outPtr = out.data();
    size_t outLeft = out.size();
    const size_t rc = iconv(cd, &in, &inLeft, &outPtr, &outLeft);
    const int err = errno;
    iconv_close(cd);
    if (rc == size_t(-1)) {
        const size_t offset = source.size() - inLeft;
        Location where = locateByteOffset(source, offset, fileName);
        const std::string what =
            err == EINVAL ? "truncated GB18030 sequence" : "invalid GB18030 bytes";
        return tl::unexpected(encodingError(what + " " + hexBytes(source, offset, 4), where));
    }
    out.truncate(out.size() - outLeft);
    if (hasUtf8Bom(out.view())) // the GB18030 BOM 84 31 95 33 became U+FEFF
        out.dropPrefix(3);
    return out;
}

} // namespace

Expected<TextBuffer> readFileBytes(const std::string &path, size_t maxBytes)
{
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return makeError(ErrorCode::Io, "cannot open: " + std::string(std::strerror(errno)),
                         Location{path, 0, 0, {}});
    FdCloser closer{fd};
    struct stat st {};
    if (::fstat(fd, &st) != 0 || S_ISDIR(st.st_mode))
        return makeError(ErrorCode::Io, "not a readable file", Location{path, 0, 0, {}});
    // Regular files are read in one go; size 0 may be a pipe or /proc file, so grow as needed.
    size_t capacity = std::min(maxBytes, st.st_size > 0 ? size_t(st.st_size) : size_t(1) << 16);
    TextBuffer buffer(capacity);
    size_t filled = 0;
    for (;;) {
        if (filled == capacity) {
            if (capacity >= maxBytes)
                break;
            // The file grew or has no size: double the buffer.
            const size_t bigger = std::min(maxBytes, std::max<size_t>(capacity * 2, 1 << 16));
            TextBuffer grown(bigger);
            std::memcpy(grown.data(), buffer.data(), filled);
            buffer = std::move(grown);
            capacity = bigger;
        }
        const ssize_t n = ::read(fd, buffer.data() + filled, capacity - filled);
        if (n < 0) {
            if (errno == EINTR)
                continue;
            return makeError(ErrorCode::Io, "read failed: " + std::string(std::strerror(errno)),
                             Location{path, 0, 0, {}});
        }
        if (n == 0)
            break;
        filled += size_t(n);
    }
    buffer.truncate(filled);
    return buffer;
}

size_t findInvalidUtf8(std::string_view bytes)
{
    const auto *s = reinterpret_cast<const unsigned char *>(bytes.data());
    const size_t n = bytes.size();
    size_t i = 0;
    while (i < n) {
        // ASCII fast path, 16 bytes at a time.
        while (i + 16 <= n) {
            uint64_t a, b;
            std::memcpy(&a, s + i, 8);
            std::memcpy(&b, s + i + 8, 8);
            if (((a | b) & 0x8080808080808080ull) != 0)
                break;
            i += 16;
        }
        if (i >= n)
            break;
        const unsigned char c = s[i];
        if (c < 0x80) {
            ++i;
            continue;
        }
        size_t len;
        uint32_t cp;
        if (c >= 0xC2 && c <= 0xDF) {
            len = 2;
            cp = c & 0x1F;
        } else if (c >= 0xE0 && c <= 0xEF) {
            len = 3;
            cp = c & 0x0F;
        } else if (c >= 0xF0 && c <= 0xF4) {
            len = 4;
            cp = c & 0x07;
        } else {
            return i; // continuation byte without a lead, C0/C1 overlong lead, or > F4
        }
        if (i + len > n)
            return i;
        for (size_t k = 1; k < len; ++k) {
            if ((s[i + k] & 0xC0) != 0x80)
                return i;
            cp = (cp << 6) | (s[i + k] & 0x3F);
        }
        if ((len == 3 && cp < 0x800) || (len == 4 && (cp < 0x10000 || cp > 0x10FFFF)) ||
            (cp >= 0xD800 && cp <= 0xDFFF))
            return i;
        i += len;
    }
    return std::string_view::npos;
}

Location locateOffset(std::string_view text, size_t offset, const std::string &file)
{
    offset = std::min(offset, text.size());
    const std::string_view before = text.substr(0, offset);
    Location where;
    where.file = file;
    where.line = int64_t(std::count(before.begin(), before.end(), '\n')) + 1;
    const size_t nl = before.rfind('\n');
    const std::string_view lineText = before.substr(nl == std::string_view::npos ? 0 : nl + 1);
    int64_t column = 1;
    for (char c : lineText)
        if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) // count lead bytes = code points
            ++column;
    where.column = column;
    return where;
}

Expected<DecodedText> decodeText(TextBuffer bytes, TextEncoding encoding,
                                 const std::string &fileName, bool truncated)
{
    if (truncated)
        cutAfterLastNewline(bytes);
    DecodedText out;
    out.truncated = truncated;
    if (encoding != TextEncoding::Gb18030) {
        const bool bom = hasUtf8Bom(bytes.view());
        if (bom)
            bytes.dropPrefix(3);
        const size_t bad = findInvalidUtf8(bytes.view());
        if (bad == std::string_view::npos) {
            out.buffer = std::move(bytes);
            out.encoding = TextEncoding::Utf8;
            out.encodingName = bom ? "utf-8-bom" : "utf-8";
            return out;
        }
        if (encoding == TextEncoding::Utf8 || bom) {
            Location where = locateOffset(bytes.view(), bad, fileName);
            return tl::unexpected(encodingError(
                "invalid UTF-8 byte " + hexBytes(bytes.view(), bad, 1), std::move(where)));
        }
        // Auto: not UTF-8, so try GB18030; when that fails too, report the UTF-8 position, which
        // is what a user with a mostly-UTF-8 file needs.
        auto converted = convertGb18030(bytes.view(), fileName);
        if (!converted) {
            Location where = locateOffset(bytes.view(), bad, fileName);
            return tl::unexpected(encodingError("invalid UTF-8 byte " +
                                                    hexBytes(bytes.view(), bad, 1) +
                                                    " (and not valid GB18030 either)",
                                                std::move(where)));
        }
        out.buffer = std::move(*converted);
        out.encoding = TextEncoding::Gb18030;
        out.encodingName = "gb18030";
        return out;
    }
    auto converted = convertGb18030(bytes.view(), fileName);
    if (!converted)
        return tl::unexpected(converted.error());
    out.buffer = std::move(*converted);
    out.encoding = TextEncoding::Gb18030;
    out.encodingName = "gb18030";
    return out;
}

Expected<DecodedText> loadText(const std::string &path, TextEncoding encoding, size_t maxBytes)
{
    // One byte more than asked tells a file of exactly maxBytes from a longer one.
    auto bytes = readFileBytes(path, maxBytes == kWholeFile ? kWholeFile : maxBytes + 1);
    if (!bytes)
        return tl::unexpected(bytes.error());
    const bool truncated = maxBytes != kWholeFile && bytes->size() > maxBytes;
    if (truncated)
        bytes->truncate(maxBytes);
    return decodeText(std::move(*bytes), encoding, path, truncated);
}

const char *textEncodingName(TextEncoding encoding)
{
    switch (encoding) {
    case TextEncoding::Auto:
        return "auto";
    case TextEncoding::Utf8:
        return "utf-8";
    case TextEncoding::Gb18030:
        return "gb18030";
    }
    return "auto";
}

Expected<TextEncoding> parseTextEncoding(const std::string &name)
{
    std::string lower;
    for (char c : name)
        lower += char(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    if (lower == "auto" || lower.empty())
        return TextEncoding::Auto;
    if (lower == "utf-8" || lower == "utf8" || lower == "utf-8-bom")
        return TextEncoding::Utf8;
    if (lower == "gb18030" || lower == "gbk" || lower == "gb2312" || lower == "cp936")
        return TextEncoding::Gb18030;
    return makeError(ErrorCode::InvalidArgument,
                     "unknown encoding '" + name + "' (expected auto, utf-8 or gb18030)");
}

} // namespace recforge
