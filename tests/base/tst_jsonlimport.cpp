#include <QtTest>

#include <QTemporaryDir>

#include <fstream>

#include "data/import/jsonlimporter.h"

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
    options.format = ImportFormat::JsonLines;
    options.errorPolicy = policy;
    return options;
}

void checkCounts(const FileImportReport &report)
{
    QCOMPARE(report.rowsRead, report.rowsAccepted + report.rowsRejected);
}

class StoppingObserver final : public Observer {
public:
    bool onProgress(const Progress &) override { return false; }
};

class RecordingObserver final : public Observer {
public:
    bool onProgress(const Progress &p) override
    {
        last = p;
        ++calls;
        return true;
    }
    Progress last;
    int calls = 0;
};

const std::string kGood = "{\"user_id\": \"u1\", \"item_id\": 10, \"timestamp\": 1700000100, "
                          "\"event\": \"buy\"}\n"
                          "{\"user_id\": \"u2\", \"item_id\": \"B00X\", \"timestamp\": "
                          "\"2024-03-01T12:00:00Z\", \"event\": \"pv\"}\n"
                          "\n"
                          "{\"user_id\": \"u1\", \"item_id\": 11, \"timestamp\": 1700000000, "
                          "\"event\": \"cart\"}\n";

} // namespace

