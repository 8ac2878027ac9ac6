// Unicode and HTML tables for CLIP's tokenizer (see unicode_tables.h for what is covered).
//
// The tables (unicode_tables.inc) were generated once with Python 3.11 (unicodedata 14.0, as on
// Debian 12):
//   kLetter / kNumber: code points whose unicodedata.category() starts with 'L' / 'N';
//   kCased / kCaseIgnorable: the Cased and Case_Ignorable sets CPython's str.lower() uses for the
//     final-sigma rule, read back from str.lower() itself (c is cased when (c + 'Σ').lower() ends
//     in 'ς'; case-ignorable when it is not cased and ('A' + c + 'Σ').lower() ends in 'ς');
//   kLower: every single-character mapping of chr(c).lower() != chr(c), run-length coded as
//     {first, count, delta, stride} (U+0130 is the one multi-character mapping, handled in code);
//   kEntities: html.entities.entitydefs (HTML 4) plus 'apos' and the upper-case legacy names, the
//     replacement taken from html.entities.html5, 'legacy' = the name is valid without ';'.

#include "clip/unicode_tables.h"

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <iterator>

namespace vaclip::clip::unicode {
namespace {

struct LowerRun {
    char32_t first;
    int count;
    int delta;
    int stride;
};
struct Entity {
    const char* name;
    char32_t value;
    bool legacy;
};

// Range tables (kLetter, kNumber, kCased, kCaseIgnorable) are flat sorted {first, last, ...}
// arrays; kLower is sorted by 'first'; kEntities by name.
#include "clip/unicode_tables.inc"

template <std::size_t N>
bool inRanges(const char32_t (&table)[N], char32_t c)
{
    static_assert(N % 2 == 0, "pairs");
    std::size_t lo = 0, hi = N / 2;  // first pair whose 'first' > c
    while (lo < hi) {
        const std::size_t mid = (lo + hi) / 2;
        if (table[2 * mid] <= c)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo > 0 && c <= table[2 * (lo - 1) + 1];
}

char32_t simpleLower(char32_t c)
{
    if (c < 0x80)
        return (c >= U'A' && c <= U'Z') ? c + 32 : c;
    const LowerRun* end = kLower + std::size(kLower);
    const LowerRun* it = std::upper_bound(kLower, end, c,
                                          [](char32_t v, const LowerRun& r) { return v < r.first; });
    if (it == kLower)
        return c;
    const LowerRun& run = *std::prev(it);
    const char32_t offset = c - run.first;
    if (offset % static_cast<char32_t>(run.stride) != 0 ||
        offset / static_cast<char32_t>(run.stride) >= static_cast<char32_t>(run.count))
        return c;
    return static_cast<char32_t>(static_cast<int64_t>(c) + run.delta);
}

bool isCased(char32_t c) { return inRanges(kCased, c); }
bool isCaseIgnorable(char32_t c) { return inRanges(kCaseIgnorable, c); }

// CPython's handle_capital_sigma: \p{cased} \p{case-ignorable}* U+03A3 !(\p{case-ignorable}* \p{cased})
bool isFinalSigma(const std::u32string& s, std::size_t i)
{
    std::size_t j = i;
    while (j > 0 && isCaseIgnorable(s[j - 1]))
        --j;
    if (j == 0 || !isCased(s[j - 1]))
        return false;
    std::size_t k = i + 1;
    while (k < s.size() && isCaseIgnorable(s[k]))
        ++k;
    return k == s.size() || !isCased(s[k]);
}

const Entity* findEntity(const std::u32string& name, bool needLegacy)
{
    if (name.empty() || name.size() > 31)
        return nullptr;
    char key[32];
    for (std::size_t i = 0; i < name.size(); ++i) {
        if (name[i] >= 0x80)
            return nullptr;
        key[i] = static_cast<char>(name[i]);
    }
    key[name.size()] = '\0';
    for (const Entity& e : kEntities)  // 259 entries, only reached for '&' in the text
        if (std::strcmp(e.name, key) == 0)
            return (!needLegacy || e.legacy) ? &e : nullptr;
    return nullptr;
}

// html._replace_charref for "&#..." / "&#x...": the replacement of a numeric reference.
std::u32string numericReference(uint32_t num)
{
    static const char32_t kCp1252[32] = {
        0x20AC, 0x81, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
        0x2039, 0x0152, 0x8D, 0x017D, 0x8F, 0x90, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
        0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x9D, 0x017E, 0x0178};
    if (num == 0)
        return U"\uFFFD";
    if (num == 0x0D)
        return U"\r";
    if (num >= 0x80 && num <= 0x9F)
        return std::u32string(1, kCp1252[num - 0x80]);
    if ((num >= 0xD800 && num <= 0xDFFF) || num > 0x10FFFF)
        return U"\uFFFD";
    if ((num >= 0x1 && num <= 0x8) || num == 0xB || (num >= 0xE && num <= 0x1F) || num == 0x7F ||
        (num >= 0xFDD0 && num <= 0xFDEF) || (num & 0xFFFE) == 0xFFFE)
        return U"";
    return std::u32string(1, static_cast<char32_t>(num));
}

bool isAsciiDigit(char32_t c) { return c >= U'0' && c <= U'9'; }
int hexValue(char32_t c)
{
    if (isAsciiDigit(c))
        return static_cast<int>(c - U'0');
    if (c >= U'a' && c <= U'f')
        return static_cast<int>(c - U'a') + 10;
    if (c >= U'A' && c <= U'F')
        return static_cast<int>(c - U'A') + 10;
    return -1;
}

} // namespace

bool isLetter(char32_t c)
{
    if (c < 0x80)
        return (c | 0x20) >= U'a' && (c | 0x20) <= U'z';
    return inRanges(kLetter, c);
}

bool isNumber(char32_t c)
{
    if (c < 0x80)
        return isAsciiDigit(c);
    return inRanges(kNumber, c);
}

bool isWhiteSpace(char32_t c)
{
    return (c >= 0x09 && c <= 0x0D) || c == 0x20 || c == 0x85 || c == 0xA0 || c == 0x1680 ||
           (c >= 0x2000 && c <= 0x200A) || c == 0x2028 || c == 0x2029 || c == 0x202F ||
           c == 0x205F || c == 0x3000;
}

bool isPySpace(char32_t c) { return isWhiteSpace(c) || (c >= 0x1C && c <= 0x1F); }

std::u32string toLower(const std::u32string& text)
{
    std::u32string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char32_t c = text[i];
        if (c == 0x130) {  // LATIN CAPITAL LETTER I WITH DOT ABOVE -> i + COMBINING DOT ABOVE
            out += U'i';
            out += char32_t(0x307);
        } else if (c == 0x3A3) {
            out += isFinalSigma(text, i) ? char32_t(0x3C2) : char32_t(0x3C3);
        } else {
            out += simpleLower(c);
        }
    }
    return out;
}

// html.unescape: re.sub(r'&(#[0-9]+;?|#[xX][0-9a-fA-F]+;?|[^\t\n\f <&#;]{1,32};?)', ...)
std::u32string htmlUnescape(const std::u32string& s)
{
    if (s.find(U'&') == std::u32string::npos)
        return s;
    std::u32string out;
    out.reserve(s.size());
    std::size_t i = 0;
    const std::size_t n = s.size();
    while (i < n) {
        if (s[i] != U'&') {
            out += s[i++];
            continue;
        }
        std::size_t j = i + 1;
        if (j < n && s[j] == U'#') {
            const bool hex = j + 1 < n && (s[j + 1] == U'x' || s[j + 1] == U'X');
            std::size_t k = hex ? j + 2 : j + 1;
            const std::size_t digitsBegin = k;
            uint32_t num = 0;
            while (k < n && (hex ? hexValue(s[k]) >= 0 : isAsciiDigit(s[k]))) {
                const uint32_t digit = static_cast<uint32_t>(hexValue(s[k]));
                num = num > 0x10FFFF ? num : num * (hex ? 16 : 10) + digit;  // saturates
                ++k;
            }
            if (k == digitsBegin) {  // "&#" not followed by digits: no reference
                out += s[i++];
                continue;
            }
            if (k < n && s[k] == U';')
                ++k;
            out += numericReference(num);
            i = k;
            continue;
        }
        std::size_t k = j;
        while (k < n && k - j < 32 && s[k] != U'\t' && s[k] != U'\n' && s[k] != U'\f' &&
               s[k] != U' ' && s[k] != U'<' && s[k] != U'&' && s[k] != U'#' && s[k] != U';')
            ++k;
        if (k == j) {
            out += s[i++];
            continue;
        }
        std::u32string name = s.substr(j, k - j);
        const bool semicolon = k < n && s[k] == U';';
        const std::size_t end = semicolon ? k + 1 : k;
        if (const Entity* e = findEntity(name, !semicolon)) {
            out += e->value;
            i = end;
            continue;
        }
        // The longest prefix that is a legacy name (valid without ';'); the rest stays literal.
        const std::size_t full = name.size() + (semicolon ? 1 : 0);
        bool replaced = false;
        for (std::size_t x = full - 1; x >= 2 && !replaced; --x) {
            if (const Entity* e = findEntity(name.substr(0, x), true)) {
                out += e->value;
                out.append(s, j + x, end - (j + x));
                replaced = true;
            }
        }
        if (!replaced)
            out.append(s, i, end - i);
        i = end;
    }
    return out;
}

std::u32string decodeUtf8(const std::string& bytes)
{
    std::u32string out;
    out.reserve(bytes.size());
    const auto* p = reinterpret_cast<const unsigned char*>(bytes.data());
    const std::size_t n = bytes.size();
    std::size_t i = 0;
    while (i < n) {
        const unsigned char b = p[i];
        if (b < 0x80) {
            out += b;
            ++i;
            continue;
        }
        int len = 0;
        char32_t cp = 0;
        unsigned char lo = 0x80, hi = 0xBF;  // allowed range of the second byte (Table 3-7)
        if (b >= 0xC2 && b <= 0xDF) {
            len = 2;
            cp = b & 0x1F;
        } else if (b >= 0xE0 && b <= 0xEF) {
            len = 3;
            cp = b & 0x0F;
            if (b == 0xE0)
                lo = 0xA0;
            if (b == 0xED)
                hi = 0x9F;
        } else if (b >= 0xF0 && b <= 0xF4) {
            len = 4;
            cp = b & 0x07;
            if (b == 0xF0)
                lo = 0x90;
            if (b == 0xF4)
                hi = 0x8F;
        }
        if (len == 0) {
            out += char32_t(0xFFFD);
            ++i;
            continue;
        }
        int used = 1;
        bool ok = true;
        for (; used < len; ++used) {
            if (i + used >= n) {
                ok = false;
                break;
            }
            const unsigned char c = p[i + used];
            const unsigned char l = used == 1 ? lo : 0x80, h = used == 1 ? hi : 0xBF;
            if (c < l || c > h) {
                ok = false;
                break;
            }
            cp = (cp << 6) | (c & 0x3F);
        }
        out += ok ? cp : char32_t(0xFFFD);
        i += used;
    }
    return out;
}

std::string encodeUtf8(const std::u32string& text)
{
    std::string out;
    out.reserve(text.size());
    for (char32_t c : text)
        appendUtf8(out, c);
    return out;
}

namespace {

// Case-insensitive comparison of the pattern's ASCII literals, as the `regex` module's simple
// case folding does it (U+017F LONG S folds to 's').
bool literalAt(const std::u32string& s, std::size_t i, const char* lit)
{
    for (std::size_t k = 0; lit[k] != '\0'; ++k) {
        if (i + k >= s.size())
            return false;
        const char32_t c = s[i + k];
        const char32_t want = static_cast<unsigned char>(lit[k]);
        const bool letter = want >= U'a' && want <= U'z';
        if (c != want && !(letter && c == want - 32) && !(want == U's' && c == 0x17F))
            return false;
    }
    return true;
}

// U+0345 COMBINING GREEK YPOGEGRAMMENI folds to a letter, so under IGNORECASE the `regex` module
// matches it with neither [\p{L}] nor [^\s\p{L}\p{N}]: findall skips it like whitespace.
bool skipped(char32_t c) { return isWhiteSpace(c) || c == 0x345; }
bool isSymbol(char32_t c) { return !skipped(c) && !isLetter(c) && !isNumber(c); }

} // namespace

std::vector<Piece> splitPieces(const std::u32string& s)
{
    static const char* const kContractions[] = {"'s", "'t", "'re", "'ve", "'m", "'ll", "'d"};
    std::vector<Piece> out;
    std::size_t i = 0;
    const std::size_t n = s.size();
    while (i < n) {
        const char32_t c = s[i];
        std::size_t len = 0;
        PieceKind kind = PieceKind::Symbols;
        if (c == U'<' && literalAt(s, i, "<|startoftext|>")) {
            len = 15, kind = PieceKind::Special;
        } else if (c == U'<' && literalAt(s, i, "<|endoftext|>")) {
            len = 13, kind = PieceKind::Special;
        } else if (c == U'\'') {
            for (const char* lit : kContractions)
                if (literalAt(s, i, lit)) {
                    len = std::char_traits<char>::length(lit), kind = PieceKind::Contraction;
                    break;
                }
        }
        if (len == 0) {
            if (isLetter(c)) {
                kind = PieceKind::Letters;
                while (i + len < n && isLetter(s[i + len]))
                    ++len;
            } else if (isNumber(c)) {
                kind = PieceKind::Digit, len = 1;
            } else if (skipped(c)) {
                ++i;
                continue;
            } else {
                kind = PieceKind::Symbols;
                while (i + len < n && isSymbol(s[i + len]))
                    ++len;
            }
        }
        out.push_back({kind, s.substr(i, len)});
        i += len;
    }
    return out;
}

std::u32string cleanText(const std::string& text)
{
    // basic_clean: ftfy.fix_text (identity here), html.unescape twice, strip.
    std::u32string s = htmlUnescape(htmlUnescape(decodeUtf8(text)));
    // whitespace_clean: re.sub(r'\s+', ' ', text).strip() -- the first strip() changes nothing
    // the second does not also do, so one pass of each is enough.
    std::u32string collapsed;
    collapsed.reserve(s.size());
    bool inRun = false;
    for (char32_t c : s) {
        if (isWhiteSpace(c)) {
            if (!inRun)
                collapsed += U' ';
            inRun = true;
        } else {
            collapsed += c;
            inRun = false;
        }
    }
    std::size_t b = 0, e = collapsed.size();
    while (b < e && isPySpace(collapsed[b]))
        ++b;
    while (e > b && isPySpace(collapsed[e - 1]))
        --e;
    return toLower(collapsed.substr(b, e - b));
}

} // namespace vaclip::clip::unicode
