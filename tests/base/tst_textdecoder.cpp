#include <QtTest>

#include <iconv.h>

#include "data/import/textdecoder.h"

using namespace recforge;

namespace {

// UTF-8 -> GBK bytes with iconv, so the test does not depend on an editor's encoding.
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

std::string writeFile(const QTemporaryDir &dir, const char *name, const std::string &bytes)
{
    const QString path = dir.filePath(QString::fromLatin1(name));
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly))
        return {};
    f.write(bytes.data(), qint64(bytes.size()));
    return path.toStdString();
}

} // namespace

class TestTextDecoder : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void plainUtf8()
    {
        auto d = decodeText(TextBuffer::fromString("a,b\n中文,x\n"), TextEncoding::Auto, "f");
        QVERIFY(d.has_value());
        QCOMPARE(QString::fromStdString(d->encodingName), QStringLiteral("utf-8"));
        QCOMPARE(d->text(), std::string_view("a,b\n中文,x\n"));
    }

    void bomIsStripped()
    {
        auto d =
            decodeText(TextBuffer::fromString("\xEF\xBB\xBFuser,item\n"), TextEncoding::Auto, "f");
        QVERIFY(d.has_value());
        QCOMPARE(QString::fromStdString(d->encodingName), QStringLiteral("utf-8-bom"));
        QCOMPARE(d->text(), std::string_view("user,item\n"));
    }

    void gbkIsDetectedAndConverted()
    {
        const std::string utf8 = "商品,标题\n1,红色连衣裙\n2,男士运动鞋\n";
        const std::string gbk = toGbk(utf8);
        QVERIFY(!gbk.empty());
        QVERIFY(gbk != utf8);
        QVERIFY(findInvalidUtf8(gbk) != std::string_view::npos); // GBK is not valid UTF-8
        auto d = decodeText(TextBuffer::fromString(gbk), TextEncoding::Auto, "f");
        QVERIFY2(d.has_value(), d ? "" : d.error().toString().c_str());
        QCOMPARE(d->encoding, TextEncoding::Gb18030);
        QCOMPARE(QString::fromStdString(d->encodingName), QStringLiteral("gb18030"));
        QCOMPARE(std::string(d->text()), utf8);
        // Forced GB18030 gives the same; forced UTF-8 is an error.
        auto forced = decodeText(TextBuffer::fromString(gbk), TextEncoding::Gb18030, "f");
        QVERIFY(forced.has_value());
        QCOMPARE(std::string(forced->text()), utf8);
        QVERIFY(!decodeText(TextBuffer::fromString(gbk), TextEncoding::Utf8, "f").has_value());
    }

    void invalidUtf8NamesLineAndColumn()
    {
        // Line 3, after "é," (2 code points) the bad byte is column 3.
        const std::string bytes = "a,b\nc,d\n\xC3\xA9,\xFF,x\n";
        auto d = decodeText(TextBuffer::fromString(bytes), TextEncoding::Utf8, "bad.csv");
        QVERIFY(!d.has_value());
        QCOMPARE(d.error().code, ErrorCode::Encoding);
        QCOMPARE(QString::fromStdString(d.error().location.file), QStringLiteral("bad.csv"));
        QCOMPARE(d.error().location.line, int64_t(3));
        QCOMPARE(d.error().location.column, int64_t(3));
        QVERIFY(QString::fromStdString(d.error().toString()).startsWith("bad.csv:3:3"));
    }

    void invalidUtf8Forms_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<int>("badOffset");
        QTest::newRow("valid 4-byte") << QByteArray("x\xF0\x9F\x98\x80y") << -1;
        QTest::newRow("lone continuation") << QByteArray("ab\x80") << 2;
        QTest::newRow("overlong") << QByteArray("\xC0\xAF") << 0;
        QTest::newRow("surrogate") << QByteArray("\xED\xA0\x80") << 0;
        QTest::newRow("truncated") << QByteArray("abc\xE4\xB8") << 3;
        QTest::newRow("above max") << QByteArray("\xF4\x90\x80\x80") << 0;
        QTest::newRow("long ascii then bad") << (QByteArray(100, 'a') + QByteArray("\xFE")) << 100;
    }
    void invalidUtf8Forms()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(int, badOffset);
        const size_t bad =
            findInvalidUtf8(std::string_view(bytes.constData(), size_t(bytes.size())));
        if (badOffset < 0)
            QCOMPARE(bad, std::string_view::npos);
        else
            QCOMPARE(bad, size_t(badOffset));
    }

    void notUtf8NorGb18030()
    {
        // 0xFF is invalid in both encodings: the error names the UTF-8 position.
        auto d = decodeText(TextBuffer::fromString("ok\nx\xFF\n"), TextEncoding::Auto, "f");
        QVERIFY(!d.has_value());
        QCOMPARE(d.error().code, ErrorCode::Encoding);
        QCOMPARE(d.error().location.line, int64_t(2));
        QCOMPARE(d.error().location.column, int64_t(2));
    }

    void loadFileAndPrefix()
    {
        QTemporaryDir dir;
        const std::string path = writeFile(dir, "a.csv", "line1\nline2 中\nline3\n");
        auto whole = loadText(path, TextEncoding::Auto);
        QVERIFY(whole.has_value());
        QCOMPARE(whole->text().size(), size_t(22));
        QVERIFY(!whole->truncated);
        // A prefix that cuts "中" in half keeps only complete lines and is no encoding error.
        auto prefix = loadText(path, TextEncoding::Utf8, 14);
        QVERIFY(prefix.has_value());
        QVERIFY(prefix->truncated);
        QCOMPARE(prefix->text(), std::string_view("line1\n"));
        auto missing = loadText(path + ".nope", TextEncoding::Auto);
        QVERIFY(!missing.has_value());
        QCOMPARE(missing.error().code, ErrorCode::Io);
    }

    void encodingNames()
    {
        QCOMPARE(*parseTextEncoding("GBK"), TextEncoding::Gb18030);
        QCOMPARE(*parseTextEncoding("utf8"), TextEncoding::Utf8);
        QCOMPARE(*parseTextEncoding("auto"), TextEncoding::Auto);
        QVERIFY(!parseTextEncoding("latin-9").has_value());
        QCOMPARE(QString::fromLatin1(textEncodingName(TextEncoding::Gb18030)),
                 QStringLiteral("gb18030"));
    }
};

QTEST_GUILESS_MAIN(TestTextDecoder)
#include "tst_textdecoder.moc"
