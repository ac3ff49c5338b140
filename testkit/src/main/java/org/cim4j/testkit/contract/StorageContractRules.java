package org.cim4j.testkit.contract;

import org.cim4j.customer.CustomerSort;

/**
 * Every rule of the storage SPI contract that the compatibility kit checks, listed once, grouped as
 * the kit's nested classes are (compare the reactive-streams TCK's {@code PublisherVerificationRules}).
 * Each contract class implements its group, so a rule cannot be listed without a test, and the
 * method name of a failing test is the rule that broke. Rules named {@code optional_…} apply only
 * to adapters declaring the capability.
 */
public interface StorageContractRules {
    /** CustomerStore: round trips, lookups, unique keys, versions, queries. */
    interface CustomerStoreRules {
        /** Insert then findById returns a customer equal in every field (CJK name, all attribute types, µs times). */
        void insert_findById_roundTripsEveryField();

        /** A customer with only required fields round-trips with its nulls and empty collections. */
        void insert_findById_minimalCustomer();

        /** Decimal attributes keep their value whatever scale they were written with. */
        void insert_findById_decimalScale();

        /** FindById of an unknown id is empty. */
        void findById_unknownId();

        /** Inserting a second customer with an existing id fails with DuplicateException. */
        void insert_duplicateId();

        /** Non-ACTIVE customers stay resolvable by id. */
        void findById_inactiveCustomer();

        /** FindByContact finds the holder of a primary contact. */
        void findByContact_primaryContact();

        /** FindByContact also finds a non-primary contact. */
        void findByContact_nonPrimaryContact();

        /** FindByContact returns every active holder, ordered by id, and skips inactive ones. */
        void findByContact_onlyActiveOrderedById();

        /** FindByContact matches type and value exactly. */
        void findByContact_exactTypeAndValue();

        /** FindByExternalId finds the holder of exactly that external id. */
        void findByExternalId_found();

        /** FindByExternalId matches system and value, and ignores inactive holders. */
        void findByExternalId_exactAndActiveOnly();

        /** Inserting a second active customer with a taken external id fails with DuplicateException(externalId). */
        void insert_duplicateExternalId();

        /** Inserting a second active customer with a taken primary contact fails with DuplicateException(primaryContact). */
        void insert_duplicatePrimaryContact();

        /** A non-primary contact may be shared, also with another customer's primary one. */
        void insert_sharedNonPrimaryContact();

        /** An inactive customer may be inserted holding keys an active one holds. */
        void insert_inactiveWithTakenKeys();

        /** An update taking another active customer's external id fails with DuplicateException(externalId) and changes nothing. */
        void update_takingAnotherCustomersExternalId();

        /** An update taking another active customer's primary contact fails with DuplicateException(primaryContact) and changes nothing. */
        void update_takingAnotherCustomersPrimaryContact();

        /** An update that keeps the customer's own keys does not clash with itself. */
        void update_keepingOwnKeys();

        /** Keys are released when the holder becomes DELETED. */
        void keys_releasedOnDelete();

        /** Keys are released when the holder is MERGED into another customer. */
        void keys_releasedOnMerge();

        /** Reactivating a customer whose keys were taken meanwhile clashes. */
        void update_reactivationClashes();

        /** The same external id and primary contact may exist in another tenant. */
        void keys_perTenant();

        /** Update with the next version replaces the stored customer. */
        void update_nextVersion();

        /** Update with the same version as stored fails with VersionConflictException. */
        void update_staleVersion();

        /** Update skipping a version fails with VersionConflictException. */
        void update_futureVersion();

        /** Updating an unknown customer fails with NotFoundException. */
        void update_unknownId();

        /** Tags and attributes can be removed by update. */
        void update_removesTagsAndAttributes();

        /** Without a status criterion only ACTIVE customers match. */
        void query_defaultActiveOnly();

        /** StatusIn replaces the default ACTIVE filter. */
        void query_statusIn();

        /** StageIn matches any of the given stages. */
        void query_stageIn();

        /** HasTag matches customers with the tag assigned. */
        void query_hasTag();

        /** AttributeEquals matches text exactly and numbers by value, ignoring scale (2.0 == 2). */
        void query_attributeEquals();

