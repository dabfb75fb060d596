package com.riskpulse.engine.simulator;

/**
 * The fraud patterns the simulator can inject. Every event of an injected scenario carries its
 * {@link #label()} under {@link com.riskpulse.engine.event.RiskEvent#SCENARIO_ATTRIBUTE}, so detection
 * can be measured against ground truth; genuine events carry no label.
 */
public enum ScenarioType {
    /** A burst of tiny card-not-present payments checking whether stolen card details work. */
    CARD_TESTING("card_testing"),
    /** A foreign login on a new device, often a password change, then large transfers to new payees. */
    ACCOUNT_TAKEOVER("account_takeover"),
    /** Two card-present payments thousands of kilometres apart within an hour. */
    IMPOSSIBLE_TRAVEL("impossible_travel"),
    /** One payment far above the entity's habit at a new merchant in a risky category. */
    AMOUNT_SPIKE("amount_spike"),
    /** A large deposit passed on within the hour to many new payees. */
    MULE_FAN_OUT("mule_fan_out");

    private final String label;

    ScenarioType(String label) {
        this.label = label;
    }

    /** The value of the {@code scenario} attribute, snake_case as on the wire. */
    public String label() {
        return label;
    }

    /** The scenario with this label, or null when the label is unknown (or null, for genuine events). */
    public static ScenarioType fromLabel(String label) {
        for (ScenarioType type : values()) {
            if (type.label.equals(label)) return type;
        }
        return null;
    }
}
