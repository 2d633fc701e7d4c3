package io.djongo.spring.core.logging;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import com.mongodb.MongoCommandException;
import com.mongodb.MongoException;
import org.bson.BsonArray;
import org.bson.BsonDocument;
import org.bson.BsonValue;

/**
 * Renders a command for djongo's logs ({@code djongo.commands}, {@code djongo.query}): its shape (field names, values
 * as {@code ?}) or, when asked, its values. Fields named like passwords are always masked; long arrays and strings
 * are cut short.
 */
public final class CommandFormatter {

	static final String HIDDEN = "?";

	static final String MASKED = "****";

	/** Fields the driver adds to every command: noise in a log. */
	private static final Set<String> DRIVER_FIELDS = Set.of("$db", "lsid", "$clusterTime");

	private static final Set<String> SECRET_FIELDS = Set.of("pwd", "password", "passwd");

	private static final int MAX_ARRAY_ELEMENTS = 5;

	private static final int MAX_STRING_LENGTH = 100;

	private final boolean values;

	/**
	 * A formatter of command shapes, or of commands with their values.
	 * @param values whether to show values rather than {@code ?}
	 */
	public CommandFormatter(boolean values) {
		this.values = values;
	}

	/**
	 * The command, with its first value (the collection or the command's argument) always shown: it names what the
	 * command acts on, not user data.
	 */
	public String command(String commandName, BsonDocument command) {
		if (command.isEmpty()) {
			return "{" + commandName + ": (blanked by the driver)}";
		}
		StringBuilder out = new StringBuilder("{");
		boolean first = true;
		for (Map.Entry<String, BsonValue> field : command.entrySet()) {
			if (DRIVER_FIELDS.contains(field.getKey())) {
				continue;
			}
			if (!first) {
				out.append(", ");
			}
			out.append(field.getKey()).append(": ");
			if (first && (field.getValue().isString() || field.getValue().isNumber())) {
				out.append(scalar(field.getValue()));
			}
			else {
				value(field.getKey(), field.getValue(), out);
			}
			first = false;
		}
		return out.append('}').toString();
	}

	/** The failure: its code and name, and with values its message (which may quote values). */
	String failure(Throwable failure) {
		String kind;
		if (failure instanceof MongoCommandException command) {
			kind = "error " + command.getErrorCode() + " (" + command.getErrorCodeName() + ")";
		}
		else if (failure instanceof MongoException mongo) {
			kind = failure.getClass().getSimpleName() + " (error " + mongo.getCode() + ")";
		}
		else {
			kind = failure.getClass().getSimpleName();
		}
		return this.values ? kind + ": " + failure.getMessage() : kind;
	}

	private void value(String name, BsonValue value, StringBuilder out) {
		if (SECRET_FIELDS.contains(name.toLowerCase(Locale.ROOT))) {
			out.append(MASKED);
		}
		else if (value.isDocument()) {
			document(value.asDocument(), out);
		}
		else if (value.isArray()) {
			array(name, value.asArray(), out);
		}
		else {
			out.append(this.values ? scalar(value) : HIDDEN);
		}
	}

	private void document(BsonDocument document, StringBuilder out) {
		out.append('{');
		boolean first = true;
		for (Map.Entry<String, BsonValue> field : document.entrySet()) {
			if (!first) {
				out.append(", ");
			}
			out.append(field.getKey()).append(": ");
			value(field.getKey(), field.getValue(), out);
			first = false;
		}
		out.append('}');
	}

	private void array(String name, BsonArray array, StringBuilder out) {
		boolean structured = array.stream().anyMatch((element) -> element.isDocument() || element.isArray());
		if (!this.values && !structured) {
			out.append(array.isEmpty() ? "[]" : HIDDEN);
			return;
		}
		// consecutive equal renderings collapse: an insert of 1,000 documents of one shape is one entry
		List<String> runs = new ArrayList<>();
		List<Integer> counts = new ArrayList<>();
		int rendered = 0;
		for (BsonValue element : array) {
			StringBuilder one = new StringBuilder();
			value(name, element, one);
			String text = one.toString();
			if (!runs.isEmpty() && runs.get(runs.size() - 1).equals(text)) {
				counts.set(counts.size() - 1, counts.get(counts.size() - 1) + 1);
			}
			else if (runs.size() < MAX_ARRAY_ELEMENTS) {
				runs.add(text);
				counts.add(1);
			}
			else {
				break;
			}
			rendered++;
		}
		out.append('[');
		for (int i = 0; i < runs.size(); i++) {
			out.append((i > 0) ? ", " : "").append(runs.get(i));
			if (counts.get(i) > 1) {
				out.append(" x").append(counts.get(i));
			}
		}
		if (rendered < array.size()) {
			out.append(", ... ").append(array.size() - rendered).append(" more");
		}
		out.append(']');
	}

	private static String scalar(BsonValue value) {
		return switch (value.getBsonType()) {
			case STRING -> quoted(value.asString().getValue());
			case INT32 -> Integer.toString(value.asInt32().getValue());
			case INT64 -> Long.toString(value.asInt64().getValue());
			case DOUBLE -> Double.toString(value.asDouble().getValue());
			case DECIMAL128 -> value.asDecimal128().getValue().toString();
			case BOOLEAN -> Boolean.toString(value.asBoolean().getValue());
			case NULL -> "null";
			case OBJECT_ID -> "ObjectId(\"" + value.asObjectId().getValue().toHexString() + "\")";
			case DATE_TIME -> "Date(" + Instant.ofEpochMilli(value.asDateTime().getValue()) + ")";
			case REGULAR_EXPRESSION -> "/" + value.asRegularExpression().getPattern() + "/"
					+ value.asRegularExpression().getOptions();
			case BINARY -> "Binary(" + value.asBinary().getData().length + " bytes)";
			default -> value.getBsonType().name();
		};
	}

	private static String quoted(String text) {
		String cut = (text.length() > MAX_STRING_LENGTH) ? text.substring(0, MAX_STRING_LENGTH) + "..." : text;
		return "\"" + cut.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
	}

}
