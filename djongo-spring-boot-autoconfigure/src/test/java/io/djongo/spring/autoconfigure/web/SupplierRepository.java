package io.djongo.spring.autoconfigure.web;

import io.djongo.spring.autoconfigure.web.ShopApplication.Supplier;
import io.djongo.spring.core.repository.DjongoRepository;

/**
 * The shop's suppliers.
 */
interface SupplierRepository extends DjongoRepository<Supplier, Long> {

}
