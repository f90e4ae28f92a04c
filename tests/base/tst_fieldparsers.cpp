#include <QtTest>

#include "data/dataset.h"
#include "data/import/fieldparsers.h"

using namespace recforge;

Q_DECLARE_METATYPE(TimestampFormat)

class TestFieldParsers : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void timestamps_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<TimestampFormat>("format");
        QTest::addColumn<QString>("pattern");
        QTest::addColumn<bool>("ok");
        QTest::addColumn<qint64>("expected");
        using F = TimestampFormat;
        // 2024-03-01T00:00:00Z = 1709251200
        QTest::newRow("unix seconds") << "1709251200" << F::Auto << "" << true << 1709251200LL;
        QTest::newRow("unix millis auto")
            << "1709251200123" << F::Auto << "" << true << 1709251200LL;
        QTest::newRow("small number is seconds") << "86400" << F::Auto << "" << true << 86400LL;
        QTest::newRow("forced millis") << "86400000" << F::UnixMillis << "" << true << 86400LL;
        QTest::newRow("forced seconds keeps big")
            << "1709251200123" << F::UnixSeconds << "" << true << 1709251200123LL;
        QTest::newRow("fractional seconds")
            << "1709251200.75" << F::Auto << "" << true << 1709251200LL;
        QTest::newRow("iso T Z") << "2024-03-01T12:30:00Z" << F::Auto << "" << true
                                 << 1709251200LL + 12 * 3600 + 30 * 60;
        QTest::newRow("iso space")
            << "2024-03-01 12:30:00" << F::Auto << "" << true << 1709251200LL + 45000;
        QTest::newRow("iso minutes")
            << "2024-03-01 12:30" << F::Auto << "" << true << 1709251200LL + 45000;
        QTest::newRow("iso offset") << "2024-03-01T12:30:00+08:00" << F::Iso8601 << "" << true
                                    << 1709251200LL + 45000 - 8 * 3600;
        QTest::newRow("iso negative offset") << "2024-03-01T12:30:00-0500" << F::Auto << "" << true
                                             << 1709251200LL + 45000 + 5 * 3600;
        QTest::newRow("iso fraction")
            << "2024-03-01T12:30:00.123Z" << F::Auto << "" << true << 1709251200LL + 45000;
        QTest::newRow("date only") << "2024-03-01" << F::Auto << "" << true << 1709251200LL;
        QTest::newRow("slash year first") << "2024/03/01" << F::Auto << "" << true << 1709251200LL;
        QTest::newRow("dot year first") << "2024.03.01" << F::Auto << "" << true << 1709251200LL;
        QTest::newRow("yyyymmdd") << "20240301" << F::Auto << "" << true << 1709251200LL;
        QTest::newRow("day first") << "01/03/2024" << F::Auto << "" << true << 1709251200LL;
        QTest::newRow("month first when day > 12")
            << "03/25/2024" << F::Auto << "" << true << 1709251200LL + 24 * 86400;
        QTest::newRow("day first with time")
            << "01/03/2024 12:30" << F::Auto << "" << true << 1709251200LL + 45000;
        QTest::newRow("leap day") << "2024-02-29" << F::Auto << "" << true << 1709251200LL - 86400;
        QTest::newRow("custom") << "01-Mar-2024 12h30" << F::Custom << "%d-%b-%Y %Hh%M" << true
                                << 1709251200LL + 45000;
        QTest::newRow("custom US")
            << "03/01/2024" << F::Custom << "%m/%d/%Y" << true << 1709251200LL;
        QTest::newRow("iso rejects unix") << "1709251200" << F::Iso8601 << "" << false << 0LL;
        QTest::newRow("not a date") << "yesterday" << F::Auto << "" << false << 0LL;
        QTest::newRow("empty") << "" << F::Auto << "" << false << 0LL;
        QTest::newRow("bad month") << "2024-13-01" << F::Auto << "" << false << 0LL;
        QTest::newRow("no Feb 30") << "2023-02-29" << F::Auto << "" << false << 0LL;
        QTest::newRow("bad hour") << "2024-03-01 25:00" << F::Auto << "" << false << 0LL;
        QTest::newRow("trailing junk")
            << "2024-03-01 12:30:00 tomorrow" << F::Auto << "" << false << 0LL;
        QTest::newRow("number junk") << "17092x" << F::Auto << "" << false << 0LL;
        QTest::newRow("custom mismatch") << "2024-03-01" << F::Custom << "%d/%m/%Y" << false << 0LL;
    }
    void timestamps()
    {
        QFETCH(QString, text);
        QFETCH(TimestampFormat, format);
        QFETCH(QString, pattern);
        QFETCH(bool, ok);
        QFETCH(qint64, expected);
        const std::string t = text.toStdString(), p = pattern.toStdString();
        const auto parsed = parseTimestamp(t, format, p);
        QCOMPARE(parsed.has_value(), ok);
        if (ok)
            QCOMPARE(qint64(*parsed), expected);
    }

    void daysFromCivilKnownDates()
    {
        QCOMPARE(*daysFromCivil(1970, 1, 1), int64_t(0));
        QCOMPARE(*daysFromCivil(2000, 3, 1), int64_t(11017));
        QCOMPARE(*daysFromCivil(1969, 12, 31), int64_t(-1));
        QVERIFY(!daysFromCivil(1900, 2, 29)); // 1900 is not a leap year
        QVERIFY(daysFromCivil(2000, 2, 29));  // 2000 is
    }

    void floats_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("ok");
        QTest::addColumn<double>("value");
        QTest::newRow("int") << "3" << true << 3.0;
        QTest::newRow("plus") << "+4.5" << true << 4.5;
        QTest::newRow("negative") << "-2.5" << true << -2.5;
        QTest::newRow("exponent") << "1e3" << true << 1000.0;
        QTest::newRow("nan") << "nan" << false << 0.0;
        QTest::newRow("NaN") << "NaN" << false << 0.0;
        QTest::newRow("inf") << "inf" << false << 0.0;
        QTest::newRow("overflow") << "1e999" << false << 0.0;
        QTest::newRow("empty") << "" << false << 0.0;
        QTest::newRow("junk") << "3.5kg" << false << 0.0;
        QTest::newRow("space inside") << "3 5" << false << 0.0;
        QTest::newRow("sign only") << "-" << false << 0.0;
    }
    void floats()
    {
        QFETCH(QString, text);
        QFETCH(bool, ok);
        QFETCH(double, value);
        const auto parsed = parseFloatStrict(text.toStdString());
        QCOMPARE(parsed.has_value(), ok);
        if (ok)
            QCOMPARE(*parsed, value);
    }

    void integers()
    {
        QCOMPARE(*parseInt64("42"), int64_t(42));
        QCOMPARE(*parseInt64("-7"), int64_t(-7));
        QCOMPARE(*parseInt64("+7"), int64_t(7));
        QVERIFY(!parseInt64("4.0"));
        QVERIFY(!parseInt64(""));
        QVERIFY(!parseInt64("99999999999999999999")); // overflow
        QVERIFY(!parseInt64(" 4"));
    }

    void events_data()
    {
        QTest::addColumn<QString>("raw");
        QTest::addColumn<QString>("kind");
        QTest::newRow("pv") << "pv"
                            << "view";
        QTest::newRow("PV upper") << "PV"
                                  << "view";
        QTest::newRow("detail") << "detail"
                                << "view";
        QTest::newRow("click") << "Click"
                               << "click";
        QTest::newRow("cart") << "cart"
                              << "cart";
        QTest::newRow("addtocart") << "addtocart"
                                   << "cart";
        QTest::newRow("add_to_cart") << "add_to_cart"
                                     << "cart";
        QTest::newRow("buy") << "buy"
                             << "purchase";
        QTest::newRow("order") << "ORDER"
                               << "purchase";
        QTest::newRow("transaction") << "transaction"
                                     << "purchase";
        QTest::newRow("rate") << "rate"
                              << "rating";
        QTest::newRow("chinese purchase") << "购买"
                                          << "purchase";
        QTest::newRow("unknown kept") << "Wishlist"
                                      << "wishlist";
    }
    void events()
    {
        QFETCH(QString, raw);
        QFETCH(QString, kind);
        Dataset d;
        EventResolver resolver(EventMapping::defaults(), d.eventKinds);
        const auto r = resolver.resolve(raw.toStdString());
        QVERIFY(r.has_value());
        QCOMPARE(QString::fromStdString(d.eventKinds.name(r->code)), kind);
        QCOMPARE(r->weight, 1.0f);
        // Cached second lookup gives the same answer.
        QCOMPARE(resolver.resolve(raw.toStdString())->code, r->code);
    }

    void eventRulesAndRejection()
    {
        Dataset d;
        EventMapping mapping;
        mapping.rules["Fav"] = {"favorite", 2.0f};
        mapping.rules["pv"] = {"click", 0.5f}; // a rule beats the built-in spelling
        mapping.keepUnknownAsCustom = false;
        EventResolver resolver(mapping, d.eventKinds);
        const auto fav = resolver.resolve("fav");
        QVERIFY(fav.has_value());
        QCOMPARE(QString::fromStdString(d.eventKinds.name(fav->code)), QStringLiteral("favorite"));
        QCOMPARE(fav->weight, 2.0f);
        QVERIFY(fav->code >= EventKinds::kFirstCustom);
        const auto pv = resolver.resolve("PV");
        QCOMPARE(pv->code, uint16_t(EventType::Click));
        QCOMPARE(pv->weight, 0.5f);
        QCOMPARE(resolver.resolve("buy")->code, uint16_t(EventType::Purchase));
        const auto unknown = resolver.resolve("teleport");
        QVERIFY(!unknown.has_value());
        QVERIFY(QString::fromStdString(unknown.error()).contains("teleport"));
        QVERIFY(!resolver.resolve("teleport").has_value()); // cached rejection
        QVERIFY(!resolver.resolve("").has_value());
    }

    void trimming()
    {
        QCOMPARE(QString::fromStdString(std::string(trimSpaces("  a b\t\r"))),
                 QStringLiteral("a b"));
        QVERIFY(equalsIgnoreCase("UserId", "userid"));
        QVERIFY(!equalsIgnoreCase("user", "users"));
    }
};

QTEST_GUILESS_MAIN(TestFieldParsers)
#include "tst_fieldparsers.moc"
