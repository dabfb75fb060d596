package com.riskpulse.engine.explain;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FactsTest {

    @Test
    void numbersInsideIdentifiersAreNotNumbersAndValuesCompareNumerically() {
        Facts facts = new Facts();
        facts.add("count_1m", 7);
        facts.add("score", 0.9731, 3);
        facts.add("amount", 1234.5, 2);
        String text = "Entity acct-00042 made 7 events in a minute (count_1m), 7.0 against new_payees_1h; score 0.973, amount 1,234.50.";
        assertThat(facts.untraced(text)).isEmpty();
        assertThat(facts.untraced("It made 42 payments, scored 0.97 and -3 more.")).containsExactly("42", "0.97", "-3");
    }
}
