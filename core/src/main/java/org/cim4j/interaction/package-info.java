/**
 * Interaction history: calls, e-mails, chats, visits, complaints, tickets, survey answers and
 * behaviour events, recorded through {@link org.cim4j.interaction.InteractionService}.
 */
@NullMarked
package org.cim4j.interaction;

import org.jspecify.annotations.NullMarked;
