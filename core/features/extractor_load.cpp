// FeatureExtractor::fromBackbone: the one place extraction meets weight loading (clip_loader.h).
#include "features/extractor.h"

#include "clip/clip_loader.h"
#include "common/error.h"

namespace vaclip {

std::unique_ptr<FeatureExtractor> FeatureExtractor::fromBackbone(const std::string& backbonePath,
                                                                 const ExtractionParams& params)
{
    if (backbonePath.empty())
        throw Error(ErrorCode::InvalidArgument, "no backbone: set backbone.path in the config");
    clip::ClipModel model = clip::loadClip(backbonePath);
    return std::make_unique<FeatureExtractor>(model.ptr(), params);
}

} // namespace vaclip
