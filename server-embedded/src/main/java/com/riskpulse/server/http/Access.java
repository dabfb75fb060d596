package com.riskpulse.server.http;

import io.javalin.security.RouteRole;

/** Route markers read by {@link Authentication}: every route needs a valid token unless marked {@link #PUBLIC}. */
public enum Access implements RouteRole {
    /** No token needed: register, login, health. */
    PUBLIC
}
