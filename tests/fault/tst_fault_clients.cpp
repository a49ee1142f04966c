// Participants that die or freeze, as real processes against the real
// lockstep-server: a SIGKILLed one is gone for the others within a second
// (and its host role moves to the earliest joiner); a SIGSTOPped one is
// dropped by the server's keepalive within its timeout, and comes back once
// it runs again.
#include "FaultProcesses.h"

#include <QTest>

#include <csignal>

using namespace lockstep::test;

namespace {

// The server's --keepalive-timeout for the frozen-participant tests, and how
// late the others may hear of the drop past it (the server checks every
// fifth of the timeout; the rest is scheduling).
constexpr int kKeepaliveTimeout = 2;
constexpr double kKeepaliveMargin = 1.0;

} // namespace

class TestFaultClients : public QObject
{
    Q_OBJECT

private slots:
    void cleanup();

    void killedParticipantLeaves_data();
    void killedParticipantLeaves();
    void frozenParticipantIsDropped_data();
    void frozenParticipantIsDropped();

private:
    // lockstep-server with `serverArguments`, then alice creates a room and
    // bob and carol join it, in that order.
    void startParty(const QStringList &serverArguments);
    ClientProcess *byName(const QString &name);
    QList<ClientProcess *> everyone() { return {&m_alice, &m_bob, &m_carol}; }
    QString describeAll() const;

    ServerProcess m_server;
    ClientProcess m_alice;
    ClientProcess m_bob;
    ClientProcess m_carol;
};

void TestFaultClients::startParty(const QStringList &serverArguments)
{
    QVERIFY2(m_server.start(QStringLiteral("127.0.0.1"), 0, serverArguments),
             m_server.log().constData());
    const QString room = uniqueRoomId(QStringLiteral("clients"));
    const QList<ClientProcess::Options> options = aliceBobAndCarol(m_server.url(room), room);
    const QString problem = startInOrder(everyone(), options);
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    // Everyone knows everyone before anything happens.
    QVERIFY2(m_alice.waitFor(
                 QStringLiteral("client_joined"), 5000, 0,
                 [](const QJsonObject &l) { return str(l, "client") == QLatin1String("carol"); }),
             qPrintable(describeAll()));
}

ClientProcess *TestFaultClients::byName(const QString &name)
{
    for (ClientProcess *client : everyone()) {
        if (client->name() == name)
            return client;
    }
    return nullptr;
}

QString TestFaultClients::describeAll() const
{
    return m_alice.describe() + QLatin1Char('\n') + m_bob.describe() + QLatin1Char('\n')
        + m_carol.describe() + QStringLiteral("\nserver:\n")
        + QString::fromUtf8(m_server.fullLog().right(3000));
}

void TestFaultClients::cleanup()
{
    for (ClientProcess *client : everyone())
        client->kill();
    m_server.kill();
}

void TestFaultClients::killedParticipantLeaves_data()
{
    QTest::addColumn<QString>("victim");
    QTest::addColumn<QString>("hostAfter");
    QTest::addRow("guest") << QStringLiteral("bob") << QStringLiteral("alice");
    // The earliest joiner of those left takes over.
    QTest::addRow("host") << QStringLiteral("alice") << QStringLiteral("bob");
}

void TestFaultClients::killedParticipantLeaves()
{
    QFETCH(QString, victim);
    QFETCH(QString, hostAfter);
    startParty({});
    if (QTest::currentTestFailed())
        return;
    ClientProcess *dead = byName(victim);
    QList<ClientProcess *> others = everyone();
    others.removeOne(dead);
    QHash<ClientProcess *, qsizetype> marks;
    for (ClientProcess *other : others)
        marks[other] = other->mark();

    const double killedAt = dead->signal(SIGKILL);
    const auto fromVictim = [&](const QJsonObject &l) { return str(l, "client") == victim; };
    for (ClientProcess *other : others) {
        QVERIFY2(other->waitFor(QStringLiteral("client_left"), 3000, marks[other], fromVictim),
                 qPrintable(describeAll()));
        const double after = other->find(QStringLiteral("client_left"), marks[other], fromVictim)
                                 ->value(QStringLiteral("mono"))
                                 .toDouble()
            - killedAt;
        qInfo("%s saw client_left %.0f ms after SIGKILL", qPrintable(other->name()),
              after * 1000.0);
        QVERIFY2(after < 1.0, qPrintable(QString::number(after)));
    }
    for (ClientProcess *other : others) {
        if (victim == QLatin1String("alice")) {
            QVERIFY2(other->waitFor(QStringLiteral("host_change"), 3000, marks[other]),
                     qPrintable(describeAll()));
            const QJsonObject change = *other->find(QStringLiteral("host_change"), marks[other]);
            QCOMPARE(str(change, "host"), hostAfter);
            QVERIFY(change.value(QStringLiteral("mono")).toDouble() - killedAt < 1.0);
        } else {
            QVERIFY2(!other->find(QStringLiteral("host_change"), marks[other]),
                     qPrintable(describeAll()));
        }
        // Its own view of the room agrees, and it is still in it.
        const qsizetype now = other->mark();
        QVERIFY(other->waitFor(QStringLiteral("sample"), 2000, now));
        QCOMPARE(str(other->lastSample(), "host"), hostAfter);
        QVERIFY(other->lastSample().value(QStringLiteral("in_room")).toBool());
        QVERIFY(!other->find(QStringLiteral("connection_lost"), marks[other]));
    }
}

