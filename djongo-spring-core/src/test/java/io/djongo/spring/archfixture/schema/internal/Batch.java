package io.djongo.spring.archfixture.schema.internal;

import java.util.ArrayList;
import java.util.List;

/** Passes the current batch between callbacks through a ThreadLocal. */
final class Batch {

	private static final ThreadLocal<List<Object>> CURRENT = ThreadLocal.withInitial(ArrayList::new);

	private Batch() {
	}

	static List<Object> current() {
		return CURRENT.get();
	}

}
