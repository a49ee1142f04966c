#include "GlVideoSurface.h"

#include "FrameRotation.h"

#include <QMatrix4x4>
#include <QOpenGLContext>
#include <QOpenGLShaderProgram>

#ifndef GL_UNPACK_ROW_LENGTH
#define GL_UNPACK_ROW_LENGTH 0x0CF2
#endif

namespace lockstep::ui {

namespace {

constexpr const char *kVertexShader = R"(
attribute highp vec2 position;
attribute highp vec2 texCoord;
uniform highp mat4 transform;
varying highp vec2 coord;
void main()
{
    coord = texCoord;
    gl_Position = transform * vec4(position, 0.0, 1.0);
}
)";

// planeLayout: 0 planar Y, U, V; 1 Y and interleaved UV (luminance, alpha); 2 RGBA.
constexpr const char *kFragmentShader = R"(
uniform sampler2D plane0;
uniform sampler2D plane1;
uniform sampler2D plane2;
uniform mediump float planeLayout;
uniform mediump mat4 colourMatrix;
varying highp vec2 coord;
void main()
{
    if (planeLayout > 1.5) {
        gl_FragColor = vec4(texture2D(plane0, coord).rgb, 1.0);
        return;
    }
    mediump float y = texture2D(plane0, coord).r;
    mediump vec2 uv;
    if (planeLayout > 0.5)
        uv = texture2D(plane1, coord).ra;
    else
        uv = vec2(texture2D(plane1, coord).r, texture2D(plane2, coord).r);
    gl_FragColor = vec4((colourMatrix * vec4(y, uv, 1.0)).rgb, 1.0);
}
)";

// Y'CbCr to R'G'B' for the frame's colour space and range: rgb = M * (y, u, v, 1).
QMatrix4x4 colourMatrix(const QVideoFrameFormat &format)
{
    QVideoFrameFormat::ColorSpace space = format.colorSpace();
    if (space == QVideoFrameFormat::ColorSpace_Undefined
        || space == QVideoFrameFormat::ColorSpace_AdobeRgb) {
        space = format.frameHeight() >= 720 ? QVideoFrameFormat::ColorSpace_BT709
                                            : QVideoFrameFormat::ColorSpace_BT601;
    }
    // Kr and Kb of each standard.
    float kr = 0.299f, kb = 0.114f;
    if (space == QVideoFrameFormat::ColorSpace_BT709) {
        kr = 0.2126f;
        kb = 0.0722f;
    } else if (space == QVideoFrameFormat::ColorSpace_BT2020) {
        kr = 0.2627f;
        kb = 0.0593f;
    }
    const float kg = 1.0f - kr - kb;
    const bool full = format.colorRange() == QVideoFrameFormat::ColorRange_Full;
    const float ys = full ? 1.0f : 255.0f / 219.0f;
    const float cs = full ? 1.0f : 255.0f / 224.0f;
    const float y0 = full ? 0.0f : 16.0f / 255.0f;
    const float c0 = 128.0f / 255.0f;
    const float rv = 2.0f * (1.0f - kr) * cs;
    const float bu = 2.0f * (1.0f - kb) * cs;
    const float gu = -bu * kb / kg;
    const float gv = -rv * kr / kg;
    return QMatrix4x4(ys, 0.0f, rv, -ys * y0 - rv * c0, //
                      ys, gu, gv, -ys * y0 - (gu + gv) * c0, //
                      ys, bu, 0.0f, -ys * y0 - bu * c0, //
                      0.0f, 0.0f, 0.0f, 1.0f);
}

} // namespace

GlVideoSurface::GlVideoSurface(QWidget *parent) : QOpenGLWidget(parent)
{
    setObjectName(QStringLiteral("glVideoSurface"));
}

GlVideoSurface::~GlVideoSurface()
{
    if (context()) {
        makeCurrent();
        releaseGl();
        doneCurrent();
    }
}

