// Load generator for lockstep-server. It starts the server itself (or drives
// one that is already running with --url), opens thousands of WebSocket
// connections from one epoll loop with minimal framing, and prints one JSON
// line per step. It is built to cost less than the server it measures and
// reports its own CPU next to the server's so the reader can tell which one
// saturated.
//
//   server_load --mode rooms  [--steps 2000,5000,10000,15000,19000] [--seconds 15]
//   server_load --mode fanout [--steps 1000,2000,4000,8000,12000,16000,19000]
//   server_load --mode joins  [--steps 1000,2000,4000,8000]
//   server_load --mode soak   [--clients 5000] [--seconds 600]
//
// rooms:  rooms of 10; every client sends a state_update and a ping once a
//         second; ping->pong latency percentiles per step.
// fanout: N clients in one room; the host sends pause/seek; delivery latency
//         from the host's send to every member's receipt.
// joins:  N clients join one room; time, server CPU and frames received.
// soak:   rooms of 10 with random play/pause/seek for --seconds; RSS sampled
//         after warm-up, every relayed player_event checked at every member.
#include <arpa/inet.h>
#include <csignal>
#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/epoll.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/types.h>
#include <sys/uio.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <deque>
#include <fstream>
#include <functional>
#include <initializer_list>
#include <memory>
#include <optional>
#include <random>
#include <sstream>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#ifndef LOCKSTEP_SERVER_BINARY
#define LOCKSTEP_SERVER_BINARY "lockstep-server"
#endif

namespace {

double now()
{
    timespec ts {};
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return double(ts.tv_sec) + double(ts.tv_nsec) * 1e-9;
}

double cpuSeconds(const rusage &usage)
{
    return double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec)
        + double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) * 1e-6;
}

double selfCpu()
{
    rusage usage {};
    getrusage(RUSAGE_SELF, &usage);
    return cpuSeconds(usage);
}

// CPU seconds (user + system) and resident set of another process, from /proc.
double processCpu(pid_t pid)
{
    std::ifstream in("/proc/" + std::to_string(pid) + "/stat");
    std::string line;
    if (!pid || !std::getline(in, line))
        return 0.0;
    // Fields after the parenthesised command name; utime and stime are 14 and 15.
    std::istringstream fields(line.substr(line.rfind(')') + 2));
    std::string field;
    unsigned long long utime = 0, stime = 0;
    for (int i = 3; i <= 15 && fields >> field; ++i) {
        if (i == 14)
            utime = std::stoull(field);
        if (i == 15)
            stime = std::stoull(field);
    }
    return double(utime + stime) / double(sysconf(_SC_CLK_TCK));
}

long processRssKiB(pid_t pid)
{
    std::ifstream in("/proc/" + std::to_string(pid) + "/status");
    std::string line;
    while (pid && std::getline(in, line)) {
        if (line.rfind("VmRSS:", 0) == 0)
            return std::strtol(line.c_str() + 6, nullptr, 10);
    }
    return 0;
}

struct Percentiles {
    double p50 = 0, p95 = 0, p99 = 0, max = 0;
    std::size_t count = 0;
};

Percentiles percentiles(std::vector<double> values)
{
    Percentiles p;
    p.count = values.size();
    if (values.empty())
        return p;
    std::sort(values.begin(), values.end());
    const auto at = [&](double q) {
        return values[std::min(values.size() - 1, std::size_t(q * double(values.size())))];
    };
    p.p50 = at(0.50);
    p.p95 = at(0.95);
    p.p99 = at(0.99);
    p.max = values.back();
    return p;
}

std::string ms(double seconds)
{
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.2f", seconds * 1000.0);
    return buffer;
}

std::string fixed(double value, int decimals = 2)
{
    char buffer[48];
    std::snprintf(buffer, sizeof buffer, "%.*f", decimals, value);
    return buffer;
}

// ---------------------------------------------------------------- the server

struct ServerProcess {
    pid_t pid = 0;
    std::string host = "127.0.0.1";
    int port = 0;

    bool start(const std::string &binary, int port_, const std::vector<std::string> &extra)
    {
        port = port_;
        pid = fork();
        if (pid < 0) {
            pid = 0;
            return false;
        }
        if (pid == 0) {
            std::vector<std::string> args = {binary,
                                             "--host",
                                             "127.0.0.1",
                                             "--port",
                                             std::to_string(port),
                                             "--max-connections",
                                             "100000",
                                             "--max-rooms",
                                             "100000",
                                             "--max-participants",
                                             "100000",
                                             "--log-level",
                                             "warning"};
            args.insert(args.end(), extra.begin(), extra.end());
            std::vector<char *> argv;
            for (std::string &a : args)
                argv.push_back(a.data());
            argv.push_back(nullptr);
            execv(binary.c_str(), argv.data());
            std::perror("server_load: cannot start the server");
            _exit(127);
        }
        // Ready when it accepts a TCP connection.
        const double deadline = now() + 10.0;
        while (now() < deadline) {
            const int fd = socket(AF_INET, SOCK_STREAM, 0);
            sockaddr_in addr {};
            addr.sin_family = AF_INET;
            addr.sin_port = htons(uint16_t(port));
            inet_pton(AF_INET, host.c_str(), &addr.sin_addr);
            const bool ok = connect(fd, reinterpret_cast<sockaddr *>(&addr), sizeof addr) == 0;
            close(fd);
            if (ok)
                return true;
            int status = 0;
            if (waitpid(pid, &status, WNOHANG) == pid) {
                pid = 0;
                return false;
            }
            usleep(20000);
        }
        return false;
    }

