package com.riskpulse.engine.api;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import com.riskpulse.engine.score.Contribution;

/** One feature's or rule's share of a score, in log-odds. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record ContributionView(String name, double value, double contribution) {

    public static ContributionView of(Contribution c) {
        return new ContributionView(c.name(), c.value(), c.contribution());
    }
}
