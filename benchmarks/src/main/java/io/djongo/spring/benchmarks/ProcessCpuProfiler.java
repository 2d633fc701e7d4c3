package io.djongo.spring.benchmarks;

import java.lang.management.ManagementFactory;
import java.util.Collection;
import java.util.List;

import com.sun.management.OperatingSystemMXBean;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.profile.InternalProfiler;
import org.openjdk.jmh.results.AggregationPolicy;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.ScalarResult;

/**
 * CPU time of the whole benchmark process per operation ({@code -prof io.djongo.spring.benchmarks.ProcessCpuProfiler}):
 * client, in-process server, garbage collector and compiler together. On a machine shared with other work, time
 * spent waiting for a core inflates the wall-clock score but not this, so it compares contenders where the score
 * cannot. Per-invocation setup ({@code WriteBenchmark}'s fresh collection and models) counts too, equally for all.
 */
public class ProcessCpuProfiler implements InternalProfiler {

	private final OperatingSystemMXBean system = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

	private long before;

	@Override
	public String getDescription() {
		return "CPU time of the process per operation";
	}

	@Override
	public void beforeIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams) {
		this.before = this.system.getProcessCpuTime();
	}

	@Override
	public Collection<? extends Result> afterIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams,
			IterationResult result) {
		long cpu = this.system.getProcessCpuTime() - this.before;
		long operations = result.getMetadata().getAllOps();
		double perOperation = (operations > 0) ? cpu / 1_000_000.0 / operations : Double.NaN;
		return List.of(new ScalarResult("cpu.time.norm", perOperation, "ms/op", AggregationPolicy.AVG));
	}

}
