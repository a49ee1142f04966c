#pragma once

#include <QWidget>

namespace lockstep::ui {

// A small frameless window kept over a part of the main window (the video):
// the video is drawn in a native window that ordinary child widgets cannot
// cover, so notices and chat over it are windows of their own. It follows
// its anchor as the window moves, resizes, hides or loses focus, is shown
// only while the app is in front and no menu is open (a tool-tip window would
// be drawn over the menu), never takes the keyboard or the mouse, and paints
// the tool-tip colours with a frame.
class FloatingPanel : public QWidget
{
    Q_OBJECT

public:
    explicit FloatingPanel(QWidget *anchor);

    QWidget *anchor() const { return m_anchor; }
    // Whether the panel should be on screen now.
    bool shouldShow() const;

protected:
    // Whether there is anything to show.
    virtual bool hasContent() const = 0;
    // Sizes the panel and moves it to its place over the anchor.
    virtual void place() = 0;

    // Shows (placed) or hides the panel as shouldShow() says.
    void updateVisibility();
    // The background's opacity, 0-255.
    void setBackgroundAlpha(int alpha) { m_alpha = alpha; }

    bool eventFilter(QObject *watched, QEvent *event) override;
    void paintEvent(QPaintEvent *event) override;

private:
    bool anchorShowing() const;

    QWidget *m_anchor;
    int m_alpha = 255;
};

} // namespace lockstep::ui
