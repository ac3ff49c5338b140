package org.cim4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumSet;
import java.util.Set;
import org.cim4j.cache.CacheSettings;
import org.cim4j.cache.CachingStorageProvider;
import org.cim4j.cache.InProcessInvalidationBus;
import org.cim4j.spi.Capability;
import org.cim4j.spi.StorageProvider;
import org.cim4j.spi.StorageWork;
import org.cim4j.spi.TransactionMode;
import org.junit.jupiter.api.Test;

class Cim4jCacheBuilderTest {

    /** A provider that only counts closes; the builder never runs work on it here. */
    static final class StubStorage implements StorageProvider {
        int closed;

        @Override
        public String name() {
            return "stub";
        }

        @Override
        public Set<Capability> capabilities() {
            return EnumSet.of(Capability.DURABLE);
        }

        @Override
        public <T> T inTransaction(TransactionMode mode, StorageWork<T> work) {
            throw new UnsupportedOperationException("stub");
        }

        @Override
        public void close() {
            closed++;
        }
    }

    @Test
    void cache_defaults_wrapsStorage() {
        StubStorage stub = new StubStorage();
        Cim4j.Settings s = Cim4j.builder().storage(stub).cache(CacheSettings.defaults()).settings();

        assertThat(s.storage()).isInstanceOf(CachingStorageProvider.class);
        CachingStorageProvider cached = (CachingStorageProvider) s.storage();
        assertThat(cached.delegate()).isSameAs(stub);
        assertThat(cached.capabilities()).containsExactly(Capability.DURABLE);
        assertThat(s.closeStorage()).isTrue();
        cached.close();
        assertThat(stub.closed).isEqualTo(1);
    }

    @Test
    void cache_sharedStorage_wrapperLeavesAdapterOpen() {
        StubStorage stub = new StubStorage();
        Cim4j.Settings s = Cim4j.builder().sharedStorage(stub).cache(CacheSettings.defaults()).settings();
        s.storage().close();
        assertThat(stub.closed).isZero();
    }

    @Test
    void cache_eachSettingsCallWrapsAnew() {
        Cim4j.Builder b = Cim4j.builder().sharedStorage(new StubStorage()).cache(CacheSettings.defaults());
        assertThat(b.settings().storage()).isNotSameAs(b.settings().storage());
    }

    @Test
    void cache_offOrUnset_leavesStorageAlone() {
        StubStorage stub = new StubStorage();
        assertThat(Cim4j.builder().storage(stub).settings().storage()).isSameAs(stub);
        assertThat(Cim4j.builder().storage(stub).cache(CacheSettings.off()).settings().storage()).isSameAs(stub);
    }

    @Test
    void cache_offWithBus_stillWrapsToPublish() {
        InProcessInvalidationBus bus = InProcessInvalidationBus.create();
        CacheSettings publishOnly = CacheSettings.builder().enabled(false).invalidationBus(bus).build();
        StorageProvider p = Cim4j.builder().storage(new StubStorage()).cache(publishOnly).settings().storage();
        assertThat(p).isInstanceOf(CachingStorageProvider.class);
        assertThat(bus.subscriberCount()).isZero();
    }

    @Test
    void cache_setTwice() {
        assertThatThrownBy(() -> Cim4j.builder().cache(CacheSettings.defaults()).cache(CacheSettings.off()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("cache was already set to CacheSettings[customers=10000/PT5M");
    }
}
