/**
 * Another tree, which must not use the query tree's internals.
 */
@NullMarked
package io.djongo.spring.archfixture.relation;

import org.jspecify.annotations.NullMarked;
