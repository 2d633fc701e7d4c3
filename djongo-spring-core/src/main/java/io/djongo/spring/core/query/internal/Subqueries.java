package io.djongo.spring.core.query.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import io.djongo.spring.core.model.FieldError;
import io.djongo.spring.core.query.Exists;
import io.djongo.spring.core.query.InvalidLookupException;
import io.djongo.spring.core.query.QuerySet;
import io.djongo.spring.core.query.Subquery;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * Django's {@code Subquery}, {@code Exists} and {@code filter(field__in=queryset)}: the inner QuerySet's compiled
 * stages become the pipeline of a {@code $lookup} of the outer query (a {@link Join#subquery}), so that the outer
 * query stays one command. {@code OuterRef}s in the inner QuerySet read variables ({@code $$djongoOuter_pk}) that the
 * lookup's {@code let} binds to the outer document's fields.
 * <p>
 * A subquery used as a value must find at most one document; finding more fails on the server with
 * {@value #MORE_THAN_ONE_ROW}, as PostgreSQL fails, rather than answering with the first.
 */
final class Subqueries {

	/** What a subquery used as a value and finding several documents fails with, as PostgreSQL does. */
	static final String MORE_THAN_ONE_ROW = "more than one row returned by a subquery used as an expression";

	private static final String VARIABLE_PREFIX = "djongoOuter_";

	private final ExpressionCompiler expressions;

	private final TargetResolver targets;

	Subqueries(ExpressionCompiler expressions, TargetResolver targets) {
		this.expressions = expressions;
		this.targets = targets;
	}

	/**
	 * The variable an {@code OuterRef} reads: MongoDB names start with a lower-case letter and hold letters, digits
	 * and underscores, so anything else in the field name is written as its code point.
	 */
	static String variable(String field) {
		StringBuilder name = new StringBuilder(VARIABLE_PREFIX);
		field.codePoints().forEach((c) -> {
			if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_') {
				name.appendCodePoint(c);
			}
			else {
				name.append("_x").append(Integer.toHexString(c)).append('_');
			}
		});
		return name.toString();
	}

	/** The one value of the subquery per outer document; null when it finds nothing. */
	ExpressionCompiler.Result value(Subquery subquery, ExpressionCompiler.Context context) {
		QueryPlan inner = plan(subquery.queryset());
		Target selected = selected(inner, "Subquery");
		List<Bson> pipeline = inner.stages(true);
		pipeline.add(new Document("$project", new Document("_id", 0).append("v",
				new Document("$ifNull", Arrays.asList("$" + selected.storedPath(), null)))));
		pipeline.add(new Document("$limit", 2));
		String alias = join(inner, pipeline, context);
		Object found = "$" + alias;
		Object value = new Document("$cond", Arrays.asList(
				new Document("$gt", List.of(new Document("$size", found), 1)),
				new Document("$toInt", new Document("$literal", MORE_THAN_ONE_ROW)),
				new Document("$arrayElemAt", List.of("$" + alias + ".v", 0))));
		return new ExpressionCompiler.Result(value, selected.valueType());
	}

	/** Whether the subquery finds anything (or nothing, negated). */
	ExpressionCompiler.Result exists(Exists exists, ExpressionCompiler.Context context) {
		QueryPlan inner = plan(exists.queryset());
		List<Bson> pipeline = inner.stages(inner.isSliced());
		pipeline.add(new Document("$limit", 1));
		pipeline.add(new Document("$project", new Document("_id", 1)));
		String alias = join(inner, pipeline, context);
		Object size = new Document("$size", "$" + alias);
		return new ExpressionCompiler.Result(
				new Document(exists.isNegated() ? "$eq" : "$gt", List.of(size, 0)), Boolean.class);
	}

	/**
	 * The values a QuerySet selects, for {@code field__in=queryset}: an array expression of them per outer document.
	 * A QuerySet of models selects its id ({@code _id}, or the id column in Django storage).
	 */
	Object values(QuerySet<?> queryset, ExpressionCompiler.Context context) {
		QueryPlan inner = plan(queryset);
		Target selected = (inner.projection() instanceof Projection.Values) ? selected(inner, "An __in subquery")
				: null;
		String path = (selected != null) ? selected.storedPath() : inner.model().idField();
		List<Bson> pipeline = inner.stages(inner.isSliced());
		pipeline.add(new Document("$project", new Document("_id", 0).append("v", "$" + path)));
		String alias = join(inner, pipeline, context);
		return "$" + alias + ".v";
	}

	private String join(QueryPlan inner, List<Bson> pipeline, ExpressionCompiler.Context context) {
		Document let = new Document();
		for (String field : inner.steps().outerRefs()) {
			Target target = this.targets.resolve(field, context.scope());
			if (!target.rest().isEmpty() || target.isMultiValued() || target.isContainer() || target.relationValued()) {
				throw new InvalidLookupException(target.description() + ": OuterRef needs a single-valued field of "
						+ context.scope().model().name() + ", not '" + field + "'");
			}
			if (target.annotation()) {
				throw new FieldError(target.description() + ": OuterRef to an annotation of the outer query is not "
						+ "supported; refer to the fields it is computed from");
			}
			context.uses().target(target);
			let.append(variable(field), "$" + target.storedPath());
		}
		String alias = context.uses().nextSubqueryAlias();
		context.uses().join(Join.subquery(alias, inner.collection(), let, new ArrayList<>(pipeline)));
		return alias;
	}

	/** The one field a QuerySet selects. */
	private static Target selected(QueryPlan inner, String what) {
		if (inner.projection() instanceof Projection.Values values && values.keys().size() == 1
				&& !values.allFields()) {
			return values.targets().get(0);
		}
		throw new InvalidLookupException(what + " needs a QuerySet selecting one field, as values(field) or "
				+ "valuesList(field) of " + inner.model().name() + " make it");
	}

	private static QueryPlan plan(QuerySet<?> queryset) {
		if (!(queryset instanceof DefaultQuerySet<?> inner)) {
			throw new IllegalArgumentException("A subquery needs a QuerySet made by djongo, not " + queryset.getClass());
		}
		inner.plan().requireNestable("a subquery");
		return inner.plan();
	}

}
