/**
 * Storage-free loyalty algorithms: earn calculation, expiry dates, FIFO lot consumption, reversal,
 * tier qualification and downgrade, statements and explanations. Internal: no compatibility promise.
 */
@NullMarked
package org.cim4j.internal.loyalty;

import org.jspecify.annotations.NullMarked;
