package io.djongo.spring.autoconfigure.jackson;

import java.lang.reflect.Field;

import org.jspecify.annotations.Nullable;

import org.springframework.aop.Advisor;
import org.springframework.aop.framework.Advised;
import org.springframework.cglib.proxy.Factory;
import org.springframework.data.mongodb.core.convert.LazyLoadingProxy;
import org.springframework.data.mongodb.core.convert.LazyLoadingProxyFactory.LazyLoadingInterceptor;
import org.springframework.util.ReflectionUtils;

/**
 * Whether a Spring Data lazy reference (a {@link LazyLoadingProxy}: a {@code @ForeignKey}/{@code @OneToOne} model, a
 * {@code @ManyToMany} list) has loaded its target, asked without loading it.
 * <p>
 * Spring Data MongoDB 5.0 exposes the reference's source ({@link LazyLoadingProxy#getSource()}) but not whether it
 * was resolved: its interceptor ({@link LazyLoadingInterceptor}, the callback of a class proxy or the advice of an
 * interface proxy) keeps that in a private field, read here. Should a later Spring Data rename it, a proxy counts as
 * not loaded: JSON then shows its id, and serializing never sends a query.
 */
final class LazyRelations {

	private static final @Nullable Field RESOLVED = resolvedField();

	private LazyRelations() {
	}

	/** Whether the proxy's target was loaded (by a method call on it); never loads it. */
	static boolean isResolved(LazyLoadingProxy proxy) {
		LazyLoadingInterceptor interceptor = interceptor(proxy);
		if (interceptor == null || RESOLVED == null) {
			return false;
		}
		Object resolved = ReflectionUtils.getField(RESOLVED, interceptor);
		return Boolean.TRUE.equals(resolved);
	}

	private static @Nullable LazyLoadingInterceptor interceptor(Object proxy) {
		if (proxy instanceof Factory factory) {
			// a proxy of a class (a model): its one callback
			for (Object callback : factory.getCallbacks()) {
				if (callback instanceof LazyLoadingInterceptor interceptor) {
					return interceptor;
				}
			}
		}
		if (proxy instanceof Advised advised) {
			// a proxy of an interface (a many-to-many List): Advised's methods are answered by the proxy's configuration
			for (Advisor advisor : advised.getAdvisors()) {
				if (advisor.getAdvice() instanceof LazyLoadingInterceptor interceptor) {
					return interceptor;
				}
			}
		}
		return null;
	}

	private static @Nullable Field resolvedField() {
		Field field = ReflectionUtils.findField(LazyLoadingInterceptor.class, "resolved", boolean.class);
		if (field != null) {
			try {
				ReflectionUtils.makeAccessible(field);
			}
			catch (RuntimeException ex) {
				return null;
			}
		}
		return field;
	}

}