        /** AttributeEquals matches boolean and date attributes. */
        void query_attributeEqualsBooleanAndDate();

        /** AttributeBetween on numbers is inclusive, compares by value (10 > 9.5), and skips customers without it. */
        void query_attributeBetweenNumber();

        /** AttributeBetween with one open bound. */
        void query_attributeBetweenOpenBounds();

        /** AttributeBetween on dates is inclusive at both ends. */
        void query_attributeBetweenDate();

        /** AttributeBetween on text compares by code point. */
        void query_attributeBetweenText();

        /** AttributeBetween on timestamps is inclusive at microsecond precision. */
        void query_attributeBetweenTimestamp();

        /** CreatedBetween is half-open: [from, to). */
        void query_createdBetween();

        /** ContactContains finds a fragment of any contact value, ignoring ASCII case. */
        void query_contactContains();

        /** NameContains matches a fragment of the display name, ignoring case, also for CJK names. */
        void query_nameContains();

        /** SourceChannelIs matches the source channel exactly. */
        void query_sourceChannelIs();

        /** Several criteria combine with AND. */
        void query_criteriaCombineWithAnd();

        /** CREATED_ASC orders by (createdAt, id) ascending. */
        void query_sortCreatedAsc();

        /** CREATED_DESC orders by (createdAt, id) descending. */
        void query_sortCreatedDesc();

        /** NAME_ASC orders by lower-cased display name compared by code point, then id. */
        void query_sortNameAsc();

        /** A query returns at most limit customers. */
        void query_limit();

        /** Count equals the number of customers the query returns. */
        void count_matchesQuery();

        /** Queries and counts on an empty store return nothing. */
        void query_emptyStore();

        /** InsertAll stores every customer like insert does. */
        void insertAll_storesEvery();

        /** InsertAll with a clashing key fails with DuplicateException and stores nothing of that transaction. */
        void insertAll_duplicateRollsBack();
    }

    /** Keyset paging of customer queries. */
    interface PagingRules {
        /** Page after page returns every customer exactly once, in sort order. */
        void paging_everyCustomerOnceInOrder(CustomerSort sort);

        /** Customers inserted between page reads never make a pre-existing one repeat or vanish. */
        void paging_stableUnderInserts(CustomerSort sort);

        /** Pages of one item walk the whole result. */
        void paging_limitOne(CustomerSort sort);

        /** An empty result is one empty page. */
        void paging_emptyResult();

        /** The page after the last customer is empty. */
        void paging_afterLast();

        /** Paging a filtered query returns exactly the matching customers. */
        void paging_filtered();

        /** A keyset from a customer that no longer matches still positions the next page. */
        void paging_keysetOfDeletedCustomer();
    }

    /** InteractionStore: append-only log and timeline. */
    interface InteractionStoreRules {
        /** Insert then findById returns an equal interaction, nulls included. */
        void insert_findById_roundTrip();

        /** Inserting an interaction with an existing id fails with DuplicateException. */
        void insert_duplicateId();

        /** The timeline is newest first by (occurredAt, id) descending. */
        void timeline_newestFirstTiesById();

        /** Walking the timeline with keysets returns each interaction once. */
        void timeline_keysetPaging();

        /** Type filter and the half-open time window [from, to) restrict timeline and count alike. */
        void timeline_typeAndWindowFilters();

        /** A customer's timeline holds only that customer's interactions. */
        void timeline_onlyThatCustomer();

        /** The timeline returns at most limit interactions, the newest. */
        void timeline_limit();

        /** A customer without interactions has an empty timeline and count 0. */
        void timeline_empty();
    }

    /** PurchaseStore: orders, versions, history. */
    interface PurchaseStoreRules {
        /** Insert then findById and findByOrder return an equal purchase (lines, exact money, µs time). */
        void insert_findById_roundTrip();

        /** Unknown purchase ids and order ids find nothing. */
        void findById_unknown();

        /** An order id is unique per tenant and channel. */
        void insert_duplicateOrderId();

        /** The same order id in another channel or another tenant is a different order. */
        void insert_sameOrderIdOtherChannelOrTenant();

        /** Inserting a purchase with an existing id fails with DuplicateException. */
        void insert_duplicateId();

        /** Update with the next version replaces the purchase (a partial refund). */
        void update_nextVersion();

