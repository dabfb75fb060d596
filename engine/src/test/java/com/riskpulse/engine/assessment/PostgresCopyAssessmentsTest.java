package com.riskpulse.engine.assessment;

import com.riskpulse.engine.testing.TestDatabases;

/**
 * The {@link AssessmentsContract} on PostgreSQL, written with {@link JdbcAssessments.WriteStrategy#COPY}.
 * Skipped when PostgreSQL is unreachable, failed instead under CI=true (see {@link TestDatabases}).
 */
class PostgresCopyAssessmentsTest extends AssessmentsContract {

    @Override
    protected TestDatabases.Scratch openDatabase() {
        return TestDatabases.postgres();
    }

    @Override
    protected JdbcAssessments.WriteStrategy strategy() {
        return JdbcAssessments.WriteStrategy.COPY;
    }
}
