/**
 * JMH benchmarks of djongo against the raw MongoDB driver and Spring Data MongoDB, on one in-process server.
 */
@NullMarked
package io.djongo.spring.benchmarks;

import org.jspecify.annotations.NullMarked;
