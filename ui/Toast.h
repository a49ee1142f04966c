#pragma once

#include "FloatingPanel.h"

class QLabel;
class QTimer;
class QVBoxLayout;

namespace lockstep::ui {

// Short notices floating over the top of the video ("Bob joined", "Alice
// paused at 12:34"): up to a few at once, each fading out after a few
// seconds, over the top of its anchor (a FloatingPanel).
class Toast : public FloatingPanel
{
    Q_OBJECT

public:
    static constexpr int kMaxVisible = 4;

    explicit Toast(QWidget *anchor);

    void showMessage(const QString &text, bool warning = false);
    QStringList messages() const;

protected:
    bool hasContent() const override { return !m_entries.isEmpty(); }
    void place() override;

private:
    struct Entry {
        QWidget *row = nullptr;
        qint64 expiresAt = 0; // ms since epoch
    };

    void prune();
    void dropOldest();
    QVBoxLayout *m_layout;
    QList<Entry> m_entries;
    QTimer *m_timer;
};

} // namespace lockstep::ui
