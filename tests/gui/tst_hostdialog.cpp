// The Host dialog's choice between this computer and a server, remembered
// between runs, and the Join dialog's word on encryption.
#include "HostDialog.h"
#include "JoinDialog.h"
#include "protocol/Clock.h"
#include "room/InviteLink.h"
#include "room/NetworkTransport.h"
#include "room/RoomSession.h"
#include "room/Settings.h"
#include "sim/SimPlayer.h"

#include <QCheckBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace lockstep;
using room::HostOptions;
using ui::HostDialog;

class TestHostDialog : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void remembersTheServerBetweenRuns();
    void refusesABadServerAddress();
    void letsGuestsStreamByDefaultAndRemembers();
    void joinDialogSaysTheRoomIsVerified();

private:
    struct Fixture {
        Fixture()
            : player(protocol::SystemClock::instance()),
              session(player, protocol::SystemClock::instance(),
                      std::make_unique<room::NetworkTransport>(protocol::SystemClock::instance()))
        {
        }
        sim::SimPlayer player;
        room::RoomSession session;
        room::Settings settings;
    };

    static QPushButton *startButton(HostDialog &dialog);

    QTemporaryDir m_dir;
};

void TestHostDialog::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(m_dir.isValid());
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_dir.path());
}

void TestHostDialog::init()
{
    QSettings(QStringLiteral("Lockstep"), QStringLiteral("Lockstep")).clear();
}

QPushButton *TestHostDialog::startButton(HostDialog &dialog)
{
    for (QPushButton *button : dialog.findChildren<QPushButton *>()) {
        if (button->text() == HostDialog::tr("Start Hosting"))
            return button;
    }
    return nullptr;
}

void TestHostDialog::remembersTheServerBetweenRuns()
{
    Fixture f;
    std::optional<HostOptions> asked;
    const auto startHosting = [&asked](const HostOptions &options, QString *) {
        asked = options;
        return true;
    };
    {
        HostDialog dialog(f.session, f.settings, QStringLiteral("Ann"), startHosting);
        auto *onServer = dialog.findChild<QRadioButton *>(QStringLiteral("hostOnServer"));
        auto *address = dialog.findChild<QLineEdit *>(QStringLiteral("hostServerAddress"));
        auto *token = dialog.findChild<QLineEdit *>(QStringLiteral("hostAuthToken"));
        QVERIFY(onServer && address && token);
        QVERIFY(!onServer->isChecked()); // this computer by default
        QVERIFY(address->isHidden() || !address->isVisibleTo(&dialog));
        onServer->setChecked(true);
        QVERIFY(address->isVisibleTo(&dialog));
        address->setText(QStringLiteral("watch.example.org:8765"));
        token->setText(QStringLiteral("  a.b.c "));
        QVERIFY(startButton(dialog));
        QTest::mouseClick(startButton(dialog), Qt::LeftButton);
    }
    QVERIFY(asked);
    QCOMPARE(asked->server, QUrl(QStringLiteral("wss://watch.example.org:8765/")));
    QCOMPARE(asked->authToken, QStringLiteral("a.b.c"));
    QVERIFY(asked->onServer());

    // The next run offers the same.
    room::Settings later;
    QVERIFY(later.hostOnServer());
    HostDialog again(f.session, later, QStringLiteral("Ann"), startHosting);
    QVERIFY(again.findChild<QRadioButton *>(QStringLiteral("hostOnServer"))->isChecked());
    QCOMPARE(again.findChild<QLineEdit *>(QStringLiteral("hostServerAddress"))->text(),
             QStringLiteral("wss://watch.example.org:8765/"));
    QCOMPARE(again.findChild<QLineEdit *>(QStringLiteral("hostAuthToken"))->text(),
             QStringLiteral("a.b.c"));
}

void TestHostDialog::letsGuestsStreamByDefaultAndRemembers()
{
    Fixture f;
    std::optional<HostOptions> asked;
    const auto startHosting = [&asked](const HostOptions &options, QString *) {
        asked = options;
        return true;
    };
    {
        HostDialog dialog(f.session, f.settings, QStringLiteral("Ann"), startHosting);
        auto *share = dialog.findChild<QCheckBox *>(QStringLiteral("hostShareFile"));
        QVERIFY(share);
        QVERIFY(share->isChecked()); // on by default
        share->setChecked(false);
        QTest::mouseClick(startButton(dialog), Qt::LeftButton);
    }
    QVERIFY(asked);
    QVERIFY(!asked->shareFile);
    QVERIFY(!room::Settings().hostSharesFile());

    // The next run offers the same, and turning it on again is passed on.
    asked.reset();
    HostDialog again(f.session, f.settings, QStringLiteral("Ann"), startHosting);
    auto *share = again.findChild<QCheckBox *>(QStringLiteral("hostShareFile"));
    QVERIFY(!share->isChecked());
    share->setChecked(true);
    QTest::mouseClick(startButton(again), Qt::LeftButton);
    QVERIFY(asked && asked->shareFile);
    QVERIFY(room::Settings().hostSharesFile());
}

void TestHostDialog::refusesABadServerAddress()
{
    Fixture f;
    bool asked = false;
    HostDialog dialog(f.session, f.settings, QStringLiteral("Ann"),
                      [&asked](const HostOptions &, QString *) { return asked = true; });
    dialog.findChild<QRadioButton *>(QStringLiteral("hostOnServer"))->setChecked(true);
    dialog.findChild<QLineEdit *>(QStringLiteral("hostServerAddress"))
        ->setText(QStringLiteral("http://watch.example.org/"));
    QTest::mouseClick(startButton(dialog), Qt::LeftButton);
    QVERIFY(!asked);
    auto *error = dialog.findChild<QLabel *>(QStringLiteral("hostError"));
    QVERIFY(error->isVisibleTo(&dialog));
    QCOMPARE(error->text(),
             HostDialog::tr("Enter the server's address, like "
                            "wss://watch.example.org/."));
    // Nothing was remembered.
    QVERIFY(!f.settings.hostOnServer());
    QVERIFY(f.settings.hostServer().isEmpty());
}

void TestHostDialog::joinDialogSaysTheRoomIsVerified()
{
    Fixture f;
    ui::JoinDialog dialog(f.session, f.settings);
    auto *security = dialog.findChild<QLabel *>(QStringLiteral("joinSecurity"));
    QVERIFY(security);
    const QString fp = QStringLiteral("q6urq6urq6urq6urq6urq6urq6urq6urq6urq6urq6s");
    dialog.setLink(room::InviteLink(QUrl(QStringLiteral("wss://203.0.113.7:8765/")),
                                    QStringLiteral("r"), QStringLiteral("t"), fp)
                       .toString());
    QVERIFY(security->isVisibleTo(&dialog));
    QVERIFY(security->text().startsWith(QStringLiteral("Encrypted and verified")));
    dialog.setLink(room::InviteLink(QUrl(QStringLiteral("ws://192.168.1.20:8765/")),
                                    QStringLiteral("r"), QStringLiteral("t"))
                       .toString());
    QVERIFY(!security->isVisibleTo(&dialog));
}

QTEST_MAIN(TestHostDialog)
#include "tst_hostdialog.moc"
