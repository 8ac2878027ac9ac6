#pragma once
// A frozen CLIP backbone (model + tokenizer) behind a plain C++ handle, so the CLI and the studio
// can pass it around without compiling LibTorch headers.
//
//   Backbone b = Backbone::load(config.backbone.path);   // weights file or Hugging Face folder
//   std::string id = b.id();                              // keys the feature cache
//   Trainer trainer(config, b);                           // train/trainer.h
//
// Loading: clip::loadClip (clip/clip_loader.h: TorchScript, safetensors, Hugging Face folders);
// the tokenizer is clip::loadTokenizerFor(weights): a Hugging Face folder's vocab.json +
// merges.txt, or bpe_simple_vocab_16e6.txt.gz next to the weights or one folder up.
// Thread safety: copies share the model; encoding in eval mode may run concurrently.

#include <memory>
#include <string>
#include <vector>

namespace vaclip::model {

struct BackboneParts;  // backbone_parts.h: the ClipModel and Tokenizer (LibTorch)

class Backbone {
public:
    Backbone() = default;
    explicit Backbone(std::shared_ptr<BackboneParts> parts) : m_parts(std::move(parts)) {}
    /// Throws vaclip::Error naming the path (NotFound, Format, Unsupported).
    static Backbone load(const std::string& weightsPath, const std::string& tokenizerPath = "");

    bool valid() const { return bool(m_parts); }
    std::string id() const;
    int embedDim() const;
    BackboneParts& parts() const;
    /// One line per prompt with words the tokenizer's vocabulary does not know, in prompt order:
    /// "prompt 'a dog': unknown words: dog" (clip/prompt_words.h); empty when all are known.
    std::vector<std::string> unknownWordsWarnings(const std::vector<std::string>& prompts) const;

private:
    std::shared_ptr<BackboneParts> m_parts;
};

} // namespace vaclip::model