    void stop()
    {
        if (!pid)
            return;
        kill(pid, SIGTERM);
        int status = 0;
        for (int i = 0; i < 200 && waitpid(pid, &status, WNOHANG) == 0; ++i)
            usleep(20000);
        kill(pid, SIGKILL);
        waitpid(pid, &status, 0);
        pid = 0;
    }
};

// ---------------------------------------------------------------- clients

enum class Phase { Connecting, Handshake, Open, Closed };

struct Client {
    int fd = -1;
    Phase phase = Phase::Connecting;
    int room = -1;
    int index = 0; // within the room; 0 created it
    bool joined = false;
    std::string in;
    std::string out; // unsent bytes (the kernel buffer was full)
    double joinSentAt = 0.0;
};

struct Counters {
    std::size_t framesIn = 0;
    std::size_t errors = 0;
    std::size_t closes = 0;
    std::size_t connectFailures = 0;
    std::size_t pingsSent = 0;
    std::size_t pongs = 0;
    std::size_t playerEvents = 0;
};

class Load
{
public:
    explicit Load(std::string host, int port) : m_host(std::move(host)), m_port(port)
    {
        m_epoll = epoll_create1(EPOLL_CLOEXEC);
    }
    ~Load()
    {
        for (Client &c : m_clients)
            if (c.fd >= 0)
                close(c.fd);
        close(m_epoll);
    }

    // Called for every text frame a client receives.
    std::function<void(int client, std::string_view frame)> onText;

    Counters counters;

    std::size_t size() const { return m_clients.size(); }
    Client &client(int i) { return m_clients[std::size_t(i)]; }

    int add(int room, int index)
    {
        Client c;
        c.room = room;
        c.index = index;
        m_clients.push_back(std::move(c));
        const int id = int(m_clients.size()) - 1;
        m_toConnect.push_back(id);
        return id;
    }

    // Opens the queued connections, at most `window` handshakes in flight.
    bool connectAll(double timeout, int window = 256)
    {
        const double deadline = now() + timeout;
        while ((!m_toConnect.empty() || m_pending > 0) && now() < deadline) {
            while (!m_toConnect.empty() && m_pending < window) {
                startConnect(m_toConnect.front());
                m_toConnect.pop_front();
            }
            poll(5);
        }
        return m_toConnect.empty() && m_pending == 0;
    }

    void send(int id, std::string_view payload) { send(id, {payload}); }

    // Several frames in one write, as a client sends what it has at once.
    void send(int id, std::initializer_list<std::string_view> payloads)
    {
        Client &c = m_clients[std::size_t(id)];
        if (c.phase != Phase::Open)
            return;
        std::string &bytes = m_scratch;
        bytes.clear();
        for (const std::string_view payload : payloads) {
            // Client frames must be masked; a zero key leaves the payload as is.
            bytes.push_back(char(0x81));
            if (payload.size() < 126) {
                bytes.push_back(char(0x80 | payload.size()));
            } else if (payload.size() < 65536) {
                bytes.push_back(char(0x80 | 126));
                bytes.push_back(char(payload.size() >> 8));
                bytes.push_back(char(payload.size() & 0xff));
            } else {
                bytes.push_back(char(0x80 | 127));
                for (int shift = 56; shift >= 0; shift -= 8)
                    bytes.push_back(char((uint64_t(payload.size()) >> shift) & 0xff));
            }
            bytes.append(4, '\0');
            bytes.append(payload);
        }
        if (!c.out.empty()) {
            c.out.append(bytes);
            return;
        }
        const ssize_t written = write(c.fd, bytes.data(), bytes.size());
        if (written == ssize_t(bytes.size()))
            return;
        c.out = bytes.substr(written > 0 ? std::size_t(written) : 0);
        watchWrites(id, true);
    }

    // Runs the loop for up to `milliseconds`.
    void poll(int milliseconds)
    {
        epoll_event events[512];
        const int n = epoll_wait(m_epoll, events, 512, milliseconds);
        for (int i = 0; i < n; ++i) {
            const int id = int(events[i].data.u32);
            Client &c = m_clients[std::size_t(id)];
            if (c.phase == Phase::Closed)
                continue;
            if (events[i].events & EPOLLOUT)
                writable(id);
            if (events[i].events & (EPOLLIN | EPOLLHUP | EPOLLERR))
                readable(id);
        }
    }

