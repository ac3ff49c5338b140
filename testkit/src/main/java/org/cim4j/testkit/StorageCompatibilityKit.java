package org.cim4j.testkit;

import java.util.Map;
import org.cim4j.spi.StorageProvider;
import org.cim4j.testkit.contract.CapabilityContract;
import org.cim4j.testkit.contract.CustomerServiceContract;
import org.cim4j.testkit.contract.InteractionServiceContract;
import org.cim4j.testkit.contract.PurchaseServiceContract;
import org.cim4j.testkit.contract.TagServiceContract;
import org.cim4j.testkit.contract.EventContract;
import org.cim4j.testkit.contract.LoyaltyAggregatesContract;
import org.cim4j.testkit.contract.LoyaltyContract;
import org.cim4j.testkit.contract.LoyaltyTortureContract;
import org.cim4j.testkit.contract.ValidationContract;
import org.cim4j.testkit.contract.AdapterContract;
import org.cim4j.testkit.contract.ConcurrencyContract;
import org.cim4j.testkit.contract.CustomerStoreContract;
import org.cim4j.testkit.contract.InteractionStoreContract;
import org.cim4j.testkit.contract.PagingContract;
import org.cim4j.testkit.contract.PurchaseStoreContract;
import org.cim4j.testkit.contract.TagStoreContract;
import org.cim4j.testkit.contract.TenantIsolationContract;
import org.cim4j.testkit.contract.TransactionContract;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;

/**
 * The storage compatibility kit (TCK). An adapter proves it honours the SPI contract with one
 * small test class:
 *
 * <pre>{@code
 * class MongoStorageCompatibilityTest extends StorageCompatibilityKit {
 *     @Override
 *     protected StorageProvider createProvider() {
 *         return MongoStorage.create(freshDatabase());
 *     }
 * }
 * }</pre>
 *
 * Every nested class runs one contract group against a fresh, empty provider per test. Tests of
 * optional {@link org.cim4j.spi.Capability capabilities} the adapter does not declare are skipped,
 * not failed. See the testkit README for what must pass to claim compatibility.
 */
public abstract class StorageCompatibilityKit {
    /** This kit seen as the adapter under test, handed to every nested contract class. */
    private final AdapterContract.Adapter adapter = new AdapterContract.Adapter() {
        @Override
        public StorageProvider createProvider() {
            return StorageCompatibilityKit.this.createProvider();
        }

        @Override
        public StorageProvider openAnotherProvider() {
            return StorageCompatibilityKit.this.openAnotherProvider();
        }

        @Override
        public Map<String, String> exclusions() {
            return StorageCompatibilityKit.this.exclusions();
        }
    };

    /**
     * A new provider over empty storage, called before every test (the kit closes it afterwards).
     * Adapters over a shared database must return a provider whose data starts empty.
     */
    protected abstract StorageProvider createProvider();

    /**
     * Known failures of this adapter, as {@code "ContractClass.method" -> "reason"} (e.g.
     * {@code Map.of("ConcurrencyContract.parallelInserts_allVisible", "single-writer store, see #12")}).
     * They are reported as skipped with the reason. An adapter claiming compatibility excludes nothing.
     */
    protected Map<String, String> exclusions() {
        return Map.of();
    }

    /**
     * Another provider over the same data as the most recent {@link #createProvider()}: needed only
     * by adapters declaring {@link org.cim4j.spi.Capability#DURABLE} or
     * {@link org.cim4j.spi.Capability#SHARED_ACROSS_INSTANCES}, whose optional tests use it.
     */
    protected StorageProvider openAnotherProvider() {
        throw AdapterContract.noSecondProvider(getClass().getSimpleName());
    }

    // ---- SPI-level contracts: the stores, called directly ---------------------------------------

    @Nested
    @DisplayName("CustomerStore")
    class CustomerStoreTck extends CustomerStoreContract {
        @Override
        protected Adapter adapter() {
            return adapter;
        }
    }

    @Nested
    @DisplayName("CustomerStore keyset paging")
    class PagingTck extends PagingContract {
        @Override
        protected Adapter adapter() {
            return adapter;
        }
    }

    @Nested
    @DisplayName("InteractionStore")
    class InteractionStoreTck extends InteractionStoreContract {
        @Override
        protected Adapter adapter() {
            return adapter;
        }
    }

    @Nested
    @DisplayName("PurchaseStore")
    class PurchaseStoreTck extends PurchaseStoreContract {
        @Override
        protected Adapter adapter() {
            return adapter;
        }
    }

    @Nested
    @DisplayName("TagStore")
    class TagStoreTck extends TagStoreContract {
        @Override
        protected Adapter adapter() {
            return adapter;
        }
    }

    @Nested
    @DisplayName("Transactions")
    class TransactionTck extends TransactionContract {
        @Override
        protected Adapter adapter() {
            return adapter;
        }
    }

    @Nested
    @DisplayName("Tenant isolation")
    class TenantIsolationTck extends TenantIsolationContract {
        @Override
        protected Adapter adapter() {
            return adapter;
        }
    }

    @Nested
    @DisplayName("Concurrent writers")
    class ConcurrencyTck extends ConcurrencyContract {
        @Override
        protected Adapter adapter() {
            return adapter;
        }
    }

    @Nested
    @DisplayName("Optional capabilities (skipped unless declared)")
    class CapabilityTck extends CapabilityContract {
        @Override
        protected Adapter adapter() {
            return adapter;
        }
    }

    // ---- Service-level contracts: the engine's services over the adapter ------------------------
    @Nested
    @DisplayName("CustomerService")
    class CustomerServiceTck extends CustomerServiceContract {
        @Override
        protected Adapter adapter() {
            return adapter;
        }
    }

    @Nested
    @DisplayName("InteractionService")
    class InteractionServiceTck extends InteractionServiceContract {
        @Override
        protected Adapter adapter() {
            return adapter;
        }
    }

    @Nested
    @DisplayName("PurchaseService")
    class PurchaseServiceTck extends PurchaseServiceContract {
        @Override
        protected Adapter adapter() {
            return adapter;
        }
    }

    @Nested
    @DisplayName("TagService")
    class TagServiceTck extends TagServiceContract {
        @Override
        protected Adapter adapter() {
            return adapter;
        }
    }

    @Nested
    @DisplayName("Domain events")
    class EventTck extends EventContract {
        @Override
        protected Adapter adapter() {
            return adapter;
        }
    }

    @Nested
    @DisplayName("Input validation")
    class ValidationTck extends ValidationContract {
        @Override
        protected Adapter adapter() {
            return adapter;
        }
    }

    @Nested
    @DisplayName("Loyalty: ledger, lots, idempotency, tiers")
    class LoyaltyTck extends LoyaltyContract {
        @Override
        protected Adapter adapter() {
            return adapter;
        }
    }

    @Nested
    @DisplayName("Loyalty aggregate reads: ledgerTotals, dueLots, PurchaseStore.totals")
    class LoyaltyAggregatesTck extends LoyaltyAggregatesContract {
        @Override
        protected Adapter adapter() {
            return adapter;
        }
    }

    @Nested
    @DisplayName("Loyalty torture: 32 threads, two instances, hot accounts")
    class LoyaltyTortureTck extends LoyaltyTortureContract {
        @Override
        protected Adapter adapter() {
            return adapter;
        }
    }
}
