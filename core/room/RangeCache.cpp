#include "RangeCache.h"

#include <algorithm>
#include <iterator>

namespace lockstep::room {

RangeCache::RangeCache(qint64 capacity) : m_capacity(capacity)
{
}

RangeCache::Pieces::const_iterator RangeCache::pieceAt(qint64 offset) const
{
    auto after = m_pieces.upper_bound(offset);
    if (after == m_pieces.begin())
        return m_pieces.end();
    const auto piece = std::prev(after);
    return offset < piece->first + piece->second.data.size() ? piece : m_pieces.end();
}

void RangeCache::insert(qint64 offset, const QByteArray &data)
{
    if (offset < 0 || data.isEmpty())
        return;
    const qint64 end = offset + data.size();
    qint64 at = offset;
    while (at < end) {
        const auto held = pieceAt(at);
        if (held != m_pieces.end()) {
            // The same file's bytes: what is held stays, and was just used.
            const qint64 heldEnd = held->first + held->second.data.size();
            touch(m_pieces.find(held->first));
            at = heldEnd;
            continue;
        }
        const auto next = m_pieces.upper_bound(at);
        const qint64 gapEnd = next == m_pieces.end() ? end : std::min(end, next->first);
        insertNew(at, data.mid(at - offset, gapEnd - at));
        at = gapEnd;
    }
    evict();
}

void RangeCache::insertNew(qint64 offset, const QByteArray &data)
{
    qsizetype used = 0;
    // Streamed data comes in reads of a few KiB: each is appended to the
    // piece it continues while that has room, rather than kept on its own.
    const auto after = m_pieces.lower_bound(offset);
    if (after != m_pieces.begin()) {
        const auto before = std::prev(after);
        QByteArray &bytes = before->second.data;
        if (before->first + bytes.size() == offset && bytes.size() < kPieceBytes) {
            used = std::min<qsizetype>(data.size(), kPieceBytes - bytes.size());
            bytes.append(data.constData(), used);
            if (bytes.size() == kPieceBytes)
                bytes.squeeze(); // a full piece gives back what growing reserved
            touch(before);
        }
    }
    while (used < data.size()) {
        const qsizetype take = std::min<qsizetype>(data.size() - used, kPieceBytes);
        const auto piece = m_pieces.emplace(offset + used, Piece {data.mid(used, take), 0}).first;
        touch(piece);
        used += take;
    }
    m_size += data.size();
}

void RangeCache::touch(Pieces::iterator piece)
{
    if (piece->second.lastUse != 0)
        m_byUse.erase(piece->second.lastUse);
    piece->second.lastUse = ++m_clock;
    m_byUse.emplace(piece->second.lastUse, piece->first);
}

void RangeCache::evict()
{
    while (m_size > m_capacity && !m_byUse.empty()) {
        const auto oldest = m_byUse.begin();
        const auto piece = m_pieces.find(oldest->second);
        m_size -= piece->second.data.size();
        m_pieces.erase(piece);
        m_byUse.erase(oldest);
    }
}

qint64 RangeCache::contiguousFrom(qint64 offset) const
{
    auto piece = pieceAt(offset);
    if (piece == m_pieces.end())
        return 0;
    qint64 end = piece->first + piece->second.data.size();
    for (++piece; piece != m_pieces.end() && piece->first == end; ++piece)
        end += piece->second.data.size();
    return end - offset;
}

QByteArray RangeCache::read(qint64 offset, qint64 maxBytes)
{
    QByteArray out;
    auto held = pieceAt(offset);
    if (held == m_pieces.end() || maxBytes <= 0)
        return out;
    auto piece = m_pieces.find(held->first);
    qint64 at = offset;
    while (piece != m_pieces.end() && piece->first <= at && out.size() < maxBytes) {
        const QByteArray &bytes = piece->second.data;
        const qint64 from = at - piece->first;
        const qint64 take = std::min<qint64>(bytes.size() - from, maxBytes - out.size());
        if (out.isEmpty() && take == maxBytes)
            out = bytes.mid(from, take);
        else
            out.append(bytes.constData() + from, take);
        touch(piece);
        at += take;
        ++piece;
    }
    return out;
}

bool RangeCache::contains(qint64 first, qint64 length) const
{
    return length <= 0 || contiguousFrom(first) >= length;
}

QList<RangeCache::Range> RangeCache::ranges() const
{
    QList<Range> out;
    for (const auto &[offset, piece] : m_pieces) {
        if (!out.isEmpty() && out.last().first + out.last().length == offset)
            out.last().length += piece.data.size();
        else
            out.append({offset, piece.data.size()});
    }
    return out;
}

void RangeCache::clear()
{
    m_pieces.clear();
    m_byUse.clear();
    m_size = 0;
}

} // namespace lockstep::room