    void runFor(double seconds, const std::function<void(double)> &each = {})
    {
        const double end = now() + seconds;
        for (double t = now(); t < end; t = now()) {
            if (each)
                each(t);
            poll(2);
        }
    }

    bool runUntil(double timeout, const std::function<bool()> &done)
    {
        const double end = now() + timeout;
        while (!done()) {
            if (now() >= end)
                return false;
            poll(2);
        }
        return true;
    }

    std::size_t openCount() const
    {
        return std::size_t(std::count_if(m_clients.begin(), m_clients.end(),
                                         [](const Client &c) { return c.phase == Phase::Open; }));
    }

private:
    void startConnect(int id)
    {
        Client &c = m_clients[std::size_t(id)];
        c.fd = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
        if (c.fd < 0) {
            ++counters.connectFailures;
            c.phase = Phase::Closed;
            return;
        }
        const int one = 1;
        setsockopt(c.fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
        sockaddr_in addr {};
        addr.sin_family = AF_INET;
        addr.sin_port = htons(uint16_t(m_port));
        inet_pton(AF_INET, m_host.c_str(), &addr.sin_addr);
        if (connect(c.fd, reinterpret_cast<sockaddr *>(&addr), sizeof addr) < 0
            && errno != EINPROGRESS) {
            fail(id);
            return;
        }
        epoll_event ev {};
        ev.events = EPOLLIN | EPOLLOUT;
        ev.data.u32 = uint32_t(id);
        epoll_ctl(m_epoll, EPOLL_CTL_ADD, c.fd, &ev);
        ++m_pending;
    }

    void fail(int id)
    {
        Client &c = m_clients[std::size_t(id)];
        if (c.phase == Phase::Connecting || c.phase == Phase::Handshake) {
            ++counters.connectFailures;
            --m_pending;
        } else if (c.phase == Phase::Open) {
            ++counters.closes;
        }
        if (c.fd >= 0)
            close(c.fd);
        c.fd = -1;
        c.phase = Phase::Closed;
    }

    void watchWrites(int id, bool on)
    {
        epoll_event ev {};
        ev.events = EPOLLIN | (on ? EPOLLOUT : 0u);
        ev.data.u32 = uint32_t(id);
        epoll_ctl(m_epoll, EPOLL_CTL_MOD, m_clients[std::size_t(id)].fd, &ev);
    }

    void writable(int id)
    {
        Client &c = m_clients[std::size_t(id)];
        if (c.phase == Phase::Connecting) {
            int error = 0;
            socklen_t len = sizeof error;
            getsockopt(c.fd, SOL_SOCKET, SO_ERROR, &error, &len);
            if (error) {
                fail(id);
                return;
            }
            c.phase = Phase::Handshake;
            const std::string request = "GET /?room=r" + std::to_string(c.room)
                + " HTTP/1.1\r\nHost: " + m_host + ":" + std::to_string(m_port)
                + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                  "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
                  "Sec-WebSocket-Version: 13\r\n\r\n";
            if (write(c.fd, request.data(), request.size()) != ssize_t(request.size())) {
                fail(id);
                return;
            }
            watchWrites(id, false);
            return;
        }
        if (c.out.empty()) {
            watchWrites(id, false);
            return;
        }
        const ssize_t written = write(c.fd, c.out.data(), c.out.size());
        if (written > 0)
            c.out.erase(0, std::size_t(written));
        if (c.out.empty())
            watchWrites(id, false);
    }

    void readable(int id)
    {
        Client &c = m_clients[std::size_t(id)];
        char buffer[65536];
        for (;;) {
            const ssize_t n = read(c.fd, buffer, sizeof buffer);
            if (n > 0) {
                c.in.append(buffer, std::size_t(n));
                if (std::size_t(n) < sizeof buffer)
                    break;
                continue;
            }
            if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK))
                break;
            fail(id); // closed or reset
            return;
        }
        if (c.phase == Phase::Handshake) {
            const std::size_t end = c.in.find("\r\n\r\n");
            if (end == std::string::npos)
                return;
            if (c.in.compare(0, 12, "HTTP/1.1 101") != 0) {
                fail(id);
                return;
            }
            c.in.erase(0, end + 4);
            c.phase = Phase::Open;
            --m_pending;
        }
        std::size_t offset = 0;
        while (c.in.size() - offset >= 2) {
            const auto *p = reinterpret_cast<const unsigned char *>(c.in.data() + offset);
            const int opcode = p[0] & 0x0f;
            uint64_t length = p[1] & 0x7f;
            std::size_t header = 2;
            if (length == 126) {
                if (c.in.size() - offset < 4)
                    break;
                length = (uint64_t(p[2]) << 8) | p[3];
                header = 4;
            } else if (length == 127) {
                if (c.in.size() - offset < 10)
                    break;
                length = 0;
                for (int i = 0; i < 8; ++i)
                    length = (length << 8) | p[2 + i];
                header = 10;
            }
            if (c.in.size() - offset < header + length)
                break;
            const std::string_view payload(c.in.data() + offset + header, std::size_t(length));
            offset += header + std::size_t(length);
            if (opcode == 0x1) {
                ++counters.framesIn;
                if (payload.find("\"type\":\"error\"") != std::string_view::npos)
                    ++counters.errors;
                if (onText)
                    onText(id, payload);
            } else if (opcode == 0x9) {
                // Answer the keepalive ping with a masked pong.
                std::string pong;
                pong.push_back(char(0x8a));
                pong.push_back(char(0x80 | std::min<uint64_t>(length, 125)));
                pong.append(4, '\0');
                pong.append(payload.substr(0, 125));
                if (c.out.empty() && write(c.fd, pong.data(), pong.size()) == ssize_t(pong.size()))
                    continue;
                c.out.append(pong);
                watchWrites(id, true);
            } else if (opcode == 0x8) {
                c.in.clear();
                fail(id);
                return;
            }
        }
        c.in.erase(0, offset);
        if (c.in.capacity() > 65536 && c.in.size() < 1024)
            c.in.shrink_to_fit();
    }

    std::string m_host;
    int m_port = 0;
    int m_epoll = -1;
    std::vector<Client> m_clients;
    std::deque<int> m_toConnect;
    int m_pending = 0;
    std::string m_scratch;
};

