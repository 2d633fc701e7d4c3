package io.djongo.spring.core.query.internal;

import java.util.Arrays;
import java.util.List;

import io.djongo.spring.core.model.FieldError;
import io.djongo.spring.core.model.ModelMetadata;
import io.djongo.spring.core.query.Expression;
import io.djongo.spring.core.query.F;
import io.djongo.spring.core.query.OrderBy;
import org.bson.Document;
import org.jspecify.annotations.Nullable;

/**
 * Compiles an ordering: names ({@code "-publishedDate"}, {@code "?"}), expressions and {@link OrderBy}s. A field
 * sorts by its stored path (a find can still answer); an expression, and where nulls go
 * ({@code F.of("rating").desc().nullsLast()}), become keys computed by {@code $addFields} before the sort: MongoDB
 * sorts nulls first ascending and has no other placement.
 */
final class Orderings {

	private final TargetResolver targets;

	private final ExpressionCompiler expressions;

	Orderings(TargetResolver targets, ExpressionCompiler expressions) {
		this.targets = targets;
		this.expressions = expressions;
	}

	/**
	 * @param ordering names, expressions and {@link OrderBy}s
	 * @param subqueryBase the number of the first subquery an expression joins
	 */
	Sort sort(List<?> ordering, Scope scope, int subqueryBase) {
		Document sort = new Document();
		Document computed = new Document();
		Uses uses = new Uses(subqueryBase);
		boolean random = false;
		for (Object entry : ordering) {
			OrderBy order;
			if (entry instanceof String name) {
				if (name.equals("?")) {
					random = true;
					continue;
				}
				boolean descending = name.startsWith("-");
				String field = descending ? name.substring(1) : name;
				if (field.isEmpty()) {
					throw new FieldError("Invalid ordering '" + name + "' on " + scope.model().name());
				}
				order = descending ? F.of(field).desc() : F.of(field).asc();
			}
			else if (entry instanceof OrderBy given) {
				order = given;
			}
			else if (entry instanceof Expression expression) {
				order = expression.asc();
			}
			else {
				throw new FieldError("Invalid ordering " + entry + " on " + scope.model().name()
						+ ": orderBy takes field names, expressions and asc()/desc() of them");
			}
			Object value;
			int direction = order.isDescending() ? -1 : 1;
			String path = plainPath(order.expression(), scope, uses);
			if (path != null) {
				value = "$" + path;
			}
			else {
				ExpressionCompiler.Result result = this.expressions.compile(order.expression(), scope, uses);
				path = Sort.KEY_PREFIX + computed.size();
				computed.append(path, result.expression());
				value = "$" + path;
			}
			Boolean nullsFirst = order.nullsFirstOrNull();
			if (nullsFirst != null) {
				String key = Sort.KEY_PREFIX + computed.size();
				// 0 for null and missing, 1 for a value
				computed.append(key, new Document("$cond", Arrays.asList(FilterCompiler.notNull(value), 1, 0)));
				sort.append(key, nullsFirst ? 1 : -1);
			}
			sort.append(path, direction);
		}
		return new Sort(random ? new Document() : sort, random, uses.joins(), random ? new Document() : computed);
	}

	/**
	 * The stored path of a plain field or annotation ordered by, or null for an expression to compute (a field with
	 * transforms, {@code publishedDate__year}, is one).
	 */
	private @Nullable String plainPath(Expression expression, Scope scope, Uses uses) {
		if (!(expression instanceof F f)) {
			return null;
		}
		Target target = this.targets.resolve(f.field(), scope);
		if (!target.rest().isEmpty()) {
			ModelMetadata container = target.container();
			if (container != null && !TargetResolver.isLookupOrTransform(target.rest().get(0))) {
				throw this.targets.paths().unknownField(container, target.rest().get(0), f.field());
			}
			if (target.rest().stream().allMatch((part) -> Transform.named(part) != null)) {
				return null;
			}
			throw new FieldError("Cannot order by '" + f.field() + "' on " + scope.model().name()
					+ ": lookups and transforms ('" + String.join("__", target.rest()) + "') are not allowed here");
		}
		uses.target(target);
		return target.storedPath();
	}

}
