package org.cim4j.benchmarks.peer.hibernate;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.MapKeyColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * JPA mapping of cim4j's {@code customer} table and its child tables, as an application using
 * Hibernate instead of cim4j would write it. Children are element collections (they have no identity
 * of their own), fetched lazily; lists keep cim4j's {@code position} column as their order column.
 * Each child table is joined on {@code (tenant_id, customer_id)}, the customer's composite key.
 */
@Entity
@Table(name = "customer")
public class CustomerEntity {
    @EmbeddedId
    CustomerKey key;
    @Version
    @Column(name = "version")
    long version;
    @Column(name = "status")
    String status;
    @Column(name = "merged_into")
    UUID mergedInto;
    @Column(name = "stage")
    String stage;
    @Column(name = "display_name")
    String displayName;
    @Column(name = "sort_name")
    String sortName;
    @Column(name = "given_name")
    String givenName;
    @Column(name = "family_name")
    String familyName;
    @Column(name = "birth_date")
    LocalDate birthDate;
    @Column(name = "gender")
    String gender;
    @Column(name = "source_channel")
    String sourceChannel;
    @Column(name = "created_at")
    LocalDateTime createdAt;
    @Column(name = "updated_at")
    LocalDateTime updatedAt;

    @ElementCollection
    @CollectionTable(name = "customer_contact", joinColumns = {
            @JoinColumn(name = "tenant_id", referencedColumnName = "tenant_id"),
            @JoinColumn(name = "customer_id", referencedColumnName = "id")})
    @OrderColumn(name = "position")
    List<ContactEmbeddable> contacts = new ArrayList<>();

    @ElementCollection
    @CollectionTable(name = "customer_address", joinColumns = {
            @JoinColumn(name = "tenant_id", referencedColumnName = "tenant_id"),
            @JoinColumn(name = "customer_id", referencedColumnName = "id")})
    @OrderColumn(name = "position")
    List<AddressEmbeddable> addresses = new ArrayList<>();

    @ElementCollection
    @CollectionTable(name = "customer_external_id", joinColumns = {
            @JoinColumn(name = "tenant_id", referencedColumnName = "tenant_id"),
            @JoinColumn(name = "customer_id", referencedColumnName = "id")})
    Set<ExternalIdEmbeddable> externalIds = new HashSet<>();

    @ElementCollection
    @CollectionTable(name = "customer_attribute", joinColumns = {
            @JoinColumn(name = "tenant_id", referencedColumnName = "tenant_id"),
            @JoinColumn(name = "customer_id", referencedColumnName = "id")})
    @MapKeyColumn(name = "name")
    Map<String, AttributeEmbeddable> attributes = new HashMap<>();

    @ElementCollection
    @CollectionTable(name = "customer_tag", joinColumns = {
            @JoinColumn(name = "tenant_id", referencedColumnName = "tenant_id"),
            @JoinColumn(name = "customer_id", referencedColumnName = "id")})
    @Column(name = "tag_id")
    Set<UUID> tags = new HashSet<>();

    protected CustomerEntity() {
    }
}
