/**
 * The blog sample: models, repositories and JSON endpoints on djongo-spring.
 */
@NullMarked
package io.djongo.spring.samples.blog;

import org.jspecify.annotations.NullMarked;
