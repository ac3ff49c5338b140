/** Tags such as VIP, new or potential, and their assignment: {@link org.cim4j.tag.TagService}. */
@NullMarked
package org.cim4j.tag;

import org.jspecify.annotations.NullMarked;
