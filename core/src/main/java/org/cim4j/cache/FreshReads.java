package org.cim4j.cache;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.Objects;
import java.util.function.Supplier;
import org.cim4j.Cim4jScope;

/**
 * Bypasses every {@link CachingStorageProvider} for the reads made by one piece of code on the
 * current thread: they go to storage and see the latest committed data (their results still refresh
 * the cache). Works because cim4j runs storage work on the caller's thread. Most callers use
 * {@link Cim4jScope#fresh()} instead:
 *
 * <pre>{@code
 * Customer latest = crm.fresh().customers().get(id);          // one fresh read
 * Customer same = FreshReads.call(() -> crm.customers().get(id)); // the same, for a block of calls
 * }</pre>
 */
public final class FreshReads {
    private static final ThreadLocal<int[]> DEPTH = ThreadLocal.withInitial(() -> new int[1]);

    private FreshReads() {
    }

    /** Runs {@code reads} with the cache bypassed on this thread and returns its result. */
    public static <T> T call(Supplier<T> reads) {
        Objects.requireNonNull(reads, "reads");
        int[] depth = DEPTH.get();
        depth[0]++;
        try {
            return reads.get();
        } finally {
            depth[0]--;
        }
    }

    /** Whether the current thread is inside {@link #call}. */
    public static boolean active() {
        return DEPTH.get()[0] > 0;
    }

    /**
     * A view of {@code scope} whose every service call runs inside {@link #call}. Backs the default
     * {@link Cim4jScope#fresh()}; service interfaces returned by the view are wrapped the same way.
     */
    public static Cim4jScope scope(Cim4jScope scope) {
        Objects.requireNonNull(scope, "scope");
        return wrap(Cim4jScope.class, scope);
    }

    private static <T> T wrap(Class<T> type, T target) {
        InvocationHandler handler = new InvocationHandler() {
            @Override
            public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
                if (method.getDeclaringClass() == Object.class) {
                    switch (method.getName()) {
                        case "equals":
                            return proxy == args[0];
                        case "hashCode":
                            return System.identityHashCode(proxy);
                        default:
                            return "fresh(" + target + ")";
                    }
                }
                if (type == Cim4jScope.class && method.getName().equals("fresh") && method.getParameterCount() == 0) {
                    return proxy;
                }
                Object result = callUnwrapped(method, target, args);
                Class<?> returned = method.getReturnType();
                if (result != null && returned.isInterface() && returned.getName().startsWith("org.cim4j.")
                        && returned.isInstance(result)) {
                    return wrapUnchecked(returned, result);
                }
                return result;
            }
        };
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, handler));
    }

    @SuppressWarnings("unchecked")
    private static <T> Object wrapUnchecked(Class<T> type, Object target) {
        return wrap(type, (T) target);
    }

    private static Object callUnwrapped(Method method, Object target, Object[] args) throws Throwable {
        int[] depth = DEPTH.get();
        depth[0]++;
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        } finally {
            depth[0]--;
        }
    }
}
