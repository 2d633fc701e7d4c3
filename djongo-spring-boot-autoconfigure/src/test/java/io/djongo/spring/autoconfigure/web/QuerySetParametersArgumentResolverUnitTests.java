package io.djongo.spring.autoconfigure.web;

import java.lang.reflect.Method;
import java.util.List;

import io.djongo.spring.autoconfigure.web.ShopApplication.Product;
import io.djongo.spring.core.query.QuerySet;
import org.junit.jupiter.api.Test;

import org.springframework.core.MethodParameter;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.web.PageableDefault;
import org.springframework.data.web.config.PageableHandlerMethodArgumentResolverCustomizer;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.util.ReflectionUtils;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.ServletWebRequest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The resolver without a server: what it accepts and refuses of a request, Spring Data's pagination settings, and
 * the annotations it refuses to work with. {@link QuerySetRequest} arguments need no template.
 */
class QuerySetParametersArgumentResolverUnitTests {

	private final QuerySetParametersArgumentResolver resolver = resolver((pageable) -> {
	});

	static QuerySetParametersArgumentResolver resolver(PageableHandlerMethodArgumentResolverCustomizer pageable) {
		return new QuerySetParametersArgumentResolver(() -> {
			throw new AssertionError("a QuerySetRequest needs no template");
		}, pageable);
	}

	QuerySetRequest<?> resolve(QuerySetParametersArgumentResolver resolver, String method, String query) {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/products");
		request.setQueryString(query);
		for (String pair : query.isEmpty() ? new String[0] : query.split("&")) {
			String[] parts = pair.split("=", 2);
			request.addParameter(parts[0], (parts.length > 1) ? parts[1] : "");
		}
		return (QuerySetRequest<?>) resolver.resolveArgument(parameter(method), null, new ServletWebRequest(request),
				null);
	}

	static MethodParameter parameter(String name) {
		Method method = ReflectionUtils.findMethod(Endpoints.class, name, (Class<?>[]) null);
		assertThat(method).as(name).isNotNull();
		for (int i = 0; i < method.getParameterCount(); i++) {
			MethodParameter parameter = new MethodParameter(method, i);
			if (parameter.hasParameterAnnotation(QuerySetParameters.class)) {
				return parameter;
			}
		}
		throw new AssertionError(name + " has no @QuerySetParameters");
	}

	@Test
	void supportsAnnotatedParametersOnly() {
		assertThat(this.resolver.supportsParameter(parameter("products"))).isTrue();
		assertThat(this.resolver.supportsParameter(new MethodParameter(
				ReflectionUtils.findMethod(Endpoints.class, "products", (Class<?>[]) null), 0))).isFalse();
	}

	@Test
	void thePageableCarriesThePageTheSizeAndTheOrderingAsASort() {
		QuerySetRequest<?> request = resolve(this.resolver, "products", "ordering=-price,title&page=2&size=5");
		assertThat(request.model()).isEqualTo(Product.class);
		assertThat(request.pageable().getPageNumber()).isEqualTo(2);
		assertThat(request.pageable().getPageSize()).isEqualTo(5);
		assertThat(request.pageable().getSort())
			.isEqualTo(Sort.by(Sort.Order.desc("price"), Sort.Order.asc("title")));
		Pageable defaults = resolve(this.resolver, "products", "").pageable();
		assertThat(defaults.getPageNumber()).isZero();
		assertThat(defaults.getPageSize()).as("Spring Data's default").isEqualTo(20);
		assertThat(defaults.getSort()).as("defaultOrdering").isEqualTo(Sort.by(Sort.Order.asc("title")));
	}

	@Test
	void theMethodsOwnRequestParamsAreNotLookups() {
		assertThat(resolve(this.resolver, "withOwnParameters", "supplier=Acme&expand=true&title=x").pageable())
			.isNotNull();
		assertThatExceptionOfType(InvalidQueryParameterException.class)
			.isThrownBy(() -> resolve(this.resolver, "withOwnParameters", "other=1"))
			.satisfies((ex) -> assertThat(ex.getParameter()).isEqualTo("other"))
			.satisfies((ex) -> assertThat(ex.getAllowed()).containsExactly("title", "page", "size"));
	}

