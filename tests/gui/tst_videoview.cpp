// The video view, offscreen: where the picture goes (letterbox), that frames
// in the decoder's formats reach the screen in the right colours, that a
// child widget over the picture composites with it, and that grab() holds
// the picture.
#include "player/FrameRotation.h"
#include "player/VideoView.h"

#include <QOpenGLWidget>
#include <QPainter>
#include <QSignalSpy>
#include <QTest>
#include <QVideoFrame>
#include <QVideoFrameFormat>
#include <QVideoSink>

using lockstep::ui::VideoView;

namespace {

struct Yuv {
    uchar y, u, v;
};

// BT.601, video range: what an SD decoder hands over for these colours.
constexpr Yuv kRed {81, 90, 240};
constexpr Yuv kBlue {41, 240, 110};

QVideoFrame solidFrame(QVideoFrameFormat::PixelFormat format, const QSize &size, Yuv colour)
{
    QVideoFrameFormat frameFormat(size, format);
    frameFormat.setColorSpace(QVideoFrameFormat::ColorSpace_BT601);
    frameFormat.setColorRange(QVideoFrameFormat::ColorRange_Video);
    QVideoFrame frame(frameFormat);
    if (!frame.map(QVideoFrame::WriteOnly))
        return {};
    const int chromaRows = size.height() / 2;
    switch (format) {
    case QVideoFrameFormat::Format_YUV420P:
        for (int row = 0; row < size.height(); ++row)
            std::memset(frame.bits(0) + row * frame.bytesPerLine(0), colour.y, size.width());
        for (int row = 0; row < chromaRows; ++row) {
            std::memset(frame.bits(1) + row * frame.bytesPerLine(1), colour.u, size.width() / 2);
            std::memset(frame.bits(2) + row * frame.bytesPerLine(2), colour.v, size.width() / 2);
        }
        break;
    case QVideoFrameFormat::Format_NV12:
        for (int row = 0; row < size.height(); ++row)
            std::memset(frame.bits(0) + row * frame.bytesPerLine(0), colour.y, size.width());
        for (int row = 0; row < chromaRows; ++row) {
            uchar *line = frame.bits(1) + row * frame.bytesPerLine(1);
            for (int x = 0; x < size.width() / 2; ++x) {
                line[2 * x] = colour.u;
                line[2 * x + 1] = colour.v;
            }
        }
        break;
    default:
        frame.unmap();
        return {};
    }
    frame.unmap();
    return frame;
}

// Left half `left`, right half `right` (YUV420P).
QVideoFrame splitFrame(const QSize &size, Yuv left, Yuv right)
{
    QVideoFrameFormat frameFormat(size, QVideoFrameFormat::Format_YUV420P);
    frameFormat.setColorSpace(QVideoFrameFormat::ColorSpace_BT601);
    frameFormat.setColorRange(QVideoFrameFormat::ColorRange_Video);
    QVideoFrame frame(frameFormat);
    if (!frame.map(QVideoFrame::WriteOnly))
        return {};
    const int half = size.width() / 2;
    for (int row = 0; row < size.height(); ++row) {
        uchar *line = frame.bits(0) + row * frame.bytesPerLine(0);
        std::memset(line, left.y, half);
        std::memset(line + half, right.y, size.width() - half);
    }
    for (int row = 0; row < size.height() / 2; ++row) {
        for (int plane = 1; plane <= 2; ++plane) {
            uchar *line = frame.bits(plane) + row * frame.bytesPerLine(plane);
            std::memset(line, plane == 1 ? left.u : left.v, half / 2);
            std::memset(line + half / 2, plane == 1 ? right.u : right.v, half / 2);
        }
    }
    frame.unmap();
    return frame;
}

// Each channel within `tolerance` of `expected`.
bool near(QRgb pixel, QColor expected, int tolerance = 24)
{
    return std::abs(qRed(pixel) - expected.red()) <= tolerance
        && std::abs(qGreen(pixel) - expected.green()) <= tolerance
        && std::abs(qBlue(pixel) - expected.blue()) <= tolerance;
}

QString describe(QRgb pixel)
{
    return QStringLiteral("rgb(%1, %2, %3)").arg(qRed(pixel)).arg(qGreen(pixel)).arg(qBlue(pixel));
}

// A transparent overlay with an opaque white square in its middle, as the
// subtitles will be.
class Overlay : public QWidget
{
public:
    using QWidget::QWidget;

protected:
    void paintEvent(QPaintEvent *) override
    {
        QPainter painter(this);
        const QRect r = rect();
        painter.fillRect(QRect(r.center() - QPoint(10, 10), QSize(20, 20)), Qt::white);
    }
};

} // namespace

