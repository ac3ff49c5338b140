package org.cim4j.cache;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.cim4j.TenantId;
import org.junit.jupiter.api.Test;

class InProcessInvalidationBusTest {
    private static final Invalidation MESSAGE = new Invalidation(Invalidation.Kind.TAG, TenantId.DEFAULT,
            "0192f5a0-1c2d-7e3f-8a9b-0c1d2e3f4a5b", 0, List.of(), "o");

    static final class Recorder implements InvalidationBus.Listener {
        final List<Invalidation> received = new ArrayList<>();
        int gaps;

        @Override
        public void onInvalidation(Invalidation message) {
            received.add(message);
        }

        @Override
        public void onGap() {
            gaps++;
        }
    }

    @Test
    void publish_reachesEverySubscriberSynchronously() {
        InProcessInvalidationBus bus = InProcessInvalidationBus.create();
        Recorder a = new Recorder();
        Recorder b = new Recorder();
        bus.subscribe(a);
        bus.subscribe(b);
        bus.publish(MESSAGE);
        assertThat(a.received).containsExactly(MESSAGE);
        assertThat(b.received).containsExactly(MESSAGE);
        bus.signalGap();
        assertThat(a.gaps).isEqualTo(1);
    }

    @Test
    void subscription_close_stopsDelivery() {
        InProcessInvalidationBus bus = InProcessInvalidationBus.create();
        Recorder a = new Recorder();
        InvalidationBus.Subscription s = bus.subscribe(a);
        s.close();
        s.close();
        bus.publish(MESSAGE);
        assertThat(a.received).isEmpty();
        assertThat(bus.subscriberCount()).isZero();
    }

    @Test
    void failingListener_doesNotStopOthers() {
        InProcessInvalidationBus bus = InProcessInvalidationBus.create();
        bus.subscribe(new InvalidationBus.Listener() {
            @Override
            public void onInvalidation(Invalidation message) {
                throw new IllegalStateException("listener broke");
            }

            @Override
            public void onGap() {
                throw new IllegalStateException("listener broke");
            }
        });
        Recorder ok = new Recorder();
        bus.subscribe(ok);
        bus.publish(MESSAGE);
        bus.signalGap();
        assertThat(ok.received).containsExactly(MESSAGE);
        assertThat(ok.gaps).isEqualTo(1);
    }
}
