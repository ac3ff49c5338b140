package org.cim4j.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.cim4j.Channel;
import org.cim4j.NotFoundException;
import org.cim4j.ValidationException;
import org.cim4j.VersionConflictException;
import org.cim4j.Violation;
import org.cim4j.commerce.Purchase;
import org.cim4j.customer.Customer;
import org.cim4j.customer.CustomerQuery;
import org.cim4j.customer.LifecycleStage;
import org.cim4j.interaction.Interaction;
import org.cim4j.interaction.InteractionQuery;
import org.cim4j.interaction.InteractionType;
import org.cim4j.tag.Tag;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Transactions of {@link org.cim4j.spi.StorageProvider#inTransaction}: all-or-nothing, exceptions
 * pass through unchanged, results are returned, and a transaction reads its own writes.
 */
public abstract class TransactionContract extends AdapterContract implements StorageContractRules.TransactionRules {

    /** An unchecked exception a work throws on purpose. */
    static final class Boom extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Boom() {
            super("boom");
        }
    }

    @Test
    @DisplayName("a work that writes to every store and then throws leaves nothing behind")
    public void failedWork_leavesNothing() {
        Customer existing = insert(fixtures().customer(TENANT, "Existing"));
        Customer c = fixtures().customer(TENANT, "王小明");
        Tag t = fixtures().tag(TENANT, "VIP");
        Interaction i = fixtures().interaction(TENANT, c.id(), InteractionType.CALL, fixtures().now());
        Purchase p = fixtures().purchase(TENANT, c.id(), Channel.POS, "order-1", fixtures().now());
        assertThatThrownBy(() -> provider().write(s -> {
            s.customers().insert(c.withTag(t.id()));
            s.tags().insert(t);
            s.interactions().insert(i);
            s.purchases().insert(p);
            s.customers().update(fixtures().next(existing.withStage(LifecycleStage.CHURNED)));
            throw new Boom();
        })).isInstanceOf(Boom.class);

        provider().read(s -> {
            assertThat(s.customers().findById(TENANT, c.id())).isEmpty();
            assertThat(s.customers().findById(TENANT, existing.id())).contains(existing);
            assertThat(s.customers().count(TENANT, CustomerQuery.all())).isEqualTo(1);
            assertThat(s.tags().list(TENANT)).isEmpty();
            assertThat(s.interactions().findById(TENANT, i.id())).isEmpty();
            assertThat(s.interactions().count(TENANT, c.id(), InteractionQuery.all())).isZero();
            assertThat(s.purchases().findById(TENANT, p.id())).isEmpty();
            assertThat(s.purchases().findByOrder(TENANT, Channel.POS, "order-1")).isEmpty();
            return null;
        });
    }

    @Test
    @DisplayName("the exception a work throws reaches the caller as the same instance")
    public void failedWork_exceptionPassesThroughUnchanged() {
        Boom boom = new Boom();
        ValidationException invalid = new ValidationException("customer.create", java.util.List.of(
                new Violation("displayName", "must not be blank", null)));
        assertThatThrownBy(() -> provider().write(s -> {
            throw boom;
        })).isSameAs(boom);
        assertThatThrownBy(() -> provider().read(s -> {
            throw invalid;
        })).isSameAs(invalid);
    }

    @Test
    @DisplayName("a committed work's return value is returned")
    public void work_returnValue() {
        String result = provider().write(s -> "result");
        assertThat(result).isEqualTo("result");
        int answer = provider().read(s -> 42);
        assertThat(answer).isEqualTo(42);
    }

    @Test
    @DisplayName("reads inside a transaction see its own uncommitted writes")
    public void work_readsOwnWrites() {
        Customer c = fixtures().customer(TENANT, "A");
        Tag t = fixtures().tag(TENANT, "VIP");
        provider().write(s -> {
            s.customers().insert(c);
            s.tags().insert(t);
            assertThat(s.customers().findById(TENANT, c.id())).contains(c);
            assertThat(s.customers().query(TENANT, CustomerQuery.all(), null, 10)).containsExactly(c);
            assertThat(s.customers().count(TENANT, CustomerQuery.all())).isEqualTo(1);
            assertThat(s.tags().findByName(TENANT, "VIP")).contains(t);
            Customer next = fixtures().next(c.withTag(t.id()));
            s.customers().update(next);
            assertThat(s.customers().findById(TENANT, c.id())).contains(next);
            return null;
        });
        assertThat(readOptional(s -> s.customers().findById(TENANT, c.id())).orElseThrow().version()).isEqualTo(2);
    }

    @Test
    @DisplayName("a failed update inside a transaction rolls back the transaction's other writes")
    public void failedUpdate_rollsBackOtherWrites() {
        Customer a = insert(fixtures().customer(TENANT, "A"));
        Customer b = fixtures().customer(TENANT, "B");
        Tag t = fixtures().tag(TENANT, "VIP");
        Customer stale = a.withBookkeeping(5, a.status(), null, fixtures().now());
        assertThatThrownBy(() -> provider().write(s -> {
            s.customers().insert(b);
            s.tags().insert(t);
            s.customers().update(stale);
            return null;
        })).isInstanceOf(VersionConflictException.class);
        assertThat(readOptional(s -> s.customers().findById(TENANT, b.id()))).isEmpty();
        assertThat(readList(s -> s.tags().list(TENANT))).isEmpty();
        assertThat(readOptional(s -> s.customers().findById(TENANT, a.id()))).contains(a);
    }

    @Test
    @DisplayName("an update of an unknown customer after other writes rolls them back")
    public void notFound_rollsBackOtherWrites() {
        Customer b = fixtures().customer(TENANT, "B");
        Customer ghost = fixtures().next(fixtures().customer(TENANT, "Ghost"));
        assertThatThrownBy(() -> provider().write(s -> {
            s.customers().insert(b);
            s.customers().update(ghost);
            return null;
        })).isInstanceOf(NotFoundException.class);
        assertThat(readCount(s -> s.customers().count(TENANT, CustomerQuery.all()))).isZero();
    }

    @Test
    @DisplayName("a transaction that updated a customer and failed leaves its version unchanged, so the update can be redone")
    public void failedWork_versionUntouched() {
        Customer a = insert(fixtures().customer(TENANT, "A"));
        Customer next = fixtures().next(a.withStage(LifecycleStage.ACTIVE));
        assertThatThrownBy(() -> provider().write(s -> {
            s.customers().update(next);
            throw new Boom();
        })).isInstanceOf(Boom.class);
        inWrite(s -> s.customers().update(next));
        assertThat(readOptional(s -> s.customers().findById(TENANT, a.id()))).contains(next);
    }

    @Test
    @DisplayName("committed writes are visible to later transactions")
    public void committedWork_visibleAfterwards() {
        Customer c = fixtures().customer(TENANT, "A");
        Tag t = fixtures().tag(TENANT, "VIP");
        provider().write(s -> {
            s.customers().insert(c);
            s.tags().insert(t);
            return null;
        });
        assertThat(readOptional(s -> s.customers().findById(TENANT, c.id()))).contains(c);
        assertThat(readOptional(s -> s.tags().findById(TENANT, t.id()))).contains(t);
    }
}
