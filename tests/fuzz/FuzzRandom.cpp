#include "FuzzRandom.h"

namespace gatehouse::fuzz {

FuzzRandom::FuzzRandom(const std::uint8_t* data, std::size_t size) {
    // FNV-1a: any change to the input changes the decisions, which is what a mutation-based fuzzer
    // needs to explore them.
    std::uint64_t hash = 0xcbf29ce484222325ULL;
    for (std::size_t i = 0; i < size; ++i) {
        hash ^= data[i];
        hash *= 0x100000001b3ULL;
    }
    m_state = hash;
}

std::uint64_t FuzzRandom::next() {
    // splitmix64: small, fast and well mixed even from nearby seeds.
    std::uint64_t z = (m_state += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
}

std::uint64_t FuzzRandom::below(std::uint64_t bound) {
    return bound == 0 ? 0 : next() % bound;
}

bool FuzzRandom::chance(std::uint64_t numerator, std::uint64_t denominator) {
    return below(denominator) < numerator;
}

std::vector<QByteArray> FuzzRandom::split(const QByteArray& bytes, qsizetype maxPiece) {
    std::vector<QByteArray> pieces;
    qsizetype at = 0;
    while (at < bytes.size()) {
        const qsizetype length = qsizetype(below(std::uint64_t(maxPiece) + 1));
        pieces.push_back(bytes.mid(at, length));
        at += length;
    }
    if (chance(1, 4))
        pieces.push_back(QByteArray()); // a read that delivers nothing must be harmless too
    return pieces;
}

} // namespace gatehouse::fuzz
