package com.riskpulse.desktop.export;

import com.riskpulse.desktop.fx.Background;
import com.riskpulse.desktop.fx.Errors;
import com.riskpulse.engine.api.PageView;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.LongConsumer;

/**
 * The console's one CSV writer, shared by every screen that exports a key-paged listing (risk explorer, audit).
 * It follows {@code next_cursor} through every page up to a cap, quotes as RFC 4180 says, and writes to a temporary
 * file next to the target that is moved into place only when complete: a failure or a cancel leaves nothing
 * half-written behind. An instance is one screen's export slot: its progress properties are read on the UI thread.
 */
public final class CsvExport {

    /** One page of the listing after {@code cursor} (null: the first page). */
    @FunctionalInterface
    public interface Pages<T> {
        PageView<T> after(Long cursor);
    }

    /** What an export wrote: the rows, and whether it stopped at the cap with more left. */
    public record Result(Path file, long rows, boolean capped) {
        public String describe() {
            return capped
                    ? "Exported the first " + rows + " rows to " + file.getFileName() + " (capped: the result has more rows; narrow the filters)."
                    : "Exported " + rows + " rows to " + file.getFileName() + ".";
        }
    }

    private final Background background;
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyLongWrapper rowsWritten = new ReadOnlyLongWrapper(0);
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private volatile AtomicBoolean cancelled = new AtomicBoolean();

    public CsvExport(Background background) {
        this.background = background;
    }

    /**
     * Exports every row of the listing to {@code target} on the background, reporting rows written so far; the
     * outcome goes to {@link #message()} and to {@code onDone} / {@code onError} (on the UI executor).
     */
    public <T> void start(Path target, List<String> header, Pages<T> pages, Function<T, List<String>> row, long cap,
                          Consumer<Result> onDone, Consumer<Throwable> onError) {
        if (running.get()) return;
        AtomicBoolean cancel = new AtomicBoolean();
        cancelled = cancel;
        running.set(true);
        rowsWritten.set(0);
        message.set("Exporting…");
        background.run(() -> write(target, header, pages, row, cap,
                        n -> background.onUi(() -> rowsWritten.set(n)), cancel::get),
                result -> {
                    running.set(false);
                    rowsWritten.set(result.rows());
                    message.set(result.describe());
                    onDone.accept(result);
                },
                e -> {
                    running.set(false);
                    message.set(e instanceof CancellationException ? "Export cancelled: no file written."
                            : "Export failed: " + Errors.readable(e));
                    onError.accept(e);
                });
    }

    /** Asks a running export to stop at the next row; the partial file is deleted. */
    public void cancel() {
        cancelled.set(true);
    }

    public ReadOnlyBooleanProperty running() {
        return running.getReadOnlyProperty();
    }

    public ReadOnlyLongProperty rowsWritten() {
        return rowsWritten.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty message() {
        return message.getReadOnlyProperty();
    }

    /**
     * Writes the listing (blocking): to a temporary file in the target's folder, then moved over the target.
     *
     * @throws CancellationException when {@code cancelled} turned true; nothing is left behind
     */
    public static <T> Result write(Path target, List<String> header, Pages<T> pages, Function<T, List<String>> row, long cap,
                                   LongConsumer progress, BooleanSupplier cancelled) throws IOException {
        Path folder = target.toAbsolutePath().getParent();
        Path temp = Files.createTempFile(folder, "." + target.getFileName(), ".part");
        boolean moved = false;
        try {
            long rows = 0;
            boolean capped = false;
            try (Writer out = Files.newBufferedWriter(temp, StandardCharsets.UTF_8)) {
                line(out, header);
                Long cursor = null;
                pages:
                do {
                    PageView<T> page = pages.after(cursor);
                    for (T item : page.items()) {
                        if (cancelled.getAsBoolean()) throw new CancellationException("export cancelled");
                        if (rows >= cap) {
                            capped = true;
                            break pages;
                        }
                        line(out, row.apply(item));
                        rows++;
                    }
                    progress.accept(rows);
                    cursor = page.nextCursor();
                } while (cursor != null);
            }
            move(temp, target);
            moved = true;
            return new Result(target, rows, capped);
        } finally {
            if (!moved) Files.deleteIfExists(temp);
        }
    }

    private static void move(Path temp, Path target) throws IOException {
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static void line(Writer out, List<String> fields) throws IOException {
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) out.write(',');
            out.write(quote(fields.get(i)));
        }
        out.write("\r\n");
    }

    /** One field as RFC 4180 wants it: quoted (inner quotes doubled) when it holds a comma, quote or line break. */
    public static String quote(String field) {
        if (field == null) return "";
        boolean needs = field.indexOf(',') >= 0 || field.indexOf('"') >= 0 || field.indexOf('\n') >= 0 || field.indexOf('\r') >= 0;
        return needs ? '"' + field.replace("\"", "\"\"") + '"' : field;
    }
}
