package org.cim4j.spi;

import java.util.List;
import java.util.Optional;
import org.cim4j.DuplicateException;
import org.cim4j.TenantId;
import org.cim4j.tag.Tag;
import org.cim4j.tag.TagId;

/** Tag definitions. Names are unique per tenant. Assignments live on the customer record. */
public interface TagStore {

    /** @throws DuplicateException (key {@code "name"}) if the name is taken in the tenant */
    void insert(Tag tag);

    Optional<Tag> findById(TenantId tenant, TagId id);

    Optional<Tag> findByName(TenantId tenant, String name);

    /** All tags of the tenant, ordered by name (binary), then id. */
    List<Tag> list(TenantId tenant);
}
