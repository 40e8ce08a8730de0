package org.yiwang.services;

import org.springframework.stereotype.Component;

/**
 * Stands in for the applications side's rule of the same name so that the demo catalog's ride-hailing item loads in
 * the test context of the catalog branch. Delete it once the real {@code RIDE_HAILING_BACKGROUND} bean is merged
 * (two beans would then share one name).
 */
@Component
class StandInAutoDecisionRule implements AutoDecisionRule {

    @Override
    public String name() {
        return "RIDE_HAILING_BACKGROUND";
    }
}
