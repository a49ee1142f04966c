#pragma once

namespace lockstep::sync {

// Tuning of the drift corrector. Times in seconds.
struct CorrectorConfig {
    double deadband = 0.005; // |error| above this starts a correction...
    double settleBand = 0.002; // ...which ends once |error| is below this (hysteresis)
    int persistTicks = 3; // ticks the error must stay outside the deadband
    double seekThreshold = 0.400; // beyond this, seek even when rate changes are cheap
    double maxRateDeviation = 0.05; // rate stays within 1 +/- this (audio stays natural)
    double minRateDeviation = 0.004;
    double rateGain = 1.0; // rate deviation per second of error
    double cheapRateStall = 0.010; // a rate change stalling less than this is cheap
    double minCorrectionGap = 1.0; // s between corrective seeks
};

// One decision of the corrector, from the measured error and what it is doing.
// A pure function of its inputs, so the tests can drive it from a table.
struct CorrectorInput {
    double error = 0.0; // actual - expected, s (positive: ahead)
    double rate = 1.0; // current playback rate
    int ticksOutside = 0; // consecutive ticks with |error| > deadband, this one included
    double sinceCorrection = 1.0e9; // s since the last corrective seek
    double rateStall = 0.0; // learned stall per rate change, s
};

struct CorrectorAction {
    enum class Kind { None, SetRate, Seek };
    Kind kind = Kind::None;
    double rate = 1.0; // for SetRate

    static CorrectorAction none() { return {}; }
    static CorrectorAction setRate(double r) { return {Kind::SetRate, r}; }
    static CorrectorAction seek() { return {Kind::Seek, 1.0}; }
};

CorrectorAction decideCorrection(const CorrectorInput &input, const CorrectorConfig &config);

} // namespace lockstep::sync
