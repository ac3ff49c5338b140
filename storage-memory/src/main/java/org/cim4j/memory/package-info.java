/**
 * The in-memory reference storage adapter: {@link org.cim4j.memory.InMemoryStorage}. Fast,
 * deterministic and fully transactional, for tests and prototypes; data lives only as long as the
 * JVM.
 */
@NullMarked
package org.cim4j.memory;

import org.jspecify.annotations.NullMarked;
