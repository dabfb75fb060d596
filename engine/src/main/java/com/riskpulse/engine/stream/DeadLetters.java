package com.riskpulse.engine.stream;

import java.util.List;

/** Where rejected stream inputs go, so that an operator can see and replay them. */
public interface DeadLetters {

    void store(DeadLetter letter);

    /** The newest {@code limit} letters, newest first. */
    List<DeadLetter> latest(int limit);

    long count();
}
