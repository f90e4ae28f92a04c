#pragma once
// Crash-safe file writing: data goes to "<path>.tmp-XXXXXX" in the same folder and replaces `path`
// only on commit() (fsync, rename, fsync of the folder). A file that was never committed - an
// error, a cancelled export, an exception - is removed by the destructor, so readers only ever
// see the old file or the complete new one, never a half-written one. Torch-free.

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "common/error.h"

namespace recforge {

class AtomicFile {
public:
    // Creates the temporary file next to `path` (the folder must exist). Errors: Io naming the
    // folder and the system's reason.
    static Expected<AtomicFile> create(const std::string &path);

    AtomicFile(AtomicFile &&other) noexcept;
    AtomicFile &operator=(AtomicFile &&other) noexcept;
    AtomicFile(const AtomicFile &) = delete;
    AtomicFile &operator=(const AtomicFile &) = delete;
    // Removes the temporary file unless committed.
    ~AtomicFile();

    const std::string &path() const { return m_path; }
    // Where the bytes go until commit(). Writers that only accept a file name (torch archives)
    // may write this path directly (it is truncated and rewritten in place); do not mix that with
    // write() on the same object.
    const std::string &tempPath() const { return m_tempPath; }

    // Buffered append. The first failure (disk full...) is kept: later writes do nothing and
    // commit() returns it. Errors: Io naming the final path.
    Status write(std::string_view bytes);
    Status write(const void *data, size_t size)
    {
        return write(std::string_view(static_cast<const char *>(data), size));
    }
    // Bytes passed to write() so far.
    int64_t bytesWritten() const { return m_written; }

    // Flushes, fsyncs, closes and renames over path(). Afterwards the object is inert. Errors: Io
    // (the temporary file is removed then, and path() is untouched).
    Status commit();
    // Removes the temporary file now (idempotent).
    void discard() noexcept;
    bool committed() const { return m_committed; }

private:
    AtomicFile() = default;
    Status flushBuffer();
    Status fail(const std::string &what, int err);

    std::string m_path, m_tempPath;
    int m_fd = -1;
    bool m_committed = false;
    std::vector<char> m_buffer;
    int64_t m_written = 0;
    std::string m_error; // first write failure
};

// Writes `bytes` to `path` through an AtomicFile (convenience for small files).
Status writeFileAtomically(const std::string &path, std::string_view bytes);

} // namespace recforge
