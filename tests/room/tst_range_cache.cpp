// The stream proxy's memory of byte ranges it fetched (RangeCache): what it
// holds, what a lookup finds, how ranges join, and that it stays within its
// bound by dropping what was used longest ago.
#include "room/RangeCache.h"

#include <QTest>

using lockstep::room::RangeCache;
using Range = RangeCache::Range;

namespace {

constexpr qint64 kMiB = 1024 * 1024;

// The bytes of an imaginary file at [offset, offset + size): different at
// every offset, so a byte from the wrong place shows.
QByteArray fileBytes(qint64 offset, qint64 size)
{
    QByteArray bytes(size, Qt::Uninitialized);
    for (qint64 i = 0; i < size; ++i) {
        const qint64 at = offset + i;
        bytes[i] = char((at * 131 + at / 251) & 0xff);
    }
    return bytes;
}

} // namespace

class TestRangeCache : public QObject
{
    Q_OBJECT

private slots:
    void startsEmpty();
    void findsWhatWasInserted();
    void aPartlyHeldRangeReadsUpToTheGap();
    void joinsAdjacentInserts();
    void keepsOverlapsOnce();
    void fillsAGapBetweenTwoRanges();
    void streamedReadsJoinIntoFewPieces();
    void staysWithin32MiBDroppingTheLeastRecentlyUsed();
    void evictsALongRangeFromItsOldestEnd();
    void clearForgetsEverything();
};

void TestRangeCache::startsEmpty()
{
    RangeCache cache;
    QCOMPARE(cache.capacity(), 32 * kMiB);
    QCOMPARE(cache.size(), 0);
    QVERIFY(cache.ranges().isEmpty());
    QCOMPARE(cache.contiguousFrom(0), 0);
    QVERIFY(cache.read(0, 100).isEmpty());
    QVERIFY(!cache.contains(0, 1));
}

void TestRangeCache::findsWhatWasInserted()
{
    RangeCache cache;
    cache.insert(1000, fileBytes(1000, 5000));
    QCOMPARE(cache.size(), 5000);
    QCOMPARE(cache.ranges(), (QList<Range> {{1000, 5000}}));
    QVERIFY(cache.contains(1000, 5000));
    QVERIFY(cache.contains(2000, 100));
    QCOMPARE(cache.contiguousFrom(1000), 5000);
    QCOMPARE(cache.contiguousFrom(5999), 1);
    QCOMPARE(cache.read(2500, 700), fileBytes(2500, 700));
    QCOMPARE(cache.read(1000, 5000), fileBytes(1000, 5000));
    // Missing: before, after, and just past the end.
    QVERIFY(!cache.contains(999, 1));
    QVERIFY(!cache.contains(6000, 1));
    QCOMPARE(cache.contiguousFrom(999), 0);
    QCOMPARE(cache.contiguousFrom(6000), 0);
    QVERIFY(cache.read(0, 10).isEmpty());
    QVERIFY(cache.read(6000, 10).isEmpty());
}

void TestRangeCache::aPartlyHeldRangeReadsUpToTheGap()
{
    RangeCache cache;
    cache.insert(0, fileBytes(0, 4000));
    // Starts inside, runs past: only what is held, from the start asked.
    QVERIFY(!cache.contains(3000, 2000));
    QCOMPARE(cache.contiguousFrom(3000), 1000);
    QCOMPARE(cache.read(3000, 2000), fileBytes(3000, 1000));
    // Starts before: nothing (the proxy asks the host for it).
    cache.insert(10000, fileBytes(10000, 100));
    QCOMPARE(cache.contiguousFrom(9000), 0);
    QVERIFY(cache.read(9000, 2000).isEmpty());
}

void TestRangeCache::joinsAdjacentInserts()
{
    RangeCache cache;
    cache.insert(0, fileBytes(0, 3000));
    cache.insert(3000, fileBytes(3000, 3000)); // right after
    cache.insert(-1, fileBytes(0, 1)); // nothing: no such offset
    QCOMPARE(cache.ranges(), (QList<Range> {{0, 6000}}));
    QCOMPARE(cache.read(2000, 2000), fileBytes(2000, 2000));
    // Right before an existing range.
    cache.insert(9000, fileBytes(9000, 1000));
    cache.insert(8000, fileBytes(8000, 1000));
    QCOMPARE(cache.ranges(), (QList<Range> {{0, 6000}, {8000, 2000}}));
    QCOMPARE(cache.contiguousFrom(8500), 1500);
    QCOMPARE(cache.read(8500, 1500), fileBytes(8500, 1500));
    QCOMPARE(cache.size(), 8000);
}

void TestRangeCache::keepsOverlapsOnce()
{
    RangeCache cache;
    cache.insert(1000, fileBytes(1000, 2000));
    // Overlapping the start, the end, both, and lying inside.
    cache.insert(500, fileBytes(500, 1000));
    cache.insert(2500, fileBytes(2500, 1000));
    cache.insert(1500, fileBytes(1500, 100));
    cache.insert(0, fileBytes(0, 4000));
    QCOMPARE(cache.ranges(), (QList<Range> {{0, 4000}}));
    QCOMPARE(cache.size(), 4000);
    QCOMPARE(cache.read(0, 4000), fileBytes(0, 4000));
}

