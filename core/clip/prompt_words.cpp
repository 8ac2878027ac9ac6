// Unknown-word warnings for prompts (prompt_words.h).

#include "clip/prompt_words.h"

namespace vaclip::clip {

std::string unknownWordsWarning(const Tokenizer& tokenizer, const std::string& prompt)
{
    const std::vector<std::string> words = tokenizer.unknownWords(prompt);
    if (words.empty())
        return {};
    std::string line = "prompt '" + prompt + "': unknown words: ";
    for (std::size_t i = 0; i < words.size(); ++i)
        line += (i ? ", " : "") + words[i];
    return line;
}

std::vector<std::string> unknownWordsWarnings(const Tokenizer& tokenizer, const std::vector<std::string>& prompts)
{
    std::vector<std::string> out;
    for (const std::string& p : prompts) {
        std::string w = unknownWordsWarning(tokenizer, p);
        if (!w.empty())
            out.push_back(std::move(w));
    }
    return out;
}

} // namespace vaclip::clip
