// The semantic cache's parts without sockets: the mock's embeddings put paraphrases near and
// negations far (the distances the SemanticCache test relies on), VectorIndex finds the same nearest
// vectors in its exact and its graph form, and SemanticCacheStore keeps scopes apart, expires
// answers and drops the oldest beyond its capacity.
#include "gateway/EmbeddingClient.h"
#include "gateway/SemanticCacheStore.h"
#include "gateway/VectorIndex.h"
#include "mock-llm/MockEmbedding.h"

#include <QTest>
#include <cmath>
#include <random>

using namespace gatehouse;

namespace {

float distance(const std::vector<float>& a, const std::vector<float>& b) {
    double sum = 0;
    for (std::size_t i = 0; i < a.size(); ++i)
        sum += double(a[i] - b[i]) * double(a[i] - b[i]);
    return float(std::sqrt(sum));
}

std::vector<float> randomUnit(std::mt19937& generator, std::size_t dimensions) {
    std::normal_distribution<float> normal;
    std::vector<float> vector(dimensions);
    float norm = 0;
    for (float& value : vector) {
        value = normal(generator);
        norm += value * value;
    }
    for (float& value : vector)
        value /= std::sqrt(norm);
    return vector;
}

std::shared_ptr<const CachedAnswer> answer(const char* body) {
    auto cached = std::make_shared<CachedAnswer>();
    cached->body = body;
    return cached;
}

// moc 6.4 misreads raw string literals in a class body: the answers live here.
const char* const goodEmbeddingAnswer = R"({"data":[{"embedding":[0.6,0.8]}]})";
const char* const badEmbeddingAnswers[] = {"not json",
                                           "{}",
                                           R"({"data":[]})",
                                           R"({"data":[{"embedding":[]}]})",
                                           R"({"data":[{"embedding":[1,"two"]}]})",
                                           R"({"data":[{"embedding":{}}]})"};

} // namespace

