package org.cim4j;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * One page of a result, in the query's order, with the cursor to pass for the next page.
 *
 * @param items  up to the requested limit
 * @param next   opaque cursor for the next page, or {@code null} when this is the last page
 * @param <T>    item type
 */
public record Page<T>(List<T> items, @Nullable String next) {
    public Page {
        items = List.copyOf(Objects.requireNonNull(items, "items"));
    }

    public static <T> Page<T> last(List<T> items) {
        return new Page<>(items, null);
    }

    public Optional<String> nextCursor() {
        return Optional.ofNullable(next);
    }

    public boolean hasNext() {
        return next != null;
    }

    public <R> Page<R> map(Function<? super T, ? extends R> mapper) {
        return new Page<>(items.stream().<R>map(mapper).toList(), next);
    }
}
