package org.cim4j.customer;

/** Type of a custom attribute, declared in the {@link AttributeSchema}. */
public enum AttributeType {
    TEXT, NUMBER, BOOLEAN, DATE, TIMESTAMP
}
