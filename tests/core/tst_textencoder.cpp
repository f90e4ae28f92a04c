// The BERT-style text encoder and its import: a tiny BERT checkpoint with Hugging Face names
// (written here with our safetensors writer) maps weight by weight, a forward pass equals a
// reference written with plain torch ops, both name spellings load, wrong shapes / missing
// tensors / bad config.json fail with errors naming what is wrong, and a saved folder re-imports
// to identical outputs. Text embeddings: batching and padding do not change an item's vector.
#include <cmath>
#include <fstream>
#include <map>

#include <QTemporaryDir>
#include <QTest>

#include <nlohmann/json.hpp>
#include <torch/torch.h>

#include "io/safetensors.h"
#include "models/textembedding.h"
#include "models/textencoderio.h"
#include "text/wordpiecetokenizer.h"

using namespace recforge;

namespace {

constexpr int64_t kHidden = 8, kHeads = 2, kInter = 12, kPositions = 10;

const std::vector<std::string> kVocab = {"[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]", "red",
                                         "blue",  "shoes", "shirt", "nike",  "adi",    "##das",
                                         "cheap", "green", "sock",  "##s"};

TextEncoderConfig tinyConfig()
{
    TextEncoderConfig c;
    c.vocabSize = int64_t(kVocab.size());
    c.hidden = kHidden;
    c.layers = 1;
    c.heads = kHeads;
    c.intermediate = kInter;
    c.maxPositions = kPositions;
    c.typeVocab = 2;
    c.hiddenDropout = 0.1; // eval mode must switch it off
    c.attentionDropout = 0.1;
    return c;
}

// A 1-layer BertForMaskedLM + pooler state dict with Hugging Face names, random values (LayerNorm
// weights too, so a swapped weight/bias shows), plus an unused NSP head and the position_ids
// buffer.
NamedTensors fixtureTensors()
{
    torch::manual_seed(123);
    const int64_t v = int64_t(kVocab.size());
    const auto r = [](std::vector<int64_t> shape) { return torch::randn(shape) * 0.5; };
    NamedTensors t;
    const auto add = [&](const std::string &name, torch::Tensor value) {
        t.emplace_back(name, value.contiguous());
    };
    const auto ln = [&](const std::string &prefix) {
        add(prefix + ".weight", 1.0 + 0.2 * torch::randn({kHidden}));
        add(prefix + ".bias", r({kHidden}));
    };
    add("bert.embeddings.word_embeddings.weight", r({v, kHidden}));
    add("bert.embeddings.position_embeddings.weight", r({kPositions, kHidden}));
    add("bert.embeddings.token_type_embeddings.weight", r({2, kHidden}));
    ln("bert.embeddings.LayerNorm");
    add("bert.embeddings.position_ids", torch::arange(kPositions).unsqueeze(0));
    const std::string l = "bert.encoder.layer.0.";
    for (const char *p : {"query", "key", "value"}) {
        add(l + "attention.self." + p + ".weight", r({kHidden, kHidden}));
        add(l + "attention.self." + p + ".bias", r({kHidden}));
    }
    add(l + "attention.output.dense.weight", r({kHidden, kHidden}));
    add(l + "attention.output.dense.bias", r({kHidden}));
    ln(l + "attention.output.LayerNorm");
    add(l + "intermediate.dense.weight", r({kInter, kHidden}));
    add(l + "intermediate.dense.bias", r({kInter}));
    add(l + "output.dense.weight", r({kHidden, kInter}));
    add(l + "output.dense.bias", r({kHidden}));
    ln(l + "output.LayerNorm");
    add("bert.pooler.dense.weight", r({kHidden, kHidden}));
    add("bert.pooler.dense.bias", r({kHidden}));
    add("cls.predictions.transform.dense.weight", r({kHidden, kHidden}));
    add("cls.predictions.transform.dense.bias", r({kHidden}));
    ln("cls.predictions.transform.LayerNorm");
    add("cls.predictions.bias", r({v}));
    add("cls.predictions.decoder.weight", t.front().second.clone()); // tied
    add("cls.seq_relationship.weight", r({2, kHidden}));
    add("cls.seq_relationship.bias", r({2}));
    return t;
}

torch::Tensor find(const NamedTensors &t, const std::string &name)
{
    for (const auto &[n, value] : t)
        if (n == name)
            return value;
    qFatal("fixture has no tensor %s", name.c_str());
}

void writeText(const std::string &path, const std::string &text)
{
    std::ofstream(path, std::ios::binary) << text;
}

// Writes a BERT folder: config.json, vocab.txt, model.safetensors.
void writeFolder(const std::string &dir, const NamedTensors &tensors,
                 const nlohmann::json &config = toJson(tinyConfig()))
{
    writeText(dir + "/config.json", config.dump(2));
    std::string vocab;
    for (const auto &token : kVocab)
        vocab += token + "\n";
    writeText(dir + "/vocab.txt", vocab);
    auto s = writeSafetensors(dir + "/model.safetensors", tensors);
    QVERIFY2(s.has_value(), s ? "" : s.error().toString().c_str());
}

// The reference BERT forward of the fixture for a 1-layer model, from the raw tensors with plain
// torch ops. ids [B, L], mask [B, L] (1 = real).
torch::Tensor referenceHidden(const NamedTensors &t, const torch::Tensor &ids,
                              const torch::Tensor &mask)
{
    const auto w = [&](const std::string &n) { return find(t, n); };
    const auto lin = [&](const torch::Tensor &x, const std::string &p) {
        return x.matmul(w(p + ".weight").t()) + w(p + ".bias");
    };
    const auto norm = [&](const torch::Tensor &x, const std::string &p) {
        const torch::Tensor mean = x.mean(-1, true);
        const torch::Tensor var = (x - mean).pow(2).mean(-1, true);
        return (x - mean) / torch::sqrt(var + 1e-12) * w(p + ".weight") + w(p + ".bias");
    };
    const int64_t b = ids.size(0), len = ids.size(1), dh = kHidden / kHeads;
    torch::Tensor x = w("bert.embeddings.word_embeddings.weight")
                          .index_select(0, ids.reshape(-1))
                          .view({b, len, kHidden}) +
                      w("bert.embeddings.position_embeddings.weight").narrow(0, 0, len) +
                      w("bert.embeddings.token_type_embeddings.weight")[0];
    x = norm(x, "bert.embeddings.LayerNorm");
    const std::string l = "bert.encoder.layer.0.";
    const auto heads = [&](const torch::Tensor &y) {
        return y.view({b, len, kHeads, dh}).permute({0, 2, 1, 3});
    };
    const torch::Tensor q = heads(lin(x, l + "attention.self.query"));
    const torch::Tensor k = heads(lin(x, l + "attention.self.key"));
    const torch::Tensor v = heads(lin(x, l + "attention.self.value"));
    torch::Tensor scores = q.matmul(k.transpose(2, 3)) / std::sqrt(double(dh));
    scores =
        scores.masked_fill(mask.view({b, 1, 1, len}) == 0, -std::numeric_limits<float>::infinity());
    const torch::Tensor context =
        torch::softmax(scores, -1).matmul(v).permute({0, 2, 1, 3}).reshape({b, len, kHidden});
    const torch::Tensor h =
        norm(lin(context, l + "attention.output.dense") + x, l + "attention.output.LayerNorm");
    const torch::Tensor inner = torch::gelu(lin(h, l + "intermediate.dense"));
    return norm(lin(inner, l + "output.dense") + h, l + "output.LayerNorm");
}

torch::Tensor referenceLogits(const NamedTensors &t, const torch::Tensor &hidden)
{
    const std::string p = "cls.predictions.transform.";
    torch::Tensor x =
        torch::gelu(hidden.matmul(find(t, p + "dense.weight").t()) + find(t, p + "dense.bias"));
    x = torch::layer_norm(x, {kHidden}, find(t, p + "LayerNorm.weight"),
                          find(t, p + "LayerNorm.bias"), 1e-12);
    return x.matmul(find(t, "bert.embeddings.word_embeddings.weight").t()) +
           find(t, "cls.predictions.bias");
}

// Two rows, the second padded: "[CLS] red nike shoes [SEP]" and "[CLS] blue sock [SEP] [PAD]".
std::pair<torch::Tensor, torch::Tensor> sampleBatch()
{
    torch::Tensor ids = torch::tensor({2, 5, 9, 7, 3, 2, 6, 14, 3, 0}, torch::kLong).view({2, 5});
    return {ids, ids != 0};
}

bool close(const torch::Tensor &a, const torch::Tensor &b, double tol = 1e-5)
{
    return a.sizes() == b.sizes() && (a - b).abs().max().item<double>() < tol;
}

} // namespace

