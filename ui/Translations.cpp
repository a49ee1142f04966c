#include "Translations.h"

#include "Resources.h"

#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

#include <memory>

namespace lockstep::ui {

QList<Translations::Language> Translations::available()
{
    return {
        {QString(), tr("System default")},
        {QStringLiteral("en"), QStringLiteral("English")},
        {QStringLiteral("de"), QStringLiteral("Deutsch")},
        {QStringLiteral("es"), QStringLiteral("Español")},
    };
}

QString Translations::install(QCoreApplication &app, const QString &code)
{
    Resources::init();
    const QLocale locale = code.isEmpty() ? QLocale::system() : QLocale(code);
    QLocale::setDefault(locale);

    // English is the source language: an explicit choice of it loads nothing,
    // so a German system can still run the app in English.
    if (locale.language() == QLocale::English || locale.language() == QLocale::C)
        return locale.name();

    const auto installFrom = [&app, &locale](const QString &name, const QString &directory) {
        auto translator = std::make_unique<QTranslator>();
        if (!translator->load(locale, name, QStringLiteral("_"), directory))
            return;
        QCoreApplication::installTranslator(translator.get());
        translator.release()->setParent(&app);
    };
    installFrom(QStringLiteral("lockstep"), QStringLiteral(":/i18n"));
    // Qt's own strings (standard buttons, file dialogs), where installed.
    installFrom(QStringLiteral("qtbase"), QLibraryInfo::path(QLibraryInfo::TranslationsPath));
    return locale.name();
}

} // namespace lockstep::ui
