#include <QtTest>

#include <QTemporaryDir>

#include <fstream>

#include "data/import/recboleimporter.h"

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
    options.format = ImportFormat::RecBole;
    options.errorPolicy = policy;
    return options;
}

void checkCounts(const FileImportReport &report)
{
    QCOMPARE(report.rowsRead, report.rowsAccepted + report.rowsRejected);
}

const std::string kHeader = "user_id:token\titem_id:token\trating:float\ttimestamp:float\n";
const std::string kInter = kHeader + "1\t101\t5\t978300760\n"
                                     "1\t102\t3.5\t978300761.0\n"
                                     "2\t101\t4\t978300762\n";
const std::string kItem = "item_id:token\ttitle:token\tcategories:token_seq\tbrand:token\t"
                          "price:float\tsales:float\tvec:float_seq\n"
                          "101\tLip balm\tBeauty Lips\tAcme\t3.5\t120\t0.1 0.2\n"
                          "102\tSoap\tBath\t\t\t\t\n"
                          "103\tNew serum\tBeauty  Skin\tZen\t12\t0\t1\n";
const std::string kUser = "user_id:token\tage:token\tgender:token\tinterests:token_seq\n"
                          "1\t24\tM\tmusic  film\n"
                          "2\t53\tF\t\n";

class StoppingObserver final : public Observer {
public:
    bool onProgress(const Progress &) override { return false; }
};

} // namespace