void GlVideoSurface::releaseGl()
{
    if (m_textures[0])
        glDeleteTextures(GLsizei(m_textures.size()), m_textures.data());
    m_textures = {};
    m_program.reset();
}

void GlVideoSurface::setFrame(const QVideoFrame &frame, const QRect &videoRect)
{
    m_frame = frame;
    m_videoRect = videoRect;
    m_frameUploaded = false;
    update();
}

void GlVideoSurface::initializeGL()
{
    initializeOpenGLFunctions();
    connect(context(), &QOpenGLContext::aboutToBeDestroyed, this, [this] {
        makeCurrent();
        releaseGl();
        doneCurrent();
    });
    const QSurfaceFormat format = context()->format();
    m_rowLength = !context()->isOpenGLES() || format.majorVersion() >= 3;

    m_program = std::make_unique<QOpenGLShaderProgram>();
    m_program->addShaderFromSourceCode(QOpenGLShader::Vertex, kVertexShader);
    m_program->addShaderFromSourceCode(QOpenGLShader::Fragment, kFragmentShader);
    m_program->bindAttributeLocation("position", 0);
    m_program->bindAttributeLocation("texCoord", 1);
    if (!m_program->link()) {
        qWarning("The video shader did not build: %s", qPrintable(m_program->log()));
        m_program.reset();
        return;
    }
    glGenTextures(GLsizei(m_textures.size()), m_textures.data());
    for (GLuint texture : m_textures) {
        glBindTexture(GL_TEXTURE_2D, texture);
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
    }
    m_frameUploaded = false;
}

void GlVideoSurface::uploadPlane(int index, const uchar *bits, int stride, int width, int height,
                                 int bytesPerPixel)
{
    const GLenum format = bytesPerPixel == 1 ? GL_LUMINANCE
        : bytesPerPixel == 2                 ? GL_LUMINANCE_ALPHA
                                             : GL_RGBA;
    glActiveTexture(GLenum(GL_TEXTURE0 + index));
    glBindTexture(GL_TEXTURE_2D, m_textures[size_t(index)]);
    glPixelStorei(GL_UNPACK_ALIGNMENT, 1);
    const int tight = width * bytesPerPixel;
    if (stride == tight || m_rowLength) {
        if (m_rowLength)
            glPixelStorei(GL_UNPACK_ROW_LENGTH, stride / bytesPerPixel);
        glTexImage2D(GL_TEXTURE_2D, 0, GLint(format), width, height, 0, format, GL_UNSIGNED_BYTE,
                     bits);
        if (m_rowLength)
            glPixelStorei(GL_UNPACK_ROW_LENGTH, 0);
        return;
    }
    // OpenGL ES 2 cannot skip row padding: copy the rows tight first.
    m_repack.resize(size_t(tight) * size_t(height));
    for (int row = 0; row < height; ++row)
        std::memcpy(m_repack.data() + size_t(row) * size_t(tight),
                    bits + size_t(row) * size_t(stride), size_t(tight));
    glTexImage2D(GL_TEXTURE_2D, 0, GLint(format), width, height, 0, format, GL_UNSIGNED_BYTE,
                 m_repack.data());
}

