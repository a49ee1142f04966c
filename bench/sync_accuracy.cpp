// Sync accuracy in virtual time: the real server core and sync engine, N
// simulated participants on a simulated network, players that behave like the
// measured QMediaPlayer. One JSON line per scenario on stdout.
//
//   sync_accuracy [--scenario NAME] [--clients N] [--seed S]
#include "sim/SimWorld.h"

#include <QCoreApplication>
#include <QLoggingCategory>
#include <QRandomGenerator>
#include <QStringList>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <vector>

using namespace lockstep;
using namespace lockstep::sim;

namespace {

const QString kRoom = QStringLiteral("bench");
constexpr double kConverged = 0.030; // s: every participant within this of the others

struct Scenario {
    const char *name;
    LinkProfile link;
};

double percentile(std::vector<double> values, double p)
{
    if (values.empty())
        return 0.0;
    std::sort(values.begin(), values.end());
    const double rank = p / 100.0 * double(values.size() - 1);
    const auto lo = std::size_t(std::floor(rank));
    const auto hi = std::min(values.size() - 1, lo + 1);
    return values[lo] + (values[hi] - values[lo]) * (rank - double(lo));
}

class Run
{
public:
    Run(const Scenario &scenario, int clients, quint32 seed)
        : m_world(seed), m_scenario(scenario), m_random(seed * 7919u + 1)
    {
        for (int i = 0; i < clients; ++i)
            addParticipant();
        m_participants.front()->create(kRoom);
        m_world.run(0.5);
        for (std::size_t i = 1; i < m_participants.size(); ++i)
            m_participants[i]->join(kRoom);
        m_world.run(3.0);
    }

    void execute()
    {
        SimParticipant &host = *m_participants.front();
        const auto other = [this](int k) -> SimParticipant & {
            return *m_participants[std::size_t(k) % m_participants.size()];
        };
        action(
            "play", [&] { host.controller().play(); }, true);
        steady(30.0);
        action(
            "pause", [&] { other(1).controller().pause(); }, false);
        steady(3.0);
        action(
            "play", [&] { other(2).controller().play(); }, true);
        steady(20.0);
        // A seek storm: five seeks by different people within two seconds.
        for (int i = 0; i < 5; ++i) {
            other(i).controller().seek(300.0 + 37.0 * i);
            m_world.run(0.4);
        }
        action(
            "seek storm", [&] { host.controller().seek(900.0); }, true);
        steady(20.0);
        // Late joiners.
        action(
            "late join",
            [&] {
                for (int i = 0; i < 2; ++i) {
                    SimParticipant &late = addParticipant();
                    late.join(kRoom);
                }
            },
            true);
        steady(20.0);
        // One participant buffers for two seconds.
        SimParticipant &slow = other(1);
        slow.player().setBuffering(true);
        m_excluded = &slow;
        m_world.run(2.0);
        m_excluded = nullptr;
        action(
            "buffering end", [&] { slow.player().setBuffering(false); }, true);
        steady(30.0);
    }

    void print(int clients, double cpuSeconds) const
    {
        std::vector<double> offsets;
        for (const auto &p : m_participants) {
            const double truth = -p->clock().offset();
            offsets.push_back(std::abs(p->client().clockSync().offset() - truth) * 1000.0);
        }
        int corrections = 0;
        for (const auto &p : m_participants)
            corrections += p->controller().correctionCount();
        const double minutes = (m_world.now() - m_start) / 60.0;
        const double asymmetry = std::abs(m_scenario.link.up - m_scenario.link.down) * 1000.0;

        std::printf("{\"scenario\":\"%s\",\"clients\":%d,\"up_ms\":%.1f,\"down_ms\":%.1f,"
                    "\"jitter_ms\":%.1f,\"loss\":%.3f,",
                    m_scenario.name, clients, m_scenario.link.up * 1000.0,
                    m_scenario.link.down * 1000.0, m_scenario.link.jitter * 1000.0,
                    m_scenario.link.loss);
        std::printf("\"error_ms\":{\"p50\":%.2f,\"p95\":%.2f,\"p99\":%.2f,\"max\":%.2f,"
                    "\"samples\":%zu},",
                    percentile(m_errors, 50), percentile(m_errors, 95), percentile(m_errors, 99),
                    m_errors.empty() ? 0.0 : *std::max_element(m_errors.begin(), m_errors.end()),
                    m_errors.size());
        std::printf("\"convergence_s\":{");
        for (std::size_t i = 0; i < m_convergence.size(); ++i)
            std::printf("%s\"%s\":%.3f", i ? "," : "", m_convergence[i].first,
                        m_convergence[i].second);
        double worstConvergence = 0.0;
        for (const auto &[name, seconds] : m_convergence)
            worstConvergence = std::max(worstConvergence, seconds);
        std::printf("},\"convergence_max_s\":%.3f,", worstConvergence);
        std::printf("\"corrections_per_min\":%.2f,",
                    double(corrections) / minutes / double(m_participants.size()));
        std::printf("\"clock_offset_error_ms\":{\"p50\":%.2f,\"max\":%.2f,\"bound\":%.2f},",
                    percentile(offsets, 50), *std::max_element(offsets.begin(), offsets.end()),
                    asymmetry / 2.0 + 1.0);
        std::printf("\"virtual_s\":%.0f,\"cpu_s\":%.2f}\n", m_world.now() - m_start, cpuSeconds);
        std::fflush(stdout);
    }

private:
    SimParticipant &addParticipant()
    {
        const int index = int(m_participants.size());
        // Every machine's clock disagrees with the server's by up to a minute.
        const double clockOffset = (m_random.generateDouble() * 2.0 - 1.0) * 60.0;
        SimParticipant &p
            = m_world.add(QStringLiteral("p%1").arg(index), clockOffset, m_scenario.link);
        m_participants.push_back(&p);
        return p;
    }

