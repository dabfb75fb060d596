package com.riskpulse.desktop.fx;

import com.riskpulse.engine.client.RiskClientException;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;

import java.util.concurrent.Callable;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * Runs a view-model's blocking work (a {@code RiskClient} call) on the worker executor and hands the result back on
 * the UI executor. In the console the worker is a thread pool and the UI executor {@code Platform::runLater}; in
 * view-model tests both are the current thread, so a call completes before {@code run} returns and no toolkit
 * is needed. {@link #busy()} counts work in flight, for progress indicators.
 */
public final class Background {

    private final Executor worker;
    private final Executor ui;
    private final ReadOnlyIntegerWrapper busy = new ReadOnlyIntegerWrapper(0);
    private final Consumer<Throwable> everyError;

    public Background(Executor worker, Executor ui) {
        this(worker, ui, e -> { });
    }

    /**
     * @param everyError sees every failure first, on the UI executor, before the caller's {@code onError}: the console
     *                   ends the session there when the server no longer accepts it (401)
     */
    public Background(Executor worker, Executor ui, Consumer<Throwable> everyError) {
        this.worker = worker;
        this.ui = ui;
        this.everyError = everyError;
    }

    /** Both on the calling thread: for view-model tests. */
    public static Background direct() {
        return new Background(Runnable::run, Runnable::run);
    }

    /**
     * Runs {@code work} on the worker; then {@code onSuccess} or {@code onError} on the UI executor. An error is
     * never thrown at the caller: it is handed to {@code onError} (a {@link RiskClientException} for refusals).
     */
    public <T> void run(Callable<T> work, Consumer<? super T> onSuccess, Consumer<? super Throwable> onError) {
        ui.execute(() -> busy.set(busy.get() + 1));
        worker.execute(() -> {
            T result;
            try {
                result = work.call();
            } catch (Throwable e) {
                ui.execute(() -> {
                    busy.set(busy.get() - 1);
                    everyError.accept(e);
                    onError.accept(e);
                });
                return;
            }
            ui.execute(() -> {
                busy.set(busy.get() - 1);
                onSuccess.accept(result);
            });
        });
    }

    /** Runs a command with no result. */
    public void execute(ThrowingRunnable work, Runnable onSuccess, Consumer<? super Throwable> onError) {
        run(() -> {
            work.run();
            return Boolean.TRUE;
        }, ignored -> onSuccess.run(), onError);
    }

    /** Runs something on the UI executor (the FX thread in the console, the caller in tests). */
    public void onUi(Runnable action) {
        ui.execute(action);
    }

    /** Work in flight (read on the UI thread). */
    public ReadOnlyIntegerProperty busy() {
        return busy.getReadOnlyProperty();
    }

    /** A command that may fail. */
    @FunctionalInterface
    public interface ThrowingRunnable {
        void run() throws Exception;
    }
}
