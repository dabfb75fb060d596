package com.riskpulse.desktop.testing;

import javafx.application.Platform;
import javafx.scene.Node;
import org.testfx.api.FxRobot;
import org.testfx.service.query.NodeQuery;
import org.testfx.util.WaitForAsyncUtils;

import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A TestFX robot for scenes that change while the test looks at them. TestFX walks the scene graph on the calling
 * thread; a live console adds and removes nodes (chart points, feed rows) on the FX thread many times a second, and a
 * walk that races one of those changes fails at random ({@code IndexOutOfBoundsException} inside
 * {@code Parent.getChildren()}). Here every look-up by query, including the ones behind {@code clickOn("#id")}, walks
 * the graph on the FX thread and hands back the nodes it found.
 */
public class LiveSceneRobot extends FxRobot {

    @Override
    public NodeQuery lookup(String query) {
        if (Platform.isFxApplicationThread()) return super.lookup(query);
        try {
            Set<Node> found = WaitForAsyncUtils.asyncFx(() -> super.lookup(query).queryAll()).get(30, TimeUnit.SECONDS);
            return from(found);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while looking up " + query, e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("looking up " + query + " on the FX thread failed", e);
        }
    }
}
