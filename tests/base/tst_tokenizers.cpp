#include <QtTest>

#include <fstream>
#include <string>
#include <vector>

#include "data/dataset.h"
#include "text/sentencepiecetokenizer.h"
#include "text/utf8.h"
#include "text/wordpiecetokenizer.h"

using namespace recforge;

namespace {

QStringList toQt(const std::vector<std::string> &strings)
{
    QStringList out;
    for (const std::string &s : strings)
        out << QString::fromStdString(s);
    return out;
}

QList<int> toQt(const std::vector<int32_t> &ids)
{
    return QList<int>(ids.begin(), ids.end());
}

void writeFile(const QString &path, const std::string &bytes)
{
    std::ofstream out(path.toStdString(), std::ios::binary);
    out << bytes;
}

// 200 synthetic product titles mixing Chinese and English, already in SentencePiece's normal form
// (NFKC, single spaces), so decode(encode(t)) must give t back exactly.
std::vector<std::string> productTitles()
{
    const char *brands[] = {"Xiaomi", "Huawei", "Nike", "Adidas", "Lenovo", "小米", "华为"};
    const char *products[] = {"wireless earbuds", "running shoes", "phone case", "laptop stand",
                              "无线耳机",         "运动鞋",        "手机壳",     "保温杯",
                              "连衣裙",           "water bottle",  "洗面奶"};
    const char *colours[] = {"black", "white", "红色", "黑色", "blue"};
    std::vector<std::string> titles;
    for (int i = 0; i < 200; ++i) {
        std::string t =
            std::string(brands[i % 7]) + " " + products[(i * 3) % 11] + " " + colours[(i / 7) % 5];
        if (i % 4 == 0)
            t += " " + std::to_string(i % 9 + 1) + " pack";
        if (i % 5 == 0)
            t += " 新款 正品";
        titles.push_back(t);
    }
    return titles;
}

SentencePieceParams smallParams()
{
    SentencePieceParams p;
    p.vocabSize = 80;
    p.characterCoverage = 1.0; // keep every character of the tiny corpus
    return p;
}

// [PAD] [UNK] [CLS] [SEP] [MASK] then the pieces the WordPiece cases below need.
const std::vector<std::string> kVocab = {
    "[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]", "un",  "##aff", "##able", "hello", "world", ",",
    "!",     "creme", "中",    "国",    "a",      "##a", "shoes", "[",      "]",     "mask"};

std::string vocabText(const std::vector<std::string> &tokens, const char *eol = "\n")
{
    std::string text;
    for (const std::string &t : tokens)
        text += t + eol;
    return text;
}

WordPieceTokenizer wordPiece(WordPieceOptions options = {})
{
    auto tokenizer = WordPieceTokenizer::parseVocab(vocabText(kVocab), "vocab.txt", options);
    if (!tokenizer)
        qFatal("%s", tokenizer.error().toString().c_str());
    return std::move(*tokenizer);
}

} // namespace

class TestTokenizers : public QObject {
    Q_OBJECT
private Q_SLOTS:
    // --- the shared contract -------------------------------------------------------------------

    void itemTextJoinsFieldsOnOneLine()
    {
        ItemInfo item;
        item.title = "  Red\tRunning  Shoes ";
        item.categoryPath = {"Fashion", "", "Shoes"};
        item.description = "Light.\nBreathable.";
        item.price = 12.5;
        QCOMPARE(itemText(item),
                 std::string("Red Running Shoes | Fashion > Shoes | Light. Breathable."));
        item.brand = "耐克";
        QCOMPARE(itemText(item),
                 std::string("Red Running Shoes | Fashion > Shoes | 耐克 | Light. Breathable."));
        QCOMPARE(itemText(ItemInfo{}), std::string());
        ItemInfo brandOnly;
        brandOnly.brand = "Nike";
        QCOMPARE(itemText(brandOnly), std::string("Nike"));
    }

    void modelInputWrapsAndTruncates()
    {
        const SpecialIds s{0, 1, 2, 3, 4};
        const std::vector<int32_t> tokens = {10, 11, 12};
        QCOMPARE(toQt(buildModelInput(tokens, s, 5)), QList<int>({2, 10, 11, 12, 3}));
        QCOMPARE(toQt(buildModelInput(tokens, s, 64)), QList<int>({2, 10, 11, 12, 3}));
        QCOMPARE(toQt(buildModelInput(tokens, s, 4)), QList<int>({2, 10, 11, 3}));
        QCOMPARE(toQt(buildModelInput(tokens, s, 0)), QList<int>({2, 3}));
    }

