#include "io/atomic_file.h"

#include "common/error.h"

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <vector>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace fs = std::filesystem;

namespace vaclip {

namespace {

std::string errnoText(int err)
{
    return std::strerror(err);
}

[[noreturn]] void throwErrno(const std::string& path, const std::string& what, int err)
{
    throw Error(err == ENOENT ? ErrorCode::NotFound : ErrorCode::Io,
                quoted(path) + ": " + what + ": " + errnoText(err));
}

/// The process umask, read without changing it (umask(2) can only be read by setting it, which
/// races with other threads). Linux exposes it in /proc/self/status; fall back to 022.
mode_t currentUmask()
{
    std::ifstream status("/proc/self/status");
    std::string line;
    while (std::getline(status, line)) {
        if (line.rfind("Umask:", 0) == 0)
            return mode_t(std::strtoul(line.c_str() + 6, nullptr, 8));
    }
    return 022;
}

int closeRetry(int fd)
{
    // On Linux the descriptor is released even when close() reports EINTR: never retry.
    return ::close(fd);
}

int fsyncRetry(int fd)
{
    int rc;
    do {
        rc = ::fsync(fd);
    } while (rc != 0 && errno == EINTR);
    return rc;
}

/// Makes a completed rename durable. Some file systems refuse fsync on a directory: ignored.
void syncDirectory(const std::string& path)
{
    fs::path dir = fs::path(path).parent_path();
    if (dir.empty())
        dir = ".";
    int fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0)
        return;
    fsyncRetry(fd);
    closeRetry(fd);
}

} // namespace

AtomicFile::AtomicFile(std::string path) : m_path(std::move(path))
{
    if (m_path.empty())
        throw Error(ErrorCode::InvalidArgument, "AtomicFile: empty path");
    const fs::path parent = fs::path(m_path).parent_path();
    if (!parent.empty()) {
        std::error_code ec;
        fs::create_directories(parent, ec);
        if (ec)
            throw Error(ErrorCode::Io, quoted(m_path) + ": cannot create folder " +
                                           quoted(parent.string()) + ": " + ec.message());
    }

    std::vector<char> pattern(m_path.begin(), m_path.end());
    const char suffix[] = ".tmp-XXXXXX";
    pattern.insert(pattern.end(), suffix, suffix + sizeof suffix); // includes the terminating NUL
    m_fd = ::mkostemp(pattern.data(), O_CLOEXEC);
    if (m_fd < 0)
        throwErrno(m_path, "cannot create a temporary file next to it", errno);
    m_tmpPath = pattern.data();

    // mkstemp creates 0600; give the file the mode an ordinary open() would, or keep the mode of
    // the file being replaced.
    struct stat existing;
    mode_t mode = 0666 & ~currentUmask();
    if (::stat(m_path.c_str(), &existing) == 0 && S_ISREG(existing.st_mode))
        mode = existing.st_mode & 07777;
    ::fchmod(m_fd, mode); // best effort: a failure leaves a private file, still correct
}

AtomicFile::~AtomicFile()
{
    if (m_fd >= 0)
        closeRetry(m_fd);
    if (!m_committed && !m_tmpPath.empty())
        ::unlink(m_tmpPath.c_str());
}

void AtomicFile::write(const void* data, std::size_t size)
{
    if (m_fd < 0)
        throw Error(ErrorCode::InvalidArgument,
                    quoted(m_path) + ": write after commit() or after a failed write");
    const char* p = static_cast<const char*>(data);
    while (size > 0) {
        const std::size_t chunk = size < (std::size_t(1) << 30) ? size : (std::size_t(1) << 30);
        const ssize_t n = ::write(m_fd, p, chunk);
        if (n < 0) {
            if (errno == EINTR)
                continue;
            const int err = errno;
            closeRetry(m_fd);
            m_fd = -1;
            throwErrno(m_path, "cannot write " + quoted(m_tmpPath), err);
        }
        if (n == 0) { // should not happen for regular files; avoid spinning forever
            closeRetry(m_fd);
            m_fd = -1;
            throw Error(ErrorCode::Io, quoted(m_path) + ": write to " + quoted(m_tmpPath) +
                                           " made no progress with " + std::to_string(size) +
                                           " bytes left");
        }
        p += n;
        size -= std::size_t(n);
    }
}

void AtomicFile::commit()
{
    if (m_committed)
        throw Error(ErrorCode::InvalidArgument, quoted(m_path) + ": commit() called twice");
    if (m_fd < 0)
        throw Error(ErrorCode::Io, quoted(m_path) + ": cannot commit after a failed write");

    const int fd = m_fd;
    m_fd = -1;
    if (fsyncRetry(fd) != 0) {
        const int err = errno;
        closeRetry(fd);
        throwErrno(m_path, "cannot flush " + quoted(m_tmpPath) + " to disk", err);
    }
    if (closeRetry(fd) != 0)
        throwErrno(m_path, "cannot close " + quoted(m_tmpPath), errno);
    if (::rename(m_tmpPath.c_str(), m_path.c_str()) != 0) {
        const int err = errno;
        throw Error(ErrorCode::Io, quoted(m_path) + ": cannot rename " + quoted(m_tmpPath) +
                                       " into place: " + errnoText(err));
    }
    m_committed = true;
    syncDirectory(m_path);
}

void writeFileAtomic(const std::string& path, const std::string& content)
{
    writeFileAtomic(path, reinterpret_cast<const uint8_t*>(content.data()), content.size());
}

void writeFileAtomic(const std::string& path, const uint8_t* data, std::size_t size)
{
    AtomicFile file(path);
    file.write(data, size);
    file.commit();
}

std::string readFile(const std::string& path)
{
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        throwErrno(path, "cannot open", errno);
    struct Closer {
        int fd;
        ~Closer() { closeRetry(fd); }
    } closer{fd};

    struct stat st;
    if (::fstat(fd, &st) != 0)
        throwErrno(path, "cannot stat", errno);
    if (S_ISDIR(st.st_mode))
        throw Error(ErrorCode::Io, quoted(path) + ": is a folder, not a file");

    std::string content;
    if (S_ISREG(st.st_mode) && st.st_size > 0)
        content.reserve(std::size_t(st.st_size));
    char buffer[1 << 16];
    for (;;) {
        const ssize_t n = ::read(fd, buffer, sizeof buffer);
        if (n < 0) {
            if (errno == EINTR)
                continue;
            throwErrno(path, "cannot read", errno);
        }
        if (n == 0)
            break;
        content.append(buffer, std::size_t(n));
    }
    return content;
}

} // namespace vaclip
