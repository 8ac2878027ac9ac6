#include "common/error.h"

namespace vaclip {

const char* toString(ErrorCode code)
{
    switch (code) {
    case ErrorCode::InvalidArgument: return "invalid argument";
    case ErrorCode::NotFound: return "not found";
    case ErrorCode::Io: return "I/O error";
    case ErrorCode::Format: return "malformed input";
    case ErrorCode::Unsupported: return "unsupported";
    case ErrorCode::Mismatch: return "mismatch";
    case ErrorCode::Cancelled: return "cancelled";
    }
    return "error";
}

Error::Error(ErrorCode code, const std::string& message)
    : std::runtime_error(message), m_code(code)
{
}

std::string quoted(const std::string& path)
{
    return "'" + path + "'";
}

std::string quoted(std::string& path)
{
    return quoted(static_cast<const std::string&>(path));
}

std::string quoted(const char* path)
{
    return quoted(std::string(path ? path : ""));
}

} // namespace vaclip
