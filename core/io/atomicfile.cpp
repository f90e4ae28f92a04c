#include "atomicfile.h"

#include <cerrno>
#include <cstring>
#include <utility>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace recforge {

namespace {
constexpr size_t kBufferSize = 1 << 16;

std::string folderOf(const std::string &path)
{
    const auto slash = path.find_last_of('/');
    if (slash == std::string::npos)
        return ".";
    return slash == 0 ? "/" : path.substr(0, slash);
}

// The rename is durable only once the folder entry is on disk too. Best effort: some file systems
// refuse fsync on a directory, which must not fail an otherwise complete write.
void syncFolder(const std::string &folder)
{
    const int fd = ::open(folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd >= 0) {
        ::fsync(fd);
        ::close(fd);
    }
}
} // namespace

Expected<AtomicFile> AtomicFile::create(const std::string &path)
{
    if (path.empty() || path.back() == '/')
        return makeError(ErrorCode::InvalidArgument, "not a file path: '" + path + "'",
                         Location{path, 0, 0, {}});
    AtomicFile file;
    file.m_path = path;
    std::string pattern = path + ".tmp-XXXXXX";
    file.m_fd = ::mkstemp(pattern.data());
    if (file.m_fd < 0) {
        const int err = errno;
        return makeError(ErrorCode::Io,
                         "cannot create a file in " + folderOf(path) + ": " + std::strerror(err),
                         Location{path, 0, 0, {}});
    }
    // mkstemp creates 0600; exports are meant to be shared like any other file.
    const mode_t mask = ::umask(0);
    ::umask(mask);
    ::fchmod(file.m_fd, 0666 & ~mask);
    file.m_tempPath = std::move(pattern);
    file.m_buffer.reserve(kBufferSize);
    return file;
}

AtomicFile::AtomicFile(AtomicFile &&other) noexcept
    : m_path(std::move(other.m_path)), m_tempPath(std::move(other.m_tempPath)),
      m_fd(std::exchange(other.m_fd, -1)), m_committed(other.m_committed),
      m_buffer(std::move(other.m_buffer)), m_written(other.m_written),
      m_error(std::move(other.m_error))
{
    other.m_tempPath.clear();
}

AtomicFile &AtomicFile::operator=(AtomicFile &&other) noexcept
{
    if (this != &other) {
        discard();
        m_path = std::move(other.m_path);
        m_tempPath = std::move(other.m_tempPath);
        other.m_tempPath.clear();
        m_fd = std::exchange(other.m_fd, -1);
        m_committed = other.m_committed;
        m_buffer = std::move(other.m_buffer);
        m_written = other.m_written;
        m_error = std::move(other.m_error);
    }
    return *this;
}

AtomicFile::~AtomicFile()
{
    discard();
}

Status AtomicFile::fail(const std::string &what, int err)
{
    if (m_error.empty())
        m_error = what + ": " + std::strerror(err);
    return makeError(ErrorCode::Io, "cannot write " + m_path + ": " + m_error,
                     Location{m_path, 0, 0, {}});
}

Status AtomicFile::flushBuffer()
{
    size_t done = 0;
    while (done < m_buffer.size()) {
        const ssize_t n = ::write(m_fd, m_buffer.data() + done, m_buffer.size() - done);
        if (n < 0) {
            if (errno == EINTR)
                continue;
            return fail("write", errno);
        }
        done += size_t(n);
    }
    m_buffer.clear();
    return {};
}

Status AtomicFile::write(std::string_view bytes)
{
    if (m_committed || m_fd < 0)
        return makeError(ErrorCode::Internal, "write after commit or discard",
                         Location{m_path, 0, 0, {}});
    if (!m_error.empty())
        return makeError(ErrorCode::Io, "cannot write " + m_path + ": " + m_error,
                         Location{m_path, 0, 0, {}});
    m_written += int64_t(bytes.size());
    if (m_buffer.size() + bytes.size() > kBufferSize) {
        if (auto ok = flushBuffer(); !ok)
            return ok;
        if (bytes.size() >= kBufferSize) {
            m_buffer.assign(bytes.begin(), bytes.end());
            return flushBuffer();
        }
    }
    m_buffer.insert(m_buffer.end(), bytes.begin(), bytes.end());
    return {};
}

Status AtomicFile::commit()
{
    if (m_committed)
        return {};
    if (m_fd < 0)
        return makeError(ErrorCode::Internal, "commit after discard", Location{m_path, 0, 0, {}});
    Status status = m_error.empty() ? flushBuffer() : fail("write", EIO);
    if (status && ::fsync(m_fd) != 0)
        status = fail("fsync", errno);
    if (::close(m_fd) != 0 && status)
        status = fail("close", errno);
    m_fd = -1;
    if (status && ::rename(m_tempPath.c_str(), m_path.c_str()) != 0)
        status = fail("rename", errno);
    if (!status) {
        ::unlink(m_tempPath.c_str());
        m_tempPath.clear();
        return status;
    }
    m_committed = true;
    m_tempPath.clear();
    syncFolder(folderOf(m_path));
    return {};
}

void AtomicFile::discard() noexcept
{
    if (m_fd >= 0) {
        ::close(m_fd);
        m_fd = -1;
    }
    if (!m_committed && !m_tempPath.empty())
        ::unlink(m_tempPath.c_str());
    m_tempPath.clear();
    m_buffer.clear();
}

Status writeFileAtomically(const std::string &path, std::string_view bytes)
{
    auto file = AtomicFile::create(path);
    if (!file)
        return tl::unexpected(file.error());
    if (auto ok = file->write(bytes); !ok)
        return ok;
    return file->commit();
}

} // namespace recforge
