#pragma once
// Atomic writes: content goes to "<path>.tmp-XXXXXX" in the same folder, is flushed (fsync), and
// renamed over <path> only when complete. A crash or an exception never leaves a half-written
// file at <path>, and a file already there survives a failed write untouched.
//
//   writeFileAtomic("results/meta.json", jsonText);
//
//   AtomicFile f("big.bin");          // streaming variant
//   f.write(buf, n); ...; f.commit(); // destructor without commit() removes the temporary

#include <cstddef>
#include <cstdint>
#include <string>

namespace vaclip {

class AtomicFile {
public:
    explicit AtomicFile(std::string path);  ///< creates parent folders; throws naming the path
    ~AtomicFile();                          ///< discards the temporary unless committed
    AtomicFile(const AtomicFile&) = delete;
    AtomicFile& operator=(const AtomicFile&) = delete;

    void write(const void* data, std::size_t size);
    void write(const std::string& text) { write(text.data(), text.size()); }
    /// Flushes, fsyncs and renames into place. Throws on failure (the old file is kept).
    void commit();
    const std::string& path() const { return m_path; }
    const std::string& temporaryPath() const { return m_tmpPath; }

private:
    std::string m_path;
    std::string m_tmpPath;
    int m_fd = -1;
    bool m_committed = false;
};

void writeFileAtomic(const std::string& path, const std::string& content);
void writeFileAtomic(const std::string& path, const uint8_t* data, std::size_t size);
/// Reads a whole file; throws vaclip::Error (NotFound / Io) naming the path.
std::string readFile(const std::string& path);

} // namespace vaclip
