package com.riskpulse.engine.architecture;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/** The engine's boundaries (ARCHITECTURE.md "Modules", STYLE.md "Tests"): checked on every build. */
@AnalyzeClasses(packages = "com.riskpulse.engine", importOptions = ImportOption.DoNotIncludeTests.class)
class EngineBoundariesTest {

    @ArchTest
    static final ArchRule engineKnowsNoUiAndNoHttpServer = noClasses()
            .should().dependOnClassesThat().resideInAnyPackage("javafx..", "io.javalin..", "org.eclipse.jetty..", "jakarta.servlet..")
            .because("the engine runs in the console and in the server alike; UI and HTTP live in their own modules");

    @ArchTest
    static final ArchRule onlyPersistenceCodeTouchesTheDatabase = noClasses()
            .that().doNotHaveSimpleName("Database").and().doNotHaveSimpleName("DatabaseSettings")
            .and().haveSimpleNameNotStartingWith("Jdbc").and().haveSimpleNameNotStartingWith("Hibernate")
            .and().resideOutsideOfPackage("com.riskpulse.engine.storage..")
            .should().dependOnClassesThat().resideInAnyPackage("java.sql..", "javax.sql..", "org.hibernate..", "jakarta.persistence..",
                    "com.zaxxer.hikari..", "org.flywaydb..", "org.h2..", "org.postgresql..")
            .because("only persistence classes (Jdbc*, Hibernate*, storage) may touch JDBC or Hibernate");

    @ArchTest
    static final ArchRule scoringCoreIsPure = noClasses()
            .that().resideInAnyPackage("com.riskpulse.engine.feature..", "com.riskpulse.engine.score..", "com.riskpulse.engine.event..")
            .should().dependOnClassesThat().resideInAnyPackage("com.riskpulse.engine.stream..", "com.riskpulse.engine.storage..",
                    "com.riskpulse.engine.simulator..", "com.riskpulse.engine.replay..")
            .because("events, features and scoring are the pure core that the stream and storage build on");

    @ArchTest
    static final ArchRule featurePackagesHaveNoCycles = slices().matching("com.riskpulse.engine.(*)..").should().beFreeOfCycles();
}
