// Help > Keyboard Shortcuts is generated from the window's actions, and the
// theme chosen in the preferences applies at once and is put back on Cancel.
#include "AppComposition.h"
#include "MainWindow.h"
#include "PreferencesDialog.h"
#include "ShortcutsDialog.h"
#include "Theme.h"
#include "room/Settings.h"

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>

using namespace lockstep;

class TestShortcutsTheme : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void theListComesFromTheActions();
    void theThemeAppliesAtOnce();

private:
    QTemporaryDir m_config;
};

void TestShortcutsTheme::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_config.path());
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, m_config.path());
}

void TestShortcutsTheme::theListComesFromTheActions()
{
    app::AppComposition app;
    ui::MainWindow &window = app.window();
    const QList<ui::ShortcutsDialog::Row> rows = ui::ShortcutsDialog::rows(window.allActions());
    const auto keysOf = [&](const QString &command) {
        for (const auto &row : rows) {
            if (row.command == command)
                return row.keys;
        }
        return QString();
    };
    QCOMPARE(keysOf(QStringLiteral("Play")), QStringLiteral("Space"));
    QCOMPARE(keysOf(QStringLiteral("Full Screen")), QStringLiteral("F"));
    QCOMPARE(keysOf(QStringLiteral("Chat")), QStringLiteral("Enter"));
    QCOMPARE(keysOf(QStringLiteral("Room Panel")), QStringLiteral("Ctrl+R"));
    QCOMPARE(keysOf(QStringLiteral("I'm Ready")), QStringLiteral("Ctrl+Shift+R"));
    // A new key on an action shows up without touching the dialog.
    auto *extra = new QAction(QStringLiteral("&Something New…"), &window);
    extra->setShortcut(QKeySequence(Qt::Key_N));
    const QList<ui::ShortcutsDialog::Row> more = ui::ShortcutsDialog::rows(window.allActions());
    QCOMPARE(more.size(), rows.size() + 1);
    QCOMPARE(more.last().command, QStringLiteral("Something New"));
    // Actions without a key are left out.
    for (const auto &row : rows)
        QVERIFY2(!row.keys.isEmpty(), qPrintable(row.command));

    ui::ShortcutsDialog dialog(window.allActions(), &window);
    auto *list = dialog.findChild<QTreeWidget *>(QStringLiteral("shortcutsList"));
    QVERIFY(list);
    QCOMPARE(list->topLevelItemCount(), int(more.size()));
}

void TestShortcutsTheme::theThemeAppliesAtOnce()
{
    room::Settings settings;
    const QColor systemWindow = QApplication::palette().color(QPalette::Window);
    {
        ui::PreferencesDialog dialog(settings);
        auto *theme = dialog.findChild<QComboBox *>(QStringLiteral("preferencesTheme"));
        QVERIFY(theme);
        theme->setCurrentIndex(theme->findData(QStringLiteral("dark")));
        QVERIFY(QApplication::palette().color(QPalette::Window).lightness() < 80);
        dialog.reject();
        QCOMPARE(QApplication::palette().color(QPalette::Window), systemWindow);
        QCOMPARE(settings.theme(), QStringLiteral("system"));
    }
    {
        ui::PreferencesDialog dialog(settings);
        auto *theme = dialog.findChild<QComboBox *>(QStringLiteral("preferencesTheme"));
        theme->setCurrentIndex(theme->findData(QStringLiteral("dark")));
        dialog.accept();
        QCOMPARE(settings.theme(), QStringLiteral("dark"));
        QVERIFY(QApplication::palette().color(QPalette::Window).lightness() < 80);
    }
    {
        ui::PreferencesDialog dialog(settings);
        auto *theme = dialog.findChild<QComboBox *>(QStringLiteral("preferencesTheme"));
        QCOMPARE(theme->currentData().toString(), QStringLiteral("dark"));
        theme->setCurrentIndex(theme->findData(QStringLiteral("light")));
        QVERIFY(QApplication::palette().color(QPalette::Window).lightness() > 180);
        theme->setCurrentIndex(theme->findData(QStringLiteral("system")));
        dialog.accept();
        QCOMPARE(QApplication::palette().color(QPalette::Window), systemWindow);
        QCOMPARE(ui::Theme::current(), ui::Theme::Choice::System);
    }
}

QTEST_MAIN(TestShortcutsTheme)
#include "tst_shortcuts_theme.moc"