// Numbers in the server's frames, found without a JSON parser.
std::optional<double> numberAfter(std::string_view frame, std::string_view key)
{
    const std::size_t at = frame.find(key);
    if (at == std::string_view::npos)
        return std::nullopt;
    const std::string digits(frame.substr(at + key.size(), 32));
    char *end = nullptr;
    const double value = std::strtod(digits.c_str(), &end);
    if (end == digits.c_str())
        return std::nullopt;
    return value;
}

bool isType(std::string_view frame, std::string_view type)
{
    const std::size_t at = frame.find("\"type\":\"");
    return at != std::string_view::npos && frame.substr(at + 8, type.size()) == type
        && frame.size() > at + 8 + type.size() && frame[at + 8 + type.size()] == '"';
}

std::string roomId(int room)
{
    return "r" + std::to_string(room);
}

std::string clientId(int room, int index)
{
    return "c" + std::to_string(room) + "_" + std::to_string(index);
}

std::string createRoom(int room)
{
    return "{\"type\":\"create_room\",\"room\":\"" + roomId(room) + "\",\"client\":\""
        + clientId(room, 0) + "\",\"payload\":{\"media_url\":\"\",\"start_pos\":0}}";
}

std::string joinRoom(int room, int index)
{
    return "{\"type\":\"join_room\",\"room\":\"" + roomId(room) + "\",\"client\":\""
        + clientId(room, index) + "\",\"payload\":{\"name\":\"Viewer " + std::to_string(index)
        + "\"}}";
}

std::string playerEvent(const char *action, double position)
{
    return std::string("{\"type\":\"player_event\",\"payload\":{\"action\":\"") + action
        + "\",\"position\":" + fixed(position, 3) + "}}";
}

std::string ping(double t)
{
    return "{\"type\":\"ping\",\"payload\":{\"client_ts\":" + fixed(t, 6) + "}}";
}

std::string stateUpdate(double position, bool playing)
{
    return "{\"type\":\"state_update\",\"payload\":{\"position\":" + fixed(position, 3)
        + ",\"play_state\":\"" + (playing ? "playing" : "paused") + "\",\"reported_latency\":0}}";
}

// ---------------------------------------------------------------- scenarios

struct Options {
    std::string mode = "rooms";
    std::vector<int> steps;
    double seconds = 15.0;
    int clients = 5000;
    int roomSize = 10;
    std::string server = LOCKSTEP_SERVER_BINARY;
    std::string host = "127.0.0.1";
    int port = 0;
    bool external = false;
    bool pingOnly = false; // rooms: no state_update, to tell their cost apart
    std::vector<std::string> serverArgs;
};

struct Meter {
    pid_t server = 0;
    double wall = now();
    double serverCpu = processCpu(server);
    double selfCpu_ = selfCpu();

    explicit Meter(pid_t pid) : server(pid), serverCpu(processCpu(pid)) { }
    std::string fields() const
    {
        const double elapsed = now() - wall;
        return "\"seconds\":" + fixed(elapsed)
            + ",\"server_cpu\":" + fixed((processCpu(server) - serverCpu) / elapsed)
            + ",\"loadgen_cpu\":" + fixed((selfCpu() - selfCpu_) / elapsed);
    }
};

