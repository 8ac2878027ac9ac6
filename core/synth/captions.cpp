#include "synth/captions.h"

#include <algorithm>
#include <set>
#include <sstream>

namespace vaclip::synth {

namespace {

const char* countWord(int n)
{
    static const char* words[] = {"no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"};
    return n >= 0 && n < 10 ? words[n] : "many";
}

std::vector<std::string> walkersPhrases(int walking, int standing)
{
    std::vector<std::string> out;
    std::string walk;
    if (walking == 1)
        out = {"a person walking", "a pedestrian walking", "someone walking"};
    else if (walking == 2)
        out = {"two people walking", "two pedestrians walking", "people walking"};
    else if (walking >= 3)
        out = {"people walking", "pedestrians walking", std::string(countWord(walking)) + " people walking",
               walking >= 6 ? "a crowd of people walking" : "a few people walking"};
    if (standing > 0) {
        const std::string st = standing == 1 ? "a person standing" : "people standing";
        if (out.empty())
            out = {st, standing == 1 ? "someone standing still" : "a group of people standing"};
        else
            out.push_back(out.front() + " and " + st);
    }
    return out;
}

std::string joinAnd(const std::vector<std::string>& parts)
{
    std::string s;
    for (std::size_t i = 0; i < parts.size(); ++i)
        s += (i == 0 ? "" : (i + 1 == parts.size() ? " and " : " and ")) + parts[i];
    return s;
}

} // namespace

std::vector<std::string> actorPhrases(ActorKind kind)
{
    switch (kind) {
    case ActorKind::Pedestrian: return {"a person walking", "a pedestrian walking"};
    case ActorKind::Bicycle: return {"a person riding a bicycle", "a cyclist riding a bicycle", "a bicycle"};
    case ActorKind::Skateboard: return {"a person on a skateboard", "a person riding a skateboard", "a skateboarder"};
    case ActorKind::Cart: return {"a person pushing a small cart", "a small cart", "a cart pushed by a person"};
    case ActorKind::Wheelchair: return {"a person in a wheelchair", "a wheelchair user", "a person rolling in a wheelchair"};
    case ActorKind::Running: return {"a person running", "someone running fast", "a runner"};
    case ActorKind::Fighting: return {"two people fighting", "a fight between two people", "people fighting"};
    case ActorKind::Car: return {"a car driving", "a car", "a car driving through"};
    case ActorKind::Throwing: return {"a person throwing an object", "someone throwing a ball", "a person throwing something"};
    case ActorKind::Jumping: return {"a person jumping", "someone jumping up and down", "a person jumping in place"};
    }
    return {"something"};
}

std::string placePhrase(const SceneLayout& L)
{
    const std::string& n = L.placeNoun;
    return (n == "walkway" ? "on a " : "in a ") + n;
}

std::vector<std::string> captionsFor(const SceneLayout& L, const std::vector<VisibleActor>& visible, int width,
                                     int height)
{
    const int64_t minPixels = std::max<int64_t>(6, int64_t(0.0015 * width * height));
    std::vector<ActorKind> specials;   // performing non-pedestrian actors, in id order, unique kinds
    int walking = 0, standing = 0;
    for (const VisibleActor& v : visible) {
        if (v.pixels < minPixels)
            continue;
        if (v.kind != ActorKind::Pedestrian && v.performing) {
            if (std::find(specials.begin(), specials.end(), v.kind) == specials.end())
                specials.push_back(v.kind);
        } else if (v.kind == ActorKind::Fighting) {
            walking += 2;   // the pair before or after the fight
        } else if (v.moving) {
            ++walking;
        } else {
            ++standing;
        }
    }
    const std::string place = placePhrase(L);
    const std::string& noun = L.placeNoun;
    std::vector<std::string> out;
    const std::vector<std::string> crowd = walkersPhrases(walking, standing);
    if (!specials.empty()) {
        std::vector<std::string> first, second;
        for (ActorKind k : specials) {
            const auto p = actorPhrases(k);
            first.push_back(p[0]);
            second.push_back(p.size() > 1 ? p[1] : p[0]);
        }
        out.push_back(joinAnd(first) + " " + place);
        if (!crowd.empty())
            out.push_back(joinAnd(first) + " among " + crowd.front() + " " + place);
        out.push_back(joinAnd(first));
        out.push_back(joinAnd(second) + " " + place);
        if (specials.size() == 1)
            for (std::size_t i = 2; i < actorPhrases(specials[0]).size(); ++i)
                out.push_back(actorPhrases(specials[0])[i] + " " + place);
    } else if (!crowd.empty()) {
        out.push_back(crowd.front() + " " + place);
        for (std::size_t i = 1; i < crowd.size(); ++i)
            out.push_back(crowd[i] + " " + place);
        out.push_back(crowd.front());
        out.push_back("a normal scene " + place);
        if (walking > 0) {
            out.push_back(walking == 1 ? "a person walking normally" : "people walking normally");
            out.push_back("pedestrians on a campus " + noun);
        }
    } else {
        out = {"an empty " + noun, "an empty " + noun + " with nobody around", "nobody " + place, "a quiet " + noun};
    }
    return out;
}

std::string captionFor(const SceneLayout& L, const std::vector<VisibleActor>& visible, int width, int height,
                       uint64_t variant)
{
    const std::vector<std::string> all = captionsFor(L, visible, width, height);
    const uint64_t n = all.size();
    if ((variant >> 7) % 2 == 0)
        return all.front();
    return all[std::size_t((variant >> 9) % n)];
}

std::vector<std::string> captionVocabulary()
{
    std::set<std::string> words;
    auto add = [&](const std::string& s) {
        std::istringstream in(s);
        std::string w;
        while (in >> w)
            words.insert(w);
    };
    for (int k = 0; k < kActorKindCount; ++k)
        for (const std::string& p : actorPhrases(ActorKind(k)))
            add(p);
    for (int n = 0; n < 10; ++n)
        add(countWord(n));
    for (const char* w : {"a", "an", "and", "among", "on", "in", "people", "pedestrians", "pedestrian", "walking", "standing",
                          "person", "someone", "still", "group", "of", "crowd", "few", "many", "normal", "normally",
                          "scene", "campus", "empty", "with", "nobody", "around", "quiet", "plaza", "square",
                          "courtyard", "walkway"})
        add(w);
    return {words.begin(), words.end()};
}

} // namespace vaclip::synth
