#include "model/backbone_parts.h"

#include "common/error.h"

#include "clip/clip_loader.h"
#include "clip/prompt_words.h"

#include <filesystem>

namespace vaclip::model {

namespace fs = std::filesystem;

Backbone Backbone::load(const std::string& weightsPath, const std::string& tokenizerPath)
{
    if (weightsPath.empty())
        throw Error(ErrorCode::InvalidArgument, "backbone.path is not set in the config");
    if (!fs::exists(weightsPath))
        throw Error(ErrorCode::NotFound, "backbone " + quoted(weightsPath) + " does not exist");
    clip::Tokenizer tokenizer = clip::loadTokenizerFor(weightsPath, tokenizerPath);
    return makeBackbone(clip::loadClip(weightsPath), std::move(tokenizer));
}

std::string Backbone::id() const
{
    const auto& c = parts().clip;
    return c->identity().backboneId.empty() ? c->config().architectureName() : c->identity().backboneId;
}

int Backbone::embedDim() const { return parts().clip->config().embedDim; }

std::vector<std::string> Backbone::unknownWordsWarnings(const std::vector<std::string>& prompts) const
{
    return clip::unknownWordsWarnings(parts().tokenizer, prompts);
}

BackboneParts& Backbone::parts() const
{
    if (!m_parts)
        throw Error(ErrorCode::InvalidArgument, "no backbone loaded");
    return *m_parts;
}

} // namespace vaclip::model
