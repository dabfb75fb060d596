package com.riskpulse.engine.storage;

import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/**
 * Another process on the same H2 file, for {@link DatabaseTest}: opens it, says "ready" and keeps it open until its
 * standard input closes. (Within one JVM H2 shares an open file; only another process meets its lock.)
 */
public final class HoldDatabase {

    private HoldDatabase() {
    }

    public static void main(String[] args) throws SQLException, IOException {
        try (Connection c = DriverManager.getConnection(args[0])) {
            System.out.println("ready " + c.getMetaData().getDatabaseProductName());
            System.out.flush();
            while (System.in.read() >= 0) {
                // hold the file until the test closes our input
            }
        }
    }
}
