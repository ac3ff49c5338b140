package org.cim4j.spi;

import java.time.Instant;
import java.util.Objects;
import org.cim4j.customer.Customer;
import org.cim4j.customer.CustomerId;

/**
 * Position after which the next page of a customer query starts: the sort values and id of the
 * last customer of the previous page. An adapter uses the fields its sort needs.
 *
 * @param createdAt createdAt of the last customer (for CREATED_* sorts)
 * @param sortName  {@link org.cim4j.customer.Person#sortName()} of the last customer (for NAME_ASC)
 * @param id        id of the last customer, the tie-breaker of every sort
 */
public record CustomerKeyset(Instant createdAt, String sortName, CustomerId id) {
    public CustomerKeyset {
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(sortName, "sortName");
        Objects.requireNonNull(id, "id");
    }

    public static CustomerKeyset of(Customer last) {
        return new CustomerKeyset(last.createdAt(), last.person().sortName(), last.id());
    }
}
