package org.cim4j.memory;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.cim4j.DuplicateException;
import org.cim4j.TenantId;
import org.cim4j.spi.TagStore;
import org.cim4j.tag.Tag;
import org.cim4j.tag.TagId;

/** {@link TagStore}; tag lists are small, so lookups by name scan. */
final class MemoryTagStore implements TagStore {
    private static final Comparator<Tag> BY_NAME =
            Comparator.comparing(Tag::name, MemoryQueries.CODE_POINT_ORDER).thenComparing(Tag::id);
    private final MemoryTransaction tx;

    MemoryTagStore(MemoryTransaction tx) {
        this.tx = tx;
    }

    @Override
    public void insert(Tag tag) {
        MemoryData.TenantData t = tx.write(tag.tenant());
        if (t.tags.containsKey(tag.id())) {
            throw new DuplicateException("tag", "id", tag.id().toString());
        }
        Optional<Tag> sameName = findByName(tag.tenant(), tag.name());
        if (sameName.isPresent()) {
            throw new DuplicateException("tag", "name", sameName.get().id().toString());
        }
        tx.put(t.tags, tag.id(), tag);
    }

    @Override
    public Optional<Tag> findById(TenantId tenant, TagId id) {
        return Optional.ofNullable(tx.read(tenant).tags.get(id));
    }

    @Override
    public Optional<Tag> findByName(TenantId tenant, String name) {
        return tx.read(tenant).tags.values().stream().filter(t -> t.name().equals(name)).findFirst();
    }

    @Override
    public List<Tag> list(TenantId tenant) {
        return tx.read(tenant).tags.values().stream().sorted(BY_NAME).toList();
    }
}
