package com.riskpulse.server.stream;

/**
 * The hub's counters since it started.
 *
 * @param connectedClients        clients connected now
 * @param messagesSent            messages the channels accepted
 * @param messagesDropped         messages coalesced away because a client's buffer was full
 * @param disconnectedForSlowness clients closed for being stuck beyond the limit
 * @param assessmentsSerialised   assessments turned into JSON (once each, whatever the number of clients)
 */
public record StreamMetrics(int connectedClients, long messagesSent, long messagesDropped, long disconnectedForSlowness,
                            long assessmentsSerialised) {
}
