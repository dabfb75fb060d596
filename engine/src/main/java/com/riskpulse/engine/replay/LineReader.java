package com.riskpulse.engine.replay;

import java.io.Closeable;
import java.io.IOException;
import java.io.Reader;

/**
 * Reads lines like {@link java.io.BufferedReader#readLine()}, but keeps at most {@code maxChars} of a
 * line: a file with one gigantic line becomes one rejected event, not an out-of-memory error.
 */
final class LineReader implements Closeable {

    private final Reader in;
    private final int maxChars;
    private final char[] buffer = new char[8192];
    private int pos;
    private int end;
    private boolean truncated;

    LineReader(Reader in, int maxChars) {
        this.in = in;
        this.maxChars = maxChars;
    }

    /** The next line without its terminator (\n, \r\n or \r), or null at the end of input. */
    String readLine() throws IOException {
        StringBuilder line = null;
        truncated = false;
        while (true) {
            if (pos == end) {
                end = in.read(buffer, 0, buffer.length);
                pos = 0;
                if (end <= 0) {
                    end = 0;
                    return line == null ? null : line.toString();
                }
            }
            if (line == null) line = new StringBuilder();
            int start = pos;
            while (pos < end && buffer[pos] != '\n' && buffer[pos] != '\r') pos++;
            append(line, start, pos);
            if (pos < end) {
                char terminator = buffer[pos++];
                if (terminator == '\r') skipNewlineAfterCr();
                return line.toString();
            }
        }
    }

    /** Whether the line last returned was cut at {@code maxChars}. */
    boolean truncated() {
        return truncated;
    }

    private void append(StringBuilder line, int from, int to) {
        int room = maxChars - line.length();
        int n = to - from;
        if (n > room) {
            truncated = true;
            n = Math.max(room, 0);
        }
        line.append(buffer, from, n);
    }

    private void skipNewlineAfterCr() throws IOException {
        if (pos == end) {
            end = in.read(buffer, 0, buffer.length);
            pos = 0;
            if (end <= 0) {
                end = 0;
                return;
            }
        }
        if (buffer[pos] == '\n') pos++;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
