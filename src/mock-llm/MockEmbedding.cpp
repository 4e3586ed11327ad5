#include "mock-llm/MockEmbedding.h"

#include <QSet>
#include <QStringList>
#include <cmath>

namespace gatehouse {

namespace {

// Words that carry no meaning of their own: a question asked with "how do I" or "please" is the same.
const QSet<QString>& stopWords() {
    static const QSet<QString> words = [] {
        QSet<QString> set;
        for (const char* word :
             {"a",   "an",   "the",  "i",    "me",    "my",   "we",    "our",   "you",    "your", "it",
              "is",  "are",  "was",  "be",   "to",    "of",   "in",    "on",    "at",     "for",  "with",
              "and", "or",   "do",   "does", "did",   "can",  "could", "would", "should", "will", "please",
              "how", "what", "this", "that", "there", "here", "so",    "just",  "tell",   "about"})
            set.insert(QString::fromLatin1(word));
        return set;
    }();
    return words;
}

// FNV-1a, 64 bits: stable across runs and machines, unlike qHash's seeded hash.
quint64 fnv1a(const QString& feature) {
    quint64 hash = 0xcbf29ce484222325ULL;
    for (const QChar c : feature) {
        hash ^= c.unicode();
        hash *= 0x100000001b3ULL;
    }
    return hash;
}

void addFeature(std::vector<float>& vector, const QString& feature, float weight) {
    const quint64 hash = fnv1a(feature);
    const std::size_t bucket = std::size_t(hash % vector.size());
    vector[bucket] += (hash >> 63) != 0 ? -weight : weight;
}

} // namespace

QStringList MockEmbedding::contentWords(const QString& text) {
    QStringList words;
    QString current;
    const auto flush = [&] {
        if (!current.isEmpty() && !stopWords().contains(current))
            words.append(current);
        current.clear();
    };
    for (const QChar c : text) {
        if (c.isLetterOrNumber())
            current += c.toLower();
        else
            flush();
    }
    flush();
    return words;
}

std::vector<float> MockEmbedding::embed(const QString& text, int dimensions) {
    std::vector<float> vector(std::size_t(qBound(1, dimensions, maxDimensions)), 0.0f);
    const QStringList words = contentWords(text);
    for (qsizetype i = 0; i < words.size(); ++i) {
        addFeature(vector, words[i], 1.0f);
        if (i + 1 < words.size())
            addFeature(vector, words[i] + QLatin1Char(' ') + words[i + 1], 0.5f);
    }
    double norm = 0;
    for (float value : vector)
        norm += double(value) * double(value);
    if (norm == 0) {
        vector[0] = 1.0f; // no words at all: one fixed direction, so that empty texts are alike
        return vector;
    }
    const float scale = float(1.0 / std::sqrt(norm));
    for (float& value : vector)
        value *= scale;
    return vector;
}

} // namespace gatehouse
