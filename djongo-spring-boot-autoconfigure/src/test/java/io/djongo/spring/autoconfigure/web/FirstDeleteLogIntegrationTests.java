package io.djongo.spring.autoconfigure.web;

import io.djongo.spring.autoconfigure.web.ShopApplication.Product;
import io.djongo.spring.autoconfigure.web.ShopApplication.Supplier;
import io.djongo.spring.core.bridge.DjongoTemplate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The first deletion of a model that others point at, on the embedded server, in an application: it applies the
 * on_delete rules without asking the server whether it runs transactions (it used to send {@code hello}, which the
 * embedded server answers with an ERROR line and a stack trace in the log).
 */
@ExtendWith(OutputCaptureExtension.class)
@SpringBootTest(classes = ShopApplication.class, properties = "djongo.name=shop_first_delete")
class FirstDeleteLogIntegrationTests {

	@Autowired
	private SupplierRepository suppliers;

	@Autowired
	private DjongoTemplate djongo;

	@Test
	void theFirstDeleteOfAModelOthersPointAtLogsNoErrorAndNoStackTrace(CapturedOutput output) {
		Supplier supplier = new Supplier();
		supplier.setName("Gone");
		supplier.setEmail("gone@example.com");
		Long id = this.suppliers.save(supplier).getId();
		int before = output.length();

		this.suppliers.deleteById(id);
		this.djongo.objects(Product.class).filter("supplier__name", "nobody").delete();

		assertThat(this.suppliers.existsById(id)).isFalse();
		String logged = output.toString().substring(before);
		assertThat(logged).doesNotContain(" ERROR ")
			.doesNotContain(" WARN ")
			.doesNotContain("unknown query")
			.doesNotContain("Exception")
			.doesNotContainPattern("(?m)^\\s+at ");
	}

}
