package org.cim4j;

import java.util.List;
import java.util.stream.Collectors;

/**
 * An input was rejected before anything was written. Lists every violation found, not just the
 * first, so a form or an import row can report all problems at once.
 */
public class ValidationException extends Cim4jException {
    private static final long serialVersionUID = 1L;
    private final transient List<Violation> violations;

    public ValidationException(String what, List<Violation> violations) {
        super(what + " is invalid: " + violations.stream().map(Violation::toString).collect(Collectors.joining("; ")));
        if (violations.isEmpty()) {
            throw new IllegalArgumentException("a ValidationException needs at least one violation");
        }
        this.violations = List.copyOf(violations);
    }

    /** Convenience for a single violation. */
    public static ValidationException of(String what, String field, String message) {
        return new ValidationException(what, List.of(new Violation(field, message, null)));
    }

    /** Every violation, in field order. */
    public List<Violation> violations() {
        return violations;
    }
}