	@Test
	void followsSpringDatasPaginationSettings() {
		QuerySetParametersArgumentResolver oneIndexed = resolver((pageable) -> {
			pageable.setOneIndexedParameters(true);
			pageable.setPageParameterName("p");
			pageable.setSizeParameterName("per");
			pageable.setMaxPageSize(50);
		});
		assertThat(resolve(oneIndexed, "products", "p=1&per=50").pageable().getPageNumber()).isZero();
		assertThat(resolve(oneIndexed, "products", "").pageable().getPageSize()).as("at most the largest size")
			.isEqualTo(20);
		assertThatExceptionOfType(InvalidQueryParameterException.class)
			.isThrownBy(() -> resolve(oneIndexed, "products", "p=0"))
			.withMessage("p must be a whole number from 1, not '0'");
		assertThatExceptionOfType(InvalidQueryParameterException.class)
			.isThrownBy(() -> resolve(oneIndexed, "products", "per=51"))
			.withMessage("per must be a whole number from 1 to 50, not '51'");
		assertThatExceptionOfType(InvalidQueryParameterException.class)
			.isThrownBy(() -> resolve(oneIndexed, "products", "page=1"))
			.satisfies((ex) -> assertThat(ex.getAllowed()).contains("p", "per").doesNotContain("page"));
	}

	@Test
	void aPageableDefaultOnTheParameterSetsTheDefaults() {
		Pageable defaults = resolve(this.resolver, "withPageableDefault", "").pageable();
		assertThat(defaults.getPageSize()).isEqualTo(7);
		assertThat(defaults.getSort()).isEqualTo(Sort.by(Sort.Order.desc("stock")));
	}

	@Test
	void orderingIsRefusedWhenNoOrderingIsAllowed() {
		assertThatExceptionOfType(InvalidQueryParameterException.class)
			.isThrownBy(() -> resolve(this.resolver, "withOwnParameters", "ordering=title"))
			.satisfies((ex) -> assertThat(ex.getParameter()).isEqualTo("ordering"));
	}

	@Test
	void annotationsItCannotWorkWithFailNamingTheMethod() {
		assertThatIllegalStateException().isThrownBy(() -> resolve(this.resolver, "wrongType", ""))
			.withMessage("@QuerySetParameters on Endpoints.wrongType(..) annotates a QuerySet<T>, Page<T> or"
					+ " QuerySetRequest<T> parameter, not a List");
		assertThatIllegalStateException().isThrownBy(() -> resolve(this.resolver, "rawType", ""))
			.withMessageContaining("needs the model");
		assertThatIllegalStateException().isThrownBy(() -> resolve(this.resolver, "signedOrdering", ""))
			.withMessageContaining("lists '-title' among its orderings");
	}

	@Test
	void aQuerySetRequestShowsWhatWasAskedFor() {
		QuerySetRequest<?> request = resolve(this.resolver, "products", "");
		assertThat(request.toString()).isEqualTo(
				"QuerySetRequest{Product, lookups=[], ordering=[title], page=0, size=20}");
	}

	@Test
	void aRefusedParameterIsA400WithoutDjongosProblemDetailsToo() throws Exception {
		MockMvc mvc = MockMvcBuilders.standaloneSetup(new ProductsController())
			.setCustomArgumentResolvers(this.resolver)
			.build();
		mvc.perform(get("/products").param("title", "Anvil").param("size", "5"))
			.andExpect(status().isOk())
			.andExpect(content().string("Product 0 5"));
		mvc.perform(get("/products").param("body", "x")).andExpect(status().isBadRequest());
	}

	@RestController
	static class ProductsController {

		@GetMapping("/products")
		String products(@QuerySetParameters(lookups = "title") QuerySetRequest<Product> request) {
			return request.model().getSimpleName() + " " + request.pageable().getPageNumber() + " "
					+ request.pageable().getPageSize();
		}

	}

	@SuppressWarnings("unused")
	static class Endpoints {

		void products(String unannotated, @QuerySetParameters(lookups = { "title", "stock__gte" },
				orderings = { "title", "price" }, defaultOrdering = "title") QuerySetRequest<Product> request) {
		}

		void withOwnParameters(@RequestParam String supplier, @RequestParam(name = "expand") boolean more,
				@QuerySetParameters(lookups = "title") QuerySetRequest<Product> request) {
		}

		void withPageableDefault(@PageableDefault(size = 7, sort = "stock",
				direction = Sort.Direction.DESC) @QuerySetParameters(model = Product.class) QuerySetRequest<?> request) {
		}

		void wrongType(@QuerySetParameters(model = Product.class) List<Product> products) {
		}

		@SuppressWarnings("rawtypes")
		void rawType(@QuerySetParameters QuerySet products) {
		}

		void signedOrdering(@QuerySetParameters(orderings = "-title") QuerySet<Product> products) {
		}

	}

}