class TestTextEncoder : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { torch::set_num_threads(1); }

    void parameterNamesAreHuggingFaces()
    {
        TextEncoder encoder(tinyConfig(), TextEncoderHeads{true, true});
        std::vector<std::string> names;
        for (const auto &[name, tensor] : textEncoderTensors(encoder))
            names.push_back(name);
        std::vector<std::string> expected;
        for (const auto &[name, tensor] : fixtureTensors())
            if (name.find("position_ids") == std::string::npos &&
                name.find("seq_relationship") == std::string::npos &&
                name != "cls.predictions.decoder.weight")
                expected.push_back(name);
        std::sort(names.begin(), names.end());
        std::sort(expected.begin(), expected.end());
        QVERIFY(names == expected);
    }

    void importMapsEveryWeightAndMatchesReference()
    {
        QTemporaryDir dir;
        const NamedTensors fixture = fixtureTensors();
        writeFolder(dir.path().toStdString(), fixture);
        auto loaded = loadTextEncoder(dir.path().toStdString());
        QVERIFY2(loaded.has_value(), loaded ? "" : loaded.error().toString().c_str());
        QCOMPARE(std::string(loaded->tokenizer->kind()), std::string("wordpiece"));
        QVERIFY(loaded->encoder->heads().pooler);
        QVERIFY(loaded->encoder->heads().mlmHead);
        QVERIFY(!loaded->encoder->is_training());

        // Every mapped weight is the fixture's tensor.
        for (const auto &[name, tensor] : textEncoderTensors(loaded->encoder))
            QVERIFY2(torch::equal(tensor, find(fixture, name)), name.c_str());
        // The unused NSP head is reported, one warning per tensor; position_ids is not.
        std::vector<std::string> warned;
        for (const Warning &w : loaded->warnings)
            warned.push_back(w.location.field);
        QVERIFY(warned == (std::vector<std::string>{"cls.seq_relationship.bias",
                                                    "cls.seq_relationship.weight"}));

        auto [ids, mask] = sampleBatch();
        torch::NoGradGuard noGrad;
        const torch::Tensor hidden = loaded->encoder->forward(ids, mask);
        const torch::Tensor expected = referenceHidden(fixture, ids, mask);
        QVERIFY2(close(hidden, expected),
                 std::to_string((hidden - expected).abs().max().item<double>()).c_str());
        QVERIFY(close(loaded->encoder->mlmLogits(hidden), referenceLogits(fixture, hidden)));
        const torch::Tensor pooled =
            torch::tanh(hidden.select(1, 0).matmul(find(fixture, "bert.pooler.dense.weight").t()) +
                        find(fixture, "bert.pooler.dense.bias"));
        QVERIFY(close(loaded->encoder->pooled(hidden), pooled));
        // The padded row: its real positions equal the same text without padding.
        const torch::Tensor alone = loaded->encoder->forward(ids.narrow(0, 1, 1).narrow(1, 0, 4));
        QVERIFY(close(alone, hidden.narrow(0, 1, 1).narrow(1, 0, 4)));
    }

    void unprefixedAndTfStyleNamesLoadAlike()
    {
        NamedTensors renamed;
        for (auto [name, tensor] : fixtureTensors()) {
            if (name.rfind("bert.", 0) == 0)
                name = name.substr(5);
            for (auto [from, to] :
                 {std::pair<std::string, std::string>{"LayerNorm.weight", "LayerNorm.gamma"},
                  {"LayerNorm.bias", "LayerNorm.beta"}})
                if (name.size() > from.size() &&
                    name.compare(name.size() - from.size(), from.size(), from) == 0)
                    name = name.substr(0, name.size() - from.size()) + to;
            renamed.emplace_back(name, tensor);
        }
        QTemporaryDir dir;
        writeFolder(dir.path().toStdString(), renamed);
        auto loaded = loadTextEncoder(dir.path().toStdString());
        QVERIFY2(loaded.has_value(), loaded ? "" : loaded.error().toString().c_str());
        const NamedTensors fixture = fixtureTensors();
        for (const auto &[name, tensor] : textEncoderTensors(loaded->encoder))
            QVERIFY2(torch::equal(tensor, find(fixture, name)), name.c_str());
    }

    void wrongShapeNamesTensorAndBothShapes()
    {
        NamedTensors tensors = fixtureTensors();
        const std::string bad = "bert.encoder.layer.0.attention.self.key.weight";
        for (auto &[name, tensor] : tensors)
            if (name == bad)
                tensor = torch::zeros({kHidden, kHidden - 1});
        QTemporaryDir dir;
        writeFolder(dir.path().toStdString(), tensors);
        auto loaded = loadTextEncoder(dir.path().toStdString());
        QVERIFY(!loaded);
        const Error &e = loaded.error();
        QCOMPARE(e.code, ErrorCode::Schema);
        QCOMPARE(e.location.field, bad);
        QVERIFY(e.location.file.find("model.safetensors") != std::string::npos);
        QVERIFY2(e.message.find("'" + bad + "'") != std::string::npos, e.message.c_str());
        QVERIFY2(e.message.find("shape [8, 7], expected [8, 8]") != std::string::npos,
                 e.message.c_str());
    }

    void missingTensorIsNamed()
    {
        NamedTensors tensors;
        const std::string gone = "bert.encoder.layer.0.output.LayerNorm.bias";
        for (const auto &entry : fixtureTensors())
            if (entry.first != gone)
                tensors.push_back(entry);
        QTemporaryDir dir;
        writeFolder(dir.path().toStdString(), tensors);
        auto loaded = loadTextEncoder(dir.path().toStdString());
        QVERIFY(!loaded);
        QCOMPARE(loaded.error().code, ErrorCode::Schema);
        QCOMPARE(loaded.error().location.field, gone);
        QVERIFY2(loaded.error().message.find("missing tensor '" + gone + "' in ") !=
                     std::string::npos,
                 loaded.error().message.c_str());
        QVERIFY(loaded.error().message.find("model.safetensors") != std::string::npos);
    }

    void badConfigNamesFileAndKey_data()
    {
        QTest::addColumn<QString>("config");
        QTest::addColumn<QString>("key");
        QTest::addColumn<int>("code");
        nlohmann::json good = toJson(tinyConfig());
        nlohmann::json noHidden = good;
        noHidden.erase("hidden_size");
        nlohmann::json heads = good;
        heads["num_attention_heads"] = 3;
        nlohmann::json typed = good;
        typed["num_hidden_layers"] = "one";
        nlohmann::json act = good;
        act["hidden_act"] = "swish";
        nlohmann::json roberta = good;
        roberta["model_type"] = "roberta";
        const auto row = [](const char *name, const nlohmann::json &j, const char *key,
                            ErrorCode code) {
            QTest::newRow(name) << QString::fromStdString(j.dump()) << key << int(code);
        };
        row("missing hidden_size", noHidden, "hidden_size", ErrorCode::Schema);
        row("heads do not divide", heads, "num_attention_heads", ErrorCode::InvalidArgument);
        row("string for integer", typed, "num_hidden_layers", ErrorCode::InvalidArgument);
        row("unknown activation", act, "hidden_act", ErrorCode::InvalidArgument);
        row("other model type", roberta, "model_type", ErrorCode::InvalidArgument);
        QTest::newRow("not json") << "{\"hidden_size\": 8,"
                                  << "" << int(ErrorCode::Parse);
    }
    void badConfigNamesFileAndKey()
    {
        QFETCH(QString, config);
        QFETCH(QString, key);
        QFETCH(int, code);
        QTemporaryDir dir;
        const std::string folder = dir.path().toStdString();
        writeFolder(folder, fixtureTensors());
        writeText(folder + "/config.json", config.toStdString());
        auto loaded = loadTextEncoder(folder);
        QVERIFY(!loaded);
        QCOMPARE(int(loaded.error().code), code);
        QCOMPARE(loaded.error().location.file, folder + "/config.json");
        QCOMPARE(QString::fromStdString(loaded.error().location.field), key);
        QVERIFY(loaded.error().message.find("config.json") != std::string::npos);
        if (!key.isEmpty())
            QVERIFY(loaded.error().message.find(key.toStdString()) != std::string::npos);
    }

    void missingFilesAreNamed()
    {
        QTemporaryDir dir;
        const std::string folder = dir.path().toStdString();
        auto none = loadTextEncoder(folder + "/nope");
        QVERIFY(!none);
        QCOMPARE(none.error().code, ErrorCode::NotFound);
        writeText(folder + "/config.json", toJson(tinyConfig()).dump());
        auto noTokenizer = loadTextEncoder(folder);
        QVERIFY(!noTokenizer);
        QCOMPARE(noTokenizer.error().code, ErrorCode::NotFound);
        QVERIFY(noTokenizer.error().message.find("vocab.txt") != std::string::npos);
    }

    void configJsonRoundTrips()
    {
        TextEncoderConfig c = tinyConfig();
        c.activation = "gelu_new";
        c.layerNormEps = 1e-6;
        auto back = textEncoderConfigFromJson(toJson(c));
        QVERIFY(back.has_value());
        QVERIFY(toJson(*back) == toJson(c));
        QCOMPARE(toJson(c)["hidden_size"].get<int>(), 8);
        QCOMPARE(toJson(c)["num_hidden_layers"].get<int>(), 1);
    }

    void savedFolderReimportsIdentically()
    {
        QTemporaryDir dir;
        writeFolder(dir.path().toStdString(), fixtureTensors());
        auto loaded = loadTextEncoder(dir.path().toStdString());
        QVERIFY(loaded.has_value());
        const std::string out = dir.path().toStdString() + "/copy";
        for (int round = 0; round < 2; ++round) { // the second save replaces the folder
            auto saved = saveTextEncoder(out, loaded->encoder, *loaded->tokenizer);
            QVERIFY2(saved.has_value(), saved ? "" : saved.error().toString().c_str());
        }
        QVERIFY(!QDir(QString::fromStdString(out + ".tmp-" + std::to_string(getpid()))).exists());
        auto again = loadTextEncoder(out);
        QVERIFY2(again.has_value(), again ? "" : again.error().toString().c_str());
        QVERIFY(again->warnings.empty());
        QCOMPARE(again->tokenizer->vocabSize(), int(kVocab.size()));
        QVERIFY(again->tokenizer->encode("Red Nike shoes") ==
                loaded->tokenizer->encode("Red Nike shoes"));
        auto [ids, mask] = sampleBatch();
        torch::NoGradGuard noGrad;
        QVERIFY(
            torch::equal(again->encoder->forward(ids, mask), loaded->encoder->forward(ids, mask)));
        QVERIFY(torch::equal(again->encoder->mlmLogits(again->encoder->forward(ids, mask)),
                             loaded->encoder->mlmLogits(loaded->encoder->forward(ids, mask))));
    }

    void textEmbeddingsIgnoreBatchingAndPadding()
    {
        QTemporaryDir dir;
        writeFolder(dir.path().toStdString(), fixtureTensors());
        auto loaded = loadTextEncoder(dir.path().toStdString());
        QVERIFY(loaded.has_value());
        const std::vector<std::string> texts = {"red nike shoes", "blue sock", "",
                                                "cheap green adidas shirt", "red"};
        TextEmbeddingOptions one;
        one.batchSize = 1;
        TextEmbeddingOptions all;
        all.batchSize = 64;
        const torch::Tensor a = encodeTexts(loaded->encoder, *loaded->tokenizer, texts, one);
        const torch::Tensor b = encodeTexts(loaded->encoder, *loaded->tokenizer, texts, all);
        QCOMPARE(a.size(0), int64_t(texts.size()));
        QCOMPARE(a.size(1), kHidden);
        QVERIFY(close(a, b));
        // Mean pooling by hand for one text.
        const auto input = loaded->tokenizer->modelInput(texts[3], kPositions);
        torch::NoGradGuard noGrad;
        const torch::Tensor ids =
            torch::tensor(std::vector<int64_t>(input.begin(), input.end())).unsqueeze(0);
        QVERIFY(close(a[3], loaded->encoder->forward(ids).mean(1)[0]));
        TextEmbeddingOptions cls;
        cls.pooling = TextPooling::Cls;
        const torch::Tensor c = encodeTexts(loaded->encoder, *loaded->tokenizer, texts, cls);
        QVERIFY(close(c[3], loaded->encoder->forward(ids)[0][0]));
        QVERIFY(!close(a[0], a[1])); // different texts, different vectors
    }
};

QTEST_GUILESS_MAIN(TestTextEncoder)
#include "tst_textencoder.moc"
