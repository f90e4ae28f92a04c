#include <QtTest>

#include <fstream>
#include <string>

#include "common/sha256.h"

using namespace recforge;

class TestSha256 : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void knownVectors_data()
    {
        QTest::addColumn<QByteArray>("input");
        QTest::addColumn<QString>("digest");
        QTest::newRow("empty")
            << QByteArray() << "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
        QTest::newRow("abc") << QByteArray("abc")
                             << "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";
        QTest::newRow("448 bits")
            << QByteArray("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq")
            << "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1";
        QTest::newRow("896 bits")
            << QByteArray(
                   "abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklm"
                   "nopqklmnopqrlmnopqrsmnopqrstnopqrstu")
            << "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1";
        QTest::newRow("million a")
            << QByteArray(1000000, 'a')
            << "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0";
        QTest::newRow("55 bytes (padding edge)")
            << QByteArray(55, 'x')
            << QString::fromLatin1(
                   QCryptographicHash::hash(QByteArray(55, 'x'), QCryptographicHash::Sha256)
                       .toHex());
        QTest::newRow("64 bytes (block edge)")
            << QByteArray(64, 'y')
            << QString::fromLatin1(
                   QCryptographicHash::hash(QByteArray(64, 'y'), QCryptographicHash::Sha256)
                       .toHex());
    }
    // Both the portable code and (where the CPU has it) SHA-NI must give the known digests.
    void knownVectors()
    {
        QFETCH(QByteArray, input);
        QFETCH(QString, digest);
        for (bool portable : {true, false}) {
            Sha256::forcePortable(portable);
            const std::string hex =
                Sha256::hex(std::string_view(input.constData(), size_t(input.size())));
            QCOMPARE(QString::fromStdString(hex), digest);
        }
        Sha256::forcePortable(false);
    }

    // Every length around block boundaries, both code paths, against Qt's implementation.
    void matchesReferenceOnManyLengths()
    {
        QByteArray data;
        for (int i = 0; i < 1100; ++i)
            data.append(char((i * 131) ^ (i >> 3)));
        for (bool portable : {true, false}) {
            Sha256::forcePortable(portable);
            for (int n = 0; n <= data.size(); n += (n < 200 ? 1 : 37)) {
                const QByteArray part = data.left(n);
                QCOMPARE(QString::fromStdString(
                             Sha256::hex(std::string_view(part.constData(), size_t(n)))),
                         QString::fromLatin1(
                             QCryptographicHash::hash(part, QCryptographicHash::Sha256).toHex()));
            }
        }
        Sha256::forcePortable(false);
        qInfo("SHA-NI used: %s", Sha256::hardwareAccelerated() ? "yes" : "no");
    }

    // Feeding the data in uneven pieces must give the one-shot digest.
    void incrementalEqualsOneShot()
    {
        std::string data;
        for (int i = 0; i < 5000; ++i)
            data.push_back(char(i * 31 + 7));
        const std::string expected = Sha256::hex(data);
        for (size_t piece : {1u, 3u, 63u, 64u, 65u, 1000u}) {
            Sha256 hash;
            for (size_t pos = 0; pos < data.size(); pos += piece)
                hash.update(std::string_view(data).substr(pos, piece));
            QCOMPARE(hash.finishHex(), expected);
        }
        // finish() resets: the object can be reused.
        Sha256 hash;
        hash.update("garbage");
        (void)hash.finish();
        hash.update("abc");
        QCOMPARE(hash.finishHex(),
                 std::string("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"));
    }

    void fileDigest()
    {
        QTemporaryDir dir;
        const std::string path = dir.filePath("f.bin").toStdString();
        {
            std::ofstream out(path, std::ios::binary);
            out << "abc";
        }
        auto hex = sha256File(path);
        QVERIFY(hex);
        QCOMPARE(*hex,
                 std::string("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"));
        auto missing = sha256File(dir.filePath("missing").toStdString());
        QVERIFY(!missing);
        QCOMPARE(missing.error().code, ErrorCode::Io);
    }
};

QTEST_GUILESS_MAIN(TestSha256)
#include "tst_sha256.moc"