    void utf8InvalidBytesBecomeReplacement()
    {
        const std::string valid = "Crème 中国 \xF0\x9F\x98\x80"; // ends with U+1F600
        const std::u32string cps = utf8::decode(valid);
        QCOMPARE(int(cps.size()), 10);
        QCOMPARE(uint32_t(cps[2]), uint32_t(0xE8));
        QCOMPARE(uint32_t(cps.back()), uint32_t(0x1F600));
        QCOMPARE(utf8::encode(cps), valid);
        const char32_t r = utf8::kReplacement;
        QVERIFY(utf8::decode("a\xC3") == (std::u32string{U'a', r}));               // truncated
        QVERIFY(utf8::decode("\xC0\xAF") == (std::u32string{r, r}));               // overlong '/'
        QVERIFY(utf8::decode("\xED\xA0\x80z") == (std::u32string{r, r, r, U'z'})); // surrogate
        QVERIFY(utf8::decode("\x80x") == (std::u32string{r, U'x'})); // stray continuation
    }

    // --- SentencePiece ---------------------------------------------------------------------------

    void sentencePieceRoundTrip()
    {
        const std::vector<std::string> corpus = productTitles();
        auto trained = SentencePieceTokenizer::train(corpus, smallParams());
        QVERIFY2(trained, trained ? "" : trained.error().toString().c_str());
        QCOMPARE(trained->vocabSize(), 80);

        QTemporaryDir dir;
        const std::string path = dir.filePath("catalogue.model").toStdString();
        QVERIFY(trained->save(path));
        auto loaded = SentencePieceTokenizer::load(path);
        QVERIFY2(loaded, loaded ? "" : loaded.error().toString().c_str());
        QCOMPARE(loaded->bytes(), trained->bytes());

        for (const std::string &title : corpus) {
            const std::vector<int32_t> ids = loaded->encode(title);
            QVERIFY(!ids.empty());
            QCOMPARE(ids, trained->encode(title));
            QCOMPARE(loaded->decode(ids), title);
            QCOMPARE(int(loaded->pieces(title).size()), int(ids.size()));
            QVERIFY(std::find(ids.begin(), ids.end(), loaded->unkId()) == ids.end());
        }
        // Normalisation: full-width letters and extra spaces come back normalised (NFKC).
        QCOMPARE(loaded->decode(loaded->encode("  Ｎｉｋｅ   运动鞋 ")),
                 std::string("Nike 运动鞋"));
        // A character the corpus never had is [UNK], shown as such.
        const std::vector<int32_t> unknown = loaded->encode("Nike 龘");
        QVERIFY(std::find(unknown.begin(), unknown.end(), loaded->unkId()) != unknown.end());
        QCOMPARE(loaded->decode(unknown), std::string("Nike [UNK]"));
    }

    void sentencePieceSpecialIdsAreFixed()
    {
        auto tok = SentencePieceTokenizer::train(productTitles(), smallParams());
        QVERIFY2(tok, tok ? "" : tok.error().toString().c_str());
        QCOMPARE(tok->padId(), 0);
        QCOMPARE(tok->unkId(), 1);
        QCOMPARE(tok->clsId(), 2);
        QCOMPARE(tok->sepId(), 3);
        QCOMPARE(tok->maskId(), 4);
        QCOMPARE(tok->tokenOf(tok->maskId()), std::string("[MASK]"));
        QCOMPARE(tok->idOf("[SEP]"), 3);
        QCOMPARE(tok->idOf("no such piece"), -1);
        QCOMPARE(tok->tokenOf(tok->vocabSize()), std::string());
        // Special strings in text are plain text: never the control ids.
        for (int32_t id : tok->encode("[MASK] [CLS] Nike"))
            QVERIFY(id > 4 || id == tok->unkId());
        // The model input and a masked decode.
        std::vector<int32_t> input = tok->modelInput("Nike running shoes", 64);
        QCOMPARE(input.front(), tok->clsId());
        QCOMPARE(input.back(), tok->sepId());
        QCOMPARE(tok->decode(input), std::string("Nike running shoes"));
        QCOMPARE(int(tok->modelInput("Nike running shoes", 3).size()), 3);
        const std::vector<int32_t> words = tok->encode("Nike black");
        std::vector<int32_t> masked = {tok->clsId(), tok->maskId()};
        masked.insert(masked.end(), words.begin(), words.end());
        QCOMPARE(tok->decode(masked), std::string("[MASK] Nike black"));
    }

