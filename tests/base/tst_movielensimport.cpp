#include <QtTest>

#include <QTemporaryDir>

#include <fstream>

#include "data/import/movielensimporter.h"

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
    options.format = ImportFormat::MovieLens;
    options.errorPolicy = policy;
    return options;
}

void checkCounts(const FileImportReport &report)
{
    QCOMPARE(report.rowsRead, report.rowsAccepted + report.rowsRejected);
}

std::string flags(std::initializer_list<int> on)
{
    std::string out;
    for (int g = 0; g < 19; ++g)
        out += std::find(on.begin(), on.end(), g) != on.end() ? "|1" : "|0";
    return out;
}

const std::string kData = "1\t10\t5\t881250949\n"
                          "1\t20\t3\t881250950\n"
                          "2\t10\t4\t891717742\n";
// Item 20's title is ISO-8859-1: "Misérables" with 0xE9.
const std::string kItems = "10|Toy Story (1995)|01-Jan-1995||http://x/toy" + flags({3, 4, 5}) +
                           "\n" + "20|Mis\xE9rables, Les (1995)|01-Jan-1995||" + flags({8}) + "\n" +
                           "30|unknown|||" + flags({0}) + "\n";
const std::string kUsers = "1|24|M|technician|85711\n2|53|F|other|94043\n";

class StoppingObserver final : public Observer {
public:
    bool onProgress(const Progress &) override { return false; }
};

} // namespace

