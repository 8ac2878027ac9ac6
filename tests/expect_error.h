#pragma once
// Checking the errors of bad input: the right vaclip::Error code, and a message that says what the
// user needs (the file, the key, the line).
//
//   test::expectError([&] { readNpy(path); }, ErrorCode::Format, {path, "truncated"});

#include "common/error.h"

#include <gtest/gtest.h>

#include <functional>
#include <string>
#include <vector>

namespace vaclip::test {

/// Expects `fn` to throw vaclip::Error with `code` whose message contains every string in `parts`.
inline void expectError(const std::function<void()>& fn, ErrorCode code, const std::vector<std::string>& parts)
{
    try {
        fn();
    } catch (const Error& e) {
        EXPECT_EQ(e.code(), code) << "message: " << e.what();
        for (const std::string& p : parts)
            EXPECT_NE(std::string(e.what()).find(p), std::string::npos) << "'" << p << "' not in: " << e.what();
        return;
    }
    ADD_FAILURE() << "no vaclip::Error thrown (expected one mentioning '" << (parts.empty() ? "" : parts.front()) << "')";
}

} // namespace vaclip::test
