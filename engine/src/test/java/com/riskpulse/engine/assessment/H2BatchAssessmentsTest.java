package com.riskpulse.engine.assessment;

import com.riskpulse.engine.testing.TestDatabases;

/** The {@link AssessmentsContract} on an in-memory H2, written with {@link JdbcAssessments.WriteStrategy#BATCH}. */
class H2BatchAssessmentsTest extends AssessmentsContract {

    @Override
    protected TestDatabases.Scratch openDatabase() {
        return TestDatabases.h2();
    }

    @Override
    protected JdbcAssessments.WriteStrategy strategy() {
        return JdbcAssessments.WriteStrategy.BATCH;
    }
}
