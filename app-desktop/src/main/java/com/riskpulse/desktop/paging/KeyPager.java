package com.riskpulse.desktop.paging;

import com.riskpulse.desktop.fx.Background;
import com.riskpulse.engine.api.PageView;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.function.Function;

/**
 * Next / Previous over a key-paged listing (the API's {@code next_cursor}): remembers the cursors of the pages
 * before the shown one, so going back asks for exactly the page seen before. Fetches through {@link Background}
 * and hands each page's items to the screen; the screen says what a page means in its own words.
 *
 * @param <T> what a page holds (an API record)
 */
public final class KeyPager<T> {

    /** What a screen does with a page: show its items, say how many and whether more follow. */
    public interface Pages<T> {
        void shown(List<T> items, int pageNumber, boolean more);

        void failed(Throwable error);
    }

    /** Stands for "the first page" on the stack, which cannot hold null. */
    private static final Long FIRST = Long.MIN_VALUE;

    private final Background background;
    private final Pages<T> pages;
    private final Deque<Long> previousCursors = new ArrayDeque<>();
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper hasNext = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper hasPrevious = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper pageLabel = new ReadOnlyStringWrapper("");
    private Function<Long, PageView<T>> fetch;
    private Long shownCursor;
    private Long nextCursor;

    public KeyPager(Background background, Pages<T> pages) {
        this.background = background;
        this.pages = pages;
    }

    /** Starts a new listing at its first page; {@code fetch} answers the page after a cursor (null: the first). */
    public void first(Function<Long, PageView<T>> fetch) {
        this.fetch = fetch;
        previousCursors.clear();
        load(null, () -> { });
    }

    public void next() {
        if (fetch == null || nextCursor == null || loading.get()) return;
        Long from = shownCursor;
        load(nextCursor, () -> previousCursors.push(from == null ? FIRST : from));
    }

    public void previous() {
        if (fetch == null || previousCursors.isEmpty() || loading.get()) return;
        Long back = previousCursors.peek();
        load(FIRST.equals(back) ? null : back, previousCursors::pop);
    }

    private void load(Long cursor, Runnable onLoaded) {
        Function<Long, PageView<T>> f = fetch;
        loading.set(true);
        background.run(() -> f.apply(cursor), page -> {
            loading.set(false);
            onLoaded.run();
            shownCursor = cursor;
            nextCursor = page.nextCursor();
            int number = previousCursors.size() + 1;
            hasNext.set(nextCursor != null);
            hasPrevious.set(!previousCursors.isEmpty());
            pageLabel.set("Page " + number);
            pages.shown(page.items(), number, nextCursor != null);
        }, e -> {
            loading.set(false);
            pages.failed(e);
        });
    }

    public ReadOnlyBooleanProperty loading() {
        return loading.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty hasNext() {
        return hasNext.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty hasPrevious() {
        return hasPrevious.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty pageLabel() {
        return pageLabel.getReadOnlyProperty();
    }
}