void TestFaultClients::frozenParticipantIsDropped_data()
{
    killedParticipantLeaves_data();
}

void TestFaultClients::frozenParticipantIsDropped()
{
    QFETCH(QString, victim);
    QFETCH(QString, hostAfter);
    startParty({QStringLiteral("--keepalive-timeout"), QString::number(kKeepaliveTimeout)});
    if (QTest::currentTestFailed())
        return;
    ClientProcess *frozen = byName(victim);
    QList<ClientProcess *> others = everyone();
    others.removeOne(frozen);
    QHash<ClientProcess *, qsizetype> marks;
    for (ClientProcess *other : others)
        marks[other] = other->mark();

    const double stoppedAt = frozen->signal(SIGSTOP);
    const auto fromVictim = [&](const QJsonObject &l) { return str(l, "client") == victim; };
    for (ClientProcess *other : others) {
        QVERIFY2(other->waitFor(QStringLiteral("client_left"),
                                int((kKeepaliveTimeout + kKeepaliveMargin + 2.0) * 1000),
                                marks[other], fromVictim),
                 qPrintable(describeAll()));
        const double after = other->find(QStringLiteral("client_left"), marks[other], fromVictim)
                                 ->value(QStringLiteral("mono"))
                                 .toDouble()
            - stoppedAt;
        qInfo("%s saw client_left %.0f ms after SIGSTOP (keepalive timeout %d s)",
              qPrintable(other->name()), after * 1000.0, kKeepaliveTimeout);
        QVERIFY2(after < kKeepaliveTimeout + kKeepaliveMargin, qPrintable(QString::number(after)));
        if (victim == QLatin1String("alice")) {
            QVERIFY2(other->waitFor(QStringLiteral("host_change"), 1000, marks[other]),
                     qPrintable(describeAll()));
            QCOMPARE(str(*other->find(QStringLiteral("host_change"), marks[other]), "host"),
                     hostAfter);
        }
        QVERIFY(!other->find(QStringLiteral("connection_lost"), marks[other]));
    }
    QVERIFY2(m_server.log().contains("dropping a peer that stopped answering"),
             m_server.log().constData());

    // Running again, it finds its connection gone and comes back. A host
    // whose role passed on only because it was gone is the host again.
    const qsizetype frozenMark = frozen->mark();
    for (ClientProcess *other : others)
        marks[other] = other->mark();
    frozen->signal(SIGCONT);
    QVERIFY2(frozen->waitFor(QStringLiteral("joined"), 5000, frozenMark),
             qPrintable(describeAll()));
    const QJsonObject joined = *frozen->find(QStringLiteral("joined"), frozenMark);
    QVERIFY(joined.value(QStringLiteral("rejoined")).toBool());
    QCOMPARE(str(joined, "host"), QStringLiteral("alice"));
    for (ClientProcess *other : others) {
        QVERIFY2(other->waitFor(QStringLiteral("client_joined"), 3000, marks[other], fromVictim),
                 qPrintable(describeAll()));
        if (victim == QLatin1String("alice")) {
            QVERIFY2(other->waitFor(QStringLiteral("host_change"), 3000, marks[other]),
                     qPrintable(describeAll()));
            QCOMPARE(str(*other->find(QStringLiteral("host_change"), marks[other]), "host"),
                     victim);
        }
    }
}

QTEST_GUILESS_MAIN(TestFaultClients)
#include "tst_fault_clients.moc"
