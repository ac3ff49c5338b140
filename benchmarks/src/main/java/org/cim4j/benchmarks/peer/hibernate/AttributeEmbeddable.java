package org.cim4j.benchmarks.peer.hibernate;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** The value part of a {@code customer_attribute} row (the name is the map key). */
@Embeddable
public class AttributeEmbeddable {
    @Column(name = "type")
    String type;
    @Column(name = "text_value")
    String text;
}
