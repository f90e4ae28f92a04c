#include <QtTest>

#include <iconv.h>

#include "data/import/columninference.h"
#include "data/import/delimitedreader.h"
#include "data/import/formatdetection.h"
#include "data/import/importer.h"

using namespace recforge;

namespace {

std::string writeFile(const QTemporaryDir &dir, const QString &name, const std::string &bytes)
{
    const QString path = dir.filePath(name);
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly))
        return {};
    f.write(bytes.data(), qint64(bytes.size()));
    return path.toStdString();
}

std::string toGbk(const std::string &utf8)
{
    iconv_t cd = iconv_open("GBK", "UTF-8");
    if (cd == reinterpret_cast<iconv_t>(-1))
        return {};
    std::string out(utf8.size() * 2 + 8, '\0');
    char *in = const_cast<char *>(utf8.data());
    size_t inLeft = utf8.size(), outLeft = out.size();
    char *o = out.data();
    const size_t rc = iconv(cd, &in, &inLeft, &o, &outLeft);
    iconv_close(cd);
    if (rc == size_t(-1))
        return {};
    out.resize(out.size() - outLeft);
    return out;
}

Expected<ImportResult> importText(const QTemporaryDir &dir, const std::string &text,
                                  ImportOptions options = {}, const QString &name = "log.csv")
{
    options.path = writeFile(dir, name, text);
    NullObserver observer;
    return importDataset(options, observer);
}

const FileImportReport &mainReport(const ImportResult &r)
{
    return r.report.files.front();
}

void checkInvariant(const FileImportReport &report)
{
    QCOMPARE(report.rowsRead, report.rowsAccepted + report.rowsRejected);
}

QString errorText(const Error &e)
{
    return QString::fromStdString(e.toString());
}

} // namespace

