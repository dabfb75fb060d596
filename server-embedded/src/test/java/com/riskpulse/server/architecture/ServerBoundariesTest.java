package com.riskpulse.server.architecture;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The server uses the engine; the engine never uses the server, and its API records carry no HTTP library. */
@AnalyzeClasses(packages = "com.riskpulse", importOptions = ImportOption.DoNotIncludeTests.class)
class ServerBoundariesTest {

    @ArchTest
    static final ArchRule engineDoesNotUseServer = noClasses().that().resideInAPackage("com.riskpulse.engine..")
            .should().dependOnClassesThat().resideInAPackage("com.riskpulse.server..");

    @ArchTest
    static final ArchRule engineHasNoHttpServer = noClasses().that().resideInAPackage("com.riskpulse.engine..")
            .should().dependOnClassesThat().resideInAnyPackage("io.javalin..", "org.eclipse.jetty..");
}