// Joins a set of clients: creators first, then the rest, each after its
// room exists. Returns false when not everyone got a room_state in time.
bool joinAll(Load &load, const std::vector<int> &ids, double timeout, std::size_t *joinedCount)
{
    std::size_t joined = 0;
    for (const int id : ids) {
        Client &c = load.client(id);
        if (c.index == 0) {
            c.joinSentAt = now();
            load.send(id, createRoom(c.room));
        }
    }
    const auto previous = load.onText;
    std::unordered_map<int, std::vector<int>> waiting; // room -> joiners
    std::unordered_map<int, bool> roomExists;
    for (std::size_t i = 0; i < load.size(); ++i)
        if (load.client(int(i)).index == 0 && load.client(int(i)).joined)
            roomExists[load.client(int(i)).room] = true;
    for (const int id : ids) {
        Client &c = load.client(id);
        if (c.index == 0)
            continue;
        if (roomExists[c.room]) { // a room from an earlier step
            c.joinSentAt = now();
            load.send(id, joinRoom(c.room, c.index));
        } else {
            waiting[c.room].push_back(id);
        }
    }
    load.onText = [&](int id, std::string_view frame) {
        Client &c = load.client(id);
        if (!c.joined && isType(frame, "room_state")) {
            c.joined = true;
            ++joined;
            if (c.index == 0) {
                for (const int other : waiting[c.room]) {
                    load.client(other).joinSentAt = now();
                    load.send(other, joinRoom(c.room, load.client(other).index));
                }
            }
        }
        if (previous)
            previous(id, frame);
    };
    const bool ok = load.runUntil(timeout, [&] { return joined >= ids.size(); });
    load.onText = previous;
    *joinedCount = joined;
    return ok;
}

// Each of `count` clients once a second, at a random phase within the
// second; run() visits the clients due by `t` in phase order.
class EverySecond
{
public:
    EverySecond(std::size_t count, double start, std::mt19937 &random)
        : m_nextAt(count), m_order(count)
    {
        std::uniform_real_distribution<double> phase(0.0, 1.0);
        for (std::size_t i = 0; i < count; ++i) {
            m_nextAt[i] = start + phase(random);
            m_order[i] = i;
        }
        std::sort(m_order.begin(), m_order.end(),
                  [&](std::size_t a, std::size_t b) { return m_nextAt[a] < m_nextAt[b]; });
    }

    template<typename Due>
    void run(double t, Due &&due)
    {
        for (std::size_t n = 0; n < m_order.size() && m_nextAt[m_order[m_cursor]] <= t; ++n) {
            const std::size_t i = m_order[m_cursor];
            m_nextAt[i] += 1.0;
            m_cursor = (m_cursor + 1) % m_order.size();
            due(i);
        }
    }

private:
    std::vector<double> m_nextAt;
    std::vector<std::size_t> m_order;
    std::size_t m_cursor = 0;
};

int runRooms(const Options &o, pid_t server, Load &load)
{
    const long baseRss = processRssKiB(server);
    int rooms = 0;
    std::size_t joined = 0;
    std::mt19937 random(7);
    for (const int target : o.steps) {
        std::vector<int> added;
        while (int(load.size()) + o.roomSize <= target) {
            for (int i = 0; i < o.roomSize; ++i)
                added.push_back(load.add(rooms, i));
            ++rooms;
        }
        const Meter setup(server);
        load.connectAll(120.0);
        std::size_t joinedNow = 0;
        joinAll(load, added, 120.0, &joinedNow);
        joined += joinedNow;
        // Every room plays; a client's reported position follows its own clock.
        const double playAt = now();
        for (const int id : added)
            if (load.client(id).index == 0)
                load.send(id, playerEvent("play", 0.0));
        load.runFor(1.0);

        std::vector<double> rtts;
        load.counters = {};
        const std::size_t clients = load.size();
        EverySecond pace(clients, now(), random);
        load.onText = [&](int, std::string_view frame) {
            if (isType(frame, "pong")) {
                if (const auto sent = numberAfter(frame, "\"client_ts\":")) {
                    rtts.push_back(now() - *sent);
                    ++load.counters.pongs;
                }
            }
        };
        const Meter meter(server);
        const double end = now() + o.seconds;
        double lastLoop = now();
        double longestLoop = 0.0; // the load generator's own stalls
        while (now() < end) {
            const double t = now();
            longestLoop = std::max(longestLoop, t - lastLoop);
            lastLoop = t;
            pace.run(t, [&](std::size_t i) {
                const int id = int(i);
                if (load.client(id).phase != Phase::Open)
                    return;
                if (o.pingOnly)
                    load.send(id, ping(now()));
                else
                    load.send(id, {stateUpdate(t - playAt, true), ping(now())});
                ++load.counters.pingsSent;
            });
            load.poll(1);
        }
        load.runFor(1.0); // the last pongs
        const Percentiles p = percentiles(rtts);
        const long rss = processRssKiB(server);
        std::printf(
            "{\"mode\":\"rooms\",\"clients\":%zu,\"open\":%zu,\"rooms\":%d,\"joined\":%zu,"
            "\"ping_p50_ms\":%s,\"ping_p95_ms\":%s,\"ping_p99_ms\":%s,\"ping_max_ms\":%s,"
            "\"pings\":%zu,\"pongs\":%zu,\"lost\":%zu,\"errors\":%zu,\"closed\":%zu,"
            "\"connect_failures\":%zu,\"frames_in\":%zu,\"server_rss_kib\":%ld,"
            "\"rss_per_connection_kib\":%s,\"loadgen_longest_loop_ms\":%s,%s}\n",
            clients, load.openCount(), rooms, joined, ms(p.p50).c_str(), ms(p.p95).c_str(),
            ms(p.p99).c_str(), ms(p.max).c_str(), load.counters.pingsSent, load.counters.pongs,
            load.counters.pingsSent - std::min(load.counters.pingsSent, load.counters.pongs),
            load.counters.errors, load.counters.closes, load.counters.connectFailures,
            load.counters.framesIn, rss, fixed(double(rss - baseRss) / double(clients)).c_str(),
            ms(longestLoop).c_str(), meter.fields().c_str());
        std::fflush(stdout);
        load.onText = {};
    }
    return 0;
}