class TestVideoView : public QObject
{
    Q_OBJECT

private slots:
    void letterbox_data();
    void letterbox();
    void framesAreDrawnLetterboxed_data();
    void framesAreDrawnLetterboxed();
    void resizingMovesThePicture();
    void anOddWidthIsDrawnWhole();
    void mirroredAndTurnedFramesAreDrawnAsMeant();
    void childWidgetsCompositeOverThePicture();
    void anEmptyFrameClearsThePicture();
    void backendChoice_data();
    void backendChoice();
    void theForcedBackendIsTaken();
    void theOpenGLBackendDrawsWhereOpenGLExists();
};

void TestVideoView::letterbox_data()
{
    QTest::addColumn<QSize>("frame");
    QTest::addColumn<QRect>("area");
    QTest::addColumn<QRect>("expected");
    QTest::newRow("wide in square")
        << QSize(1600, 900) << QRect(0, 0, 800, 800) << QRect(0, 175, 800, 450);
    QTest::newRow("4:3 in 16:9") << QSize(640, 480) << QRect(0, 0, 1920, 1080)
                                 << QRect(240, 0, 1440, 1080);
    QTest::newRow("same shape, scaled up")
        << QSize(320, 180) << QRect(0, 0, 1280, 720) << QRect(0, 0, 1280, 720);
    QTest::newRow("offset area") << QSize(100, 100) << QRect(10, 20, 300, 100)
                                 << QRect(110, 20, 100, 100);
    QTest::newRow("no frame") << QSize() << QRect(0, 0, 640, 480) << QRect();
    QTest::newRow("no area") << QSize(640, 480) << QRect(0, 0, 0, 480) << QRect();
}

void TestVideoView::letterbox()
{
    QFETCH(QSize, frame);
    QFETCH(QRect, area);
    QFETCH(QRect, expected);
    QCOMPARE(VideoView::letterbox(frame, area), expected);
}

void TestVideoView::framesAreDrawnLetterboxed_data()
{
    QTest::addColumn<QVideoFrameFormat::PixelFormat>("format");
    QTest::newRow("YUV420P") << QVideoFrameFormat::Format_YUV420P;
    QTest::newRow("NV12") << QVideoFrameFormat::Format_NV12;
}

void TestVideoView::framesAreDrawnLetterboxed()
{
    QFETCH(QVideoFrameFormat::PixelFormat, format);
    VideoView view;
    view.resize(400, 400);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    QSignalSpy rectChanged(&view, &VideoView::videoRectChanged);
    QSignalSpy presented(&view, &VideoView::framePresented);

    const QVideoFrame frame = solidFrame(format, QSize(320, 180), kRed);
    QVERIFY(frame.isValid());
    view.videoSink()->setVideoFrame(frame);
    QVERIFY(presented.wait(5000));
    QCOMPARE(view.frameSize(), QSize(320, 180));
    QCOMPARE(view.videoRect(), QRect(0, 87, 400, 225));
    QCOMPARE(rectChanged.size(), 1);
    QCOMPARE(rectChanged.first().first().toRect(), view.videoRect());

    const QImage shot = view.grab().toImage();
    const QRgb centre = shot.pixel(200, 200);
    QVERIFY2(near(centre, QColor(255, 0, 0)), qPrintable(describe(centre)));
    const QRgb bar = shot.pixel(200, 20);
    QVERIFY2(near(bar, Qt::black, 0), qPrintable(describe(bar)));
    QVERIFY2(near(shot.pixel(200, 390), Qt::black, 0), qPrintable(describe(shot.pixel(200, 390))));

    // The next frame replaces it; the geometry stays.
    view.videoSink()->setVideoFrame(solidFrame(format, QSize(320, 180), kBlue));
    QVERIFY(presented.wait(5000));
    QCOMPARE(rectChanged.size(), 1);
    const QRgb blue = view.grab().toImage().pixel(200, 200);
    QVERIFY2(near(blue, QColor(0, 0, 255)), qPrintable(describe(blue)));
    QCOMPARE(view.framesPresented(), quint64(2));
}

