/**
 * The other half of the cycle with the query package.
 */
@NullMarked
package io.djongo.spring.archfixture.query.aggregate;

import org.jspecify.annotations.NullMarked;
