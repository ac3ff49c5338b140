package org.cim4j;

import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Which page of a result to read: the opaque cursor returned with the previous page (absent for
 * the first page) and the maximum number of items. Paging is by keyset, so page 1,000 costs what
 * page 1 costs, and every item is returned exactly once even while new items are inserted.
 *
 * @param after cursor from {@link Page#nextCursor()}, or {@code null} for the first page
 * @param limit 1 to {@value #MAX_LIMIT} items
 */
public record PageRequest(@Nullable String after, int limit) {
    /** Largest page size accepted. */
    public static final int MAX_LIMIT = 1000;
    /** Page size used by {@link #first()}. */
    public static final int DEFAULT_LIMIT = 50;

    public PageRequest {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be between 1 and " + MAX_LIMIT + ", was " + limit);
        }
        if (after != null && after.isBlank()) {
            throw new IllegalArgumentException("cursor must not be blank");
        }
    }

    public static PageRequest first() {
        return new PageRequest(null, DEFAULT_LIMIT);
    }

    public static PageRequest first(int limit) {
        return new PageRequest(null, limit);
    }

    public static PageRequest after(String cursor, int limit) {
        return new PageRequest(cursor, limit);
    }

    /** The request for the page after {@code page}, with the same limit; empty when it was the last. */
    public Optional<PageRequest> next(Page<?> page) {
        return page.nextCursor().map(c -> new PageRequest(c, limit));
    }

    public Optional<String> cursor() {
        return Optional.ofNullable(after);
    }
}