int runFanout(const Options &o, pid_t server, Load &load)
{
    const long baseRss = processRssKiB(server);
    int largestOk = 0;
    std::size_t joined = 0;
    for (const int target : o.steps) {
        std::vector<int> added;
        while (int(load.size()) < target)
            added.push_back(load.add(0, int(load.size())));
        load.connectAll(120.0);
        std::size_t joinedNow = 0;
        joinAll(load, added, 120.0, &joinedNow);
        joined += joinedNow;
        load.runFor(1.5); // let the coalesced participant lists go out

        // Ten changes from the host, one at a time; the latency of each is
        // measured at every member.
        std::vector<double> latencies;
        double sentAt = 0.0;
        std::size_t received = 0;
        load.counters = {};
        load.onText = [&](int, std::string_view frame) {
            if (isType(frame, "player_event")) {
                latencies.push_back(now() - sentAt);
                ++received;
            }
        };
        const Meter meter(server);
        const std::size_t members = load.openCount() - 1;
        std::size_t missing = 0;
        for (int round = 0; round < 10; ++round) {
            received = 0;
            sentAt = now();
            load.send(0, round % 2 ? playerEvent("seek", 10.0 * round) : playerEvent("pause", 5.0));
            if (!load.runUntil(10.0, [&] { return received >= members; }))
                missing += members - received;
            load.runFor(0.05);
        }
        const Percentiles p = percentiles(latencies);
        const long rss = processRssKiB(server);
        if (p.p95 <= 0.5 && missing == 0)
            largestOk = std::max(largestOk, int(load.size()));
        std::printf("{\"mode\":\"fanout\",\"clients\":%zu,\"joined\":%zu,\"deliveries\":%zu,"
                    "\"missing\":%zu,\"p50_ms\":%s,\"p95_ms\":%s,\"p99_ms\":%s,\"max_ms\":%s,"
                    "\"errors\":%zu,\"closed\":%zu,\"server_rss_kib\":%ld,"
                    "\"rss_per_connection_kib\":%s,\"largest_n_p95_le_500ms\":%d,%s}\n",
                    load.size(), joined, p.count, missing, ms(p.p50).c_str(), ms(p.p95).c_str(),
                    ms(p.p99).c_str(), ms(p.max).c_str(), load.counters.errors,
                    load.counters.closes, rss,
                    fixed(double(rss - baseRss) / double(load.size())).c_str(), largestOk,
                    meter.fields().c_str());
        std::fflush(stdout);
        load.onText = {};
    }
    return 0;
}

// Waits (at most 30 s) until the server has finished what an earlier step
// left it (e.g. thousands of departures), so a step measures only itself.
void waitForIdleServer(pid_t server)
{
    for (int i = 0; i < 300; ++i) {
        const double before = processCpu(server);
        usleep(100000);
        if (processCpu(server) - before < 0.005)
            return;
    }
}

int runJoins(const Options &o, pid_t server, Load &load)
{
    int room = 0;
    for (const int target : o.steps) {
        waitForIdleServer(server);
        Load fresh(o.host, o.port);
        std::vector<int> ids;
        for (int i = 0; i < target; ++i)
            ids.push_back(fresh.add(room, i));
        fresh.connectAll(120.0);
        std::size_t joined = 0;
        const Meter meter(server);
        const bool ok = joinAll(fresh, ids, 120.0, &joined);
        const double fillSeconds = now() - meter.wall;
        const std::string cost = meter.fields();
        const std::size_t framesAtFill = fresh.counters.framesIn;
        fresh.runFor(2.5); // the last coalesced participant lists
        std::printf("{\"mode\":\"joins\",\"clients\":%d,\"joined\":%zu,\"complete\":%s,"
                    "\"fill_seconds\":%s,\"frames_during_fill\":%zu,\"frames_total\":%zu,"
                    "\"frames_per_client\":%s,\"errors\":%zu,%s}\n",
                    target, joined, ok ? "true" : "false", fixed(fillSeconds, 3).c_str(),
                    framesAtFill, fresh.counters.framesIn,
                    fixed(double(fresh.counters.framesIn) / double(target)).c_str(),
                    fresh.counters.errors, cost.c_str());
        std::fflush(stdout);
        ++room;
    }
    (void)load;
    return 0;
}

