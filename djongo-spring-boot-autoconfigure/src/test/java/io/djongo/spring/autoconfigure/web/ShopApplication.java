package io.djongo.spring.autoconfigure.web;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.djongo.spring.core.bridge.DjongoTemplate;
import io.djongo.spring.core.query.QuerySet;
import io.djongo.spring.core.query.aggregate.Count;
import io.djongo.spring.core.relation.ForeignKey;
import io.djongo.spring.core.relation.OnDelete;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Transient;
import org.springframework.data.domain.Page;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.web.PageableDefault;
import org.springframework.data.web.PagedModel;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * A small shop on djongo, whose controllers let djongo's exceptions through, as an application's would: suppliers
 * (unique e-mail), products protecting their supplier, reviews restricting the deletion of their product.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
class ShopApplication {

	@Document("shop_supplier")
	static class Supplier {

		@Id
		@Nullable Long id;

		@NotBlank
		@Size(max = 20)
		@Nullable String name;

		@NotBlank
		@Indexed(unique = true)
		@Nullable String email;

		public @Nullable Long getId() {
			return this.id;
		}

		public void setId(@Nullable Long id) {
			this.id = id;
		}

		public @Nullable String getName() {
			return this.name;
		}

		public void setName(@Nullable String name) {
			this.name = name;
		}

		public @Nullable String getEmail() {
			return this.email;
		}

		public void setEmail(@Nullable String email) {
			this.email = email;
		}

	}

	@Document("shop_product")
	static class Product {

		@Id
		@Nullable Long id;

		@Nullable String title;

		@ForeignKey(onDelete = OnDelete.PROTECT, relatedName = "products")
		@Nullable Supplier supplier;

		@Nullable BigDecimal price;

		int stock;

		@Nullable Instant released;

		@Transient
		@Nullable Integer numReviews;

	}

	@Document("shop_review")
	static class Review {

		@Id
		@Nullable Long id;

		@ForeignKey(onDelete = OnDelete.RESTRICT, relatedName = "reviews")
		@Nullable Product product;

	}

	@RestController
	@RequestMapping("/suppliers")
	static class SupplierController {

		private final SupplierRepository suppliers;

		private final DjongoTemplate djongo;

		SupplierController(SupplierRepository suppliers, DjongoTemplate djongo) {
			this.suppliers = suppliers;
			this.djongo = djongo;
		}

		@PostMapping
		Supplier create(@RequestBody Supplier supplier) {
			return this.suppliers.save(supplier);
		}

		@PostMapping("/bulk")
		List<Supplier> createAll(@RequestBody List<Supplier> suppliers) {
			return this.djongo.bulkCreate(suppliers);
		}

		@GetMapping("/{id}")
		Supplier get(@PathVariable long id) {
			return this.suppliers.objects().get("id", id);
		}

		@GetMapping
		List<Supplier> list(@RequestParam Map<String, String> lookups) {
			QuerySet<Supplier> result = this.suppliers.objects();
			for (Map.Entry<String, String> lookup : lookups.entrySet()) {
				result = result.filter(lookup.getKey(), lookup.getValue());
			}
			return result.list();
		}

		@DeleteMapping("/{id}")
		ResponseEntity<Void> delete(@PathVariable long id) {
			this.suppliers.deleteById(id);
			return ResponseEntity.noContent().build();
		}

		/** A supplier with a product, which protects it. */
		@PostMapping("/{id}/products")
		Long addProduct(@PathVariable long id, @RequestParam String title) {
			Product product = new Product();
			product.title = title;
			product.supplier = this.suppliers.objects().get("id", id);
			return this.djongo.save(product).id;
		}

		/** A review of a product, which restricts the product's deletion. */
		@PostMapping("/products/{id}/reviews")
		Long review(@PathVariable long id) {
			Review review = new Review();
			review.product = this.djongo.objects(Product.class).get("id", id);
			return this.djongo.save(review).id;
		}

		@DeleteMapping("/products/{id}")
		ResponseEntity<Void> deleteProduct(@PathVariable long id) {
			this.djongo.objects(Product.class).filter("id", id).delete();
			return ResponseEntity.noContent().build();
		}

		/** The one supplier whose name starts with the text: several is the application's problem. */
		@GetMapping("/named")
		Supplier named(@RequestParam String prefix) {
			return this.suppliers.objects().get("name__startswith", prefix);
		}

	}

	/** Products listed by lookups given as request parameters, for an allow-list of them. */
	@RestController
	@RequestMapping("/products")
	static class ProductController {

		private final DjongoTemplate djongo;

		ProductController(DjongoTemplate djongo) {
			this.djongo = djongo;
		}

		@GetMapping
		List<String> list(@QuerySetParameters(
				lookups = { "title", "title__icontains", "price__gte", "price__lt", "stock", "stock__in", "stock__range",
						"released__year", "released__isnull", "supplier__name" },
				orderings = { "title", "price", "stock" }, defaultOrdering = "title") QuerySet<Product> products) {
			return products.valuesList("title", String.class).list();
		}

		@GetMapping("/page")
		PagedModel<String> page(@QuerySetParameters(lookups = { "title__icontains", "stock__gte" },
				orderings = { "title", "stock" }) @PageableDefault(size = 3) Page<Product> page) {
			return new PagedModel<>(page.map((product) -> String.valueOf(product.title)));
		}

		/** Products of one supplier (a parameter of the method's own), by their annotated number of reviews. */
		@GetMapping("/of")
		List<String> of(@RequestParam String supplier, @QuerySetParameters(lookups = "numReviews__gte",
				orderings = "numReviews") QuerySetRequest<Product> request) {
			QuerySet<Product> base = this.djongo.objects(Product.class)
				.filter("supplier__name", supplier)
				.annotate("numReviews", Count.of("reviews"))
				.orderBy("title");
			return request.slice(base).list().stream().map((product) -> product.title + ":" + product.numReviews).toList();
		}

		/** An allow-list naming a field the model does not have: the application's mistake. */
		@GetMapping("/misconfigured")
		List<Product> misconfigured(@QuerySetParameters(lookups = "titel") QuerySet<Product> products) {
			return products.list();
		}

	}

}