void TestVideoView::resizingMovesThePicture()
{
    VideoView view;
    view.resize(400, 400);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    QSignalSpy presented(&view, &VideoView::framePresented);
    view.videoSink()->setVideoFrame(
        solidFrame(QVideoFrameFormat::Format_YUV420P, QSize(320, 240), kRed));
    QVERIFY(presented.wait(5000));
    QCOMPARE(view.videoRect(), QRect(0, 50, 400, 300));

    QSignalSpy rectChanged(&view, &VideoView::videoRectChanged);
    view.resize(800, 300);
    QTRY_COMPARE(rectChanged.size(), 1);
    QCOMPARE(view.videoRect(), QRect(200, 0, 400, 300));
    QCOMPARE(rectChanged.first().first().toRect(), QRect(200, 0, 400, 300));
    // The frame already shown is drawn again at the new size, without a new
    // frame from the player.
    const QImage shot = view.grab().toImage();
    QVERIFY2(near(shot.pixel(400, 150), QColor(255, 0, 0)),
             qPrintable(describe(shot.pixel(400, 150))));
    QVERIFY2(near(shot.pixel(595, 150), QColor(255, 0, 0)),
             qPrintable(describe(shot.pixel(595, 150))));
    QVERIFY2(near(shot.pixel(100, 150), Qt::black, 0), qPrintable(describe(shot.pixel(100, 150))));
    QVERIFY2(near(shot.pixel(700, 150), Qt::black, 0), qPrintable(describe(shot.pixel(700, 150))));
}

void TestVideoView::anOddWidthIsDrawnWhole()
{
    // Frames are converted at an even width (swscale's fast path); an odd
    // picture width loses at most its last column, which is black, never
    // stale or garbage.
    VideoView view;
    view.resize(401, 400);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    QSignalSpy presented(&view, &VideoView::framePresented);
    view.videoSink()->setVideoFrame(
        solidFrame(QVideoFrameFormat::Format_YUV420P, QSize(320, 180), kRed));
    QVERIFY(presented.wait(5000));
    QCOMPARE(view.videoRect(), QRect(0, 87, 401, 225));
    const QImage shot = view.grab().toImage();
    for (const int x : {0, 200, 399})
        QVERIFY2(near(shot.pixel(x, 200), QColor(255, 0, 0)),
                 qPrintable(describe(shot.pixel(x, 200))));
    QVERIFY2(near(shot.pixel(400, 200), Qt::black, 0), qPrintable(describe(shot.pixel(400, 200))));
}

