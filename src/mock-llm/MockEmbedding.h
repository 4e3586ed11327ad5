#pragma once

#include <QString>
#include <vector>

namespace gatehouse {

// The mock's embedding model, deterministic and offline: the text's words (lower case, stop words left
// out) and the pairs of consecutive words, hashed with a sign into `dimensions` buckets and normalised
// to unit length. Texts that share their words are near (a paraphrase that keeps the content words is
// at distance 0); a changed word moves a short text far ("enable" vs "disable" two-factor
// authentication: about 0.75 in L2 distance); word order counts a little, through the pairs.
class MockEmbedding {
public:
    static constexpr int defaultDimensions = 256;
    static constexpr int maxDimensions = 4096;

    static std::vector<float> embed(const QString& text, int dimensions = defaultDimensions);
    // The words the embedding is made of, for tests and for counting the input's tokens.
    static QStringList contentWords(const QString& text);
};

} // namespace gatehouse
