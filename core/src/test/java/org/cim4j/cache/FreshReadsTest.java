package org.cim4j.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.cim4j.Cim4jScope;
import org.cim4j.NotFoundException;
import org.cim4j.Principal;
import org.cim4j.TenantId;
import org.cim4j.commerce.PurchaseService;
import org.cim4j.customer.CustomerService;
import org.cim4j.interaction.InteractionService;
import org.cim4j.tag.TagService;
import org.junit.jupiter.api.Test;

class FreshReadsTest {

    /** A scope whose customer service records whether each call ran with fresh reads on. */
    static final class RecordingScope implements Cim4jScope {
        final List<Boolean> freshDuringCall = new ArrayList<>();
        final CustomerService customers = (CustomerService) Proxy.newProxyInstance(
                CustomerService.class.getClassLoader(), new Class<?>[] {CustomerService.class}, (p, m, args) -> {
                    freshDuringCall.add(FreshReads.active());
                    if (m.getName().equals("get")) {
                        throw new NotFoundException("customer", String.valueOf(args[0]));
                    }
                    return Optional.empty();
                });

        @Override
        public Principal principal() {
            return Principal.system(TenantId.DEFAULT);
        }

        @Override
        public CustomerService customers() {
            return customers;
        }

        @Override
        public InteractionService interactions() {
            throw new UnsupportedOperationException();
        }

        @Override
        public PurchaseService purchases() {
            throw new UnsupportedOperationException();
        }

        @Override
        public TagService tags() {
            throw new UnsupportedOperationException();
        }

        @Override
        public org.cim4j.loyalty.LoyaltyService loyalty() {
            throw new UnsupportedOperationException();
        }
    }

    @Test
    void call_activeOnlyInside() {
        assertThat(FreshReads.active()).isFalse();
        assertThat(FreshReads.call(() -> FreshReads.call(FreshReads::active))).isTrue();
        assertThat(FreshReads.call(FreshReads::active)).isTrue();
        assertThat(FreshReads.active()).isFalse();
    }

    @Test
    void call_exception_resetsState() {
        assertThatThrownBy(() -> FreshReads.call(() -> {
            throw new IllegalStateException("x");
        })).hasMessage("x");
        assertThat(FreshReads.active()).isFalse();
    }

    @Test
    void freshScope_wrapsServiceCalls() {
        RecordingScope scope = new RecordingScope();
        Cim4jScope fresh = scope.fresh();

        fresh.customers().find(org.cim4j.customer.CustomerId.of("0192f5a0-1c2d-7e3f-8a9b-0c1d2e3f4a5b"));
        scope.customers().find(org.cim4j.customer.CustomerId.of("0192f5a0-1c2d-7e3f-8a9b-0c1d2e3f4a5b"));

        assertThat(scope.freshDuringCall).containsExactly(true, false);
        assertThat(fresh.principal()).isEqualTo(scope.principal());
        assertThat(fresh.fresh()).isSameAs(fresh);
        assertThat(FreshReads.active()).isFalse();
    }

    @Test
    void freshScope_passesExceptionsThroughUnwrapped() {
        Cim4jScope fresh = new RecordingScope().fresh();
        assertThatThrownBy(() -> fresh.customers().get(
                org.cim4j.customer.CustomerId.of("0192f5a0-1c2d-7e3f-8a9b-0c1d2e3f4a5b")))
                .isInstanceOf(NotFoundException.class);
        assertThat(FreshReads.active()).isFalse();
    }
}
