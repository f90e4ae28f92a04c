#include <QtTest>

#include <QTemporaryDir>

#include <fstream>

#include "data/import/sequenceimporter.h"

using namespace recforge;

namespace {

std::string writeFile(const QTemporaryDir &dir, const char *name, const std::string &bytes)
{
    const std::string path = dir.filePath(QString::fromUtf8(name)).toStdString();
    std::ofstream out(path, std::ios::binary);
    out << bytes;
    return path;
}

ImportOptions optionsFor(const std::string &path, ErrorPolicy policy = ErrorPolicy::SkipAndReport)
{
    ImportOptions options;
    options.path = path;
    options.format = ImportFormat::Sequence;
    options.errorPolicy = policy;
    return options;
}

void checkCounts(const FileImportReport &report)
{
    QCOMPARE(report.rowsRead, report.rowsAccepted + report.rowsRejected);
}

std::vector<std::string> itemsOf(const Dataset &d, const std::string &user)
{
    const UserSequences sequences = UserSequences::build(d);
    std::vector<std::string> out;
    for (int32_t item : sequences.itemsOf(*d.users.find(user)))
        out.push_back(d.items.id(item));
    return out;
}

class StoppingObserver final : public Observer {
public:
    bool onProgress(const Progress &) override { return false; }
};

} // namespace

