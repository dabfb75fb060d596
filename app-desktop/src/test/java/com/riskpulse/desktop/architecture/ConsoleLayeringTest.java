package com.riskpulse.desktop.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The console reaches the engine only through {@code RiskClient}: its screens may use the client package, the API
 * records and the small value types those speak (queries, levels, statuses, roles, the configuration document), but
 * never the engine's services, storage or stream. Only the start-up code ({@code start}) builds an engine, and only
 * the {@code remote} package speaks HTTP.
 */
class ConsoleLayeringTest {

    private static final JavaClasses CONSOLE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("com.riskpulse.desktop");

    @Test
    void screensReachTheEngineOnlyThroughTheClientAndItsValueTypes() {
        ArchRule rule = noClasses().that().resideOutsideOfPackages("com.riskpulse.desktop.start..", "com.riskpulse.desktop")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "com.riskpulse.engine", // RiskEngine itself
                        "com.riskpulse.engine.storage..", "com.riskpulse.engine.stream..", "com.riskpulse.engine.feature..",
                        "com.riskpulse.engine.simulator..", "com.riskpulse.engine.replay..", "com.riskpulse.engine.user..",
                        "com.riskpulse.engine.explain..")
                .orShould().dependOnClassesThat().haveNameMatching("com\\.riskpulse\\.engine\\..*Service")
                .orShould().dependOnClassesThat().haveNameMatching("com\\.riskpulse\\.engine\\..*(Jdbc|Hibernate).*")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("com.riskpulse.engine.client.EmbeddedRiskClient");
        rule.check(CONSOLE);
    }

    @Test
    void onlyTheRemoteClientSpeaksHttp() {
        noClasses().that().resideOutsideOfPackage("com.riskpulse.desktop.remote..")
                .should().dependOnClassesThat().resideInAnyPackage("java.net.http..")
                .check(CONSOLE);
    }

    @Test
    void noScreenTouchesTheServer() {
        noClasses().that().resideOutsideOfPackages("com.riskpulse.desktop.start..", "com.riskpulse.desktop")
                .should().dependOnClassesThat().resideInAnyPackage("com.riskpulse.server..", "io.javalin..", "org.eclipse.jetty..")
                .check(CONSOLE);
    }
}
