package org.cim4j.testkit.internal;

import java.lang.reflect.Method;
import net.jqwik.api.lifecycle.LifecycleContext;
import net.jqwik.api.lifecycle.SkipExecutionHook;
import org.cim4j.testkit.ExcludedProperty;

/** jqwik hook that skips the properties an adapter's class lists in {@link ExcludedProperty}. Not API. */
public final class PropertyExclusions implements SkipExecutionHook {
    @Override
    public SkipResult shouldBeSkipped(LifecycleContext context) {
        if (context.optionalElement().isEmpty() || !(context.optionalElement().get() instanceof Method method)
                || context.optionalContainerClass().isEmpty()) {
            return SkipResult.doNotSkip();
        }
        for (ExcludedProperty e : context.optionalContainerClass().get().getAnnotationsByType(ExcludedProperty.class)) {
            if (e.name().equals(method.getName())) {
                return SkipResult.skip("excluded by the adapter: " + e.reason());
            }
        }
        return SkipResult.doNotSkip();
    }
}
