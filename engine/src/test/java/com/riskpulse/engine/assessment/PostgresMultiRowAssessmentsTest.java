package com.riskpulse.engine.assessment;

import com.riskpulse.engine.testing.TestDatabases;

/**
 * The {@link AssessmentsContract} on PostgreSQL, written with {@link JdbcAssessments.WriteStrategy#MULTI_ROW}.
 * Skipped when PostgreSQL is unreachable, failed instead under CI=true (see {@link TestDatabases}).
 */
class PostgresMultiRowAssessmentsTest extends AssessmentsContract {

    @Override
    protected TestDatabases.Scratch openDatabase() {
        return TestDatabases.postgres();
    }

    @Override
    protected JdbcAssessments.WriteStrategy strategy() {
        return JdbcAssessments.WriteStrategy.MULTI_ROW;
    }
}
