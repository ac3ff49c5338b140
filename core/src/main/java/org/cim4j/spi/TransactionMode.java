package org.cim4j.spi;

/** What a unit of work intends to do, so the adapter can pick isolation and locks. */
public enum TransactionMode {
    /** Only reads; the adapter may use a read-only transaction or none. */
    READ_ONLY,
    /** Reads and writes, atomically. */
    READ_WRITE
}
