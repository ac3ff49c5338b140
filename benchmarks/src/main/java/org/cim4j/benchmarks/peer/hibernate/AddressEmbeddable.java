package org.cim4j.benchmarks.peer.hibernate;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** A row of {@code customer_address} (its {@code position} is the list's order column). */
@Embeddable
public class AddressEmbeddable {
    @Column(name = "label")
    String label;
    @Column(name = "address_lines")
    String lines;
    @Column(name = "city")
    String city;
    @Column(name = "region")
    String region;
    @Column(name = "postal_code")
    String postalCode;
    @Column(name = "country_code")
    String countryCode;
    @Column(name = "is_primary")
    boolean primary;
}
