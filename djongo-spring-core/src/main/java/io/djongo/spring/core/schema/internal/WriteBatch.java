package io.djongo.spring.core.schema.internal;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collection;
import java.util.List;

import org.bson.Document;

/**
 * The models of one insert and what the writer learns of them on the way: the model each step returns (callbacks
 * may return copies of immutable models), its plan, its document (or, where nothing looks at a document, the model
 * as the encoder converted it for the insert), and whether djongo gave it its id. Created by the
 * {@link ModelWriter} for one write and passed from step to step; never shared.
 */
final class WriteBatch {

	private final String collection;

	private final ModelWriter.Mode mode;

	private final List<Object> models;

	private final ModelPlan[] plans;

	/** Per model, its {@link Document}, or what the encoder converted it into for the insert. */
	private final Object[] stored;

	private final BitSet autoAssigned = new BitSet();

	private boolean idsRetried;

	WriteBatch(String collection, Collection<?> models, ModelWriter.Mode mode) {
		this.collection = collection;
		this.mode = mode;
		this.models = new ArrayList<>(models);
		this.plans = new ModelPlan[models.size()];
		this.stored = new Object[models.size()];
	}

	String collection() {
		return this.collection;
	}

	ModelWriter.Mode mode() {
		return this.mode;
	}

	boolean ordered() {
		return this.mode != ModelWriter.Mode.UNORDERED;
	}

	int size() {
		return this.models.size();
	}

	Object model(int index) {
		return this.models.get(index);
	}

	/** The models as the last step returned them, in order. */
	List<Object> models() {
		return this.models;
	}

	void model(int index, Object model) {
		this.models.set(index, model);
	}

	ModelPlan plan(int index) {
		ModelPlan plan = this.plans[index];
		if (plan == null) {
			throw new IllegalStateException("Model " + index + " has no plan yet");
		}
		return plan;
	}

	void plan(int index, ModelPlan plan) {
		this.plans[index] = plan;
	}

	/** The model's document: present where the lifecycle needed one. */
	Document document(int index) {
		if (!(stored(index) instanceof Document document)) {
			throw new IllegalStateException("Model " + index + " is sent without a document");
		}
		return document;
	}

	/** Whether the model is sent as a {@link Document}, rather than as the encoder converted it. */
	boolean hasDocument(int index) {
		return stored(index) instanceof Document;
	}

	/** What the insert sends for the model: its document, or the model as the encoder converted it. */
	Object stored(int index) {
		Object stored = this.stored[index];
		if (stored == null) {
			throw new IllegalStateException("Model " + index + " is not converted yet");
		}
		return stored;
	}

	void document(int index, Document document) {
		this.stored[index] = document;
	}

	void converted(int index, Object converted) {
		this.stored[index] = converted;
	}

	/** What the insert sends for the given positions, in that order. */
	List<Object> stored(List<Integer> positions) {
		List<Object> result = new ArrayList<>(positions.size());
		for (int position : positions) {
			result.add(stored(position));
		}
		return result;
	}

	void autoAssigned(int index) {
		this.autoAssigned.set(index);
	}

	boolean isAutoAssigned(int index) {
		return this.autoAssigned.get(index);
	}

	/** Whether the ids were given again already: a batch retries once. */
	boolean retryIds() {
		boolean first = !this.idsRetried;
		this.idsRetried = true;
		return first;
	}

	@Override
	public String toString() {
		return "WriteBatch[" + this.collection + ", " + this.mode + ", " + size() + " models]";
	}

}
