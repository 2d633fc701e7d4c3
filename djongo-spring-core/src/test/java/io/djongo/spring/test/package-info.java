/**
 * Test support shared by the modules through core's test-jar: the test server, the shared client and its recorder.
 */
@NullMarked
package io.djongo.spring.test;

import org.jspecify.annotations.NullMarked;
