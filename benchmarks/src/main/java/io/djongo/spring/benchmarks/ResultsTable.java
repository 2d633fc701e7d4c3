package io.djongo.spring.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * Turns JMH's CSV results ({@code -rf csv -rff results.csv}) into the Markdown table of RESULTS.md: per scenario,
 * each contender's score and error, its ratio to the driver and to Spring Data, and its allocation per operation
 * (with {@code -prof gc}), which unlike time does not depend on what else the machine is doing.
 */
public final class ResultsTable {

	/** Per benchmark class: the driver's benchmark and Spring Data's, the references of the ratios. */
	private static final Map<String, List<String>> REFERENCES = Map.of(
			"ReadBenchmark", List.of("rawDriverPojoCodec", "springDataFindAll"),
			"QueryBenchmark", List.of("rawDriverFilters", "springDataDerivedQuery"),
			"WriteBenchmark", List.of("rawInsertMany", "springDataSaveAll"),
			"AnnotateBenchmark", List.of("handWrittenAggregate", ""),
			"MappingBenchmark", List.of("driverPojoCodec", "springDataMappingMongoConverter"));

	private static final List<String> ORDER = List.of("ReadBenchmark", "QueryBenchmark", "WriteBenchmark",
			"AnnotateBenchmark", "MappingBenchmark");

	private ResultsTable() {
	}

	private static final class Row {

		double score;

		double error;

		String unit = "";

		double allocated = Double.NaN;

	}

	public static void main(String[] args) throws IOException {
		Map<String, Map<String, Row>> scenarios = new LinkedHashMap<>();
		for (String scenario : ORDER) {
			scenarios.put(scenario, new LinkedHashMap<>());
		}
		List<String> lines = Files.readAllLines(Path.of(args[0]));
		for (String line : lines.subList(1, lines.size())) {
			List<String> cells = cells(line);
			String name = cells.get(0);
			String secondary = null;
			int colon = name.indexOf(':');
			if (colon > 0) {
				secondary = name.substring(colon + 1);
				name = name.substring(0, colon);
			}
			String[] parts = name.split("\\.");
			String scenario = parts[parts.length - 2];
			String benchmark = parts[parts.length - 1];
			Row row = scenarios.computeIfAbsent(scenario, (key) -> new LinkedHashMap<>())
				.computeIfAbsent(benchmark, (key) -> new Row());
			double score = number(cells.get(4));
			if (secondary == null) {
				row.score = score;
				row.error = number(cells.get(5));
				row.unit = cells.get(6);
			}
			else if (secondary.equals("gc.alloc.rate.norm")) {
				row.allocated = score;
			}
		}
		System.out.println("| scenario | contender | time | ± (99.9%) | / driver | / Spring Data | allocated per op |");
		System.out.println("|---|---|---:|---:|---:|---:|---:|");
		scenarios.forEach((scenario, rows) -> {
			List<String> references = REFERENCES.getOrDefault(scenario, List.of("", ""));
			Row driver = rows.get(references.get(0));
			Row springData = rows.get(references.get(1));
			rows.forEach((benchmark, row) -> System.out.printf(Locale.ROOT, "| %s | %s | %s %s | %s | %s | %s | %s |%n",
					scenario.replace("Benchmark", ""), benchmark, format(row.score), row.unit, format(row.error),
					ratio(row, driver), ratio(row, springData), bytes(row.allocated)));
		});
	}

	private static String ratio(Row row, @Nullable Row reference) {
		return (reference != null) ? String.format(Locale.ROOT, "%.2fx", row.score / reference.score) : "";
	}

	private static String format(double value) {
		return (value >= 100) ? String.format(Locale.ROOT, "%,.0f", value) : String.format(Locale.ROOT, "%.2f", value);
	}

	private static String bytes(double value) {
		if (Double.isNaN(value)) {
			return "";
		}
		return String.format(Locale.ROOT, "%.1f MB", value / 1_000_000);
	}

	private static double number(String text) {
		try {
			return Double.parseDouble(text);
		}
		catch (NumberFormatException ex) {
			return Double.NaN;
		}
	}

	private static List<String> cells(String line) {
		List<String> cells = new ArrayList<>();
		StringBuilder cell = new StringBuilder();
		boolean quoted = false;
		for (char c : line.toCharArray()) {
			if (c == '"') {
				quoted = !quoted;
			}
			else if (c == ',' && !quoted) {
				cells.add(cell.toString());
				cell.setLength(0);
			}
			else {
				cell.append(c);
			}
		}
		cells.add(cell.toString());
		return cells;
	}

}