class TestMovieLensImport : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void importsRatingsMoviesAndUsers()
    {
        QTemporaryDir dir;
        const std::string data = writeFile(dir, "u.data", kData);
        writeFile(dir, "u.item", kItems);
        writeFile(dir, "u.user", kUsers);
        NullObserver observer;
        // The folder works as well as u.data itself.
        for (const std::string &path : {data, dir.path().toStdString()}) {
            auto result = importMovieLens(optionsFor(path), observer);
            QVERIFY2(result.has_value(), result ? "" : result.error().toString().c_str());
            const Dataset &d = result->dataset;
            QCOMPARE(d.userCount(), 2);
            QCOMPARE(d.itemCount(), 3); // movie 30 has no rating but is in the catalogue
            QCOMPARE(int(d.interactions.size()), 3);
            QCOMPARE(int(result->report.files.size()), 3);
            for (const FileImportReport &report : result->report.files) {
                checkCounts(report);
                QCOMPARE(report.rowsRejected, int64_t(0));
            }
            QCOMPARE(result->report.files[1].encoding, std::string("iso-8859-1"));
            QCOMPARE(d.eventKinds.name(d.interactions.event[0]), std::string("rating"));
            QCOMPARE(d.interactions.value[0], 5.0f);
            QCOMPARE(d.interactions.timestamp[2], int64_t(891717742));

            const ItemInfo &toy = d.itemInfo[size_t(*d.items.find("10"))];
            QCOMPARE(toy.title, std::string("Toy Story (1995)"));
            QCOMPARE(toy.categoryPath,
                     (std::vector<std::string>{"Animation", "Children's", "Comedy"}));
            QCOMPARE(toy.attributes[0], (std::pair<std::string, std::string>{"year", "1995"}));
            const ItemInfo &les = d.itemInfo[size_t(*d.items.find("20"))];
            QCOMPARE(les.title, std::string("Mis\xC3\xA9rables, Les (1995)"));
            QCOMPARE(les.categoryPath, (std::vector<std::string>{"Drama"}));
            const ItemInfo &unknown = d.itemInfo[size_t(*d.items.find("30"))];
            QVERIFY(unknown.attributes.empty()); // no year, no date, no URL

            const UserInfo &u2 = d.userInfo[size_t(*d.users.find("2"))];
            QCOMPARE(int(u2.attributes.size()), 4);
            QCOMPARE(u2.attributes[2],
                     (std::pair<std::string, std::string>{"occupation", "other"}));
        }
    }

    void genreNamesComeFromUGenre()
    {
        QTemporaryDir dir;
        const std::string data = writeFile(dir, "u.data", kData);
        writeFile(dir, "u.item", "10|T (1999)|||" + flags({1}) + "\n");
        std::string genres;
        for (int g = 0; g < 19; ++g)
            genres.append("G")
                .append(std::to_string(g))
                .append("|")
                .append(std::to_string(g))
                .append("\n");
        writeFile(dir, "u.genre", genres);
        NullObserver observer;
        auto result = importMovieLens(optionsFor(data), observer);
        QVERIFY(result.has_value());
        const ItemInfo &t = result->dataset.itemInfo[size_t(*result->dataset.items.find("10"))];
        QCOMPARE(t.categoryPath, (std::vector<std::string>{"G1"}));
    }

    void badRatingRowsAreRejected_data()
    {
        QTest::addColumn<QByteArray>("row");
        QTest::addColumn<int>("column");
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("reason");
        QTest::newRow("text timestamp") << QByteArray("3\t10\t4\tyesterday") << 4 << "timestamp"
                                        << "timestamp";
        QTest::newRow("iso timestamp") << QByteArray("3\t10\t4\t2024-01-01") << 4 << "timestamp"
                                       << "timestamp";
        QTest::newRow("nan rating") << QByteArray("3\t10\tnan\t881250949") << 3 << "rating"
                                    << "NaN";
        QTest::newRow("negative rating") << QByteArray("3\t10\t-1\t881250949") << 3 << "rating"
                                         << "negative";
        QTest::newRow("text rating") << QByteArray("3\t10\tgood\t881250949") << 3 << "rating"
                                     << "number";
        QTest::newRow("missing field") << QByteArray("3\t10\t4") << 4 << "timestamp"
                                       << "expected 4 fields";
        QTest::newRow("extra field") << QByteArray("3\t10\t4\t881250949\tx") << 5 << ""
                                     << "expected 4 fields";
        QTest::newRow("empty user") << QByteArray("\t10\t4\t881250949") << 1 << "user"
                                    << "empty user";
    }

    void badRatingRowsAreRejected()
    {
        QFETCH(QByteArray, row);
        QFETCH(int, column);
        QFETCH(QString, field);
        QFETCH(QString, reason);
        QTemporaryDir dir;
        // CRLF line ends on purpose: they must not leak into the last field.
        const std::string text =
            "1\t10\t5\t881250949\r\n" + row.toStdString() + "\r\n2\t10\t4\t891717742\r\n";
        const std::string path = writeFile(dir, "u.data", text);
        NullObserver observer;
        auto skipped = importMovieLens(optionsFor(path), observer);
        QVERIFY2(skipped.has_value(), skipped ? "" : skipped.error().toString().c_str());
        const FileImportReport &report = skipped->report.files[0];
        QCOMPARE(report.rowsRead, int64_t(3));
        QCOMPARE(report.rowsAccepted, int64_t(2));
        QCOMPARE(report.rowsRejected, int64_t(1));
        checkCounts(report);
        QCOMPARE(report.rejected[0].line, int64_t(2));
        QCOMPARE(int(report.rejected[0].column), column);
        QCOMPARE(QString::fromStdString(report.rejected[0].field), field);
        QVERIFY2(QString::fromStdString(report.rejected[0].reason).contains(reason),
                 report.rejected[0].reason.c_str());

        auto stopped = importMovieLens(optionsFor(path, ErrorPolicy::StopAtFirstError), observer);
        QVERIFY(!stopped.has_value());
        QCOMPARE(stopped.error().code, ErrorCode::Parse);
        QCOMPARE(stopped.error().location.file, path);
        QCOMPARE(stopped.error().location.line, int64_t(2));
        QCOMPARE(int(stopped.error().location.column), column);
        QVERIFY(stopped.error().toString().find(":2:") != std::string::npos);
    }

    void badSideRowsAreRejected()
    {
        QTemporaryDir dir;
        const std::string data = writeFile(dir, "u.data", kData);
        writeFile(dir, "u.item",
                  kItems + "40|Short row|01-Jan-1995\n" + "50|Bad flag (1990)|||" +
                      flags({}).substr(0, 36) + "|2\n" + "|No id (1990)|||" + flags({}) + "\n");
        writeFile(dir, "u.user", kUsers + "3|old|M|x|1\n4|30|M\n");
        NullObserver observer;
        auto result = importMovieLens(optionsFor(data), observer);
        QVERIFY2(result.has_value(), result ? "" : result.error().toString().c_str());
        const FileImportReport &items = result->report.files[1];
        QCOMPARE(items.rowsAccepted, int64_t(3));
        QCOMPARE(items.rowsRejected, int64_t(3));
        checkCounts(items);
        QCOMPARE(items.rejected[0].line, int64_t(4));
        QCOMPARE(items.rejected[0].column, int64_t(4));
        QCOMPARE(items.rejected[1].column, int64_t(24));
        QCOMPARE(items.rejected[1].field, std::string("Western"));
        QCOMPARE(items.rejected[2].column, int64_t(1));
        const FileImportReport &users = result->report.files[2];
        QCOMPARE(users.rowsAccepted, int64_t(2));
        QCOMPARE(users.rowsRejected, int64_t(2));
        checkCounts(users);
        QCOMPARE(users.rejected[0].field, std::string("age"));
        QCOMPARE(users.rejected[1].field, std::string("occupation"));

        ImportOptions strict = optionsFor(data, ErrorPolicy::StopAtFirstError);
        auto stopped = importMovieLens(strict, observer);
        QVERIFY(!stopped.has_value());
        QCOMPARE(stopped.error().location.line, int64_t(4));
        QVERIFY(stopped.error().location.file.ends_with("u.item"));
    }

    void utf8SideFilesStayUtf8()
    {
        QTemporaryDir dir;
        const std::string data = writeFile(dir, "u.data", kData);
        writeFile(dir, "u.item", "20|Mis\xC3\xA9rables (1995)|||" + flags({8}) + "\n");
        NullObserver observer;
        auto result = importMovieLens(optionsFor(data), observer);
        QVERIFY(result.has_value());
        QCOMPARE(result->report.files[1].encoding, std::string("utf-8"));
        QCOMPARE(result->dataset.itemInfo[size_t(*result->dataset.items.find("20"))].title,
                 std::string("Mis\xC3\xA9rables (1995)"));
    }

    void emptyAndInvalidInputs_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<int>("code");
        QTest::newRow("empty") << QByteArray() << int(ErrorCode::Empty);
        QTest::newRow("blank") << QByteArray("\n\r\n") << int(ErrorCode::Empty);
        QTest::newRow("all rejected") << QByteArray("1\t2\tx\t3\n") << int(ErrorCode::Empty);
        QTest::newRow("invalid utf-8")
            << QByteArray("1\t2\t3\t4\n\xFF\t2\t3\t4\n") << int(ErrorCode::Encoding);
    }

    void emptyAndInvalidInputs()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(int, code);
        QTemporaryDir dir;
        NullObserver observer;
        auto result =
            importMovieLens(optionsFor(writeFile(dir, "u.data", bytes.toStdString())), observer);
        QVERIFY(!result.has_value());
        QCOMPARE(int(result.error().code), code);
    }

    void missingFilesAndCancellation()
    {
        QTemporaryDir dir;
        NullObserver observer;
        auto missing = importMovieLens(optionsFor(dir.path().toStdString()), observer);
        QVERIFY(!missing.has_value());
        QCOMPARE(missing.error().code, ErrorCode::Io);

        StoppingObserver stopping;
        auto cancelled = importMovieLens(optionsFor(writeFile(dir, "u.data", kData)), stopping);
        QVERIFY(!cancelled.has_value());
        QCOMPARE(cancelled.error().code, ErrorCode::Cancelled);
    }
};

QTEST_GUILESS_MAIN(TestMovieLensImport)
#include "tst_movielensimport.moc"
