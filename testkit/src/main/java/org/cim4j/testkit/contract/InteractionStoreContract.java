package org.cim4j.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.cim4j.Channel;
import org.cim4j.DuplicateException;
import org.cim4j.customer.Customer;
import org.cim4j.interaction.Direction;
import org.cim4j.interaction.Interaction;
import org.cim4j.interaction.InteractionQuery;
import org.cim4j.interaction.InteractionType;
import org.cim4j.spi.TimeKeyset;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The written contract of {@link org.cim4j.spi.InteractionStore}: exact round trips, duplicate ids,
 * the newest-first timeline with {@code (occurredAt, id)} keysets, type and time filters, counts.
 */
public abstract class InteractionStoreContract extends AdapterContract implements StorageContractRules.InteractionStoreRules {
    static final Comparator<Interaction> NEWEST_FIRST =
            Comparator.comparing(Interaction::occurredAt).thenComparing(Interaction::id).reversed();

    private Customer customer;
    private Instant t0;

    @BeforeEach
    void insertCustomer() {
        customer = insert(fixtures().customer(TENANT, "王小明"));
        t0 = fixtures().now().minusSeconds(86_400);
    }

    private Interaction interaction(InteractionType type, Instant at) {
        return fixtures().interaction(TENANT, customer.id(), type, at);
    }

    private Interaction store(Interaction i) {
        inWrite(s -> s.interactions().insert(i));
        return i;
    }

    private List<Interaction> timeline(InteractionQuery q, @Nullable TimeKeyset before, int limit) {
        return provider().read(s -> s.interactions().timeline(TENANT, customer.id(), q, before, limit));
    }

    @Test
    @DisplayName("insert then findById returns an equal interaction, nulls included")
    public void insert_findById_roundTrip() {
        Interaction full = store(interaction(InteractionType.COMPLAINT, t0.plusNanos(7_000)));
        Interaction bare = store(new Interaction(fixtures().interactionId(), TENANT, customer.id(), InteractionType.of("page_view"),
                Channel.APP, Direction.NONE, t0, null, null, null, null, null, null, fixtures().now()));
        assertThat(readOptional(s -> s.interactions().findById(TENANT, full.id()))).contains(full);
        assertThat(readOptional(s -> s.interactions().findById(TENANT, bare.id()))).contains(bare);
        assertThat(readOptional(s -> s.interactions().findById(TENANT, fixtures().interactionId()))).isEmpty();
    }

    @Test
    @DisplayName("inserting an interaction with an existing id fails with DuplicateException")
    public void insert_duplicateId() {
        Interaction i = store(interaction(InteractionType.CALL, t0));
        Interaction again = new Interaction(i.id(), TENANT, customer.id(), InteractionType.EMAIL, Channel.EMAIL,
                Direction.OUTBOUND, t0.plusSeconds(5), null, null, null, null, null, null, fixtures().now());
        assertThatThrownBy(() -> store(again)).isInstanceOf(DuplicateException.class);
        assertThat(readOptional(s -> s.interactions().findById(TENANT, i.id()))).contains(i);
    }

    @Test
    @DisplayName("the timeline is newest first by (occurredAt, id) descending")
    public void timeline_newestFirstTiesById() {
        List<Interaction> all = new ArrayList<>();
        for (int k = 0; k < 8; k++) {
            all.add(interaction(InteractionType.CALL, t0.plusSeconds(k % 3)));
        }
        inWrite(s -> s.interactions().insertAll(all));
        assertThat(timeline(InteractionQuery.all(), null, 100)).containsExactlyElementsOf(all.stream().sorted(NEWEST_FIRST).toList());
    }

    @Test
    @DisplayName("walking the timeline with keysets returns each interaction once")
    public void timeline_keysetPaging() {
        List<Interaction> all = new ArrayList<>();
        for (int k = 0; k < 13; k++) {
            all.add(interaction(InteractionType.VISIT, t0.plusSeconds(k / 2)));
        }
        inWrite(s -> s.interactions().insertAll(all));
        List<Interaction> read = new ArrayList<>();
        TimeKeyset before = null;
        while (true) {
            List<Interaction> page = timeline(InteractionQuery.all(), before, 4);
            read.addAll(page);
            if (page.size() < 4) {
                break;
            }
            Interaction last = page.get(page.size() - 1);
            before = new TimeKeyset(last.occurredAt(), last.id().value());
        }
        assertThat(read).containsExactlyElementsOf(all.stream().sorted(NEWEST_FIRST).toList());
    }

    @Test
    @DisplayName("type filter and the half-open time window [from, to) restrict timeline and count alike")
    public void timeline_typeAndWindowFilters() {
        Interaction call = store(interaction(InteractionType.CALL, t0));
        Interaction chat = store(interaction(InteractionType.CHAT, t0.plusSeconds(10)));
        Interaction complaint = store(interaction(InteractionType.COMPLAINT, t0.plusSeconds(20)));
        InteractionQuery types = InteractionQuery.ofTypes(InteractionType.CALL, InteractionType.COMPLAINT);
        assertThat(timeline(types, null, 10)).containsExactly(complaint, call);
        InteractionQuery window = InteractionQuery.all().between(t0, t0.plusSeconds(20));
        assertThat(timeline(window, null, 10)).containsExactly(chat, call);
        assertThat(readCount(s -> s.interactions().count(TENANT, customer.id(), window))).isEqualTo(2);
        assertThat(readCount(s -> s.interactions().count(TENANT, customer.id(), types.between(t0.plusSeconds(1), null))))
                .isEqualTo(1);
    }

    @Test
    @DisplayName("a customer's timeline holds only that customer's interactions")
    public void timeline_onlyThatCustomer() {
        Customer other = insert(fixtures().customer(TENANT, "李雷"));
        Interaction mine = store(interaction(InteractionType.CALL, t0));
        store(fixtures().interaction(TENANT, other.id(), InteractionType.CALL, t0.plusSeconds(1)));
        assertThat(timeline(InteractionQuery.all(), null, 10)).containsExactly(mine);
        assertThat(readCount(s -> s.interactions().count(TENANT, customer.id(), InteractionQuery.all()))).isEqualTo(1);
    }

    @Test
    @DisplayName("the timeline returns at most limit interactions, the newest")
    public void timeline_limit() {
        for (int k = 0; k < 5; k++) {
            store(interaction(InteractionType.CLICK, t0.plusSeconds(k)));
        }
        assertThat(timeline(InteractionQuery.all(), null, 2)).extracting(Interaction::occurredAt)
                .containsExactly(t0.plusSeconds(4), t0.plusSeconds(3));
    }

    @Test
    @DisplayName("a customer without interactions has an empty timeline and count 0")
    public void timeline_empty() {
        assertThat(timeline(InteractionQuery.all(), null, 10)).isEmpty();
        assertThat(readCount(s -> s.interactions().count(TENANT, customer.id(), InteractionQuery.all()))).isZero();
    }
}