int runSoak(const Options &o, pid_t server, Load &load)
{
    const int rooms = o.clients / o.roomSize;
    std::vector<int> ids;
    for (int r = 0; r < rooms; ++r)
        for (int i = 0; i < o.roomSize; ++i)
            ids.push_back(load.add(r, i));
    load.connectAll(120.0);
    std::size_t joined = 0;
    joinAll(load, ids, 120.0, &joined);

    // Every relayed player_event carries a sequence number in its position;
    // each member must see every one sent in its room.
    std::vector<std::size_t> expected(std::size_t(rooms) * std::size_t(o.roomSize), 0);
    std::vector<std::size_t> got(expected.size(), 0);
    std::mt19937 random(11);
    std::uniform_real_distribution<double> unit(0.0, 1.0);
    std::vector<double> rtts;
    load.counters = {};
    load.onText = [&](int id, std::string_view frame) {
        if (isType(frame, "player_event"))
            ++got[std::size_t(id)];
        else if (isType(frame, "pong"))
            if (const auto sent = numberAfter(frame, "\"client_ts\":"))
                rtts.push_back(now() - *sent);
    };
    const double start = now();
    const double warmUp = std::min(60.0, o.seconds / 5);
    long rssAfterWarmUp = 0;
    long rssMax = 0;
    EverySecond pace(ids.size(), start, random);
    double nextReport = start + 60.0;
    double nextSample = start + 1.0;
    std::size_t events = 0;
    while (now() - start < o.seconds) {
        const double t = now();
        pace.run(t, [&](std::size_t i) {
            const int id = ids[i];
            if (load.client(id).phase != Phase::Open)
                return;
            load.send(id, {ping(now()), stateUpdate(t - start, true)});
            // About one action per room every 20 s, from a random member.
            if (unit(random) < 1.0 / (20.0 * o.roomSize)) {
                static const char *actions[] = {"play", "pause", "seek"};
                load.send(id, playerEvent(actions[random() % 3], 100.0 * unit(random)));
                ++events;
                const int room = load.client(id).room;
                for (int m = 0; m < o.roomSize; ++m)
                    if (m != load.client(id).index)
                        ++expected[std::size_t(room * o.roomSize + m)];
            }
        });
        load.poll(2);
        if (now() >= nextSample) { // the server's RSS once a second after the warm-up
            nextSample += 1.0;
            if (now() - start >= warmUp) {
                const long rss = processRssKiB(server);
                if (!rssAfterWarmUp)
                    rssAfterWarmUp = rss;
                rssMax = std::max(rssMax, rss);
            }
        }
        if (now() >= nextReport) {
            nextReport += 60.0;
            std::printf("{\"mode\":\"soak\",\"elapsed_s\":%.0f,\"server_rss_kib\":%ld,"
                        "\"open\":%zu,\"errors\":%zu}\n",
                        now() - start, processRssKiB(server), load.openCount(),
                        load.counters.errors);
            std::fflush(stdout);
        }
    }
    load.runFor(2.0);
    std::size_t missing = 0;
    for (std::size_t i = 0; i < expected.size(); ++i)
        missing += expected[i] > got[i] ? expected[i] - got[i] : 0;
    const long rssEnd = processRssKiB(server);
    const Percentiles p = percentiles(rtts);
    std::printf(
        "{\"mode\":\"soak\",\"clients\":%zu,\"joined\":%zu,\"open\":%zu,\"seconds\":%.0f,"
        "\"player_events\":%zu,\"missing_deliveries\":%zu,\"errors\":%zu,\"closed\":%zu,"
        "\"rss_after_warmup_kib\":%ld,\"rss_end_kib\":%ld,\"rss_max_kib\":%ld,"
        "\"rss_growth_pct\":%s,\"ping_p95_ms\":%s}\n",
        ids.size(), joined, load.openCount(), now() - start, events, missing, load.counters.errors,
        load.counters.closes, rssAfterWarmUp, rssEnd, rssMax,
        fixed(100.0 * double(rssMax - rssAfterWarmUp) / double(std::max(1L, rssAfterWarmUp)))
            .c_str(),
        ms(p.p95).c_str());
    const double growth
        = 100.0 * double(rssMax - rssAfterWarmUp) / double(std::max(1L, rssAfterWarmUp));
    std::vector<std::string> problems;
    if (growth >= 5.0)
        problems.push_back("the server's RSS grew " + fixed(growth) + " % after the warm-up");
    if (load.counters.errors)
        problems.push_back(std::to_string(load.counters.errors) + " error frames");
    if (load.counters.closes || load.openCount() != ids.size())
        problems.push_back(std::to_string(ids.size() - load.openCount()) + " connections lost");
    if (missing)
        problems.push_back(std::to_string(missing) + " player_event deliveries missing");
    if (joined != ids.size())
        problems.push_back(std::to_string(ids.size() - joined) + " clients never joined");
    for (const std::string &problem : problems)
        std::fprintf(stderr, "soak: %s\n", problem.c_str());
    std::fprintf(stderr, "soak: %s\n", problems.empty() ? "passed" : "FAILED");
    return problems.empty() ? 0 : 1;
}

