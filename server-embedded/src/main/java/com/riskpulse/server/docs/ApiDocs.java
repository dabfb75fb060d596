package com.riskpulse.server.docs;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * The API documentation, without authentication: {@code /openapi.json} ({@link OpenApiSpec}), Swagger UI at
 * {@code /docs} and ReDoc at {@code /redoc}. The pages load their scripts from the webjars, served under
 * {@code /webjars/...} (no OpenAPI, Swagger or ReDoc plugin exists for Javalin 7).
 */
public final class ApiDocs {

    public static final String SPEC = "/openapi.json";
    public static final String SWAGGER = "/docs";
    public static final String REDOC = "/redoc";

    static final String SWAGGER_UI_VERSION = webjarVersion("org.webjars", "swagger-ui");
    static final String REDOC_VERSION = webjarVersion("org.webjars.npm", "redoc");

    private ApiDocs() {
    }

    public static void register(RoutesConfig routes) {
        routes.get(SPEC, ApiDocs::spec);
        routes.get(SWAGGER, ctx -> ctx.html(swaggerPage()));
        routes.get(REDOC, ctx -> ctx.html(redocPage()));
    }

    private static void spec(Context ctx) {
        ctx.contentType("application/json").result(OpenApiSpec.json());
    }

    static String swaggerPage() {
        String base = "/webjars/swagger-ui/" + SWAGGER_UI_VERSION;
        return """
                <!doctype html>
                <html lang="en">
                <head>
                  <meta charset="utf-8">
                  <title>RiskPulse API – Swagger UI</title>
                  <link rel="stylesheet" href="%1$s/swagger-ui.css">
                  <link rel="icon" type="image/png" href="%1$s/favicon-32x32.png">
                </head>
                <body>
                  <div id="swagger-ui"></div>
                  <script src="%1$s/swagger-ui-bundle.js"></script>
                  <script>
                    window.ui = SwaggerUIBundle({url: '%2$s', dom_id: '#swagger-ui', deepLinking: true, persistAuthorization: true});
                  </script>
                </body>
                </html>
                """.formatted(base, SPEC);
    }

    static String redocPage() {
        return """
                <!doctype html>
                <html lang="en">
                <head>
                  <meta charset="utf-8">
                  <title>RiskPulse API – ReDoc</title>
                </head>
                <body>
                  <redoc spec-url="%s"></redoc>
                  <script src="/webjars/redoc/%s/bundles/redoc.standalone.js"></script>
                </body>
                </html>
                """.formatted(SPEC, REDOC_VERSION);
    }

    /** The version of a webjar on the classpath, from its Maven metadata: the pages follow a version bump by themselves. */
    private static String webjarVersion(String group, String artifact) {
        String path = "/META-INF/maven/" + group + "/" + artifact + "/pom.properties";
        try (InputStream in = ApiDocs.class.getResourceAsStream(path)) {
            if (in == null) throw new IllegalStateException("webjar " + group + ":" + artifact + " is not on the classpath (" + path + ")");
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