        /** Update from a stale version fails with VersionConflictException. */
        void update_staleVersion();

        /** Updating an unknown purchase fails with NotFoundException. */
        void update_unknownId();

        /** History is newest first, ties broken by id descending, and keysets walk it exactly once. */
        void history_newestFirstAndKeysets();

        /** History holds only that customer's purchases. */
        void history_onlyThatCustomer();
    }

    /** TagStore: tag definitions. */
    interface TagStoreRules {
        /** Insert then findById and findByName return an equal tag. */
        void insert_findById_roundTrip();

        /** Unknown tag ids and names find nothing. */
        void find_unknown();

        /** FindByName is exact (case-sensitive). */
        void findByName_exact();

        /** Inserting a second tag with a taken name fails with DuplicateException(name). */
        void insert_duplicateName();

        /** The same name may exist in another tenant. */
        void insert_sameNameOtherTenant();

        /** List orders by name compared by code point (binary), so 'B' < 'a' < 'é' < '王'. */
        void list_orderedByNameBinary();

        /** A tenant without tags lists none. */
        void list_empty();
    }

    /** Transactions of StorageProvider.inTransaction. */
    interface TransactionRules {
        /** A work that writes to every store and then throws leaves nothing behind. */
        void failedWork_leavesNothing();

        /** The exception a work throws reaches the caller as the same instance. */
        void failedWork_exceptionPassesThroughUnchanged();

        /** A committed work's return value is returned. */
        void work_returnValue();

        /** Reads inside a transaction see its own uncommitted writes. */
        void work_readsOwnWrites();

        /** A failed update inside a transaction rolls back the transaction's other writes. */
        void failedUpdate_rollsBackOtherWrites();

        /** An update of an unknown customer after other writes rolls them back. */
        void notFound_rollsBackOtherWrites();

        /** A transaction that updated a customer and failed leaves its version unchanged, so the update can be redone. */
        void failedWork_versionUntouched();

        /** Committed writes are visible to later transactions. */
        void committedWork_visibleAfterwards();
    }

    /** Tenant isolation of every store. */
    interface TenantIsolationRules {
        /** FindById, findByContact and findByExternalId never return another tenant's customer. */
        void customerLookups_isolated();

        /** Queries and counts with any criterion and sort never match another tenant's customer. */
        void customerQueries_isolated();

        /** Updating a customer id under the wrong tenant fails with NotFoundException and changes nothing. */
        void customerUpdate_isolated();

        /** Tags of another tenant are invisible by id, name and list. */
        void tags_isolated();

        /** Interactions of another tenant are invisible by id, timeline and count. */
        void interactions_isolated();

        /** Purchases of another tenant are invisible by id, order and history, and cannot be updated. */
        void purchases_isolated();
    }

    /** Concurrent writers. */
    interface ConcurrencyRules {
        /** 8 threads doing read-modify-write with retry on VersionConflict lose no update. */
        void optimisticUpdates_noLostUpdate() throws Exception;

        /** Two updates from the same version: exactly one commits, the other gets VersionConflict. */
        void sameVersionUpdates_oneWins() throws Exception;

        /** 16 threads inserting customers with the same external id: exactly one succeeds. */
        void racingInserts_sameExternalId_oneWins() throws Exception;

        /** 16 threads inserting customers with the same primary e-mail: exactly one succeeds. */
        void racingInserts_samePrimaryContact_oneWins() throws Exception;

        /** Parallel inserts of distinct customers are all kept. */
        void parallelInserts_allVisible() throws Exception;
    }

    /** Optional capabilities; skipped unless the adapter declares them. */
    interface CapabilityRules {
        /** Optional BULK_LOAD: insertAll stores a large batch in one transaction. */
        void optional_bulkLoad_largeBatch();

        /** Optional BULK_LOAD: a clash anywhere in a batch rolls back the whole batch. */
        void optional_bulkLoad_clashRollsBackBatch();

        /** Optional DURABLE: committed data is there after the provider is closed and reopened. */
        void optional_durable_survivesReopen();

        /** Optional SHARED_ACROSS_INSTANCES: two instances see each other's commits and share unique keys and versions. */
        void optional_sharedAcrossInstances();
    }
}
