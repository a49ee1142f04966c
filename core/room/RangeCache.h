#pragma once

#include <QByteArray>
#include <QList>

#include <map>

namespace lockstep::room {

// Byte ranges of one file kept in memory, as StreamProxy fetched them from
// the host, so that a seek back into them costs no round trip. Bounded: past
// `capacity` bytes the least recently used parts go first. Data is kept in
// pieces of at most kPieceBytes, each with its own last use, so that one long
// contiguous range (a film played for minutes) is evicted from its oldest
// end rather than all at once. Pure bookkeeping: no sockets, no threads (the
// proxy's worker owns it on its thread).
class RangeCache
{
public:
    static constexpr qint64 kDefaultCapacity = 32 * 1024 * 1024;
    static constexpr qint64 kPieceBytes = 1024 * 1024;

    // One contiguous run of cached bytes: [first, first + length).
    struct Range {
        qint64 first = 0;
        qint64 length = 0;
        friend bool operator==(const Range &, const Range &) = default;
    };

    explicit RangeCache(qint64 capacity = kDefaultCapacity);

    // The file's bytes from `offset` on. Bytes already held are kept (it is
    // the same file); what is new joins the ranges it touches.
    void insert(qint64 offset, const QByteArray &data);
    // How many bytes from `offset` on are held without a gap (0: none).
    qint64 contiguousFrom(qint64 offset) const;
    // Up to `maxBytes` bytes held from `offset` on, without a gap; empty when
    // `offset` is not held. Counts as a use of what it returns.
    QByteArray read(qint64 offset, qint64 maxBytes);
    bool contains(qint64 first, qint64 length) const;
    // The held bytes as maximal contiguous ranges, in file order.
    QList<Range> ranges() const;
    qint64 size() const { return m_size; }
    qint64 capacity() const { return m_capacity; }
    void clear();

private:
    struct Piece {
        QByteArray data;
        quint64 lastUse = 0;
    };
    using Pieces = std::map<qint64, Piece>; // by offset; pieces never overlap

    // The piece holding byte `offset`, or end().
    Pieces::const_iterator pieceAt(qint64 offset) const;
    // Stores bytes known to be new (no piece covers any of them).
    void insertNew(qint64 offset, const QByteArray &data);
    void touch(Pieces::iterator piece);
    void evict();

    qint64 m_capacity;
    qint64 m_size = 0;
    quint64 m_clock = 0;
    Pieces m_pieces;
    std::map<quint64, qint64> m_byUse; // last use -> piece offset, oldest first
};

} // namespace lockstep::room
