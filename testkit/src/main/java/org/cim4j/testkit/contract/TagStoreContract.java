package org.cim4j.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Comparator;
import java.util.List;
import org.cim4j.DuplicateException;
import org.cim4j.tag.Tag;
import org.cim4j.tag.TagKind;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The written contract of {@link org.cim4j.spi.TagStore}: round trips, unique names per tenant, ordered listing. */
public abstract class TagStoreContract extends AdapterContract implements StorageContractRules.TagStoreRules {

    private Tag store(Tag t) {
        inWrite(s -> s.tags().insert(t));
        return t;
    }

    @Test
    @DisplayName("insert then findById and findByName return an equal tag")
    public void insert_findById_roundTrip() {
        Tag vip = store(fixtures().tag(TENANT, "VIP 贵宾"));
        Tag bare = store(new Tag(fixtures().tagId(), TENANT, "bare", null, null, TagKind.RULE, fixtures().now()));
        assertThat(readOptional(s -> s.tags().findById(TENANT, vip.id()))).contains(vip);
        assertThat(readOptional(s -> s.tags().findByName(TENANT, "VIP 贵宾"))).contains(vip);
        assertThat(readOptional(s -> s.tags().findById(TENANT, bare.id()))).contains(bare);
    }

    @Test
    @DisplayName("unknown tag ids and names find nothing")
    public void find_unknown() {
        assertThat(readOptional(s -> s.tags().findById(TENANT, fixtures().tagId()))).isEmpty();
        assertThat(readOptional(s -> s.tags().findByName(TENANT, "nope"))).isEmpty();
    }

    @Test
    @DisplayName("findByName is exact (case-sensitive)")
    public void findByName_exact() {
        store(fixtures().tag(TENANT, "VIP"));
        assertThat(readOptional(s -> s.tags().findByName(TENANT, "vip"))).isEmpty();
    }

    @Test
    @DisplayName("inserting a second tag with a taken name fails with DuplicateException(name)")
    public void insert_duplicateName() {
        store(fixtures().tag(TENANT, "VIP"));
        assertThatThrownBy(() -> store(fixtures().tag(TENANT, "VIP")))
                .isInstanceOfSatisfying(DuplicateException.class, e -> assertThat(e.key()).isEqualTo("name"));
        assertThat(readList(s -> s.tags().list(TENANT))).hasSize(1);
    }

    @Test
    @DisplayName("the same name may exist in another tenant")
    public void insert_sameNameOtherTenant() {
        Tag a = store(fixtures().tag(TENANT, "VIP"));
        Tag b = store(fixtures().tag(OTHER_TENANT, "VIP"));
        assertThat(readOptional(s -> s.tags().findByName(OTHER_TENANT, "VIP"))).contains(b);
        assertThat(readList(s -> s.tags().list(TENANT))).containsExactly(a);
    }

    @Test
    @DisplayName("list orders by name compared by code point (binary), so 'B' < 'a' < 'é' < '王'")
    public void list_orderedByNameBinary() {
        List<Tag> tags = List.of(fixtures().tag(TENANT, "王"), fixtures().tag(TENANT, "a"), fixtures().tag(TENANT, "é"),
                fixtures().tag(TENANT, "B"), fixtures().tag(TENANT, "ab"));
        tags.forEach(this::store);
        assertThat(readList(s -> s.tags().list(TENANT))).extracting(Tag::name)
                .containsExactly("B", "a", "ab", "é", "王");
        assertThat(readList(s -> s.tags().list(TENANT)))
                .isSortedAccordingTo(Comparator.comparing(Tag::name));
    }

    @Test
    @DisplayName("a tenant without tags lists none")
    public void list_empty() {
        assertThat(readList(s -> s.tags().list(TENANT))).isEmpty();
    }
}