void TestVideoView::mirroredAndTurnedFramesAreDrawnAsMeant()
{
    VideoView view;
    view.resize(400, 400);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    QSignalSpy presented(&view, &VideoView::framePresented);
    const QColor red(255, 0, 0);
    const QColor blue(0, 0, 255);

    view.videoSink()->setVideoFrame(splitFrame(QSize(320, 180), kRed, kBlue));
    QVERIFY(presented.wait(5000));
    QImage shot = view.grab().toImage();
    QVERIFY2(near(shot.pixel(100, 200), red), qPrintable(describe(shot.pixel(100, 200))));
    QVERIFY2(near(shot.pixel(300, 200), blue), qPrintable(describe(shot.pixel(300, 200))));

    // Mirrored: red on the right.
    QVideoFrame mirrored = splitFrame(QSize(320, 180), kRed, kBlue);
    mirrored.setMirrored(true);
    view.videoSink()->setVideoFrame(mirrored);
    QVERIFY(presented.wait(5000));
    shot = view.grab().toImage();
    QVERIFY2(near(shot.pixel(100, 200), blue), qPrintable(describe(shot.pixel(100, 200))));
    QVERIFY2(near(shot.pixel(300, 200), red), qPrintable(describe(shot.pixel(300, 200))));

    // A quarter turn clockwise: upright 180x320, the left half on top.
    QVideoFrame turned = splitFrame(QSize(320, 180), kRed, kBlue);
    lockstep::ui::setFrameRotation(turned, 90);
    view.videoSink()->setVideoFrame(turned);
    QVERIFY(presented.wait(5000));
    QCOMPARE(view.frameSize(), QSize(180, 320));
    QCOMPARE(view.videoRect(), QRect(87, 0, 225, 400));
    shot = view.grab().toImage();
    QVERIFY2(near(shot.pixel(200, 100), red), qPrintable(describe(shot.pixel(200, 100))));
    QVERIFY2(near(shot.pixel(200, 300), blue), qPrintable(describe(shot.pixel(200, 300))));
    QVERIFY2(near(shot.pixel(40, 200), Qt::black, 0), qPrintable(describe(shot.pixel(40, 200))));
}

void TestVideoView::childWidgetsCompositeOverThePicture()
{
    VideoView view;
    view.resize(400, 300);
    auto *overlay = new Overlay(&view);
    overlay->setAttribute(Qt::WA_TransparentForMouseEvents);
    overlay->setGeometry(view.rect());
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    QSignalSpy presented(&view, &VideoView::framePresented);
    view.videoSink()->setVideoFrame(
        solidFrame(QVideoFrameFormat::Format_YUV420P, QSize(320, 240), kBlue));
    QVERIFY(presented.wait(5000));

    // The overlay's square over the picture, the picture around it.
    const QImage shot = view.grab().toImage();
    QVERIFY2(near(shot.pixel(200, 150), Qt::white, 0), qPrintable(describe(shot.pixel(200, 150))));
    QVERIFY2(near(shot.pixel(200, 100), QColor(0, 0, 255)),
             qPrintable(describe(shot.pixel(200, 100))));
    QVERIFY2(near(shot.pixel(120, 150), QColor(0, 0, 255)),
             qPrintable(describe(shot.pixel(120, 150))));
}

void TestVideoView::anEmptyFrameClearsThePicture()
{
    VideoView view;
    view.resize(320, 240);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    QSignalSpy rectChanged(&view, &VideoView::videoRectChanged);
    QSignalSpy presented(&view, &VideoView::framePresented);
    view.videoSink()->setVideoFrame(
        solidFrame(QVideoFrameFormat::Format_YUV420P, QSize(320, 240), kRed));
    QVERIFY(presented.wait(5000));
    QCOMPARE(view.videoRect(), QRect(0, 0, 320, 240));

    // What a player sends when it stops: the picture goes, the view is black.
    view.videoSink()->setVideoFrame(QVideoFrame());
    QTRY_COMPARE(rectChanged.size(), 2);
    QCOMPARE(view.videoRect(), QRect());
    QCOMPARE(view.frameSize(), QSize());
    QVERIFY2(near(view.grab().toImage().pixel(160, 120), Qt::black, 0),
             qPrintable(describe(view.grab().toImage().pixel(160, 120))));
}

