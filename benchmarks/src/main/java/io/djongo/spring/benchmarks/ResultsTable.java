package io.djongo.spring.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.bson.Document;
import org.jspecify.annotations.Nullable;

/**
 * Turns JMH's JSON results ({@code -rf json -rff results.json}) into the Markdown table of RESULTS.md. On a shared
 * machine a few iterations run while other processes take the cores and last many times longer; so the table's time
 * is the median of all measured iterations (of all forks), which such bursts barely move, and the ratios are ratios
 * of medians. JMH's own mean and error are shown next to it, and two measures that waiting for a core does not
 * inflate: the process's CPU time per operation ({@link ProcessCpuProfiler}) and the allocation per operation
 * ({@code -prof gc}), which does not depend on what else the machine is doing at all.
 */
public final class ResultsTable {

	/** Per benchmark class: the driver's benchmark and Spring Data's, the references of the ratios. */
	private static final Map<String, List<String>> REFERENCES = Map.of(
			"ReadBenchmark", List.of("rawDriverPojoCodec", "springDataFindAll"),
			"QueryBenchmark", List.of("rawDriverFilters", "springDataDerivedQuery"),
			"WriteBenchmark", List.of("rawInsertMany", "springDataSaveAll"),
			"AnnotateBenchmark", List.of("handWrittenAggregate", "naivePerAuthorLoop"),
			"MappingBenchmark", List.of("driverPojoCodec", "springDataMappingMongoConverter"),
			"EncodingBenchmark", List.of("driverPojoCodec", "springDataMappingMongoConverter"));

	private static final List<String> ORDER = List.of("ReadBenchmark", "QueryBenchmark", "WriteBenchmark",
			"AnnotateBenchmark", "MappingBenchmark", "EncodingBenchmark");

	private ResultsTable() {
	}

	private record Row(double median, double min, double mean, double error, String unit, int iterations,
			double allocated, double cpu) {
	}

	public static void main(String[] args) throws IOException {
		Map<String, Map<String, Row>> scenarios = new java.util.TreeMap<>(ResultsTable::compareScenarios);
		String json = Files.readString(Path.of(args[0]));
		List<?> results = Document.parse("{\"results\": " + json + "}").getList("results", Object.class);
		for (Object item : results) {
			Document result = (Document) item;
			String[] name = result.getString("benchmark").split("\\.");
			Document primary = result.get("primaryMetric", Document.class);
			List<Double> scores = new ArrayList<>();
			for (Object fork : primary.getList("rawData", Object.class)) {
				for (Object score : (List<?>) fork) {
					scores.add(((Number) score).doubleValue());
				}
			}
			Collections.sort(scores);
			Document secondary = result.get("secondaryMetrics", Document.class);
			Document allocation = (secondary != null) ? secondary.get("gc.alloc.rate.norm", Document.class) : null;
			Document cpu = (secondary != null) ? secondary.get("cpu.time.norm", Document.class) : null;
			Row row = new Row(median(scores), scores.get(0), number(primary.get("score")),
					number(primary.get("scoreError")), primary.getString("scoreUnit"), scores.size(),
					(allocation != null) ? number(allocation.get("score")) : Double.NaN,
					(cpu != null) ? number(cpu.get("score")) : Double.NaN);
			Document params = result.get("params", Document.class);
			String size = (params != null && params.get("posts") != null) ? " " + params.getString("posts") : "";
			scenarios.computeIfAbsent(name[name.length - 2] + size, (key) -> new LinkedHashMap<>())
				.put(name[name.length - 1], row);
		}
		System.out.println("| scenario | contender | median | min | mean ± error (99.9%) | iterations "
				+ "| median / driver | median / Spring Data | CPU per op | CPU / driver | CPU / Spring Data "
				+ "| allocated per op |");
		System.out.println("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
		scenarios.forEach((scenario, rows) -> {
			List<String> references = REFERENCES.getOrDefault(scenario.split(" ")[0], List.of("", ""));
			Row driver = rows.get(references.get(0));
			Row springData = rows.get(references.get(1));
			rows.forEach((benchmark, row) -> System.out.printf(Locale.ROOT,
					"| %s | %s | %s %s | %s | %s ± %s | %d | %s | %s | %s | %s | %s | %s |%n",
					label(scenario), benchmark, format(row.median()), row.unit(), format(row.min()),
					format(row.mean()), format(row.error()), row.iterations(), ratio(row, driver),
					ratio(row, springData), cpu(row.cpu()), cpuRatio(row, driver), cpuRatio(row, springData),
					bytes(row.allocated())));
		});
	}

	/** Scenarios in the order of {@link #ORDER}, then by size. */
	private static int compareScenarios(String first, String second) {
		String[] a = first.split(" ");
		String[] b = second.split(" ");
		int byClass = Integer.compare(order(a[0]), order(b[0]));
		if (byClass != 0) {
			return byClass;
		}
		long sizeA = (a.length > 1) ? Long.parseLong(a[1]) : 0;
		long sizeB = (b.length > 1) ? Long.parseLong(b[1]) : 0;
		return (sizeA != sizeB) ? Long.compare(sizeA, sizeB) : first.compareTo(second);
	}

	private static int order(String benchmarkClass) {
		int index = ORDER.indexOf(benchmarkClass);
		return (index >= 0) ? index : ORDER.size();
	}

	/** {@code ReadBenchmark 100000} as {@code Read 100,000}. */
	private static String label(String scenario) {
		String[] parts = scenario.split(" ");
		String name = parts[0].replace("Benchmark", "");
		return (parts.length > 1) ? name + String.format(Locale.ROOT, " %,d", Long.parseLong(parts[1])) : name;
	}

	private static double median(List<Double> sorted) {
		int middle = sorted.size() / 2;
		return (sorted.size() % 2 == 1) ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
	}

	private static String ratio(Row row, @Nullable Row reference) {
		return (reference != null) ? String.format(Locale.ROOT, "%.2fx", row.median() / reference.median()) : "";
	}

	private static String cpuRatio(Row row, @Nullable Row reference) {
		return (reference != null && !Double.isNaN(row.cpu()))
				? String.format(Locale.ROOT, "%.2fx", row.cpu() / reference.cpu()) : "";
	}

	private static String cpu(double milliseconds) {
		return Double.isNaN(milliseconds) ? "" : format(milliseconds) + " ms";
	}

	private static String format(double value) {
		if (Double.isNaN(value)) {
			return "n/a";
		}
		return (value >= 100) ? String.format(Locale.ROOT, "%,.0f", value) : String.format(Locale.ROOT, "%.2f", value);
	}

	private static String bytes(double value) {
		return Double.isNaN(value) ? "" : String.format(Locale.ROOT, "%.2f MB", value / 1_000_000);
	}

	private static double number(@Nullable Object value) {
		if (value instanceof Number number) {
			return number.doubleValue();
		}
		if (value instanceof String text) {
			try {
				return Double.parseDouble(text);
			}
			catch (NumberFormatException ex) {
				return Double.NaN;
			}
		}
		return Double.NaN;
	}

}
