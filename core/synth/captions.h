#pragma once
// Natural-language captions of rendered frames, made from what the renderer knows (which actors
// are visible, what they are doing, where). Used as the text side of the demo backbone's
// contrastive pretraining, for every actor kind in every scene.
//
//   std::vector<std::string> all = captionsFor(layout, frame.visible, 128, 128);
//   // {"a person riding a bicycle on a walkway", "a person riding a bicycle among people walking
//   //   on a walkway", "a cyclist on a walkway", ...}: the first is the plainest
//   std::string one = captionFor(layout, frame.visible, 128, 128, variantSeed);
//
// Vocabulary: lower-case English words and spaces only (no punctuation), so a small BPE learned
// from captions covers it; it includes the words of the shipped configs' prompts ("a person on a
// skateboard", "a small cart on a walkway", "a person in a wheelchair", "a car driving on a
// walkway", "people walking normally", "a normal scene", "pedestrians on a campus walkway").
// An actor is mentioned when it owns at least max(6, 0.15% of the frame) pixels.
// Thread safety: pure functions.

#include "synth/render.h"

#include <string>
#include <vector>

namespace vaclip::synth {

/// Phrases for one actor doing its thing (primary first), e.g. {"a person running", "a runner"}.
std::vector<std::string> actorPhrases(ActorKind kind);
/// "on a walkway", "in a plaza", ...
std::string placePhrase(const SceneLayout& layout);
/// Every caption variant for the visible actors (primary first; never empty).
std::vector<std::string> captionsFor(const SceneLayout& layout, const std::vector<VisibleActor>& visible, int width,
                                     int height);
/// One variant: the primary for half of the `variant` values, otherwise any of them.
std::string captionFor(const SceneLayout& layout, const std::vector<VisibleActor>& visible, int width, int height,
                       uint64_t variant);
/// Every word the captions can use, sorted (for building a tokenizer vocabulary).
std::vector<std::string> captionVocabulary();

} // namespace vaclip::synth
