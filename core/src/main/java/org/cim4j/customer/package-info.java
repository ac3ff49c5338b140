/**
 * Customer profiles: {@link org.cim4j.customer.Customer}, its parts, and
 * {@link org.cim4j.customer.CustomerService} to create, read, update, query and soft-delete them.
 */
@NullMarked
package org.cim4j.customer;

import org.jspecify.annotations.NullMarked;
