/**
 * Auto-configuration of transactions: the {@code DjongoTransactionManager} behind {@code @Transactional} and the
 * start-up check of {@code djongo.transactions}.
 */
@NullMarked
package io.djongo.spring.autoconfigure.transaction;

import org.jspecify.annotations.NullMarked;