    void sentencePieceTrainingIsDeterministic_data()
    {
        QTest::addColumn<int>("modelType");
        QTest::newRow("unigram") << int(SentencePieceModelType::Unigram);
        QTest::newRow("bpe") << int(SentencePieceModelType::Bpe);
    }
    void sentencePieceTrainingIsDeterministic()
    {
        QFETCH(int, modelType);
        SentencePieceParams params = smallParams();
        params.modelType = SentencePieceModelType(modelType);
        auto a = SentencePieceTokenizer::train(productTitles(), params);
        auto b = SentencePieceTokenizer::train(productTitles(), params);
        QVERIFY2(a && b, a ? "" : a.error().toString().c_str());
        QVERIFY(a->bytes() == b->bytes());
        params.vocabSize = 70; // and the params matter
        auto c = SentencePieceTokenizer::train(productTitles(), params);
        QVERIFY(c);
        QVERIFY(a->bytes() != c->bytes());
    }

    void sentencePieceTrainsOnADatasetCatalogue()
    {
        Dataset dataset;
        const std::vector<std::string> titles = productTitles();
        for (size_t i = 0; i < titles.size(); ++i)
            dataset.items.intern("item" + std::to_string(i));
        dataset.items.intern("no-text");
        dataset.syncInfoSizes();
        for (size_t i = 0; i < titles.size(); ++i) {
            dataset.itemInfo[i].title = titles[i];
            dataset.itemInfo[i].categoryPath = {i % 2 ? "数码" : "Fashion", "Shoes"};
        }
        const std::vector<std::string> texts = itemTexts(dataset);
        QCOMPARE(int(texts.size()), int(titles.size()) + 1);
        QCOMPARE(texts[1], titles[1] + " | 数码 > Shoes");
        QCOMPARE(texts.back(), std::string());
        auto tok = SentencePieceTokenizer::train(texts, smallParams());
        QVERIFY2(tok, tok ? "" : tok.error().toString().c_str());
        QCOMPARE(tok->decode(tok->encode(texts[1])), texts[1]);
    }

    void sentencePieceCutsLongTextsInsteadOfSkipping()
    {
        // Every text is longer than the limit; SentencePiece alone would skip them all and fail.
        // The cut lands inside a 3-byte character for some texts and must not split it.
        std::vector<std::string> texts = productTitles();
        for (std::string &t : texts)
            t += " 这是一段很长的商品描述文字用来测试截断 the description goes on and on";
        SentencePieceParams params = smallParams();
        params.maxSentenceLength = 40;
        auto tok = SentencePieceTokenizer::train(texts, params);
        QVERIFY2(tok, tok ? "" : tok.error().toString().c_str());
        QCOMPARE(tok->idOf("\xEF\xBF\xBD"), -1);  // no U+FFFD from a split character
        QVERIFY(tok->idOf("\xE2\x96\x81on") < 0); // words past the cut were never seen
    }

    void sentencePieceErrors()
    {
        auto none = SentencePieceTokenizer::train({}, smallParams());
        QVERIFY(!none);
        QCOMPARE(none.error().code, ErrorCode::Empty);
        auto blank = SentencePieceTokenizer::train({"", ""}, smallParams());
        QVERIFY(!blank);
        QCOMPARE(blank.error().code, ErrorCode::Empty);

        SentencePieceParams huge = smallParams();
        huge.vocabSize = 50000;
        // By default the size is an upper bound: a smaller vocabulary, no error.
        auto soft = SentencePieceTokenizer::train(productTitles(), huge);
        QVERIFY2(soft.has_value(), soft ? "" : soft.error().message.c_str());
        QVERIFY(soft->vocabSize() > 5);
        QVERIFY(soft->vocabSize() < 50000);
        huge.hardVocabLimit = true;
        auto tooLarge = SentencePieceTokenizer::train(productTitles(), huge);
        QVERIFY(!tooLarge);
        QCOMPARE(tooLarge.error().code, ErrorCode::InvalidArgument);
        QVERIFY2(tooLarge.error().message.find("Vocabulary size") != std::string::npos,
                 tooLarge.error().message.c_str());

        SentencePieceParams badCoverage = smallParams();
        badCoverage.characterCoverage = 1.5;
        auto coverage = SentencePieceTokenizer::train(productTitles(), badCoverage);
        QVERIFY(!coverage);
        QCOMPARE(coverage.error().location.field, std::string("characterCoverage"));

        StopToken stop;
        stop.requestStop();
        auto cancelled = SentencePieceTokenizer::train(productTitles(), smallParams(), stop);
        QVERIFY(!cancelled);
        QCOMPARE(cancelled.error().code, ErrorCode::Cancelled);

        QTemporaryDir dir;
        const std::string corrupt = dir.filePath("corrupt.model").toStdString();
        writeFile(QString::fromStdString(corrupt), "this is not a protobuf \x01\x02\x03");
        auto bad = SentencePieceTokenizer::load(corrupt);
        QVERIFY(!bad);
        QCOMPARE(bad.error().code, ErrorCode::Parse);
        QCOMPARE(bad.error().location.file, corrupt);

        const std::string missing = dir.filePath("missing.model").toStdString();
        auto absent = SentencePieceTokenizer::load(missing);
        QVERIFY(!absent);
        QCOMPARE(absent.error().code, ErrorCode::Io);
        QCOMPARE(absent.error().location.file, missing);
    }

