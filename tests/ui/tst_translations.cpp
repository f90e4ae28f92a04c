// The Simplified Chinese translation is complete: every message of recforge_zh_CN.ts has a
// finished, non-empty translation that keeps the source's placeholders, and the compiled .qm
// loads and translates.

#include <QFile>
#include <QRegularExpression>
#include <QSet>
#include <QTest>
#include <QTranslator>
#include <QXmlStreamReader>

#include "languagemanager.h"

class TestTranslations : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void zhCnIsComplete();
    void qmLoads();
};

namespace {
QSet<QString> placeholders(const QString &text)
{
    static const QRegularExpression re(QStringLiteral("%(\\d+|n)"));
    QSet<QString> found;
    for (auto it = re.globalMatch(text); it.hasNext();)
        found.insert(it.next().captured(0));
    return found;
}
} // namespace

void TestTranslations::zhCnIsComplete()
{
    QFile file(QStringLiteral(RECFORGE_SOURCE_DIR "/translations/recforge_zh_CN.ts"));
    QVERIFY(file.open(QIODevice::ReadOnly));
    QXmlStreamReader xml(&file);
    int messages = 0;
    QString context, source;
    QStringList problems;
    while (!xml.atEnd()) {
        xml.readNext();
        if (!xml.isStartElement())
            continue;
        if (xml.name() == QLatin1String("name")) {
            context = xml.readElementText();
        } else if (xml.name() == QLatin1String("message")) {
            ++messages;
            source.clear();
        } else if (xml.name() == QLatin1String("source")) {
            source = xml.readElementText();
        } else if (xml.name() == QLatin1String("translation")) {
            const QString type = xml.attributes().value(QLatin1String("type")).toString();
            QStringList forms;
            // Plural messages keep their forms in <numerusform> children.
            QString text;
            while (!(xml.isEndElement() && xml.name() == QLatin1String("translation"))) {
                xml.readNext();
                if (xml.isStartElement() && xml.name() == QLatin1String("numerusform"))
                    forms << xml.readElementText();
                else if (xml.isCharacters())
                    text += xml.text();
            }
            if (forms.isEmpty())
                forms << text;
            const QString where = context + QStringLiteral(": ") + source;
            if (type == QLatin1String("unfinished") || type == QLatin1String("vanished") ||
                type == QLatin1String("obsolete"))
                problems << QStringLiteral("%1 (%2)").arg(where, type);
            for (const QString &form : forms) {
                if (form.trimmed().isEmpty())
                    problems << QStringLiteral("%1 (empty)").arg(where);
                else if (placeholders(form) != placeholders(source))
                    problems << QStringLiteral("%1 (placeholders differ: %2)").arg(where, form);
            }
        }
    }
    QVERIFY2(!xml.hasError(), qPrintable(xml.errorString()));
    QVERIFY2(messages > 150, qPrintable(QString::number(messages)));
    QVERIFY2(problems.isEmpty(), qPrintable(problems.mid(0, 20).join(QLatin1Char('\n'))));
}

void TestTranslations::qmLoads()
{
    const QString qm = recforge::ui::LanguageManager::findQm(QStringLiteral("zh_CN"));
    QVERIFY2(!qm.isEmpty(), "recforge_zh_CN.qm not found");
    QTranslator translator;
    QVERIFY(translator.load(qm));
    QCOMPARE(translator.language(), QStringLiteral("zh_CN"));
    QCOMPARE(translator.translate("recforge::ui::MainWindow", "&File"), QStringLiteral("文件(&F)"));
    QVERIFY(!translator.translate("recforge::ui::DatasetOverview", "Users").isEmpty());
}

QTEST_GUILESS_MAIN(TestTranslations)
#include "tst_translations.moc"
