// PLACEHOLDER until core/data lands: vaclip info on a meta.json.
#include "common/error.h"
#include <string>
namespace vaclip::cli {
void printMetaInfo(const std::string& path, bool, bool)
{
    throw Error(ErrorCode::Unsupported, quoted(path) + ": meta.json support is not built yet");
}
}
