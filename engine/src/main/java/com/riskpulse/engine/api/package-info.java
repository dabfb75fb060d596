/**
 * The JSON shapes of the HTTP API as plain records: the server writes them, a remote client reads them, so
 * the two cannot drift apart. Field names are snake_case on the wire ({@code risk_id}, {@code access_token}),
 * as in the seed. No HTTP library here: only Jackson annotations.
 */
package com.riskpulse.engine.api;
