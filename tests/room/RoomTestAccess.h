#pragma once

#include "room/PortMapper.h"
#include "room/RoomSession.h"
#include "room/StreamProxy.h"

namespace lockstep::room {

// What only tests may reach in a room: the app's own server, which lives on
// the room server's thread (read only its fixed facts, such as port() and
// isSecure(), from the test's thread).
struct RoomTestAccess {
    static server::SessionServer *server(const RoomSession &session)
    {
        return session.hosting().server();
    }
    // The router's port mapper itself (its lease, waiting for its removal).
    static PortMapper &portMapper(RoomSession &session) { return session.m_hosting.portMapper(); }
    // A guest's stream proxy itself (started for another file, stopped).
    static StreamProxy &streamProxy(RoomSession &session)
    {
        return *session.m_sharing.m_streamProxy;
    }
};

} // namespace lockstep::room
