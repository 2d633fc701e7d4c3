/**
 * Relations between models: {@link io.djongo.spring.core.relation.ForeignKey},
 * {@link io.djongo.spring.core.relation.OneToOne}, {@link io.djongo.spring.core.relation.ManyToMany} and their
 * {@link io.djongo.spring.core.relation.OnDelete} rules.
 */
@NullMarked
package io.djongo.spring.core.relation;

import org.jspecify.annotations.NullMarked;