class TestJsonlImport : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void importsAndInfersFieldNames()
    {
        QTemporaryDir dir;
        NullObserver observer;
        auto result = importJsonLines(optionsFor(writeFile(dir, "log.jsonl", kGood)), observer);
        QVERIFY2(result.has_value(), result ? "" : result.error().toString().c_str());
        const Dataset &d = result->dataset;
        QCOMPARE(d.name, std::string("log"));
        QCOMPARE(d.userCount(), 2);
        QCOMPARE(d.itemCount(), 3);
        QCOMPARE(int(d.interactions.size()), 3);
        const FileImportReport &report = result->report.files.at(0);
        QCOMPARE(report.format, std::string("jsonl"));
        QCOMPARE(report.rowsRead, int64_t(3)); // the blank line is not a record
        QCOMPARE(report.rowsRejected, int64_t(0));
        checkCounts(report);
        QCOMPARE(d.items.id(d.interactions.item[0]), std::string("10")); // integer id as text
        QCOMPARE(d.interactions.timestamp[0], int64_t(1700000100));
        QCOMPARE(d.interactions.timestamp[1], int64_t(1709294400));
        QCOMPARE(d.eventKinds.name(d.interactions.event[0]), std::string("purchase"));
        QCOMPARE(d.eventKinds.name(d.interactions.event[1]), std::string("view"));
        QCOMPARE(d.eventKinds.name(d.interactions.event[2]), std::string("cart"));
        QCOMPARE(d.interactions.value[0], 1.0f);
    }

    void ratingFieldMakesRatingEvents()
    {
        QTemporaryDir dir;
        const std::string text = "{\"reviewerID\": \"A1\", \"asin\": \"B01\", \"overall\": 4.0, "
                                 "\"unixReviewTime\": 1400000000}\n"
                                 "{\"reviewerID\": \"A2\", \"asin\": \"B01\", \"overall\": 2, "
                                 "\"unixReviewTime\": 1400000001}\n";
        NullObserver observer;
        auto result = importJsonLines(optionsFor(writeFile(dir, "reviews.json", text)), observer);
        QVERIFY2(result.has_value(), result ? "" : result.error().toString().c_str());
        const Dataset &d = result->dataset;
        QCOMPARE(d.userCount(), 2);
        QCOMPARE(d.eventKinds.name(d.interactions.event[0]), std::string("rating"));
        QCOMPARE(d.interactions.value[0], 4.0f);
        QCOMPARE(d.interactions.value[1], 2.0f);
        QCOMPARE(d.interactions.timestamp[1], int64_t(1400000001));
    }

    void explicitColumnsAndJsonPointers()
    {
        QTemporaryDir dir;
        const std::string text = "{\"who\": {\"id\": 7}, \"what\": \"x\", \"when\": 5}\n";
        ImportOptions options = optionsFor(writeFile(dir, "nested.jsonl", text));
        options.columns.user = "/who/id";
        options.columns.item = "what";
        options.columns.timestamp = "when";
        NullObserver observer;
        auto result = importJsonLines(options, observer);
        QVERIFY2(result.has_value(), result ? "" : result.error().toString().c_str());
        QCOMPARE(result->dataset.users.id(0), std::string("7"));
        QCOMPARE(result->dataset.interactions.timestamp[0], int64_t(5));
    }

    void bomAndCrlfAreAccepted()
    {
        QTemporaryDir dir;
        const std::string text = "\xEF\xBB\xBF{\"user_id\": \"\xE7\x94\xA8\xE6\x88\xB7\", "
                                 "\"item_id\": \"i\"}\r\n{\"user_id\": \"u\", \"item_id\": "
                                 "\"j\"}\r\n";
        NullObserver observer;
        auto result = importJsonLines(optionsFor(writeFile(dir, "bom.jsonl", text)), observer);
        QVERIFY2(result.has_value(), result ? "" : result.error().toString().c_str());
        QCOMPARE(result->report.files[0].encoding, std::string("utf-8-bom"));
        QCOMPARE(result->dataset.users.id(0), std::string("\xE7\x94\xA8\xE6\x88\xB7"));
        QCOMPARE(result->dataset.itemCount(), 2);
        // Without a time field the position in the file is the time.
        QCOMPARE(result->dataset.interactions.timestamp[1], int64_t(1));
    }

    void badLinesAreRejected_data()
    {
        QTest::addColumn<QByteArray>("line");
        QTest::addColumn<int>("column");
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("reason");

        QTest::newRow("truncated")
            << QByteArray("{\"user_id\": \"u9\", \"item_id\"") << 28 << QString() << "invalid JSON";
        QTest::newRow("array") << QByteArray("[1, 2]") << 1 << QString() << "JSON object";
        QTest::newRow("missing user")
            << QByteArray("{\"item_id\": 1, \"timestamp\": 5}") << 0 << "user_id"
            << "missing user id";
        QTest::newRow("null item")
            << QByteArray("{\"user_id\": \"u\", \"item_id\": null, \"timestamp\": 5}") << 0
            << "item_id"
            << "missing item id";
        QTest::newRow("bool user")
            << QByteArray("{\"user_id\": true, \"item_id\": 1, \"timestamp\": 5}") << 13
            << "user_id"
            << "string or an integer";
        QTest::newRow("array item")
            << QByteArray("{\"user_id\": \"u\", \"item_id\": [1], \"timestamp\": 5}") << 29
            << "item_id"
            << "string or an integer";
        QTest::newRow("fractional id")
            << QByteArray("{\"user_id\": 1.5, \"item_id\": 1, \"timestamp\": 5}") << 13 << "user_id"
            << "fractional";
        QTest::newRow("text timestamp")
            << QByteArray("{\"user_id\": \"u\", \"item_id\": 1, \"timestamp\": \"yesterday\"}")
            << 45 << "timestamp"
            << "timestamp";
        QTest::newRow("bool timestamp")
            << QByteArray("{\"user_id\": \"u\", \"item_id\": 1, \"timestamp\": false}") << 45
            << "timestamp"
            << "number or a string";
        QTest::newRow("missing timestamp")
            << QByteArray("{\"user_id\": \"u\", \"item_id\": 1}") << 0 << "timestamp"
            << "timestamp";
        QTest::newRow("empty user")
            << QByteArray("{\"user_id\": \"\", \"item_id\": 1, \"timestamp\": 5}") << 13
            << "user_id"
            << "empty user id";
    }

    void badLinesAreRejected()
    {
        QFETCH(QByteArray, line);
        QFETCH(int, column);
        QFETCH(QString, field);
        QFETCH(QString, reason);
        QTemporaryDir dir;
        const std::string good = "{\"user_id\": \"u1\", \"item_id\": 1, \"timestamp\": 5}\n";
        const std::string path =
            writeFile(dir, "bad.jsonl", good + line.toStdString() + "\n" + good);

        NullObserver observer;
        auto skipped = importJsonLines(optionsFor(path), observer);
        QVERIFY2(skipped.has_value(), skipped ? "" : skipped.error().toString().c_str());
        const FileImportReport &report = skipped->report.files.at(0);
        QCOMPARE(report.rowsRead, int64_t(3));
        QCOMPARE(report.rowsAccepted, int64_t(2));
        QCOMPARE(report.rowsRejected, int64_t(1));
        checkCounts(report);
        QCOMPARE(int(skipped->dataset.interactions.size()), 2);
        const RejectedRow &row = report.rejected.at(0);
        QCOMPARE(row.line, int64_t(2));
        QCOMPARE(int(row.column), column);
        QCOMPARE(QString::fromStdString(row.field), field);
        QVERIFY2(QString::fromStdString(row.reason).contains(reason), row.reason.c_str());

        auto stopped = importJsonLines(optionsFor(path, ErrorPolicy::StopAtFirstError), observer);
        QVERIFY(!stopped.has_value());
        QCOMPARE(stopped.error().code, ErrorCode::Parse);
        QCOMPARE(stopped.error().location.file, path);
        QCOMPARE(stopped.error().location.line, int64_t(2));
        QCOMPARE(int(stopped.error().location.column), column);
        QCOMPARE(QString::fromStdString(stopped.error().location.field), field);
    }

    void nanAndNegativeValuesAreRejected()
    {
        QTemporaryDir dir;
        const std::string text = "{\"user_id\": \"u\", \"item_id\": 1, \"rating\": \"NaN\"}\n"
                                 "{\"user_id\": \"u\", \"item_id\": 2, \"rating\": -1}\n"
                                 "{\"user_id\": \"u\", \"item_id\": 3, \"rating\": NaN}\n"
                                 "{\"user_id\": \"u\", \"item_id\": 4, \"rating\": 3.5}\n";
        NullObserver observer;
        auto result = importJsonLines(optionsFor(writeFile(dir, "r.jsonl", text)), observer);
        QVERIFY2(result.has_value(), result ? "" : result.error().toString().c_str());
        const FileImportReport &report = result->report.files[0];
        QCOMPARE(report.rowsRejected, int64_t(3));
        QCOMPARE(report.rowsAccepted, int64_t(1));
        checkCounts(report);
        QCOMPARE(report.rejected[0].field, std::string("rating"));
        QCOMPARE(report.rejected[0].column, int64_t(42));
        QVERIFY(QString::fromStdString(report.rejected[1].reason).contains("negative"));
        QVERIFY(QString::fromStdString(report.rejected[2].reason).contains("invalid JSON"));
        QCOMPARE(result->dataset.interactions.value[0], 3.5f);
    }

    void emptyInputsAreEmptyErrors_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::newRow("empty") << QByteArray();
        QTest::newRow("blank lines") << QByteArray("\n  \r\n\t\n");
        QTest::newRow("bom only") << QByteArray("\xEF\xBB\xBF");
        QTest::newRow("all rejected")
            << QByteArray("{\"user_id\": 1, \"item_id\": null}\nnot json\n");
    }

    void emptyInputsAreEmptyErrors()
    {
        QFETCH(QByteArray, bytes);
        QTemporaryDir dir;
        NullObserver observer;
        auto result =
            importJsonLines(optionsFor(writeFile(dir, "e.jsonl", bytes.toStdString())), observer);
        QVERIFY(!result.has_value());
        QCOMPARE(result.error().code, ErrorCode::Empty);
    }

    void noIdFieldIsSchemaError()
    {
        QTemporaryDir dir;
        NullObserver observer;
        auto result = importJsonLines(
            optionsFor(writeFile(dir, "s.jsonl", "{\"a\": 1, \"b\": 2}\n")), observer);
        QVERIFY(!result.has_value());
        QCOMPARE(result.error().code, ErrorCode::Schema);
        QVERIFY(QString::fromStdString(result.error().message).contains("a, b"));
    }

    void invalidUtf8IsEncodingError()
    {
        QTemporaryDir dir;
        const std::string text = "{\"user_id\": \"u\", \"item_id\": 1}\n"
                                 "{\"user_id\": \"\xFF\xFE\", \"item_id\": 2}\n";
        NullObserver observer;
        auto result = importJsonLines(optionsFor(writeFile(dir, "u.jsonl", text)), observer);
        QVERIFY(!result.has_value());
        QCOMPARE(result.error().code, ErrorCode::Encoding);
        QCOMPARE(result.error().location.line, int64_t(2));
    }

    void missingFileIsIoError()
    {
        NullObserver observer;
        auto result = importJsonLines(optionsFor("/nonexistent/x.jsonl"), observer);
        QVERIFY(!result.has_value());
        QCOMPARE(result.error().code, ErrorCode::Io);
    }

    void progressIsInBytesAndCancellationStops()
    {
        QTemporaryDir dir;
        const std::string path = writeFile(dir, "p.jsonl", kGood);
        RecordingObserver recording;
        auto result = importJsonLines(optionsFor(path), recording);
        QVERIFY(result.has_value());
        QVERIFY(recording.calls > 0);
        QCOMPARE(recording.last.total, int64_t(kGood.size()));
        QCOMPARE(recording.last.done, int64_t(kGood.size()));

        StoppingObserver stopping;
        auto cancelled = importJsonLines(optionsFor(path), stopping);
        QVERIFY(!cancelled.has_value());
        QCOMPARE(cancelled.error().code, ErrorCode::Cancelled);

        StopToken token;
        token.requestStop();
        NullObserver observer;
        auto tokenCancelled = importJsonLines(optionsFor(path), observer, token);
        QVERIFY(!tokenCancelled.has_value());
        QCOMPARE(tokenCancelled.error().code, ErrorCode::Cancelled);
    }

    void catalogueAndUsers()
    {
        QTemporaryDir dir;
        ImportOptions options = optionsFor(writeFile(dir, "log.jsonl", kGood));
        options.itemsPath = writeFile(
            dir, "items.jsonl",
            "{\"item_id\": 10, \"title\": \"Lip balm\", \"categories\": [[\"Beauty\", \"Lips\"]], "
            "\"brand\": \"Acme\", \"price\": 3.5, \"color\": \"red\", \"tags\": [\"a\", \"b\"]}\n"
            "{\"item_id\": \"NEW\", \"title\": \"Soap\", \"categories\": \"Bath > Soap\", "
            "\"price\": \"1.25\"}\n"
            "{\"item_id\": 11, \"price\": -2}\n"
            "{\"item_id\": 12, \"price\": \"cheap\"}\n"
            "{\"title\": \"no id\"}\n"
            "{\"item_id\": 13, \"title\"\n");
        options.usersPath = writeFile(dir, "users.jsonl",
                                      "{\"user_id\": \"u1\", \"age\": 31, \"segment\": \"vip\"}\n"
                                      "{\"user_id\": {\"x\": 1}}\n");
        NullObserver observer;
        auto result = importJsonLines(options, observer);
        QVERIFY2(result.has_value(), result ? "" : result.error().toString().c_str());
        QCOMPARE(int(result->report.files.size()), 3);
        const FileImportReport &items = result->report.files[1];
        QCOMPARE(items.rowsRead, int64_t(6));
        QCOMPARE(items.rowsAccepted, int64_t(2));
        QCOMPARE(items.rowsRejected, int64_t(4));
        checkCounts(items);
        QCOMPARE(items.rejected[0].field, std::string("price"));
        QCOMPARE(items.rejected[2].reason, std::string("missing item id"));
        const Dataset &d = result->dataset;
        QCOMPARE(d.itemCount(), 4); // 10, B00X, 11 from the log + NEW from the catalogue
        const ItemInfo &balm = d.itemInfo[size_t(*d.items.find("10"))];
        QCOMPARE(balm.title, std::string("Lip balm"));
        QCOMPARE(balm.categoryPath, (std::vector<std::string>{"Beauty", "Lips"}));
        QCOMPARE(balm.brand, std::string("Acme"));
        QCOMPARE(balm.price, 3.5);
        QCOMPARE(int(balm.attributes.size()), 2);
        QCOMPARE(balm.attributes[1].second, std::string("a b"));
        const ItemInfo &soap = d.itemInfo[size_t(*d.items.find("NEW"))];
        QCOMPARE(soap.categoryPath, (std::vector<std::string>{"Bath", "Soap"}));
        QCOMPARE(soap.price, 1.25);

        const FileImportReport &users = result->report.files[2];
        QCOMPARE(users.rowsAccepted, int64_t(1));
        QCOMPARE(users.rowsRejected, int64_t(1));
        checkCounts(users);
        const UserInfo &u1 = d.userInfo[size_t(*d.users.find("u1"))];
        QCOMPARE(int(u1.attributes.size()), 2);
        QCOMPARE(u1.attributes[0], (std::pair<std::string, std::string>{"age", "31"}));

        options.errorPolicy = ErrorPolicy::StopAtFirstError;
        auto stopped = importJsonLines(options, observer);
        QVERIFY(!stopped.has_value());
        QCOMPARE(stopped.error().location.file, options.itemsPath);
        QCOMPARE(stopped.error().location.line, int64_t(3));
        QCOMPARE(stopped.error().location.field, std::string("price"));
    }
};

QTEST_GUILESS_MAIN(TestJsonlImport)
#include "tst_jsonlimport.moc"