void TestRangeCache::fillsAGapBetweenTwoRanges()
{
    RangeCache cache;
    cache.insert(0, fileBytes(0, 1000));
    cache.insert(2000, fileBytes(2000, 1000));
    QCOMPARE(cache.ranges(), (QList<Range> {{0, 1000}, {2000, 1000}}));
    cache.insert(800, fileBytes(800, 1400)); // over the gap and into both
    QCOMPARE(cache.ranges(), (QList<Range> {{0, 3000}}));
    QCOMPARE(cache.size(), 3000);
    QCOMPARE(cache.read(0, 3000), fileBytes(0, 3000));
}

void TestRangeCache::streamedReadsJoinIntoFewPieces()
{
    // 3 MiB arriving in 16 KiB reads, as a stream does: one range, read
    // back whole across the pieces it is kept in.
    RangeCache cache;
    constexpr qint64 kRead = 16 * 1024;
    const QByteArray film = fileBytes(0, 3 * kMiB);
    for (qint64 at = 0; at < film.size(); at += kRead)
        cache.insert(at, film.mid(at, kRead));
    QCOMPARE(cache.ranges(), (QList<Range> {{0, 3 * kMiB}}));
    QCOMPARE(cache.size(), 3 * kMiB);
    QCOMPARE(cache.read(0, 3 * kMiB), film);
    QCOMPARE(cache.read(kMiB - 10, 20), film.mid(kMiB - 10, 20));
}

void TestRangeCache::staysWithin32MiBDroppingTheLeastRecentlyUsed()
{
    RangeCache cache;
    // Four ranges of 8 MiB fill the cache exactly; all are kept.
    for (qint64 i = 0; i < 4; ++i)
        cache.insert(i * 100 * kMiB, fileBytes(i * 100 * kMiB, 8 * kMiB));
    QCOMPARE(cache.size(), 32 * kMiB);
    QCOMPARE(cache.ranges().size(), 4);
    // The first range is used again, so the second is now the oldest.
    QCOMPARE(cache.read(0, 8 * kMiB).size(), 8 * kMiB);
    // 2 MiB more: 2 MiB of the oldest go, and only those.
    cache.insert(500 * kMiB, fileBytes(500 * kMiB, 2 * kMiB));
    QCOMPARE(cache.size(), 32 * kMiB);
    QVERIFY(cache.contains(0, 8 * kMiB));
    QVERIFY(!cache.contains(100 * kMiB, 8 * kMiB));
    QCOMPARE(cache.contiguousFrom(100 * kMiB), 0);
    QCOMPARE(cache.contiguousFrom(102 * kMiB), 6 * kMiB);
    QVERIFY(cache.contains(200 * kMiB, 8 * kMiB));
    QVERIFY(cache.contains(300 * kMiB, 8 * kMiB));
    QVERIFY(cache.contains(500 * kMiB, 2 * kMiB));
    QCOMPARE(cache.read(200 * kMiB + 5, 1000), fileBytes(200 * kMiB + 5, 1000));
    // Far more than fits: never over the bound, and the newest is all there.
    cache.insert(600 * kMiB, fileBytes(600 * kMiB, 40 * kMiB));
    QVERIFY(cache.size() <= 32 * kMiB);
    QVERIFY(cache.contains(640 * kMiB - 31 * kMiB, 31 * kMiB));
    QVERIFY(!cache.contains(0, 1));
}

void TestRangeCache::evictsALongRangeFromItsOldestEnd()
{
    // A film played from the start for 40 MiB: what goes is its beginning,
    // and what was just played stays.
    RangeCache cache;
    constexpr qint64 kRead = 64 * 1024;
    for (qint64 at = 0; at < 40 * kMiB; at += kRead)
        cache.insert(at, fileBytes(at, kRead));
    QCOMPARE(cache.size(), 32 * kMiB);
    QCOMPARE(cache.ranges(), (QList<Range> {{8 * kMiB, 32 * kMiB}}));
}

void TestRangeCache::clearForgetsEverything()
{
    RangeCache cache;
    cache.insert(0, fileBytes(0, 1000));
    cache.insert(5000, fileBytes(5000, 1000));
    cache.clear();
    QCOMPARE(cache.size(), 0);
    QVERIFY(cache.ranges().isEmpty());
    QVERIFY(cache.read(0, 10).isEmpty());
    // And it is usable afterwards, with its whole bound.
    cache.insert(0, fileBytes(0, 32 * kMiB));
    QCOMPARE(cache.size(), 32 * kMiB);
    QCOMPARE(cache.read(32 * kMiB - 4, 4), fileBytes(32 * kMiB - 4, 4));
}

QTEST_GUILESS_MAIN(TestRangeCache)
#include "tst_range_cache.moc"
