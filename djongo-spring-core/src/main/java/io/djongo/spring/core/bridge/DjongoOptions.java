package io.djongo.spring.core.bridge;

import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.function.Supplier;

import com.mongodb.WriteConcern;
import com.mongodb.connection.ClusterDescription;
import io.djongo.spring.core.schema.ModelValidator;
import io.djongo.spring.core.transaction.TransactionMode;
import org.jspecify.annotations.Nullable;

/**
 * How a {@link DjongoTemplate} works, fixed when it is built: immutable, each {@code with...} returns a copy.
 * Spring Boot builds them from {@code djongo.*}; otherwise start from {@link #defaults()}:
 * <pre>{@code
 * new DjongoTemplate(factory, converter, DjongoOptions.defaults()
 *         .withTimeZone(ZoneId.of("Europe/Paris"))
 *         .withClusterDescription(client::getClusterDescription));
 * }</pre>
 */
public final class DjongoOptions {

	private static final DjongoOptions DEFAULTS = new DjongoOptions(ZoneOffset.UTC, false, null, null, null,
			TransactionMode.AUTO);

	private final ZoneId timeZone;

	private final boolean logValues;

	private final @Nullable ModelValidator validator;

	private final @Nullable WriteConcern writeConcern;

	private final @Nullable Supplier<ClusterDescription> clusterDescription;

	private final TransactionMode transactions;

	private DjongoOptions(ZoneId timeZone, boolean logValues, @Nullable ModelValidator validator,
			@Nullable WriteConcern writeConcern, @Nullable Supplier<ClusterDescription> clusterDescription,
			TransactionMode transactions) {
		this.timeZone = timeZone;
		this.logValues = logValues;
		this.validator = validator;
		this.writeConcern = writeConcern;
		this.clusterDescription = clusterDescription;
		this.transactions = transactions;
	}

	/** UTC, values hidden in the QuerySet log, the application's validator, the client's write concern. */
	public static DjongoOptions defaults() {
		return DEFAULTS;
	}

	/**
	 * Django's {@code TIME_ZONE}: the zone of date transforms ({@code __year}, {@code __date}, {@code __hour}, ...);
	 * UTC by default. Other zones use MongoDB operators that the embedded server does not have.
	 */
	public DjongoOptions withTimeZone(ZoneId timeZone) {
		return new DjongoOptions(Objects.requireNonNull(timeZone, "timeZone"), this.logValues, this.validator,
				this.writeConcern, this.clusterDescription, this.transactions);
	}

	/**
	 * Whether the QuerySet log ({@code djongo.query} at DEBUG) shows values; by default it shows each command's
	 * shape, values as {@code ?}, as the command log does.
	 */
	public DjongoOptions withLogValues(boolean logValues) {
		return new DjongoOptions(this.timeZone, logValues, this.validator, this.writeConcern, this.clusterDescription,
				this.transactions);
	}

	/**
	 * The validator of every write. Without one, the application context's {@link ModelValidator} bean, or one with
	 * the default Bean Validation provider.
	 */
	public DjongoOptions withValidator(ModelValidator validator) {
		return new DjongoOptions(this.timeZone, this.logValues, Objects.requireNonNull(validator, "validator"),
				this.writeConcern, this.clusterDescription, this.transactions);
	}

	/**
	 * The template's write concern ({@code MongoTemplate.setWriteConcern}), for every write, bulk creates included;
	 * without one, the client's. The template's {@code WriteConcernResolver} still decides per write.
	 */
	public DjongoOptions withWriteConcern(WriteConcern writeConcern) {
		return new DjongoOptions(this.timeZone, this.logValues, this.validator,
				Objects.requireNonNull(writeConcern, "writeConcern"), this.clusterDescription, this.transactions);
	}

	/**
	 * The driver's view of the deployment, {@code MongoClient::getClusterDescription}: on a replica set or sharded
	 * cluster, atomic blocks and deletions that follow {@code on_delete} rules run in a transaction. Without it they
	 * run without one.
	 */
	public DjongoOptions withClusterDescription(Supplier<ClusterDescription> clusterDescription) {
		return new DjongoOptions(this.timeZone, this.logValues, this.validator, this.writeConcern,
				Objects.requireNonNull(clusterDescription, "clusterDescription"), this.transactions);
	}

	/**
	 * Whether atomic blocks, {@code @Transactional} methods of the template's transaction manager and
	 * {@code on_delete} chains run in MongoDB transactions ({@code djongo.transactions}); {@code AUTO} by default:
	 * where the deployment runs them.
	 */
	public DjongoOptions withTransactions(TransactionMode transactions) {
		return new DjongoOptions(this.timeZone, this.logValues, this.validator, this.writeConcern,
				this.clusterDescription, Objects.requireNonNull(transactions, "transactions"));
	}

	public ZoneId timeZone() {
		return this.timeZone;
	}

	public boolean logValues() {
		return this.logValues;
	}

	public @Nullable ModelValidator validator() {
		return this.validator;
	}

	public @Nullable WriteConcern writeConcern() {
		return this.writeConcern;
	}

	public @Nullable Supplier<ClusterDescription> clusterDescription() {
		return this.clusterDescription;
	}

	public TransactionMode transactions() {
		return this.transactions;
	}

	@Override
	public boolean equals(@Nullable Object other) {
		return this == other || (other instanceof DjongoOptions that && this.timeZone.equals(that.timeZone)
				&& this.logValues == that.logValues && Objects.equals(this.validator, that.validator)
				&& Objects.equals(this.writeConcern, that.writeConcern)
				&& Objects.equals(this.clusterDescription, that.clusterDescription)
				&& this.transactions == that.transactions);
	}

	@Override
	public int hashCode() {
		return Objects.hash(this.timeZone, this.logValues, this.validator, this.writeConcern, this.clusterDescription,
				this.transactions);
	}

	@Override
	public String toString() {
		return "DjongoOptions[timeZone=" + this.timeZone + ", logValues=" + this.logValues + ", validator="
				+ ((this.validator != null) ? "given" : "default") + ", writeConcern=" + this.writeConcern
				+ ", clusterDescription=" + ((this.clusterDescription != null) ? "given" : "none") + ", transactions="
				+ this.transactions + "]";
	}

}
