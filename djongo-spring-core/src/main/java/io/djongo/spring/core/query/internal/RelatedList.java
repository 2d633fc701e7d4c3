package io.djongo.spring.core.query.internal;

import java.util.AbstractList;
import java.util.List;
import java.util.RandomAccess;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

/**
 * The value of a many-to-many field whose pairs are rows of a through collection (Django storage): the related
 * models, read with one QuerySet on first use (as a lazy reference of native storage is), or set by
 * {@code prefetchRelated}. Read-only, as the field is not stored with the model: the pairs change through
 * {@code DjongoTemplate.manyToMany(model, field)}, and a save leaves them alone.
 *
 * @param <T> the related model
 */
public final class RelatedList<T> extends AbstractList<T> implements RandomAccess {

	private final String relation;

	private @Nullable Supplier<List<T>> loader;

	private volatile @Nullable List<T> models;

	private RelatedList(String relation, @Nullable Supplier<List<T>> loader, @Nullable List<T> models) {
		this.relation = relation;
		this.loader = loader;
		this.models = models;
	}

	/** A list that reads the related models when first used. */
	public static <T> RelatedList<T> lazy(String relation, Supplier<List<T>> loader) {
		return new RelatedList<>(relation, loader, null);
	}

	/** A list of related models read already. */
	public static <T> RelatedList<T> loaded(String relation, List<T> models) {
		return new RelatedList<>(relation, null, List.copyOf(models));
	}

	/** Whether the related models have been read. */
	public boolean isLoaded() {
		return this.models != null;
	}

	private List<T> models() {
		List<T> result = this.models;
		if (result == null) {
			synchronized (this) {
				result = this.models;
				if (result == null) {
					Supplier<List<T>> load = this.loader;
					result = List.copyOf((load != null) ? load.get() : List.of());
					this.models = result;
					this.loader = null;
				}
			}
		}
		return result;
	}

	@Override
	public T get(int index) {
		return models().get(index);
	}

	@Override
	public int size() {
		return models().size();
	}

	@Override
	public T set(int index, T element) {
		throw readOnly();
	}

	@Override
	public void add(int index, T element) {
		throw readOnly();
	}

	@Override
	public T remove(int index) {
		throw readOnly();
	}

	@Override
	protected void removeRange(int fromIndex, int toIndex) {
		throw readOnly();
	}

	private UnsupportedOperationException readOnly() {
		return new UnsupportedOperationException("'" + this.relation + "' is a many-to-many whose pairs are stored in"
				+ " a through collection: change them with DjongoTemplate.manyToMany(model, \"" + this.relation
				+ "\").add/remove/set/clear");
	}

	@Override
	public String toString() {
		return isLoaded() ? super.toString() : "[" + this.relation + ": not read yet]";
	}

}
