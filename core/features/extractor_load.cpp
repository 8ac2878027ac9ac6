// FeatureExtractor::fromBackbone: the one place extraction meets weight loading (clip_loader.h).
#include "features/extractor.h"

#include "clip/clip_model.h"
#include "common/error.h"

#if __has_include("clip/clip_loader.h")
#include "clip/clip_loader.h"
#define VACLIP_HAVE_CLIP_LOADER 1
#endif

namespace vaclip {

std::unique_ptr<FeatureExtractor> FeatureExtractor::fromBackbone(const std::string& backbonePath,
                                                                 const ExtractionParams& params)
{
    if (backbonePath.empty())
        throw Error(ErrorCode::InvalidArgument, "no backbone: set backbone.path in the config");
#ifdef VACLIP_HAVE_CLIP_LOADER
    clip::ClipModel model = clip::loadClip(backbonePath);
    return std::make_unique<FeatureExtractor>(model.ptr(), params);
#else
    (void)params;
    throw Error(ErrorCode::Unsupported, quoted(backbonePath) + ": this build has no CLIP weight loader yet");
#endif
}

} // namespace vaclip
