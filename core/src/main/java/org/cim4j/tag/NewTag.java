package org.cim4j.tag;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * Input for {@link TagService#create(NewTag)}.
 *
 * @param name        1–64 characters, unique in the tenant
 * @param group       up to 64 characters
 * @param description up to 500 characters
 * @param kind        manual or rule-based
 */
public record NewTag(@NotBlank @Size(max = 64) String name, @Nullable @Size(max = 64) String group,
                     @Nullable @Size(max = 500) String description, @NotNull TagKind kind) {

    /** A manual tag without group. */
    public static NewTag of(String name) {
        return new NewTag(name, null, null, TagKind.MANUAL);
    }

    /** A manual tag in a group. */
    public static NewTag of(String name, String group) {
        return new NewTag(name, group, null, TagKind.MANUAL);
    }
}