    // --- WordPiece -------------------------------------------------------------------------------

    void wordPieceHandComputed_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QStringList>("pieces");
        QTest::newRow("continuation") << "unaffable" << QStringList{"un", "##aff", "##able"};
        QTest::newRow("lower-case, punctuation")
            << "Hello, World!" << QStringList{"hello", ",", "world", "!"};
        QTest::newRow("CJK one per token") << "中国" << QStringList{"中", "国"};
        QTest::newRow("CJK inside latin")
            << "hello中国world" << QStringList{"hello", "中", "国", "world"};
        QTest::newRow("unknown CJK") << "中华" << QStringList{"中", "[UNK]"};
        QTest::newRow("accent stripped") << "Crème" << QStringList{"creme"};
        QTest::newRow("upper-case accent") << "CRÈME" << QStringList{"creme"};
        QTest::newRow("combining accent") << "Cre\xCC\x80me" << QStringList{"creme"};
        QTest::newRow("unknown word") << "xyz shoes" << QStringList{"[UNK]", "shoes"};
        QTest::newRow("partly known word is one [UNK]") << "unxyz" << QStringList{"[UNK]"};
        QTest::newRow("whitespace and controls") << "\thello\xC2\xA0world\x07\n"
                                                 << QStringList{"hello", "world"};
        QTest::newRow("special text is text") << "[MASK]" << QStringList{"[", "mask", "]"};
        QTest::newRow("full-width punctuation")
            << "中，国！" << QStringList{"中", "[UNK]", "国", "[UNK]"};
        QTest::newRow("100 chars")
            << QString(100, 'a') << QStringList{"a"} + QStringList(99, "##a");
        QTest::newRow("101 chars is [UNK]") << QString(101, 'a') << QStringList{"[UNK]"};
        QTest::newRow("empty") << "" << QStringList{};
    }
    void wordPieceHandComputed()
    {
        QFETCH(QString, text);
        QFETCH(QStringList, pieces);
        const WordPieceTokenizer tok = wordPiece();
        const std::string utf8 = text.toStdString();
        QCOMPARE(toQt(tok.pieces(utf8)), pieces);
        std::vector<int32_t> expected;
        for (const QString &p : pieces)
            expected.push_back(tok.idOf(p.toStdString()));
        QCOMPARE(toQt(tok.encode(utf8)), toQt(expected));
    }

    void wordPieceIdsAndDecode()
    {
        const WordPieceTokenizer tok = wordPiece();
        QCOMPARE(tok.vocabSize(), int(kVocab.size()));
        QCOMPARE(toQt(tok.encode("unaffable")), QList<int>({5, 6, 7}));
        QCOMPARE(tok.padId(), 0);
        QCOMPARE(tok.maskId(), 4);
        QCOMPARE(tok.idOf("##aff"), 6);
        QCOMPARE(tok.idOf("aff"), -1);
        QCOMPARE(tok.tokenOf(13), std::string("中"));
        QCOMPARE(tok.tokenOf(-1), std::string());

        const std::vector<int32_t> input = tok.modelInput("Hello, unaffable world!", 64);
        QCOMPARE(toQt(input), QList<int>({2, 8, 10, 5, 6, 7, 9, 11, 3}));
        QCOMPARE(tok.decode(input), std::string("hello , unaffable world !"));
        QCOMPARE(toQt(tok.modelInput("Hello, unaffable world!", 4)), QList<int>({2, 8, 10, 3}));
        QCOMPARE(tok.decode(std::vector<int32_t>{2, 4, 6, 1, 0, 0}),
                 std::string("[MASK]aff [UNK]"));
        // Invalid UTF-8 does not crash; the bad byte is dropped with BERT's cleaning.
        QCOMPARE(toQt(tok.pieces("hello \xFF world")), QStringList({"hello", "world"}));
    }

    void wordPieceCasedKeepsCase()
    {
        WordPieceOptions cased;
        cased.basic.lowerCase = false;
        cased.basic.stripAccents = false;
        const WordPieceTokenizer tok = wordPiece(cased);
        QCOMPARE(toQt(tok.pieces("Hello hello Crème")), QStringList({"[UNK]", "hello", "[UNK]"}));
    }

    void wordPieceVocabFiles()
    {
        QTemporaryDir dir;
        // CRLF and a BOM are tolerated.
        const QString crlf = dir.filePath("crlf.txt");
        writeFile(crlf, "\xEF\xBB\xBF" + vocabText(kVocab, "\r\n"));
        auto ok = WordPieceTokenizer::loadVocab(crlf.toStdString());
        QVERIFY2(ok, ok ? "" : ok.error().toString().c_str());
        QCOMPARE(ok->idOf("[PAD]"), 0);
        QCOMPARE(ok->idOf("mask"), int(kVocab.size()) - 1);
        QCOMPARE(toQt(ok->encode("unaffable")), QList<int>({5, 6, 7}));

        std::vector<std::string> duplicated = kVocab;
        duplicated.insert(duplicated.begin() + 7, "un"); // line 8 repeats line 6
        const QString dup = dir.filePath("dup.txt");
        writeFile(dup, vocabText(duplicated));
        auto dupError = WordPieceTokenizer::loadVocab(dup.toStdString());
        QVERIFY(!dupError);
        QCOMPARE(dupError.error().code, ErrorCode::Parse);
        QCOMPARE(dupError.error().location.file, dup.toStdString());
        QCOMPARE(dupError.error().location.line, int64_t(8));
        QVERIFY2(dupError.error().message.find("line 6") != std::string::npos,
                 dupError.error().message.c_str());

        std::vector<std::string> noMask = kVocab;
        noMask.erase(noMask.begin() + 4);
        const QString missing = dir.filePath("nomask.txt");
        writeFile(missing, vocabText(noMask));
        auto maskError = WordPieceTokenizer::loadVocab(missing.toStdString());
        QVERIFY(!maskError);
        QCOMPARE(maskError.error().code, ErrorCode::Schema);
        QCOMPARE(maskError.error().location.file, missing.toStdString());
        QVERIFY(maskError.error().message.find("[MASK]") != std::string::npos);

        const QString blankLine = dir.filePath("blank.txt");
        writeFile(blankLine, "[PAD]\n[UNK]\n\n[CLS]\n");
        auto blankError = WordPieceTokenizer::loadVocab(blankLine.toStdString());
        QVERIFY(!blankError);
        QCOMPARE(blankError.error().location.line, int64_t(3));

        auto absent = WordPieceTokenizer::loadVocab(dir.filePath("none.txt").toStdString());
        QVERIFY(!absent);
        QCOMPARE(absent.error().code, ErrorCode::Io);
    }

    void wordPieceBertFolderReadsCasing()
    {
        QTemporaryDir dir;
        writeFile(dir.filePath("vocab.txt"), vocabText(kVocab));
        auto uncased = WordPieceTokenizer::loadBertFolder(dir.path().toStdString());
        QVERIFY2(uncased, uncased ? "" : uncased.error().toString().c_str());
        QCOMPARE(toQt(uncased->pieces("Hello")), QStringList({"hello"}));

        writeFile(dir.filePath("tokenizer_config.json"),
                  R"({"do_lower_case": false, "strip_accents": null, "model_max_length": 512})");
        auto cased = WordPieceTokenizer::loadBertFolder(dir.path().toStdString());
        QVERIFY2(cased, cased ? "" : cased.error().toString().c_str());
        QVERIFY(!cased->options().basic.lowerCase);
        QVERIFY(!cased->options().basic.stripAccents);
        QCOMPARE(toQt(cased->pieces("Hello hello")), QStringList({"[UNK]", "hello"}));

        writeFile(dir.filePath("tokenizer_config.json"), R"({"do_lower_case": "yes"})");
        auto bad = WordPieceTokenizer::loadBertFolder(dir.path().toStdString());
        QVERIFY(!bad);
        QCOMPARE(bad.error().code, ErrorCode::Parse);
        QCOMPARE(bad.error().location.field, std::string("do_lower_case"));
    }
};

QTEST_GUILESS_MAIN(TestTokenizers)
#include "tst_tokenizers.moc"
