#pragma once
// The LibTorch side of Backbone (model/backbone.h).
#include "clip/clip_model.h"
#include "clip/tokenizer.h"
#include "model/backbone.h"

namespace vaclip::model {

struct BackboneParts {
    clip::ClipModel clip{nullptr};
    clip::Tokenizer tokenizer;
};

inline Backbone makeBackbone(clip::ClipModel clip, clip::Tokenizer tokenizer)
{
    auto p = std::make_shared<BackboneParts>(BackboneParts{std::move(clip), std::move(tokenizer)});
    p->clip->eval();
    return Backbone(p);
}

} // namespace vaclip::model
