package io.djongo.spring.core.repository.query;

import java.lang.reflect.Method;
import java.util.Arrays;

import io.djongo.spring.core.bridge.DjongoTemplate;
import io.djongo.spring.core.query.QuerySet;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Pageable;
import org.springframework.data.projection.ProjectionFactory;
import org.springframework.data.repository.core.RepositoryMetadata;
import org.springframework.data.repository.query.DefaultParameters;
import org.springframework.data.repository.query.ParametersParameterAccessor;
import org.springframework.data.repository.query.QueryMethod;
import org.springframework.data.repository.query.RepositoryQuery;
import org.springframework.data.repository.query.parser.PartTree;

/**
 * A derived query method declared to return {@code QuerySet<T>}: calling it builds a lazy QuerySet and sends
 * nothing. The method name is parsed once, when the repository is created, so a misspelt property fails at start-up.
 */
public final class QuerySetRepositoryQuery implements RepositoryQuery {

	private final QueryMethod method;

	private final PartTree tree;

	private final DjongoTemplate template;

	private final Class<?> model;

	public QuerySetRepositoryQuery(Method method, RepositoryMetadata metadata, ProjectionFactory factory,
			DjongoTemplate template) {
		// before QueryMethod, which would refuse a Pageable with a list of Spring Data's paged return types
		if (Arrays.stream(method.getParameterTypes()).anyMatch(Pageable.class::isAssignableFrom)) {
			throw new IllegalStateException("Derived query " + method
					+ " returns a QuerySet and cannot take a Pageable; slice the QuerySet instead");
		}
		this.method = new QueryMethod(method, metadata, factory, DefaultParameters::new);
		this.model = metadata.getDomainType();
		this.tree = new PartTree(method.getName(), this.model);
		this.template = template;
		if (this.tree.isDelete() || this.tree.isCountProjection() || this.tree.isExistsProjection()) {
			throw new IllegalStateException("Derived query " + method + " returns a QuerySet, so it must be a find"
					+ " (find...By, query...By, get...By); count, exists and delete are QuerySet methods");
		}
	}

	/** Whether a repository method is to be answered with a QuerySet. */
	public static boolean returnsQuerySet(Method method) {
		return QuerySet.class.isAssignableFrom(method.getReturnType());
	}

	@Override
	public Object execute(@Nullable Object[] parameters) {
		ParametersParameterAccessor accessor = new ParametersParameterAccessor(this.method.getParameters(), parameters);
		QuerySet<?> base = this.template.objects(this.model);
		return create(base, accessor);
	}

	private <T> QuerySet<T> create(QuerySet<T> base, ParametersParameterAccessor accessor) {
		return new QuerySetQueryCreator<>(this.tree, accessor, base).createQuery(accessor.getSort());
	}

	@Override
	public QueryMethod getQueryMethod() {
		return this.method;
	}

}
