package org.cim4j.benchmarks.peer.hibernate;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** A row of {@code customer_contact} (its {@code position} is the list's order column). */
@Embeddable
public class ContactEmbeddable {
    @Column(name = "type")
    String type;
    @Column(name = "contact_value")
    String value;
    @Column(name = "is_primary")
    boolean primary;
    @Column(name = "verified")
    boolean verified;
}
