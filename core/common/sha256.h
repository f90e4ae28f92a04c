#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "common/error.h"

namespace recforge {

// SHA-256 (FIPS 180-4), incremental. Used for dataset content hashes and artifact/checkpoint
// hashes; our own implementation so core/ needs no OpenSSL.
class Sha256 {
public:
    using Digest = std::array<uint8_t, 32>;

    Sha256() { reset(); }
    void reset();
    void update(const void *data, size_t size);
    void update(std::string_view text) { update(text.data(), text.size()); }
    // Finishes and returns the digest; the object is reset afterwards (ready for new data).
    Digest finish();
    std::string finishHex() { return toHex(finish()); }

    static std::string toHex(const Digest &digest); // 64 lowercase hex digits
    static std::string hex(std::string_view data);  // one-shot

    // True when the CPU's SHA extensions are used (x86 SHA-NI), false for the portable code.
    static bool hardwareAccelerated();
    // For tests and benchmarks: use the portable code even when SHA-NI is available (global).
    static void forcePortable(bool portable);

private:
    std::array<uint32_t, 8> m_state{};
    std::array<uint8_t, 64> m_buffer{};
    size_t m_buffered = 0;
    uint64_t m_length = 0; // bytes hashed so far
};

// Hex digest of a file's content, read in chunks. Io error naming the file when unreadable.
Expected<std::string> sha256File(const std::string &path);

} // namespace recforge