class TestDelimitedImport : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void goodDelimiters_data()
    {
        QTest::addColumn<QString>("delimiter");
        QTest::newRow("comma") << ",";
        QTest::newRow("tab") << "\t";
        QTest::newRow("semicolon") << ";";
        QTest::newRow("pipe") << "|";
    }
    void goodDelimiters()
    {
        QFETCH(QString, delimiter);
        const std::string d = delimiter.toStdString();
        std::string text =
            "user_id" + d + "item_id" + d + "timestamp" + d + "event" + d + "rating\n";
        text += "u1" + d + "i1" + d + "1700000000" + d + "pv" + d + "1\n";
        text += "u2" + d + "i2" + d + "2024-03-01 12:30" + d + "buy" + d + "4.5\n";
        text += "u1" + d + "i2" + d + "1700000100000" + d + "cart" + d + "\n";
        QTemporaryDir dir;
        auto r = importText(dir, text);
        QVERIFY2(r.has_value(), r ? "" : qPrintable(errorText(r.error())));
        const Dataset &ds = r->dataset;
        QCOMPARE(ds.userCount(), 2);
        QCOMPARE(ds.itemCount(), 2);
        QCOMPARE(int(ds.interactions.size()), 3);
        QCOMPARE(mainReport(*r).delimiter, d[0]);
        QVERIFY(mainReport(*r).header);
        checkInvariant(mainReport(*r));
        QCOMPARE(ds.interactions.timestamp[0], int64_t(1700000000));
        QCOMPARE(ds.interactions.timestamp[1], int64_t(1709296200));
        QCOMPARE(ds.interactions.timestamp[2], int64_t(1700000100)); // millis detected
        QCOMPARE(ds.interactions.event[0], uint16_t(EventType::View));
        QCOMPARE(ds.interactions.event[1], uint16_t(EventType::Purchase));
        QCOMPARE(ds.interactions.event[2], uint16_t(EventType::Cart));
        QCOMPARE(ds.interactions.value[1], 4.5f);
        QCOMPARE(ds.interactions.value[2], 1.0f); // empty value = event weight
        QCOMPARE(QString::fromStdString(ds.name), QStringLiteral("log"));
    }

    void quotedFieldsWithDelimitersAndNewlines()
    {
        const std::string text = "user,item,note\n"
                                 "u1,i1,\"a, b\"\n"
                                 "u2,i2,\"line one\nline two\"\n"
                                 "\"u3\",\"i3\",\"she said \"\"hi\"\"\"\n"
                                 "u4,i4\n"; // ragged, on physical line 6
        DelimitedReader reader(text, ',', "t");
        DelimitedRecord rec;
        QCOMPARE(reader.next(rec), DelimitedReader::Status::Record); // header
        QCOMPARE(reader.next(rec), DelimitedReader::Status::Record);
        QCOMPARE(rec.fields[2], std::string_view("a, b"));
        QCOMPARE(reader.next(rec), DelimitedReader::Status::Record);
        QCOMPARE(rec.line, int64_t(3));
        QCOMPARE(rec.fields[2], std::string_view("line one\nline two"));
        QCOMPARE(reader.next(rec), DelimitedReader::Status::Record);
        QCOMPARE(rec.line, int64_t(5));
        QCOMPARE(rec.fields[0], std::string_view("u3"));
        QCOMPARE(rec.fields[2], std::string_view("she said \"hi\""));
        QVERIFY(rec.usesScratch);
        DelimitedReader junk("u5,\"i5\"x,n\r\nu6,i6,m", ',', "t");
        QCOMPARE(junk.next(rec), DelimitedReader::Status::Record);
        QCOMPARE(rec.problemColumn, int64_t(2));
        QCOMPARE(rec.raw, std::string_view("u5,\"i5\"x,n"));
        QCOMPARE(junk.next(rec), DelimitedReader::Status::Record);
        QCOMPARE(rec.line, int64_t(2));
        QCOMPARE(rec.problemColumn, int64_t(0));
        QCOMPARE(rec.fields[2], std::string_view("m"));
        QCOMPARE(junk.next(rec), DelimitedReader::Status::End);

        QTemporaryDir dir;
        auto r = importText(dir, text);
        QVERIFY(r.has_value());
        const FileImportReport &rep = mainReport(*r);
        QCOMPARE(rep.rowsAccepted, int64_t(3));
        QCOMPARE(rep.rowsRejected, int64_t(1));
        checkInvariant(rep);
        QCOMPARE(rep.rejected.front().line, int64_t(6));
        QCOMPARE(rep.rejected.front().column, int64_t(3));
        QCOMPARE(QString::fromStdString(rep.rejected.front().field), QStringLiteral("note"));
    }

    void crlfAndBom()
    {
        QTemporaryDir dir;
        auto r = importText(dir, "\xEF\xBB\xBFuser_id,item_id,event\r\nu1,i1,click\r\n"
                                 "u2,\"i2\"\r\n\r\nu3,i3,view\r\n");
        QVERIFY(r.has_value());
        const FileImportReport &rep = mainReport(*r);
        QCOMPARE(QString::fromStdString(rep.encoding), QStringLiteral("utf-8-bom"));
        QCOMPARE(rep.rowsAccepted, int64_t(2));
        QCOMPARE(rep.rowsRejected, int64_t(1)); // "u2,"i2"" has 2 fields
        QCOMPARE(rep.rejected.front().line, int64_t(3));
        QCOMPARE(QString::fromStdString(r->dataset.users.id(0)), QStringLiteral("u1"));
        QCOMPARE(QString::fromStdString(r->dataset.items.id(1)), QStringLiteral("i3")); // no \r
        QCOMPARE(r->dataset.interactions.event[0], uint16_t(EventType::Click));
        // Without a time column the row position is the time.
        QCOMPARE(r->dataset.interactions.timestamp[1], int64_t(2));
    }

    void gbkWithChineseHeaders()
    {
        const std::string utf8 = "用户,商品,时间,行为\n张三,连衣裙,2024-03-01,购买\n"
                                 "李四,运动鞋,2024-03-02,浏览\n";
        const std::string gbk = toGbk(utf8);
        QVERIFY(!gbk.empty());
        QTemporaryDir dir;
        auto r = importText(dir, gbk);
        QVERIFY2(r.has_value(), r ? "" : qPrintable(errorText(r.error())));
        QCOMPARE(QString::fromStdString(mainReport(*r).encoding), QStringLiteral("gb18030"));
        QCOMPARE(QString::fromStdString(r->dataset.users.id(0)), QStringLiteral("张三"));
        QCOMPARE(QString::fromStdString(r->dataset.items.id(1)), QStringLiteral("运动鞋"));
        QCOMPARE(r->dataset.interactions.event[0], uint16_t(EventType::Purchase));
        QCOMPARE(r->dataset.interactions.event[1], uint16_t(EventType::View));
        QCOMPARE(r->dataset.interactions.timestamp[0], int64_t(1709251200));
    }

    void invalidUtf8Forced()
    {
        QTemporaryDir dir;
        ImportOptions o;
        o.encoding = TextEncoding::Utf8;
        auto r = importText(dir, "user,item\nu1,i1\nu\xE9,i2\n", o, "bad.csv");
        QVERIFY(!r.has_value());
        QCOMPARE(r.error().code, ErrorCode::Encoding);
        QCOMPARE(r.error().location.line, int64_t(3));
        QCOMPARE(r.error().location.column, int64_t(2));
        QVERIFY(errorText(r.error()).contains("bad.csv:3:2"));
    }

    void structuralErrors_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<int>("code");
        QTest::addColumn<int>("line");
        QTest::newRow("empty file") << QByteArray("") << int(ErrorCode::Empty) << 0;
        QTest::newRow("blank lines only") << QByteArray("\n\r\n\n") << int(ErrorCode::Empty) << 0;
        QTest::newRow("header only")
            << QByteArray("user_id,item_id\n") << int(ErrorCode::Empty) << 1;
        QTest::newRow("duplicate header")
            << QByteArray("user,item,user\nu,i,x\n") << int(ErrorCode::Schema) << 1;
        QTest::newRow("unterminated quote")
            << QByteArray("user,item,note\nu1,i1,ok\nu2,i2,\"never closed\nu3,i3,x\n")
            << int(ErrorCode::Parse) << 3;
        QTest::newRow("no user column")
            << QByteArray("alpha,beta\n1,2\n") << int(ErrorCode::Schema) << 0;
    }
    void structuralErrors()
    {
        QFETCH(QByteArray, text);
        QFETCH(int, code);
        QFETCH(int, line);
        QTemporaryDir dir;
        auto r = importText(dir, text.toStdString());
        QVERIFY(!r.has_value());
        QCOMPARE(int(r.error().code), code);
        QCOMPARE(r.error().location.line, int64_t(line));
        if (code == int(ErrorCode::Schema) && line == 1)
            QCOMPARE(QString::fromStdString(r.error().location.field), QStringLiteral("user"));
    }

    void badValuesAreRejectedWithColumns()
    {
        const std::string text = "user_id,item_id,timestamp,value\n"
                                 "u1,i1,1700000000,1\n"
                                 "u2,i2,yesterday,1\n"
                                 "u3,i3,1700000000,NaN\n"
                                 "u4,i4,1700000000,-2\n"
                                 ",i5,1700000000,1\n"
                                 "u6,i6,,1\n"
                                 "u7,i7,1700000000,abc\n"
                                 "u8,i8,2024-03-01T10:00:00Z,2.5\n";
        QTemporaryDir dir;
        auto r = importText(dir, text);
        QVERIFY(r.has_value());
        const FileImportReport &rep = mainReport(*r);
        QCOMPARE(rep.rowsRead, int64_t(8));
        QCOMPARE(rep.rowsAccepted, int64_t(2));
        QCOMPARE(rep.rowsRejected, int64_t(6));
        checkInvariant(rep);
        struct Expect {
            int64_t line, column;
            const char *field, *reason;
        };
        const Expect expected[] = {{3, 3, "timestamp", "yesterday"}, {4, 4, "value", "NaN"},
                                   {5, 4, "value", "negative"},      {6, 1, "user_id", "empty"},
                                   {7, 3, "timestamp", "empty"},     {8, 4, "value", "abc"}};
        QCOMPARE(int(rep.rejected.size()), 6);
        for (size_t k = 0; k < 6; ++k) {
            const RejectedRow &row = rep.rejected[k];
            QCOMPARE(row.line, expected[k].line);
            QCOMPARE(row.column, expected[k].column);
            QCOMPARE(QString::fromStdString(row.field), QString::fromLatin1(expected[k].field));
            QVERIFY2(QString::fromStdString(row.reason).contains(expected[k].reason),
                     row.reason.c_str());
        }
        QCOMPARE(QString::fromStdString(rep.rejected[0].text), QStringLiteral("u2,i2,yesterday,1"));
        // Ids of rejected rows are not interned.
        QCOMPARE(r->dataset.userCount(), 2);
    }

    void stopAtFirstError()
    {
        ImportOptions o;
        o.errorPolicy = ErrorPolicy::StopAtFirstError;
        QTemporaryDir dir;
        auto r =
            importText(dir, "user_id,item_id,value\nu1,i1,1\nu2,i2,-1\nu3,i3,x\n", o, "stop.csv");
        QVERIFY(!r.has_value());
        QCOMPARE(r.error().code, ErrorCode::Parse);
        QCOMPARE(r.error().location.line, int64_t(3));
        QCOMPARE(r.error().location.column, int64_t(3));
        QVERIFY2(errorText(r.error()).contains("stop.csv:3:3 (value)"),
                 qPrintable(errorText(r.error())));
        // A ragged row stops too.
        auto ragged = importText(dir, "user_id,item_id\nu1,i1\nu2\n", o, "ragged.csv");
        QVERIFY(!ragged.has_value());
        QCOMPARE(ragged.error().location.line, int64_t(3));
        QCOMPARE(ragged.error().location.column, int64_t(2));
    }

    void allRowsRejectedIsEmpty()
    {
        QTemporaryDir dir;
        auto r = importText(dir, "user_id,item_id,timestamp\nu1,i1,never\nu2,i2,soon\n");
        QVERIFY(!r.has_value());
        QCOMPARE(r.error().code, ErrorCode::Empty);
        QVERIFY(errorText(r.error()).contains("2 read"));
    }

    void megabyteField()
    {
        const std::string big(1 << 20, 'x');
        std::string text = "user_id,item_id,note\nu1,i1,\"" + big + "\"\nu2,i2," + big + "\n";
        QTemporaryDir dir;
        auto r = importText(dir, text);
        QVERIFY(r.has_value());
        QCOMPARE(mainReport(*r).rowsAccepted, int64_t(2));
        DelimitedReader reader(text, ',', "t");
        DelimitedRecord rec;
        reader.next(rec);
        reader.next(rec);
        QCOMPARE(rec.fields[2].size(), big.size());
        // A catalogue keeps a 1 MB description.
        ImportOptions o;
        o.itemsPath = writeFile(dir, "items.csv", "item_id,description\ni1,\"" + big + "\"\n");
        auto withItems = importText(dir, "user_id,item_id\nu1,i1\n", o);
        QVERIFY(withItems.has_value());
        QCOMPARE(withItems->dataset.itemInfo[0].description.size(), big.size());
    }

    void noHeaderPositionalGuess()
    {
        QTemporaryDir dir;
        auto r = importText(dir, "7\t42\t5\t881250949\n7\t43\t3\t881250950\n8\t42\t4\t881250960\n");
        QVERIFY2(r.has_value(), r ? "" : qPrintable(errorText(r.error())));
        const FileImportReport &rep = mainReport(*r);
        QVERIFY(!rep.header);
        QCOMPARE(rep.delimiter, '\t');
        QCOMPARE(rep.rowsAccepted, int64_t(3));
        QCOMPARE(r->dataset.interactions.timestamp[0], int64_t(881250949));
        QCOMPARE(r->dataset.interactions.value[0], 5.0f);
        QCOMPARE(QString::fromStdString(r->dataset.items.id(1)), QStringLiteral("43"));
    }

    void explicitMappingAndEvents()
    {
        ImportOptions o;
        o.columns.user = "who";
        o.columns.item = "#1";
        o.columns.event = "what";
        o.events.rules["fav"] = {"favorite", 3.0f};
        o.events.keepUnknownAsCustom = false;
        QTemporaryDir dir;
        auto r = importText(dir, "who,thing,what\na,x,fav\nb,y,pv\nc,z,teleport\n", o);
        QVERIFY(r.has_value());
        const Dataset &ds = r->dataset;
        QCOMPARE(int(ds.interactions.size()), 2);
        QCOMPARE(QString::fromStdString(ds.eventKinds.name(ds.interactions.event[0])),
                 QStringLiteral("favorite"));
        QCOMPARE(ds.interactions.value[0], 3.0f);
        QCOMPARE(mainReport(*r).rejected.front().line, int64_t(4));
        QCOMPARE(QString::fromStdString(mainReport(*r).rejected.front().field),
                 QStringLiteral("what"));
        o.columns.user = "nobody";
        auto bad = importText(dir, "who,thing,what\na,x,fav\n", o);
        QVERIFY(!bad.has_value());
        QCOMPARE(bad.error().code, ErrorCode::Schema);
        QVERIFY(errorText(bad.error()).contains("nobody"));
    }

    void typeInference()
    {
        using V = std::vector<std::string_view>;
        QCOMPARE(inferColumnType(V{"1", "22", ""}), ColumnType::Integer);
        QCOMPARE(inferColumnType(V{"1", "2.5"}), ColumnType::Real);
        QCOMPARE(inferColumnType(V{"2024-03-01", "2024-03-02 10:00"}), ColumnType::Timestamp);
        QCOMPARE(inferColumnType(V{"pv", "buy"}), ColumnType::Text);
        QCOMPARE(inferColumnType(V{"", " "}), ColumnType::Empty);
        QCOMPARE(inferColumnType(V{"1", "x"}), ColumnType::Text);
        QCOMPARE(QString::fromLatin1(columnTypeName(ColumnType::Timestamp)),
                 QStringLiteral("timestamp"));
    }

    void suggestedMapping_data()
    {
        QTest::addColumn<QStringList>("names");
        QTest::addColumn<QStringList>("expected"); // user, item, timestamp, event, value
        QTest::newRow("snake") << QStringList{"user_id", "item_id", "timestamp", "event", "rating"}
                               << QStringList{"user_id", "item_id", "timestamp", "event", "rating"};
        QTest::newRow("camel") << QStringList{"userId", "productId", "ts", "behavior", "score"}
                               << QStringList{"userId", "productId", "ts", "behavior", "score"};
        QTest::newRow("retailrocket")
            << QStringList{"timestamp", "visitorid", "event", "itemid", "transactionid"}
            << QStringList{"visitorid", "itemid", "timestamp", "event", ""};
        QTest::newRow("shop") << QStringList{"customer", "sku", "event_time", "action", "weight"}
                              << QStringList{"customer", "sku", "event_time", "action", "weight"};
        QTest::newRow("asin") << QStringList{"uid", "asin", "date", "event_type", "value"}
                              << QStringList{"uid", "asin", "date", "event_type", "value"};
        QTest::newRow("chinese") << QStringList{"用户", "商品", "时间", "行为", "评分"}
                                 << QStringList{"用户", "商品", "时间", "行为", "评分"};
    }
    void suggestedMapping()
    {
        QFETCH(QStringList, names);
        QFETCH(QStringList, expected);
        std::vector<std::string> n;
        for (const QString &s : names)
            n.push_back(s.toStdString());
        const InteractionColumns c = suggestInteractionColumns(n, {}, {}, true);
        const QStringList got{QString::fromStdString(c.user), QString::fromStdString(c.item),
                              QString::fromStdString(c.timestamp), QString::fromStdString(c.event),
                              QString::fromStdString(c.value)};
        QCOMPARE(got, expected);
    }

    void headerSniffing()
    {
        auto sniff = [](const char *text) {
            return sniffHeader(readSampleRecords(text, sniffDelimiter(text), 50));
        };
        QVERIFY(sniff("user,item\n1,2\n"));
        QVERIFY(sniff("a,b,c\nx,1,2\n"));         // numbers below text
        QVERIFY(!sniff("1,2,3\n4,5,6\n"));        // numbers first
        QVERIFY(!sniff("alice,book\nbob,pen\n")); // all text, no known name
        QCOMPARE(sniffDelimiter("a;b;c\n1;2;3\n"), ';');
        QCOMPARE(sniffDelimiter("a\tb,c\n1\t2,3\nx\ty\n"), '\t');
        QCOMPARE(sniffDelimiter("single\ncolumn\n"), ',');
    }

    void catalogueImport()
    {
        QTemporaryDir dir;
        ImportOptions o;
        o.itemsPath =
            writeFile(dir, "items.csv",
                      "item_id,title,category,brand,price,color\n"
                      "i1,\"Rose cream, 50ml\",Beauty > Skin Care > Face,Acme,$12.50,red\n"
                      "i2,Runner,Shoes/Sport,Fleet,30,blue\n"
                      "i9,New item,Toys|Puzzles,,,green\n"
                      "i3,Broken,Misc,X,cheap,none\n");
        auto r = importText(dir, "user_id,item_id\nu1,i1\nu1,i2\n", o);
        QVERIFY2(r.has_value(), r ? "" : qPrintable(errorText(r.error())));
        const Dataset &ds = r->dataset;
        QCOMPARE(int(r->report.files.size()), 2);
        const FileImportReport &items = r->report.files[1];
        QCOMPARE(items.rowsAccepted, int64_t(3));
        QCOMPARE(items.rowsRejected, int64_t(1));
        checkInvariant(items);
        QCOMPARE(items.rejected.front().line, int64_t(5));
        QCOMPARE(QString::fromStdString(items.rejected.front().field), QStringLiteral("price"));
        QCOMPARE(ds.itemCount(), 3); // i9 is a catalogue-only (new) item
        const ItemInfo &i1 = ds.itemInfo[size_t(*ds.items.find("i1"))];
        QCOMPARE(QString::fromStdString(i1.title), QStringLiteral("Rose cream, 50ml"));
        QCOMPARE(int(i1.categoryPath.size()), 3);
        QCOMPARE(QString::fromStdString(i1.categoryPath[1]), QStringLiteral("Skin Care"));
        QCOMPARE(QString::fromStdString(i1.brand), QStringLiteral("Acme"));
        QCOMPARE(i1.price, 12.5);
        QCOMPARE(int(i1.attributes.size()), 1);
        QCOMPARE(QString::fromStdString(i1.attributes[0].first), QStringLiteral("color"));
        const ItemInfo &i2 = ds.itemInfo[size_t(*ds.items.find("i2"))];
        QCOMPARE(int(i2.categoryPath.size()), 2);
        const ItemInfo &i9 = ds.itemInfo[size_t(*ds.items.find("i9"))];
        QCOMPARE(QString::fromStdString(i9.categoryPath[1]), QStringLiteral("Puzzles"));
        QVERIFY(!i9.hasPrice());
    }

    void chineseCatalogueAndUsers()
    {
        QTemporaryDir dir;
        ImportOptions o;
        o.itemsPath =
            writeFile(dir, "items.csv", "商品,标题,类目,品牌,价格\n1,连衣裙,女装>裙子,某牌,¥199\n");
        o.usersPath = writeFile(dir, "users.csv", "user_id,age,gender\nu1,30,f\nu2,,m\n");
        auto r = importText(dir, "user_id,item_id\nu1,1\n", o);
        QVERIFY2(r.has_value(), r ? "" : qPrintable(errorText(r.error())));
        const Dataset &ds = r->dataset;
        const ItemInfo &item = ds.itemInfo[0];
        QCOMPARE(QString::fromStdString(item.title), QStringLiteral("连衣裙"));
        QCOMPARE(int(item.categoryPath.size()), 2);
        QCOMPARE(item.price, 199.0);
        QCOMPARE(ds.userCount(), 2);
        QCOMPARE(int(ds.userInfo[0].attributes.size()), 2);
        QCOMPARE(int(ds.userInfo[1].attributes.size()), 1); // empty age skipped
        QCOMPARE(QString::fromStdString(ds.userInfo[1].attributes[0].second), QStringLiteral("m"));
    }

    void preview()
    {
        QTemporaryDir dir;
        ImportOptions o;
        o.path = writeFile(dir, "p.csv",
                           "visitorid;itemid;event;timestamp\n1;10;view;1433221332117\n"
                           "2;11;addtocart;1433224214164\n3;10;view;1433221999827\n");
        auto p = previewFile(o, 2);
        QVERIFY(p.has_value());
        QCOMPARE(p->format, ImportFormat::Delimited);
        QCOMPARE(p->delimiter, ';');
        QVERIFY(p->hasHeader);
        QCOMPARE(int(p->columnNames.size()), 4);
        QCOMPARE(int(p->rows.size()), 2);
        QCOMPARE(QString::fromStdString(p->rows[1][2]), QStringLiteral("addtocart"));
        QCOMPARE(p->columnTypes[0], ColumnType::Integer);
        QCOMPARE(p->columnTypes[2], ColumnType::Text);
        QCOMPARE(QString::fromStdString(p->suggested.user), QStringLiteral("visitorid"));
        QCOMPARE(QString::fromStdString(p->suggested.timestamp), QStringLiteral("timestamp"));
        QCOMPARE(int(p->distinctEvents.size()), 2);
        QCOMPARE(QString::fromStdString(p->encodingName), QStringLiteral("utf-8"));
    }

    void formatDetection()
    {
        QTemporaryDir dir;
        auto detect = [&](const QString &name, const std::string &text) {
            return *detectImportFormat(writeFile(dir, name, text));
        };
        QCOMPARE(detect("a.jsonl", "{}\n"), ImportFormat::JsonLines);
        QCOMPARE(detect("b.inter", "user_id:token\n"), ImportFormat::RecBole);
        QCOMPARE(detect("u.data", "1\t2\t3\t4\n"), ImportFormat::MovieLens);
        QCOMPARE(detect("seq.txt", "1 2 3 4\n2 5 6\n3 7 8 9 10\n"), ImportFormat::Sequence);
        QCOMPARE(detect("table.txt", "a,b\n1,2\n"), ImportFormat::Delimited);
        QCOMPARE(detect("log.csv", "1 2 3\n4 5\n"), ImportFormat::Delimited);
        QVERIFY(!detectImportFormat(dir.filePath("missing.csv").toStdString()).has_value());
        for (ImportFormat f :
             {ImportFormat::Auto, ImportFormat::Delimited, ImportFormat::JsonLines,
              ImportFormat::Sequence, ImportFormat::MovieLens, ImportFormat::RecBole})
            QCOMPARE(*parseImportFormat(importFormatName(f)), f);
        QCOMPARE(*parseImportFormat("CSV"), ImportFormat::Delimited);
        QVERIFY(!parseImportFormat("xml").has_value());
    }

    void dispatchByFormat_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<QString>("format");
        QTest::newRow("jsonl") << "log.jsonl"
                               << QByteArray("{\"user_id\": \"u1\", \"item_id\": 5}\n"
                                             "{\"user_id\": \"u2\", \"item_id\": 6}\n")
                               << "jsonl";
        QTest::newRow("sequence") << "seq.txt" << QByteArray("1 2 3 4\n2 5 6\n3 7 8 9 10\n")
                                  << "sequence";
        QTest::newRow("movielens")
            << "u.data" << QByteArray("1\t10\t5\t881250949\n") << "movielens";
        QTest::newRow("csv") << "log.csv" << QByteArray("user,item\na,b\n") << "delimited";
    }
    void dispatchByFormat()
    {
        QFETCH(QString, name);
        QFETCH(QByteArray, text);
        QFETCH(QString, format);
        QTemporaryDir dir;
        auto r = importText(dir, text.toStdString(), {}, name);
        QVERIFY2(r.has_value(), r ? "" : qPrintable(errorText(r.error())));
        QCOMPARE(QString::fromStdString(mainReport(*r).format), format);
        QVERIFY(r->dataset.interactions.size() >= 1);
        checkInvariant(mainReport(*r));
    }

    void cancelled()
    {
        QTemporaryDir dir;
        ImportOptions o;
        o.path = writeFile(dir, "c.csv", "user_id,item_id\nu1,i1\n");
        StopToken stop;
        stop.requestStop();
        NullObserver observer;
        auto r = importDataset(o, observer, stop);
        QVERIFY(!r.has_value());
        QCOMPARE(r.error().code, ErrorCode::Cancelled);
    }

    void largeFileIsDeterministicAndProgresses()
    {
        // Enough rows to cross the progress interval and the prefetch queue many times.
        std::string text = "user_id,item_id,timestamp,event\n";
        for (int64_t r = 0; r < 50000; ++r) {
            text += 'u';
            text += std::to_string((r * 7919) % 3001);
            text += ",i";
            text += std::to_string((r * 104729) % 997);
            text += ',';
            text += std::to_string(1700000000 + r);
            text += r % 10 == 0 ? ",buy\n" : ",pv\n";
        }
        text += "u1,i1,bad,pv\n";
        struct Counting : Observer {
            int calls = 0;
            int64_t last = 0;
            bool onProgress(const Progress &p) override
            {
                ++calls;
                last = p.done;
                return true;
            }
        } observer;
        QTemporaryDir dir;
        ImportOptions o;
        o.path = writeFile(dir, "big.csv", text);
        auto a = importDataset(o, observer);
        auto b = importDataset(o, observer);
        QVERIFY(a.has_value() && b.has_value());
        QVERIFY(observer.calls >= 2);
        QCOMPARE(observer.last, int64_t(text.size()));
        QCOMPARE(a->dataset.users.ids(), b->dataset.users.ids());
        QCOMPARE(a->dataset.interactions.item, b->dataset.interactions.item);
        QCOMPARE(int(a->dataset.interactions.size()), 50000);
        QCOMPARE(mainReport(*a).rejected.front().line, int64_t(50002));
        // First-seen order of ids.
        QCOMPARE(QString::fromStdString(a->dataset.users.id(1)), QStringLiteral("u1917"));
        const UserSequences seq = UserSequences::build(a->dataset);
        QCOMPARE(seq.userCount(), a->dataset.userCount());
    }
};

QTEST_GUILESS_MAIN(TestDelimitedImport)
#include "tst_delimitedimport.moc"