void TestVideoView::backendChoice_data()
{
    QTest::addColumn<bool>("openGL");
    QTest::addColumn<QString>("renderer");
    QTest::addColumn<VideoView::Backend>("expected");
    const auto raster = VideoView::Backend::Raster;
    const auto openGL = VideoView::Backend::OpenGL;
    QTest::newRow("no OpenGL") << false << QString() << raster;
    QTest::newRow("context but no renderer") << true << QString() << raster;
    QTest::newRow("llvmpipe") << true << QStringLiteral("llvmpipe (LLVM 15.0.6, 256 bits)")
                              << raster;
    QTest::newRow("softpipe") << true << QStringLiteral("softpipe") << raster;
    QTest::newRow("swrast") << true << QStringLiteral("Mesa DRI swrast") << raster;
    QTest::newRow("SwiftShader") << true << QStringLiteral("Google SwiftShader (Vulkan 1.1.0)")
                                 << raster;
    QTest::newRow("Windows basic")
        << true << QStringLiteral("Microsoft Basic Render Driver") << raster;
    QTest::newRow("Windows GDI") << true << QStringLiteral("GDI Generic") << raster;
    QTest::newRow("Intel") << true << QStringLiteral("Mesa Intel(R) UHD Graphics 620 (KBL GT2)")
                           << openGL;
    QTest::newRow("AMD") << true
                         << QStringLiteral("AMD Radeon RX 6600 (radeonsi, navi23, LLVM 15.0.6)")
                         << openGL;
    QTest::newRow("NVIDIA") << true << QStringLiteral("NVIDIA GeForce RTX 3060/PCIe/SSE2")
                            << openGL;
    QTest::newRow("Apple") << true << QStringLiteral("Apple M1") << openGL;
}

void TestVideoView::backendChoice()
{
    QFETCH(bool, openGL);
    QFETCH(QString, renderer);
    QFETCH(VideoView::Backend, expected);
    VideoView::RendererInfo info;
    info.openGL = openGL;
    info.renderer = renderer;
    QCOMPARE(VideoView::chooseBackend(info), expected);
}

void TestVideoView::theForcedBackendIsTaken()
{
    VideoView raster(VideoView::Backend::Raster);
    QCOMPARE(raster.backend(), VideoView::Backend::Raster);
    QVERIFY(raster.findChild<QOpenGLWidget *>() == nullptr);
    // The platform's own choice matches its probe (tests run offscreen,
    // usually without OpenGL, so Raster).
    if (qEnvironmentVariableIsEmpty("LOCKSTEP_VIDEO_BACKEND"))
        QCOMPARE(VideoView::platformBackend(),
                 VideoView::chooseBackend(VideoView::probeRenderer()));
    VideoView chosen;
    QCOMPARE(chosen.backend(), VideoView::platformBackend());
}

void TestVideoView::theOpenGLBackendDrawsWhereOpenGLExists()
{
    const VideoView::RendererInfo info = VideoView::probeRenderer();
    if (!info.openGL)
        QSKIP("No OpenGL on this platform (offscreen without GLX): the OpenGL view cannot draw.");
    VideoView view(VideoView::Backend::OpenGL);
    QCOMPARE(view.backend(), VideoView::Backend::OpenGL);
    QVERIFY(view.findChild<QOpenGLWidget *>() != nullptr);
    view.resize(400, 400);
    auto *overlay = new Overlay(&view);
    overlay->setAttribute(Qt::WA_TransparentForMouseEvents);
    overlay->setGeometry(view.rect());
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    QSignalSpy presented(&view, &VideoView::framePresented);
    view.videoSink()->setVideoFrame(
        solidFrame(QVideoFrameFormat::Format_NV12, QSize(320, 180), kRed));
    QVERIFY(presented.wait(5000));
    QCOMPARE(view.videoRect(), QRect(0, 87, 400, 225));
    QTRY_VERIFY(near(view.grab().toImage().pixel(100, 200), QColor(255, 0, 0)));
    const QImage shot = view.grab().toImage();
    QVERIFY2(near(shot.pixel(200, 20), Qt::black, 0), qPrintable(describe(shot.pixel(200, 20))));
    QVERIFY2(near(shot.pixel(200, 200), Qt::white, 0), qPrintable(describe(shot.pixel(200, 200))));
}

QTEST_MAIN(TestVideoView)
#include "tst_videoview.moc"
