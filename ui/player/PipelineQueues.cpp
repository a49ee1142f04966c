#include "PipelineQueues.h"

#include "MediaBackendKind.h"

#if defined(LOCKSTEP_HAVE_GSTREAMER)
#include <gst/gst.h>
#endif

namespace lockstep::ui {

namespace {

bool g_installed = false;

#if defined(LOCKSTEP_HAVE_GSTREAMER)
bool isFactory(GstElement *element, const char *name)
{
    GstElementFactory *factory = gst_element_get_factory(element);
    return factory
        && g_strcmp0(gst_plugin_feature_get_name(GST_PLUGIN_FEATURE(factory)), name) == 0;
}

gboolean capQueue(GSignalInvocationHint *, guint count, const GValue *values, gpointer)
{
    if (count < 2)
        return TRUE;
    auto *bin = GST_ELEMENT(g_value_get_object(&values[0]));
    auto *element = GST_ELEMENT(g_value_get_object(&values[1]));
    if (!bin || !element)
        return TRUE;
    // Only queues in plain bins and pipelines, which the player assembles
    // itself; those that auto-plugging elements (decodebin, urisourcebin,
    // adaptive demuxers) add for their own reasons stay as they are.
    if (!isFactory(bin, "bin") && !isFactory(bin, "pipeline"))
        return TRUE;
    if (isFactory(element, "queue")) {
        // Count buffers only: bytes and time limits would let large frames
        // or long audio buffers through in different numbers.
        g_object_set(element, "max-size-buffers", guint(PipelineQueues::kMaxBuffers),
                     "max-size-bytes", guint(0), "max-size-time", guint64(0), nullptr);
    }
    return TRUE; // stay installed
}
#endif

} // namespace

bool PipelineQueues::install()
{
#if defined(LOCKSTEP_HAVE_GSTREAMER)
    if (g_installed)
        return true;
    // Starting GStreamer where Qt plays through FFmpeg would only load its
    // plugins for nothing.
    if (mediaBackendKind() != MediaBackendKind::GStreamer)
        return false;
    if (!gst_is_initialized() && !gst_init_check(nullptr, nullptr, nullptr))
        return false;
    const guint signal = g_signal_lookup("element-added", GST_TYPE_BIN);
    if (signal == 0)
        return false;
    g_signal_add_emission_hook(signal, 0, capQueue, nullptr, nullptr);
    g_installed = true;
    return true;
#else
    return false;
#endif
}

bool PipelineQueues::isInstalled()
{
    return g_installed;
}

} // namespace lockstep::ui