    std::vector<SimParticipant *> measured() const
    {
        std::vector<SimParticipant *> list;
        for (SimParticipant *p : m_participants) {
            if (p != m_excluded && p->client().inRoom())
                list.push_back(p);
        }
        return list;
    }

    double spread() const
    {
        double lo = 1e18;
        double hi = -1e18;
        for (SimParticipant *p : measured()) {
            lo = std::min(lo, p->truePosition());
            hi = std::max(hi, p->truePosition());
        }
        return hi - lo;
    }

    bool following(bool playing) const
    {
        const auto *room = m_world.server().room(kRoom);
        if (!room || room->timeline.isPlaying() != playing)
            return false;
        const auto want
            = playing ? sync::PlayerBackend::State::Playing : sync::PlayerBackend::State::Paused;
        const auto list = measured();
        return std::all_of(list.begin(), list.end(),
                           [&](SimParticipant *p) { return p->player().state() == want; });
    }

    template<typename F>
    void action(const char *name, F &&act, bool playing)
    {
        act();
        const double start = m_world.now();
        double converged = 10.0;
        while (m_world.now() - start < 10.0) {
            m_world.run(0.01);
            if (following(playing) && spread() < kConverged) {
                converged = m_world.now() - start;
                break;
            }
        }
        m_convergence.emplace_back(name, converged);
    }

    // Samples the inter-participant error in steady state.
    void steady(double duration)
    {
        const double end = m_world.now() + duration;
        while (m_world.now() < end) {
            m_world.run(0.02);
            m_errors.push_back(spread() * 1000.0);
        }
    }

    SimWorld m_world;
    Scenario m_scenario;
    QRandomGenerator m_random;
    std::vector<SimParticipant *> m_participants;
    SimParticipant *m_excluded = nullptr;
    std::vector<double> m_errors;
    std::vector<std::pair<const char *, double>> m_convergence;
    double m_start = m_world.now();
};

double cpuNow()
{
    return double(std::clock()) / CLOCKS_PER_SEC;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QLoggingCategory::setFilterRules(QStringLiteral("lockstep.*.info=false"));
    const QStringList args = app.arguments();
    const auto value = [&](const char *flag) {
        const qsizetype i = args.indexOf(QString::fromLatin1(flag));
        return i >= 0 && i + 1 < args.size() ? args.at(i + 1) : QString();
    };

    const Scenario scenarios[] = {
        {"loopback", {0.0001, 0.0001, 0.00005, 0.0}}, {"lan", {0.001, 0.001, 0.001, 0.0}},
        {"wan", {0.040, 0.040, 0.020, 0.0}},          {"asymmetric", {0.020, 0.100, 0.002, 0.0}},
        {"lossy", {0.020, 0.020, 0.005, 0.02}},
    };
    const QString only = value("--scenario");
    const int onlyClients = value("--clients").toInt();
    const quint32 seed = value("--seed").isEmpty() ? 1u : value("--seed").toUInt();

    for (const Scenario &scenario : scenarios) {
        if (!only.isEmpty() && only != QLatin1String(scenario.name))
            continue;
        for (const int clients : {3, 20}) {
            if (onlyClients > 0 && clients != onlyClients)
                continue;
            const double cpu = cpuNow();
            Run run(scenario, clients, seed);
            run.execute();
            run.print(clients, cpuNow() - cpu);
        }
    }
    return 0;
}
