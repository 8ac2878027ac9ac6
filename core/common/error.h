#pragma once
// The one exception type the engine throws across module boundaries.
//
// Every error carries a code (what kind of failure, so callers can react) and a message a user
// can act on: it names the file and the problem ("meta.json: train/bike[3]: missing key
// 'video_path'"). The CLI prints what() and exits 1; the studio shows it in a message.

#include <stdexcept>
#include <string>

namespace vaclip {

enum class ErrorCode {
    InvalidArgument, ///< a caller passed a value outside the contract
    NotFound,        ///< a file, folder, key or index that does not exist
    Io,              ///< the operating system refused a read or write
    Format,          ///< a file exists but its content is malformed or lies about itself
    Unsupported,     ///< well-formed input this build cannot handle (codec, dtype, version)
    Mismatch,        ///< two inputs that must agree do not (label count vs frame count, shapes)
    Cancelled,       ///< a progress callback asked to stop
};

const char* toString(ErrorCode code);

class Error : public std::runtime_error {
public:
    Error(ErrorCode code, const std::string& message);
    ErrorCode code() const noexcept { return m_code; }

private:
    ErrorCode m_code;
};

/// "'<path>'" — paths quoted the same way in every message. (The overloads for non-const and
/// C strings make these win over std::quoted, which argument-dependent lookup also finds.)
std::string quoted(const std::string& path);
std::string quoted(std::string& path);
std::string quoted(const char* path);

} // namespace vaclip