bool GlVideoSurface::upload()
{
    const QVideoFrameFormat::PixelFormat pixelFormat = m_frame.pixelFormat();
    const bool planar = pixelFormat == QVideoFrameFormat::Format_YUV420P
        || pixelFormat == QVideoFrameFormat::Format_YV12;
    const bool semiPlanar = pixelFormat == QVideoFrameFormat::Format_NV12
        || pixelFormat == QVideoFrameFormat::Format_NV21;
    if (planar || semiPlanar) {
        QVideoFrame frame = m_frame;
        if (!frame.map(QVideoFrame::ReadOnly))
            return false;
        const int w = frame.width();
        const int h = frame.height();
        const int cw = (w + 1) / 2;
        const int ch = (h + 1) / 2;
        uploadPlane(0, frame.bits(0), frame.bytesPerLine(0), w, h, 1);
        if (planar) {
            // YV12 has V before U: the shader reads U from texture 1.
            const int u = pixelFormat == QVideoFrameFormat::Format_YV12 ? 2 : 1;
            uploadPlane(1, frame.bits(u), frame.bytesPerLine(u), cw, ch, 1);
            uploadPlane(2, frame.bits(3 - u), frame.bytesPerLine(3 - u), cw, ch, 1);
            m_layout = Layout::Planar;
        } else {
            uploadPlane(1, frame.bits(1), frame.bytesPerLine(1), cw, ch, 2);
            m_layout = Layout::SemiPlanar;
        }
        frame.unmap();
        return true;
    }
    // Anything else: Qt's conversion to RGBA, then one texture.
    const QImage image = m_frame.toImage().convertToFormat(QImage::Format_RGBA8888);
    if (image.isNull())
        return false;
    uploadPlane(0, image.constBits(), int(image.bytesPerLine()), image.width(), image.height(), 4);
    m_layout = Layout::Rgba;
    return true;
}

void GlVideoSurface::paintGL()
{
    glClearColor(0.0f, 0.0f, 0.0f, 1.0f);
    glClear(GL_COLOR_BUFFER_BIT);
    if (!m_program || !m_frame.isValid() || m_videoRect.isEmpty())
        return;
    if (!m_frameUploaded) {
        if (!upload())
            return;
        m_frameUploaded = true;
    }

    const qreal dpr = devicePixelRatioF();
    glViewport(int(m_videoRect.x() * dpr), int((height() - m_videoRect.bottom() - 1) * dpr),
               int(m_videoRect.width() * dpr), int(m_videoRect.height() * dpr));

    QMatrix4x4 transform;
    transform.rotate(-float(frameRotation(m_frame)), 0.0f, 0.0f, 1.0f);
    const bool bottomUp
        = m_frame.surfaceFormat().scanLineDirection() == QVideoFrameFormat::BottomToTop;
    transform.scale(m_frame.mirrored() ? -1.0f : 1.0f, bottomUp ? -1.0f : 1.0f);
    QMatrix4x4 colours = colourMatrix(m_frame.surfaceFormat());
    if (m_frame.pixelFormat() == QVideoFrameFormat::Format_NV21) {
        // V before U in the interleaved plane: swap the matrix's U and V columns.
        const QVector4D u = colours.column(1);
        colours.setColumn(1, colours.column(2));
        colours.setColumn(2, u);
    }

    static constexpr GLfloat positions[] = {-1, 1, 1, 1, -1, -1, 1, -1};
    static constexpr GLfloat texCoords[] = {0, 0, 1, 0, 0, 1, 1, 1};
    m_program->bind();
    m_program->setUniformValue("transform", transform);
    m_program->setUniformValue("colourMatrix", colours);
    m_program->setUniformValue("planeLayout", GLfloat(int(m_layout)));
    m_program->setUniformValue("plane0", 0);
    m_program->setUniformValue("plane1", 1);
    m_program->setUniformValue("plane2", 2);
    for (int i = 0; i < 3; ++i) {
        glActiveTexture(GLenum(GL_TEXTURE0 + i));
        glBindTexture(GL_TEXTURE_2D, m_textures[size_t(i)]);
    }
    m_program->enableAttributeArray(0);
    m_program->enableAttributeArray(1);
    m_program->setAttributeArray(0, GL_FLOAT, positions, 2);
    m_program->setAttributeArray(1, GL_FLOAT, texCoords, 2);
    glDrawArrays(GL_TRIANGLE_STRIP, 0, 4);
    m_program->disableAttributeArray(0);
    m_program->disableAttributeArray(1);
    m_program->release();
    glActiveTexture(GL_TEXTURE0);
}

} // namespace lockstep::ui
