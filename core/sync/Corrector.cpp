#include "Corrector.h"

#include <algorithm>
#include <cmath>

namespace lockstep::sync {

CorrectorAction decideCorrection(const CorrectorInput &in, const CorrectorConfig &config)
{
    const double magnitude = std::abs(in.error);
    const bool nudging = std::abs(in.rate - 1.0) > 1e-9;

    if (nudging) {
        // Stop once back inside the settle band, or when the error changed
        // sign (overshoot): never chase it back and forth.
        const bool overshot
            = (in.rate > 1.0 && in.error > 0.0) || (in.rate < 1.0 && in.error < 0.0);
        if (magnitude < config.settleBand || overshot)
            return CorrectorAction::setRate(1.0);
        if (magnitude > config.seekThreshold && in.sinceCorrection >= config.minCorrectionGap)
            return CorrectorAction::seek();
        return CorrectorAction::none();
    }

    if (magnitude <= config.deadband || in.ticksOutside < config.persistTicks)
        return CorrectorAction::none();

    const bool cheapRate = in.rateStall < config.cheapRateStall;
    if (cheapRate && magnitude <= config.seekThreshold) {
        const double deviation = std::clamp(config.rateGain * magnitude, config.minRateDeviation,
                                            config.maxRateDeviation);
        return CorrectorAction::setRate(in.error > 0.0 ? 1.0 - deviation : 1.0 + deviation);
    }
    // Rate changes that flush the pipeline cost more than they gain: a seek
    // aimed with the learned landing offset is the better correction.
    if (in.sinceCorrection < config.minCorrectionGap)
        return CorrectorAction::none();
    return CorrectorAction::seek();
}

} // namespace lockstep::sync
