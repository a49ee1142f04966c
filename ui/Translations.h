#pragma once

#include <QCoreApplication>
#include <QList>
#include <QString>

namespace lockstep::ui {

// The languages Lockstep speaks and how one is put in place at start-up.
class Translations
{
    Q_DECLARE_TR_FUNCTIONS(lockstep::ui::Translations)

public:
    struct Language {
        QString code; // "en", "de", ...; empty for the system's language
        QString nativeName; // the language's name in itself
    };

    // "System default" first, then every language the app ships.
    static QList<Language> available();

    // Installs the translators (Lockstep's and Qt's own) for `code`, or for
    // the system's language when it is empty, and makes that locale the
    // default for number and date formatting. Returns the locale's name.
    static QString install(QCoreApplication &app, const QString &code);
};

} // namespace lockstep::ui