std::vector<int> parseSteps(const std::string &text)
{
    std::vector<int> steps;
    std::stringstream in(text);
    std::string item;
    while (std::getline(in, item, ','))
        if (!item.empty())
            steps.push_back(std::max(2, std::atoi(item.c_str())));
    return steps;
}

int freePort()
{
    const int fd = socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in addr {};
    addr.sin_family = AF_INET;
    inet_pton(AF_INET, "127.0.0.1", &addr.sin_addr);
    bind(fd, reinterpret_cast<sockaddr *>(&addr), sizeof addr);
    socklen_t len = sizeof addr;
    getsockname(fd, reinterpret_cast<sockaddr *>(&addr), &len);
    close(fd);
    return ntohs(addr.sin_port);
}

void usage()
{
    std::fputs(
        "usage: server_load --mode rooms|fanout|joins|soak [--steps N,N,...] [--seconds S]\n"
        "                   [--clients N] [--room-size N] [--server PATH | --port P]\n"
        "                   [-- extra lockstep-server arguments]\n"
        "Starts lockstep-server on a free loopback port unless --port names a running one.\n",
        stderr);
}

} // namespace

int main(int argc, char **argv)
{
    Options o;
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        const auto value = [&]() -> std::string {
            if (i + 1 >= argc) {
                std::fprintf(stderr, "server_load: %s needs a value\n", arg.c_str());
                std::exit(2);
            }
            return argv[++i];
        };
        if (arg == "--mode")
            o.mode = value();
        else if (arg == "--steps")
            o.steps = parseSteps(value());
        else if (arg == "--seconds")
            o.seconds = std::atof(value().c_str());
        else if (arg == "--clients")
            o.clients = std::atoi(value().c_str());
        else if (arg == "--room-size")
            o.roomSize = std::max(2, std::atoi(value().c_str()));
        else if (arg == "--ping-only")
            o.pingOnly = true;
        else if (arg == "--server")
            o.server = value();
        else if (arg == "--port") {
            o.port = std::atoi(value().c_str());
            o.external = true;
        } else if (arg == "--") {
            o.serverArgs.assign(argv + i + 1, argv + argc);
            break;
        } else {
            usage();
            return arg == "--help" || arg == "-h" ? 0 : 2;
        }
    }
    if (o.steps.empty()) {
        if (o.mode == "rooms")
            o.steps = {2000, 5000, 10000, 15000, 19000};
        else if (o.mode == "fanout")
            o.steps = {1000, 2000, 4000, 8000, 12000, 16000, 19000};
        else
            o.steps = {1000, 2000, 4000, 8000};
    }
    if (o.mode != "rooms" && o.mode != "fanout" && o.mode != "joins" && o.mode != "soak") {
        usage();
        return 2;
    }

    // Thousands of sockets: raise the descriptor limit to the hard limit
    // (the server started below inherits it).
    rlimit limit {};
    getrlimit(RLIMIT_NOFILE, &limit);
    limit.rlim_cur = limit.rlim_max;
    setrlimit(RLIMIT_NOFILE, &limit);
    const int largest = *std::max_element(o.steps.begin(), o.steps.end());
    const int needed = (o.mode == "soak" ? o.clients : largest) + 64;
    if (rlim_t(needed) > limit.rlim_cur) {
        std::fprintf(stderr, "server_load: %d connections need %d descriptors; the limit is %llu\n",
                     o.mode == "soak" ? o.clients : largest, needed,
                     static_cast<unsigned long long>(limit.rlim_cur));
        return 2;
    }
    std::signal(SIGPIPE, SIG_IGN);

    ServerProcess server;
    if (!o.external) {
        o.port = freePort();
        if (!server.start(o.server, o.port, o.serverArgs)) {
            std::fprintf(stderr, "server_load: the server at %s did not start\n", o.server.c_str());
            return 1;
        }
    }
    Load load(o.host, o.port);
    int rc = 0;
    if (o.mode == "rooms")
        rc = runRooms(o, server.pid, load);
    else if (o.mode == "fanout")
        rc = runFanout(o, server.pid, load);
    else if (o.mode == "joins")
        rc = runJoins(o, server.pid, load);
    else
        rc = runSoak(o, server.pid, load);
    server.stop();
    return rc;
}