class TestSemanticCacheStore : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void mockEmbeddingsAreUnitLengthAndDeterministic() {
        const std::vector<float> a = MockEmbedding::embed(QStringLiteral("Reset my password"));
        QCOMPARE(a.size(), std::size_t(MockEmbedding::defaultDimensions));
        double norm = 0;
        for (float value : a)
            norm += double(value) * double(value);
        QVERIFY(std::abs(norm - 1.0) < 1e-5);
        QVERIFY(a == MockEmbedding::embed(QStringLiteral("Reset my password")));
        QCOMPARE(MockEmbedding::embed(QStringLiteral("x"), 64).size(), std::size_t(64));
    }

    void mockEmbeddingsPutParaphrasesNearAndNegationsFar() {
        const auto embed = [](const char* text) {
            return MockEmbedding::embed(QString::fromUtf8(text));
        };
        const float threshold = 0.32f; // WSO2's default
        const auto enable = embed("How do I enable two-factor authentication?");
        QVERIFY(distance(enable, embed("Please enable two factor authentication")) <= threshold);
        QVERIFY(distance(enable, embed("how do i ENABLE two-factor authentication")) < 1e-6f);
        const float negation = distance(enable, embed("How do I disable two-factor authentication?"));
        QVERIFY2(negation > threshold, qPrintable(QString::number(negation)));
        const float unrelated = distance(enable, embed("What is the weather in Paris today?"));
        QVERIFY2(unrelated > 1.2f, qPrintable(QString::number(unrelated)));
        // Word order counts a little.
        QVERIFY(distance(embed("dog bites man"), embed("man bites dog")) > threshold);
    }

    // The graph form answers as the exact one does: every stored vector is found from a query near it.
    void exactAndGraphFindTheSameNearest() {
        std::mt19937 generator(3);
        const std::size_t count = VectorIndex::exactLimit + 500;
        std::vector<std::vector<float>> stored;
        VectorIndex index(64);
        for (std::size_t i = 0; i < count; ++i) {
            stored.push_back(randomUnit(generator, 64));
            index.add(i, stored.back().data());
            if (i + 1 == VectorIndex::exactLimit)
                QVERIFY(!index.usesGraph());
        }
        QVERIFY(index.usesGraph());
        QCOMPARE(index.size(), count);
        int found = 0;
        for (std::size_t i = 0; i < count; i += 7) {
            std::vector<float> query = stored[i];
            query[0] += 0.01f;
            const auto hit = index.nearest(query.data(), 0.32f, [](std::size_t) { return false; });
            found += hit && hit->label == i ? 1 : 0;
        }
        QVERIFY2(found >= int(0.98 * double((count + 6) / 7)), qPrintable(QString::number(found)));
        // Removed vectors are never answered; nothing is answered beyond the threshold.
        index.remove(0);
        QVERIFY(!index.nearest(stored[0].data(), 0.01f, [](std::size_t) { return false; }));
        const std::vector<float> far = randomUnit(generator, 64);
        const auto none = index.nearest(far.data(), 0.05f, [](std::size_t) { return false; });
        QVERIFY(!none);
    }

    void exactIndexRemovesInPlace() {
        VectorIndex index(2);
        const float a[] = {1, 0}, b[] = {0, 1}, c[] = {-1, 0};
        index.add(10, a);
        index.add(11, b);
        index.add(12, c);
        index.remove(10); // the last takes its place
        QCOMPARE(index.size(), std::size_t(2));
        QVERIFY(!index.nearest(a, 0.1f, [](std::size_t) { return false; }));
        QCOMPARE(index.nearest(c, 0.1f, [](std::size_t) { return false; })->label, std::size_t(12));
        QCOMPARE(index.nearest(b, 0.1f, [](std::size_t) { return false; })->label, std::size_t(11));
    }

    void storeKeepsScopesApartAndExpires() {
        SemanticCacheStore store(10);
        const auto vector = MockEmbedding::embed(QStringLiteral("refund window"));
        store.insert("shop", vector, answer("shop answer"), 2000);
        QVERIFY(!store.find("bank", vector, 0.32f, 1000));
        const auto hit = store.find("shop", vector, 0.32f, 1000);
        QVERIFY(hit);
        QCOMPARE(hit->answer->body, QByteArray("shop answer"));
        QVERIFY(hit->distance < 1e-6f);
        QVERIFY(!store.find("shop", vector, 0.32f, 2000)); // expired at its deadline
        QCOMPARE(store.size(), std::size_t(0));
        // Another dimension (the provider's model changed) is never compared with the old ones.
        store.insert("shop", vector, answer("old"), 5000);
        store.insert("shop", MockEmbedding::embed(QStringLiteral("refund window"), 64), answer("new"), 5000);
        QVERIFY(!store.find("shop", vector, 0.32f, 1000));
        QCOMPARE(store.size(), std::size_t(1));
    }

    // What a provider answers is checked before it is compared with anything.
    void embeddingAnswersAreChecked() {
        const auto vector = EmbeddingClient::parseAnswer(goodEmbeddingAnswer);
        QVERIFY(vector);
        QCOMPARE(vector.value(), (std::vector<float>{0.6f, 0.8f}));
        for (const char* bad : badEmbeddingAnswers)
            QVERIFY2(!EmbeddingClient::parseAnswer(bad), bad);
    }

    void storeDropsTheOldestBeyondItsCapacity() {
        SemanticCacheStore store(2);
        const auto first = MockEmbedding::embed(QStringLiteral("first question"));
        const auto second = MockEmbedding::embed(QStringLiteral("second question"));
        const auto third = MockEmbedding::embed(QStringLiteral("third question"));
        store.insert("s", first, answer("1"), 10000);
        store.insert("s", second, answer("2"), 10000);
        store.insert("s", third, answer("3"), 10000);
        QCOMPARE(store.size(), std::size_t(2));
        QVERIFY(!store.find("s", first, 0.01f, 0));
        QVERIFY(store.find("s", second, 0.01f, 0));
        QVERIFY(store.find("s", third, 0.01f, 0));
        store.setCapacity(1);
        QVERIFY(!store.find("s", second, 0.01f, 0));
    }
};

QTEST_GUILESS_MAIN(TestSemanticCacheStore)
#include "tst_semanticcachestore.moc"
