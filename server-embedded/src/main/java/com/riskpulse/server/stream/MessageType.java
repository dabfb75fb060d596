package com.riskpulse.server.stream;

import com.riskpulse.engine.auth.Permission;

import java.util.Locale;

/** The kinds of message a client can subscribe to, with their wire names and the permission each needs. */
public enum MessageType {
    ASSESSMENT(Permission.READ_RISKS),
    ALERT(Permission.READ_ALERTS),
    STATS(Permission.READ_STATS);

    private final Permission permission;

    MessageType(Permission permission) {
        this.permission = permission;
    }

    public Permission permission() {
        return permission;
    }

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The type with this wire name, or null. */
    public static MessageType fromWireName(String name) {
        for (MessageType type : values()) {
            if (type.wireName().equals(name)) return type;
        }
        return null;
    }
}
