package org.cim4j.tag;

/** How a tag gets onto customers. */
public enum TagKind {
    /** Assigned and removed by people or the host application. */
    MANUAL,
    /** Recomputed from a rule (a segment definition); not assigned by hand. */
    RULE
}
