/**
 * Domain events for automation: subscribe on {@link org.cim4j.event.EventBus} (from
 * {@code Cim4j.events()}) to react to created customers, purchases, tag changes and more.
 */
@NullMarked
package org.cim4j.event;

import org.jspecify.annotations.NullMarked;
