#include "Translations.h"
#include "room/InviteLink.h"

#include <QDir>
#include <QFile>
#include <QTest>
#include <QTranslator>
#include <QXmlStreamReader>

using lockstep::room::InviteLink;
using lockstep::ui::Translations;

namespace {

struct TsCheck {
    int messages = 0;
    QStringList problems;
};

// Every message of a .ts file needs a finished, non-empty translation (all
// plural forms included) that keeps the source's %1, %2... placeholders.
TsCheck checkTsFile(const QString &path)
{
    TsCheck check;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        check.problems << QStringLiteral("cannot open %1").arg(path);
        return check;
    }
    QXmlStreamReader xml(&file);
    QString context;
    QString source;
    while (!xml.atEnd()) {
        xml.readNext();
        if (!xml.isStartElement())
            continue;
        if (xml.name() == QLatin1String("name")) {
            context = xml.readElementText();
        } else if (xml.name() == QLatin1String("source")) {
            source = xml.readElementText();
        } else if (xml.name() == QLatin1String("translation")) {
            ++check.messages;
            const QString type = xml.attributes().value(QLatin1String("type")).toString();
            if (type == QLatin1String("unfinished") || type == QLatin1String("vanished")
                || type == QLatin1String("obsolete"))
                check.problems << QStringLiteral("%1: \"%2\" is %3").arg(context, source, type);
            QStringList forms;
            if (xml.attributes().value(QLatin1String("numerus")) == QLatin1String("yes")) {
                while (xml.readNextStartElement())
                    forms << xml.readElementText();
            } else {
                forms << xml.readElementText(QXmlStreamReader::IncludeChildElements);
            }
            for (const QString &form : std::as_const(forms)) {
                if (form.trimmed().isEmpty())
                    check.problems << QStringLiteral("%1: \"%2\" is empty").arg(context, source);
                for (int n = 1; n <= 9; ++n) {
                    const QString marker = QLatin1Char('%') + QString::number(n);
                    if (source.contains(marker) && !form.contains(marker))
                        check.problems
                            << QStringLiteral("%1: \"%2\" lost %3").arg(context, source, marker);
                }
            }
        }
    }
    if (xml.hasError())
        check.problems << xml.errorString();
    return check;
}

} // namespace

class TestTranslations : public QObject
{
    Q_OBJECT

private slots:
    void filesAreComplete_data();
    void filesAreComplete();
    void embeddedTranslationsLoad_data();
    void embeddedTranslationsLoad();
};

void TestTranslations::filesAreComplete_data()
{
    QTest::addColumn<QString>("file");
    QTest::newRow("de") << QStringLiteral("lockstep_de.ts");
    QTest::newRow("es") << QStringLiteral("lockstep_es.ts");
}

void TestTranslations::filesAreComplete()
{
    QFETCH(QString, file);
    const TsCheck check
        = checkTsFile(QDir(QStringLiteral(LOCKSTEP_TRANSLATIONS_DIR)).filePath(file));
    QVERIFY2(check.problems.isEmpty(), qPrintable(check.problems.join(QLatin1Char('\n'))));
    // The app has a few hundred strings; an almost empty file means lupdate never ran.
    QVERIFY2(check.messages > 200, qPrintable(QString::number(check.messages)));
}

void TestTranslations::embeddedTranslationsLoad_data()
{
    QTest::addColumn<QString>("language");
    QTest::newRow("de") << QStringLiteral("de");
    QTest::newRow("es") << QStringLiteral("es");
}

void TestTranslations::embeddedTranslationsLoad()
{
    QFETCH(QString, language);
    QTranslator translator;
    QVERIFY(translator.load(QLocale(language), QStringLiteral("lockstep"), QStringLiteral("_"),
                            QStringLiteral(":/i18n")));
    QCoreApplication::installTranslator(&translator);
    QString english;
    {
        QCoreApplication::removeTranslator(&translator);
        InviteLink::parse(QStringLiteral("https://example.org"), &english);
        QCoreApplication::installTranslator(&translator);
    }
    QString translated;
    InviteLink::parse(QStringLiteral("https://example.org"), &translated);
    QCoreApplication::removeTranslator(&translator);
    QVERIFY(!english.isEmpty());
    QVERIFY2(translated != english, qPrintable(translated));
    QVERIFY(!Translations::available().isEmpty());
}

QTEST_GUILESS_MAIN(TestTranslations)
#include "tst_translations.moc"