class TestRecBoleImport : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void importsAtomicFiles()
    {
        QTemporaryDir dir;
        const std::string inter = writeFile(dir, "shop.inter", kInter);
        writeFile(dir, "shop.item", kItem);
        writeFile(dir, "shop.user", kUser);
        NullObserver observer;
        for (const std::string &path : {inter, dir.path().toStdString()}) {
            auto result = importRecBole(optionsFor(path), observer);
            QVERIFY2(result.has_value(), result ? "" : result.error().toString().c_str());
            const Dataset &d = result->dataset;
            QCOMPARE(d.name, std::string("shop"));
            QCOMPARE(d.userCount(), 2);
            QCOMPARE(d.itemCount(), 3);
            QCOMPARE(int(d.interactions.size()), 3);
            QCOMPARE(int(result->report.files.size()), 3);
            for (const FileImportReport &report : result->report.files) {
                QCOMPARE(report.rowsRejected, int64_t(0));
                checkCounts(report);
                QCOMPARE(report.format, std::string("recbole"));
            }
            QCOMPARE(d.eventKinds.name(d.interactions.event[0]), std::string("rating"));
            QCOMPARE(d.interactions.value[1], 3.5f);
            QCOMPARE(d.interactions.timestamp[1], int64_t(978300761));

            const ItemInfo &balm = d.itemInfo[size_t(*d.items.find("101"))];
            QCOMPARE(balm.title, std::string("Lip balm"));
            QCOMPARE(balm.categoryPath, (std::vector<std::string>{"Beauty", "Lips"}));
            QCOMPARE(balm.brand, std::string("Acme"));
            QCOMPARE(balm.price, 3.5);
            QCOMPARE(int(balm.attributes.size()), 2);
            QCOMPARE(balm.attributes[0], (std::pair<std::string, std::string>{"sales", "120"}));
            QCOMPARE(balm.attributes[1], (std::pair<std::string, std::string>{"vec", "0.1 0.2"}));
            const ItemInfo &soap = d.itemInfo[size_t(*d.items.find("102"))];
            QVERIFY(!soap.hasPrice());
            QVERIFY(soap.attributes.empty());
            const ItemInfo &serum = d.itemInfo[size_t(*d.items.find("103"))];
            QCOMPARE(serum.categoryPath, (std::vector<std::string>{"Beauty", "Skin"}));

            const UserInfo &u1 = d.userInfo[size_t(*d.users.find("1"))];
            QCOMPARE(int(u1.attributes.size()), 3);
            QCOMPARE(u1.attributes[2],
                     (std::pair<std::string, std::string>{"interests", "music film"}));
            QCOMPARE(int(d.userInfo[size_t(*d.users.find("2"))].attributes.size()), 2);
        }
    }

    void withoutRatingOrTime()
    {
        QTemporaryDir dir;
        const std::string inter =
            writeFile(dir, "c.inter", "session:token\titem_id:token\n7\ta\n7\tb\n");
        ImportOptions options = optionsFor(inter);
        options.columns.user = "session";
        NullObserver observer;
        auto result = importRecBole(options, observer);
        QVERIFY2(result.has_value(), result ? "" : result.error().toString().c_str());
        const Dataset &d = result->dataset;
        QCOMPARE(d.eventKinds.name(d.interactions.event[0]), std::string("view"));
        QCOMPARE(d.interactions.timestamp[1], int64_t(1));
        QCOMPARE(d.interactions.value[1], 1.0f);
    }

    void parsesHeaders()
    {
        auto fields = parseRecBoleHeader("a:token\tb:token_seq\tc:FLOAT\td:float_seq\r", "f");
        QVERIFY(fields.has_value());
        QCOMPARE(int(fields->size()), 4);
        QCOMPARE(fields->at(1).type, RecBoleType::TokenSeq);
        QCOMPARE(fields->at(2).type, RecBoleType::Float);
        QCOMPARE(fields->at(3).name, std::string("d"));
        QCOMPARE(fields->at(3).type, RecBoleType::FloatSeq);
    }

    void badHeadersAreSchemaErrors_data()
    {
        QTest::addColumn<QByteArray>("header");
        QTest::addColumn<int>("column");
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("reason");
        QTest::newRow("missing type")
            << QByteArray("user_id:token\titem_id\trating:float") << 2 << "item_id"
            << "no ':type'";
        QTest::newRow("unknown type")
            << QByteArray("user_id:token\titem_id:token\trating:double") << 3 << "rating:double"
            << "unknown type 'double'";
        QTest::newRow("empty name") << QByteArray("user_id:token\t:float") << 2 << ":float"
                                    << "empty field name";
        QTest::newRow("duplicate")
            << QByteArray("user_id:token\titem_id:token\tuser_id:float") << 3 << "user_id:float"
            << "duplicate";
        QTest::newRow("no item field")
            << QByteArray("user_id:token\tproduct:token") << 0 << "item_id"
            << "no item id field";
        QTest::newRow("sequence user")
            << QByteArray("user_id:token_seq\titem_id:token") << 1 << "user_id"
            << "one value";
    }

    void badHeadersAreSchemaErrors()
    {
        QFETCH(QByteArray, header);
        QFETCH(int, column);
        QFETCH(QString, field);
        QFETCH(QString, reason);
        QTemporaryDir dir;
        const std::string path = writeFile(dir, "h.inter", header.toStdString() + "\n1\t2\t3\n");
        NullObserver observer;
        auto result = importRecBole(optionsFor(path), observer);
        QVERIFY(!result.has_value());
        QCOMPARE(result.error().code, ErrorCode::Schema);
        QCOMPARE(result.error().location.line, int64_t(1));
        QCOMPARE(int(result.error().location.column), column);
        QCOMPARE(QString::fromStdString(result.error().location.field), field);
        QVERIFY2(QString::fromStdString(result.error().message).contains(reason),
                 result.error().message.c_str());
    }

    void badRowsAreRejected_data()
    {
        QTest::addColumn<QByteArray>("row");
        QTest::addColumn<int>("column");
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("reason");
        QTest::newRow("short row") << QByteArray("3\t101\t4") << 4 << "timestamp"
                                   << "found 3";
        QTest::newRow("long row") << QByteArray("3\t101\t4\t5\t6") << 5 << ""
                                  << "found 5";
        QTest::newRow("nan rating") << QByteArray("3\t101\tNaN\t5") << 3 << "rating"
                                    << "NaN";
        QTest::newRow("negative rating") << QByteArray("3\t101\t-2\t5") << 3 << "rating"
                                         << "negative";
        QTest::newRow("text timestamp") << QByteArray("3\t101\t4\tnoon") << 4 << "timestamp"
                                        << "timestamp";
        QTest::newRow("empty item") << QByteArray("3\t\t4\t5") << 2 << "item_id"
                                    << "empty item";
    }

    void badRowsAreRejected()
    {
        QFETCH(QByteArray, row);
        QFETCH(int, column);
        QFETCH(QString, field);
        QFETCH(QString, reason);
        QTemporaryDir dir;
        const std::string path = writeFile(dir, "r.inter",
                                           "\xEF\xBB\xBF" + kHeader + "1\t101\t5\t9\r\n" +
                                               row.toStdString() + "\r\n2\t101\t4\t10\r\n");
        NullObserver observer;
        auto skipped = importRecBole(optionsFor(path), observer);
        QVERIFY2(skipped.has_value(), skipped ? "" : skipped.error().toString().c_str());
        const FileImportReport &report = skipped->report.files[0];
        QCOMPARE(report.encoding, std::string("utf-8-bom"));
        QCOMPARE(report.rowsRead, int64_t(3));
        QCOMPARE(report.rowsRejected, int64_t(1));
        checkCounts(report);
        QCOMPARE(skipped->dataset.interactions.timestamp[1], int64_t(10)); // CRLF stripped
        QCOMPARE(report.rejected[0].line, int64_t(3));
        QCOMPARE(int(report.rejected[0].column), column);
        QCOMPARE(QString::fromStdString(report.rejected[0].field), field);
        QVERIFY2(QString::fromStdString(report.rejected[0].reason).contains(reason),
                 report.rejected[0].reason.c_str());

        auto stopped = importRecBole(optionsFor(path, ErrorPolicy::StopAtFirstError), observer);
        QVERIFY(!stopped.has_value());
        QCOMPARE(stopped.error().code, ErrorCode::Parse);
        QCOMPARE(stopped.error().location.line, int64_t(3));
        QCOMPARE(int(stopped.error().location.column), column);
    }

    void badSideRowsAreRejected()
    {
        QTemporaryDir dir;
        const std::string inter = writeFile(dir, "s.inter", kInter);
        writeFile(dir, "s.item",
                  kItem + "104\tX\tA\tB\tcheap\t1\t\n105\tY\tA\tB\t-1\t1\t\n"
                          "106\tZ\tA\tB\t1\tmany\t\n107\tW\tA\n108\tV\tA\tB\t1\t1\t0.5 x\n");
        writeFile(dir, "s.user", kUser + "\t30\tM\t\n");
        NullObserver observer;
        auto result = importRecBole(optionsFor(inter), observer);
        QVERIFY2(result.has_value(), result ? "" : result.error().toString().c_str());
        const FileImportReport &items = result->report.files[1];
        QCOMPARE(items.rowsAccepted, int64_t(3));
        QCOMPARE(items.rowsRejected, int64_t(5));
        checkCounts(items);
        QCOMPARE(items.rejected[0].field, std::string("price"));
        QCOMPARE(items.rejected[0].line, int64_t(5));
        QCOMPARE(items.rejected[1].field, std::string("price"));
        QCOMPARE(items.rejected[2].field, std::string("sales"));
        QCOMPARE(items.rejected[3].column, int64_t(4));
        QCOMPARE(items.rejected[4].field, std::string("vec"));
        const FileImportReport &users = result->report.files[2];
        QCOMPARE(users.rowsRejected, int64_t(1));
        checkCounts(users);
        QCOMPARE(users.rejected[0].field, std::string("user_id"));
        QCOMPARE(result->dataset.itemCount(), 3); // rejected catalogue rows add no item

        auto stopped = importRecBole(optionsFor(inter, ErrorPolicy::StopAtFirstError), observer);
        QVERIFY(!stopped.has_value());
        QVERIFY(stopped.error().location.file.ends_with("s.item"));
        QCOMPARE(stopped.error().location.line, int64_t(5));
        QCOMPARE(stopped.error().location.column, int64_t(5));
    }

    void emptyAndInvalidInputs_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<int>("code");
        QTest::newRow("empty") << QByteArray() << int(ErrorCode::Empty);
        QTest::newRow("header only") << QByteArray(kHeader.c_str()) << int(ErrorCode::Empty);
        QTest::newRow("header and blanks")
            << QByteArray((kHeader + "\n\r\n").c_str()) << int(ErrorCode::Empty);
        QTest::newRow("all rejected")
            << QByteArray((kHeader + "1\t2\n").c_str()) << int(ErrorCode::Empty);
        QTest::newRow("invalid utf-8")
            << QByteArray((kHeader + "1\t\xC3\x28\t1\t1\n").c_str()) << int(ErrorCode::Encoding);
    }

    void emptyAndInvalidInputs()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(int, code);
        QTemporaryDir dir;
        NullObserver observer;
        auto result =
            importRecBole(optionsFor(writeFile(dir, "e.inter", bytes.toStdString())), observer);
        QVERIFY(!result.has_value());
        QCOMPARE(int(result.error().code), code);
    }

    void folderWithoutInterAndCancellation()
    {
        QTemporaryDir dir;
        NullObserver observer;
        auto none = importRecBole(optionsFor(dir.path().toStdString()), observer);
        QVERIFY(!none.has_value());
        QCOMPARE(none.error().code, ErrorCode::NotFound);

        StoppingObserver stopping;
        auto cancelled = importRecBole(optionsFor(writeFile(dir, "c.inter", kInter)), stopping);
        QVERIFY(!cancelled.has_value());
        QCOMPARE(cancelled.error().code, ErrorCode::Cancelled);
    }
};

QTEST_GUILESS_MAIN(TestRecBoleImport)
#include "tst_recboleimport.moc"
