// The broadcast flush pool: every part of a job runs once, part 0 on the
// calling thread, and the same threads serve job after job.
#include "server/net/FlushPool.h"

#include <QTest>

#include <algorithm>
#include <atomic>
#include <mutex>
#include <set>
#include <thread>
#include <vector>

using lockstep::server::net::FlushPool;

class TestFlushPool : public QObject
{
    Q_OBJECT

private slots:
    void everyPartRunsOnce_data();
    void everyPartRunsOnce();
    void threadsAreKeptBetweenJobs();
};

void TestFlushPool::everyPartRunsOnce_data()
{
    QTest::addColumn<int>("threads");
    QTest::addRow("calling thread alone") << 1;
    QTest::addRow("two") << 2;
    QTest::addRow("four") << 4;
}

void TestFlushPool::everyPartRunsOnce()
{
    QFETCH(int, threads);
    FlushPool pool {std::size_t(threads)};
    constexpr std::size_t kItems = 1000;
    for (int round = 0; round < 50; ++round) {
        std::vector<int> done(kItems, 0);
        std::atomic<std::size_t> partsSeen {0};
        std::atomic<bool> partsInRange {true};
        std::thread::id callerPart;
        auto job = [&](std::size_t part, std::size_t parts) {
            // QTest's checks belong on the test's thread: only record here.
            if (parts < 1 || parts > std::size_t(threads) || part >= parts)
                partsInRange = false;
            if (part == 0)
                callerPart = std::this_thread::get_id();
            for (std::size_t i = part; i < kItems; i += parts)
                ++done[i]; // each item belongs to one part: no race
            ++partsSeen;
        };
        pool.run(job);
        QCOMPARE(callerPart, std::this_thread::get_id());
        QVERIFY(std::all_of(done.begin(), done.end(), [](int n) { return n == 1; }));
        QVERIFY(partsInRange);
        QVERIFY(partsSeen >= 1);
    }
}

void TestFlushPool::threadsAreKeptBetweenJobs()
{
    FlushPool pool(3);
    std::mutex mutex;
    std::set<std::thread::id> seen;
    auto job = [&](std::size_t, std::size_t) {
        const std::lock_guard lock(mutex);
        seen.insert(std::this_thread::get_id());
    };
    for (int round = 0; round < 100; ++round)
        pool.run(job);
    // The caller and at most two helpers, whatever the number of jobs.
    QVERIFY(seen.size() <= 3);
    QVERIFY(seen.count(std::this_thread::get_id()) == 1);
}

QTEST_GUILESS_MAIN(TestFlushPool)
#include "tst_flush_pool.moc"
