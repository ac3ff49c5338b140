/**
 * Purchase history from every channel: {@link org.cim4j.commerce.Purchase}, exact
 * {@link org.cim4j.commerce.Money}, and {@link org.cim4j.commerce.PurchaseService}.
 */
@NullMarked
package org.cim4j.commerce;

import org.jspecify.annotations.NullMarked;
