#pragma once

#include <QOpenGLFunctions>
#include <QOpenGLWidget>
#include <QVideoFrame>

#include <array>
#include <memory>
#include <vector>

class QOpenGLShaderProgram;

namespace lockstep::ui {

// The OpenGL way to draw the picture, for VideoView on hardware OpenGL: the
// decoder's planes are uploaded as they are (Y, U, V or Y, UV) and converted
// to RGB and scaled by the GPU. A QOpenGLWidget, so it renders into a texture
// that Qt composites with the widgets around and over it (no native window).
class GlVideoSurface : public QOpenGLWidget, protected QOpenGLFunctions
{
    Q_OBJECT

public:
    explicit GlVideoSurface(QWidget *parent = nullptr);
    ~GlVideoSurface() override;

    // Draws `frame` into `videoRect` (this widget's coordinates), black
    // around it; a null frame leaves only black.
    void setFrame(const QVideoFrame &frame, const QRect &videoRect);

protected:
    void initializeGL() override;
    void paintGL() override;

private:
    enum class Layout { Planar, SemiPlanar, Rgba };
    bool upload();
    void uploadPlane(int index, const uchar *bits, int stride, int width, int height,
                     int bytesPerPixel);
    void releaseGl();

    QVideoFrame m_frame;
    QRect m_videoRect;
    bool m_frameUploaded = false;
    Layout m_layout = Layout::Planar;
    std::unique_ptr<QOpenGLShaderProgram> m_program;
    std::array<GLuint, 3> m_textures {};
    std::vector<uchar> m_repack; // rows copied tight where GL cannot skip padding
    bool m_rowLength = false; // GL_UNPACK_ROW_LENGTH available
};

} // namespace lockstep::ui