class TestSequenceImport : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void importsPositionsAsTime()
    {
        QTemporaryDir dir;
        const std::string path = writeFile(dir, "shop.txt", "1 1 2 3 4\n2 5 2\n3 4 4 1 6\n");
        NullObserver observer;
        auto result = importSequences(optionsFor(path), observer);
        QVERIFY2(result.has_value(), result ? "" : result.error().toString().c_str());
        const Dataset &d = result->dataset;
        QCOMPARE(d.name, std::string("shop"));
        QCOMPARE(d.userCount(), 3);
        QCOMPARE(d.itemCount(), 6);
        QCOMPARE(int(d.interactions.size()), 10);
        const FileImportReport &report = result->report.files.at(0);
        QCOMPARE(report.format, std::string("sequence"));
        QCOMPARE(report.rowsRead, int64_t(10)); // a record is one (user, item) pair
        QCOMPARE(report.rowsAccepted, int64_t(10));
        checkCounts(report);
        // Positions restart at 0 for every user.
        const std::vector<int64_t> expected{0, 1, 2, 3, 0, 1, 0, 1, 2, 3};
        for (size_t r = 0; r < d.interactions.size(); ++r) {
            QCOMPARE(d.interactions.value[r], 1.0f);
            QCOMPARE(d.eventKinds.name(d.interactions.event[r]), std::string("purchase"));
        }
        QCOMPARE(d.interactions.timestamp, expected);
        // Repeated items stay (a user may buy the same thing twice).
        QCOMPARE(itemsOf(d, "3"), (std::vector<std::string>{"4", "4", "1", "6"}));
    }

    void defaultEventIsConfigurable()
    {
        QTemporaryDir dir;
        ImportOptions options = optionsFor(writeFile(dir, "s.txt", "u a b\n"));
        options.defaultEvent = "click";
        NullObserver observer;
        auto result = importSequences(options, observer);
        QVERIFY(result.has_value());
        QCOMPARE(result->dataset.eventKinds.name(result->dataset.interactions.event[0]),
                 std::string("click"));
    }

    void separatorsBomCrlfAndBlankLines()
    {
        QTemporaryDir dir;
        const std::string text = "\xEF\xBB\xBFu1\ta  b\t\tc \r\n\r\n   \nu2 d\r\n\n";
        NullObserver observer;
        auto result = importSequences(optionsFor(writeFile(dir, "s.txt", text)), observer);
        QVERIFY2(result.has_value(), result ? "" : result.error().toString().c_str());
        QCOMPARE(result->report.files[0].encoding, std::string("utf-8-bom"));
        QCOMPARE(result->dataset.userCount(), 2);
        QCOMPARE(itemsOf(result->dataset, "u1"), (std::vector<std::string>{"a", "b", "c"}));
        QCOMPARE(itemsOf(result->dataset, "u2"), (std::vector<std::string>{"d"}));
        QCOMPARE(result->report.files[0].rowsRead, int64_t(4));
    }

    void gb18030IdsAreDecoded()
    {
        QTemporaryDir dir;
        // "用户" and "商品" in GB18030.
        const std::string text = "\xD3\xC3\xBB\xA7 \xC9\xCC\xC6\xB7 x\n";
        NullObserver observer;
        auto result = importSequences(optionsFor(writeFile(dir, "gb.txt", text)), observer);
        QVERIFY2(result.has_value(), result ? "" : result.error().toString().c_str());
        QCOMPARE(result->report.files[0].encoding, std::string("gb18030"));
        QCOMPARE(result->dataset.users.id(0), std::string("\xE7\x94\xA8\xE6\x88\xB7"));
        QCOMPARE(result->dataset.items.id(0), std::string("\xE5\x95\x86\xE5\x93\x81"));
    }

    void userWithoutItemsIsRejected()
    {
        QTemporaryDir dir;
        const std::string path = writeFile(dir, "s.txt", "1 a b\n2\n3 c\n");
        NullObserver observer;
        auto skipped = importSequences(optionsFor(path), observer);
        QVERIFY(skipped.has_value());
        const FileImportReport &report = skipped->report.files[0];
        QCOMPARE(report.rowsRead, int64_t(4));
        QCOMPARE(report.rowsAccepted, int64_t(3));
        QCOMPARE(report.rowsRejected, int64_t(1));
        checkCounts(report);
        QCOMPARE(report.rejected[0].line, int64_t(2));
        QCOMPARE(report.rejected[0].column, int64_t(2));
        QCOMPARE(skipped->dataset.userCount(), 2); // user 2 was never interned

        auto stopped = importSequences(optionsFor(path, ErrorPolicy::StopAtFirstError), observer);
        QVERIFY(!stopped.has_value());
        QCOMPARE(stopped.error().code, ErrorCode::Parse);
        QCOMPARE(stopped.error().location.file, path);
        QCOMPARE(stopped.error().location.line, int64_t(2));
        QCOMPARE(stopped.error().location.column, int64_t(2));
        QCOMPARE(stopped.error().location.field, std::string("item"));
    }

    void repeatedUserContinuesWithWarning()
    {
        QTemporaryDir dir;
        NullObserver observer;
        auto result =
            importSequences(optionsFor(writeFile(dir, "s.txt", "u a b\nv c\nu d\n")), observer);
        QVERIFY(result.has_value());
        QCOMPARE(result->report.warnings.size(), size_t(1));
        QCOMPARE(result->report.warnings[0].location.line, int64_t(3));
        QCOMPARE(itemsOf(result->dataset, "u"), (std::vector<std::string>{"a", "b", "d"}));
        QCOMPARE(result->dataset.interactions.timestamp[3], int64_t(2));
    }

    void emptyAndInvalidInputs_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<int>("code");
        QTest::newRow("empty") << QByteArray() << int(ErrorCode::Empty);
        QTest::newRow("blank lines") << QByteArray("\n \r\n\t\n") << int(ErrorCode::Empty);
        QTest::newRow("users without items") << QByteArray("1\n2\n") << int(ErrorCode::Empty);
        QTest::newRow("invalid utf-8")
            << QByteArray("1 a\n2 \xFF\xFF\n") << int(ErrorCode::Encoding);
    }

    void emptyAndInvalidInputs()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(int, code);
        QTemporaryDir dir;
        NullObserver observer;
        auto result =
            importSequences(optionsFor(writeFile(dir, "e.txt", bytes.toStdString())), observer);
        QVERIFY(!result.has_value());
        QCOMPARE(int(result.error().code), code);
    }

    void cancellation()
    {
        QTemporaryDir dir;
        const std::string path = writeFile(dir, "s.txt", "1 a b\n2 c\n");
        StoppingObserver stopping;
        auto result = importSequences(optionsFor(path), stopping);
        QVERIFY(!result.has_value());
        QCOMPARE(result.error().code, ErrorCode::Cancelled);
    }

    void itemAttributesJson()
    {
        QTemporaryDir dir;
        ImportOptions options = optionsFor(writeFile(dir, "Shop.txt", "1 4 83\n2 83 9\n"));
        options.itemsPath =
            writeFile(dir, "Shop_item2attributes.json",
                      "{\"4\": [1, 2, 3], \"83\": [4, \"5\"],\n \"9\": {\"x\": 1}, \"77\": [6], "
                      "\"8\": [1.5]}");
        NullObserver observer;
        auto result = importSequences(options, observer);
        QVERIFY2(result.has_value(), result ? "" : result.error().toString().c_str());
        const Dataset &d = result->dataset;
        QCOMPARE(int(result->report.files.size()), 2);
        const FileImportReport &attrs = result->report.files[1];
        QCOMPARE(attrs.rowsRead, int64_t(5));
        QCOMPARE(attrs.rowsAccepted, int64_t(3));
        QCOMPARE(attrs.rowsRejected, int64_t(2));
        checkCounts(attrs);
        QCOMPARE(attrs.rejected[0].field, std::string("9"));
        QCOMPARE(attrs.rejected[0].line, int64_t(2));
        QCOMPARE(attrs.rejected[0].column, int64_t(2));
        const auto &four = d.itemInfo[size_t(*d.items.find("4"))].attributes;
        QCOMPARE(int(four.size()), 3);
        QCOMPARE(four[0], (std::pair<std::string, std::string>{"attr", "1"}));
        QCOMPARE(d.itemInfo[size_t(*d.items.find("83"))].attributes[1].second, std::string("5"));
        QCOMPARE(d.itemCount(), 4); // item 77 only has attributes: appended as a catalogue item
        QVERIFY(d.itemInfo[size_t(*d.items.find("9"))].attributes.empty());

        options.errorPolicy = ErrorPolicy::StopAtFirstError;
        auto stopped = importSequences(options, observer);
        QVERIFY(!stopped.has_value());
        QCOMPARE(stopped.error().code, ErrorCode::Parse);
        QCOMPARE(stopped.error().location.field, std::string("9"));
    }

    void otherCataloguesGoThroughImportItems()
    {
        QTemporaryDir dir;
        ImportOptions options = optionsFor(writeFile(dir, "s.txt", "1 a b\n"));
        options.itemsPath = writeFile(dir, "items.csv", "item_id,title\na,Lip balm\n");
        NullObserver observer;
        auto result = importSequences(options, observer);
        QVERIFY2(result.has_value(), result ? "" : result.error().toString().c_str());
        QCOMPARE(int(result->report.files.size()), 2);
        QCOMPARE(result->dataset.itemInfo[0].title, std::string("Lip balm"));
    }

    void attributeItemsKeepFileOrderAndRepeatedKeysCountOnce()
    {
        QTemporaryDir dir;
        Dataset dataset;
        NullObserver observer;
        auto result = importItemAttributesJson(
            dataset, writeFile(dir, "a.json", "{\"b\": [1], \"a\": [2], \"b\": [3]}"), observer);
        QVERIFY(result.has_value());
        QCOMPARE(result->rowsRead, int64_t(2));
        QCOMPARE(dataset.items.ids(), (std::vector<std::string>{"b", "a"}));
        QCOMPARE(dataset.itemInfo[0].attributes,
                 (std::vector<std::pair<std::string, std::string>>{{"attr", "3"}}));
    }

    void malformedAttributeFiles_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<int>("code");
        QTest::addColumn<int>("line");
        QTest::newRow("truncated")
            << QByteArray("{\"1\": [1, 2],\n \"2\": [3") << int(ErrorCode::Parse) << 2;
        QTest::newRow("array root") << QByteArray("[1, 2]") << int(ErrorCode::Parse) << 1;
        QTest::newRow("empty") << QByteArray("  \n") << int(ErrorCode::Empty) << 0;
        QTest::newRow("all bad") << QByteArray("{\"1\": 5}") << int(ErrorCode::Empty) << 0;
    }

    void malformedAttributeFiles()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(int, code);
        QFETCH(int, line);
        QTemporaryDir dir;
        Dataset dataset;
        NullObserver observer;
        auto result = importItemAttributesJson(
            dataset, writeFile(dir, "a.json", bytes.toStdString()), observer);
        QVERIFY(!result.has_value());
        QCOMPARE(int(result.error().code), code);
        QCOMPARE(int(result.error().location.line), line);
    }
};

QTEST_GUILESS_MAIN(TestSequenceImport)
#include "tst_sequenceimport.moc"
