#pragma once

#include <QByteArray>
#include <QtGlobal>
#include <cstddef>
#include <cstdint>
#include <vector>

namespace gatehouse::fuzz {

// Decisions a fuzz target makes about one input (where to split it, how a handler answers, which
// limits apply), drawn from a generator seeded with a hash of the input itself. Corpus files stay
// plain requests, tokens and documents that a person can read and edit, and every decision is
// reproducible: running a target on a saved crash file makes exactly the same ones.
class FuzzRandom {
public:
    FuzzRandom(const std::uint8_t* data, std::size_t size);
    explicit FuzzRandom(std::uint64_t seed) : m_state(seed) {}

    std::uint64_t next();
    // Uniform in [0, bound); 0 when bound is 0.
    std::uint64_t below(std::uint64_t bound);
    // True with probability numerator / denominator.
    bool chance(std::uint64_t numerator, std::uint64_t denominator);
    // Cuts `bytes` into consecutive pieces, empty ones included, whose concatenation is `bytes`.
    // maxPiece bounds a piece's length.
    std::vector<QByteArray> split(const QByteArray& bytes, qsizetype maxPiece);

private:
    std::uint64_t m_state;
};

} // namespace gatehouse::fuzz
