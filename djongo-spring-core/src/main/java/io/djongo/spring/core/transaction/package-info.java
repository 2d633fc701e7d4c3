/**
 * Transactions: {@code djongo.transactions} ({@link io.djongo.spring.core.transaction.TransactionMode}) and the
 * {@link io.djongo.spring.core.transaction.DjongoTransactionManager} behind {@code @Transactional} and the
 * template's {@code atomic} blocks.
 */
@NullMarked
package io.djongo.spring.core.transaction;

import org.jspecify.annotations.NullMarked;
